CREATE TYPE "ToneReportKind" AS ENUM ('wrongFlag', 'missed');

CREATE TYPE "ToneReportStatus" AS ENUM ('pending', 'accepted', 'declined');

CREATE TABLE "ToneReport" (
    "id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "kind" "ToneReportKind" NOT NULL,
    "familyId" TEXT,
    "status" "ToneReportStatus" NOT NULL DEFAULT 'pending',
    "reporterId" TEXT NOT NULL,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ToneReport_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ToneReport_status_createdAt_idx" ON "ToneReport"("status", "createdAt");

CREATE UNIQUE INDEX "ToneReport_reporterId_kind_text_key" ON "ToneReport"("reporterId", "kind", "text");

ALTER TABLE "ToneReport" ADD CONSTRAINT "ToneReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ToneReport" ADD CONSTRAINT "ToneReport_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
