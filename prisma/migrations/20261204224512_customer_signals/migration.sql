CREATE TYPE "SignalKind" AS ENUM ('complaint', 'compliment', 'question', 'suggestion');

CREATE TYPE "SignalChannel" AS ENUM ('counter', 'phone', 'mail', 'chat', 'social');

ALTER TABLE "Region" ADD COLUMN     "complaintThreshold" INTEGER NOT NULL DEFAULT 3;

CREATE TABLE "CustomerSignal" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "kind" "SignalKind" NOT NULL,
    "channel" "SignalChannel",
    "said" TEXT NOT NULL,
    "score" INTEGER,
    "guidelineId" TEXT,
    "principleId" TEXT,
    "versionNumber" INTEGER,
    "noRule" BOOLEAN NOT NULL DEFAULT false,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "authorId" TEXT,
    "importKey" TEXT,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerSignal_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "CustomerSignal_importKey_key" ON "CustomerSignal"("importKey");

CREATE INDEX "CustomerSignal_regionId_occurredAt_idx" ON "CustomerSignal"("regionId", "occurredAt");

CREATE INDEX "CustomerSignal_guidelineId_occurredAt_idx" ON "CustomerSignal"("guidelineId", "occurredAt");

CREATE INDEX "CustomerSignal_principleId_occurredAt_idx" ON "CustomerSignal"("principleId", "occurredAt");

CREATE INDEX "CustomerSignal_authorId_createdAt_idx" ON "CustomerSignal"("authorId", "createdAt");

ALTER TABLE "CustomerSignal" ADD CONSTRAINT "CustomerSignal_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "CustomerSignal" ADD CONSTRAINT "CustomerSignal_guidelineId_fkey" FOREIGN KEY ("guidelineId") REFERENCES "Guideline"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "CustomerSignal" ADD CONSTRAINT "CustomerSignal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A score is the customer's 1–5; a threshold is at least one complaint.
ALTER TABLE "CustomerSignal" ADD CONSTRAINT "CustomerSignal_score_range" CHECK ("score" IS NULL OR "score" BETWEEN 1 AND 5);
ALTER TABLE "Region" ADD CONSTRAINT "Region_complaintThreshold_range" CHECK ("complaintThreshold" BETWEEN 1 AND 1000);
