CREATE TYPE "Delivery" AS ENUM ('immediate', 'digest', 'off');

CREATE TYPE "MailStatus" AS ENUM ('pending', 'sending', 'sent', 'kept', 'failed', 'unknown');

-- Read campaigns (hand-edited: existing rows are filled in before the columns become NOT NULL).
ALTER TABLE "Acknowledgement" ADD COLUMN     "versionNumber" INTEGER;
UPDATE "Acknowledgement" a SET "versionNumber" = v."number" FROM "GuidelineVersion" v WHERE v."id" = a."guidelineVersionId";
ALTER TABLE "Acknowledgement" ALTER COLUMN "versionNumber" SET NOT NULL;

ALTER TABLE "GuidelineVersion" ADD COLUMN     "confirmBy" TIMESTAMP(3),
ADD COLUMN     "confirmationVersion" INTEGER,
ADD COLUMN     "material" BOOLEAN NOT NULL DEFAULT true;
-- Every version published so far asked for its own confirmation. The immutability trigger is
-- lifted for this one statement only.
ALTER TABLE "GuidelineVersion" DISABLE TRIGGER "GuidelineVersion_immutable";
UPDATE "GuidelineVersion" SET "confirmationVersion" = "number";
ALTER TABLE "GuidelineVersion" ENABLE TRIGGER "GuidelineVersion_immutable";
ALTER TABLE "GuidelineVersion" ALTER COLUMN "confirmationVersion" SET NOT NULL;

-- "Has this reader confirmed the current text?" looks up acknowledgements per user and guideline.
CREATE INDEX "Acknowledgement_userId_guidelineId_idx" ON "Acknowledgement"("userId", "guidelineId");

ALTER TABLE "User" ADD COLUMN     "digestSentAt" TIMESTAMP(3),
ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'nl',
ADD COLUMN     "lastVisitAt" TIMESTAMP(3),
ADD COLUMN     "previousVisitAt" TIMESTAMP(3);

CREATE TABLE "DomainEvent" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,

    CONSTRAINT "DomainEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "link" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "digestedAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "NotificationSetting" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "delivery" "Delivery" NOT NULL,

    CONSTRAINT "NotificationSetting_pkey" PRIMARY KEY ("userId","kind")
);

CREATE TABLE "Mail" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "MailStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dedupeKey" TEXT NOT NULL,

    CONSTRAINT "Mail_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ReadRateSnapshot" (
    "regionId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "confirmed" INTEGER NOT NULL,
    "expected" INTEGER NOT NULL,

    CONSTRAINT "ReadRateSnapshot_pkey" PRIMARY KEY ("regionId","day")
);

CREATE INDEX "DomainEvent_processedAt_nextAttemptAt_idx" ON "DomainEvent"("processedAt", "nextAttemptAt");

CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");

CREATE UNIQUE INDEX "Mail_dedupeKey_key" ON "Mail"("dedupeKey");

CREATE INDEX "Mail_status_nextAttemptAt_idx" ON "Mail"("status", "nextAttemptAt");

CREATE INDEX "Mail_createdAt_idx" ON "Mail"("createdAt");

ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "NotificationSetting" ADD CONSTRAINT "NotificationSetting_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
