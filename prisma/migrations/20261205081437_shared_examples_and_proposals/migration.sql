CREATE TYPE "ProposalKind" AS ENUM ('revision', 'new_principle');

CREATE TYPE "ProposalStatus" AS ENUM ('open', 'accepted', 'declined');

ALTER TABLE "Guideline" ADD COLUMN     "copiedFromId" TEXT,
ADD COLUMN     "copiedFromVersion" INTEGER,
ADD COLUMN     "sharedAt" TIMESTAMP(3),
ADD COLUMN     "sharedById" TEXT;

CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "kind" "ProposalKind" NOT NULL,
    "guidelineId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "regionId" TEXT NOT NULL,
    "principleId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'open',
    "reason" TEXT,
    "resultPrincipleId" TEXT,
    "createdById" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Proposal_status_createdAt_idx" ON "Proposal"("status", "createdAt");

CREATE INDEX "Proposal_regionId_createdAt_idx" ON "Proposal"("regionId", "createdAt");

CREATE INDEX "Proposal_guidelineId_idx" ON "Proposal"("guidelineId");

CREATE INDEX "Guideline_principleId_sharedAt_idx" ON "Guideline"("principleId", "sharedAt");

CREATE INDEX "Guideline_copiedFromId_idx" ON "Guideline"("copiedFromId");

ALTER TABLE "Guideline" ADD CONSTRAINT "Guideline_sharedById_fkey" FOREIGN KEY ("sharedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Guideline" ADD CONSTRAINT "Guideline_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "Guideline"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_guidelineId_fkey" FOREIGN KEY ("guidelineId") REFERENCES "Guideline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_principleId_fkey" FOREIGN KEY ("principleId") REFERENCES "Principle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_resultPrincipleId_fkey" FOREIGN KEY ("resultPrincipleId") REFERENCES "Principle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One open proposal per guideline (a double click, two managers at once: the second is refused).
CREATE UNIQUE INDEX "Proposal_one_open_per_guideline" ON "Proposal"("guidelineId") WHERE "status" = 'open';

ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_note_length" CHECK (char_length("note") BETWEEN 1 AND 4000);
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_reason_length" CHECK ("reason" IS NULL OR char_length("reason") BETWEEN 1 AND 2000);
