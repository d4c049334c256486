CREATE TYPE "FeedbackStatus" AS ENUM ('open', 'answered', 'closed');

CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "guidelineId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "principleId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "FeedbackStatus" NOT NULL DEFAULT 'open',
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "passedToHqAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Feedback_regionId_status_createdAt_idx" ON "Feedback"("regionId", "status", "createdAt");

CREATE INDEX "Feedback_principleId_passedToHqAt_idx" ON "Feedback"("principleId", "passedToHqAt");

CREATE INDEX "Feedback_authorId_guidelineId_idx" ON "Feedback"("authorId", "guidelineId");

ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_guidelineId_fkey" FOREIGN KEY ("guidelineId") REFERENCES "Guideline"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
