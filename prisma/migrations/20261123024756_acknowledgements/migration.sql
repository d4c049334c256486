CREATE TABLE "Acknowledgement" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "guidelineVersionId" TEXT NOT NULL,
    "guidelineId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Acknowledgement_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Acknowledgement_guidelineVersionId_idx" ON "Acknowledgement"("guidelineVersionId");

CREATE INDEX "Acknowledgement_regionId_userId_idx" ON "Acknowledgement"("regionId", "userId");

CREATE UNIQUE INDEX "Acknowledgement_userId_guidelineVersionId_key" ON "Acknowledgement"("userId", "guidelineVersionId");

ALTER TABLE "Acknowledgement" ADD CONSTRAINT "Acknowledgement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Acknowledgement" ADD CONSTRAINT "Acknowledgement_guidelineVersionId_fkey" FOREIGN KEY ("guidelineVersionId") REFERENCES "GuidelineVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Handbook search (hand-added): Dutch full-text search over a guideline version's title and
-- text, and trigram matching for typos. Both are GIN-indexed.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "GuidelineVersion_search_dutch" ON "GuidelineVersion" USING GIN (to_tsvector('dutch', "title" || ' ' || "bodyText"));
CREATE INDEX "GuidelineVersion_search_trgm" ON "GuidelineVersion" USING GIN (("title" || ' ' || "bodyText") gin_trgm_ops);
