CREATE TYPE "CustomerResponseStatus" AS ENUM ('pending', 'accepted', 'rejected');

CREATE TABLE "CustomerConsultation" (
    "id" TEXT NOT NULL,
    "guidelineId" TEXT,
    "principleId" TEXT,
    "regionId" TEXT,
    "ownerId" TEXT,
    "title" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "question1" TEXT NOT NULL,
    "question2" TEXT,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerConsultation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CustomerInvitation" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerInvitation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CustomerResponse" (
    "id" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "answer1" TEXT NOT NULL,
    "answer2" TEXT,
    "status" "CustomerResponseStatus" NOT NULL DEFAULT 'pending',
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerResponse_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "CustomerConsultation_guidelineId_idx" ON "CustomerConsultation"("guidelineId");

CREATE INDEX "CustomerConsultation_principleId_idx" ON "CustomerConsultation"("principleId");

CREATE UNIQUE INDEX "CustomerInvitation_tokenHash_key" ON "CustomerInvitation"("tokenHash");

CREATE INDEX "CustomerInvitation_consultationId_idx" ON "CustomerInvitation"("consultationId");

CREATE UNIQUE INDEX "CustomerResponse_invitationId_key" ON "CustomerResponse"("invitationId");

CREATE INDEX "CustomerResponse_consultationId_status_idx" ON "CustomerResponse"("consultationId", "status");

ALTER TABLE "CustomerConsultation" ADD CONSTRAINT "CustomerConsultation_guidelineId_fkey" FOREIGN KEY ("guidelineId") REFERENCES "Guideline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "CustomerConsultation" ADD CONSTRAINT "CustomerConsultation_principleId_fkey" FOREIGN KEY ("principleId") REFERENCES "Principle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "CustomerConsultation" ADD CONSTRAINT "CustomerConsultation_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "CustomerConsultation" ADD CONSTRAINT "CustomerConsultation_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "CustomerInvitation" ADD CONSTRAINT "CustomerInvitation_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "CustomerConsultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "CustomerResponse" ADD CONSTRAINT "CustomerResponse_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "CustomerInvitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "CustomerResponse" ADD CONSTRAINT "CustomerResponse_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "CustomerConsultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "CustomerResponse" ADD CONSTRAINT "CustomerResponse_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A round is about exactly one draft: a guideline (with its region) or a principle.
ALTER TABLE "CustomerConsultation" ADD CONSTRAINT "CustomerConsultation_one_subject"
  CHECK (("guidelineId" IS NOT NULL AND "principleId" IS NULL AND "regionId" IS NOT NULL)
      OR ("guidelineId" IS NULL AND "principleId" IS NOT NULL AND "regionId" IS NULL));
ALTER TABLE "CustomerResponse" ADD CONSTRAINT "CustomerResponse_answer_length"
  CHECK (char_length("answer1") BETWEEN 1 AND 2000 AND ("answer2" IS NULL OR char_length("answer2") <= 2000));
