CREATE TYPE "GuidelineStatus" AS ENUM ('draft', 'review', 'published', 'archived');

CREATE TYPE "CustomerInputSource" AS ENUM ('conversation', 'complaint', 'survey', 'panel');

CREATE TYPE "DecisionKind" AS ENUM ('applies_as_written', 'not_applicable');

CREATE TABLE "Guideline" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "principleId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL,
    "status" "GuidelineStatus" NOT NULL DEFAULT 'draft',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "publishedVersion" INTEGER NOT NULL DEFAULT 0,
    "reviewBy" TIMESTAMP(3),
    "basedOnPrincipleVersion" INTEGER NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "confirmationNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,

    CONSTRAINT "Guideline_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "GuidelineVersion" (
    "id" TEXT NOT NULL,
    "guidelineId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL,
    "changeNote" TEXT NOT NULL,
    "basedOnPrincipleVersion" INTEGER NOT NULL,
    "publishedById" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuidelineVersion_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CustomerInput" (
    "id" TEXT NOT NULL,
    "guidelineId" TEXT NOT NULL,
    "said" TEXT NOT NULL,
    "source" "CustomerInputSource" NOT NULL,
    "heardOn" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerInput_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "GuidelineComment" (
    "id" TEXT NOT NULL,
    "guidelineId" TEXT NOT NULL,
    "parentId" TEXT,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sendBack" BOOLEAN NOT NULL DEFAULT false,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuidelineComment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PrincipleDecision" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "principleId" TEXT NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "reason" TEXT,
    "basedOnPrincipleVersion" INTEGER NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrincipleDecision_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Guideline_regionId_principleId_idx" ON "Guideline"("regionId", "principleId");

CREATE INDEX "Guideline_principleId_idx" ON "Guideline"("principleId");

CREATE UNIQUE INDEX "GuidelineVersion_guidelineId_number_key" ON "GuidelineVersion"("guidelineId", "number");

CREATE INDEX "CustomerInput_guidelineId_idx" ON "CustomerInput"("guidelineId");

CREATE INDEX "GuidelineComment_guidelineId_createdAt_idx" ON "GuidelineComment"("guidelineId", "createdAt");

CREATE UNIQUE INDEX "PrincipleDecision_regionId_principleId_key" ON "PrincipleDecision"("regionId", "principleId");

ALTER TABLE "Guideline" ADD CONSTRAINT "Guideline_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Guideline" ADD CONSTRAINT "Guideline_principleId_fkey" FOREIGN KEY ("principleId") REFERENCES "Principle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Guideline" ADD CONSTRAINT "Guideline_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Guideline" ADD CONSTRAINT "Guideline_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "GuidelineVersion" ADD CONSTRAINT "GuidelineVersion_guidelineId_fkey" FOREIGN KEY ("guidelineId") REFERENCES "Guideline"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "GuidelineVersion" ADD CONSTRAINT "GuidelineVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "CustomerInput" ADD CONSTRAINT "CustomerInput_guidelineId_fkey" FOREIGN KEY ("guidelineId") REFERENCES "Guideline"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "CustomerInput" ADD CONSTRAINT "CustomerInput_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "GuidelineComment" ADD CONSTRAINT "GuidelineComment_guidelineId_fkey" FOREIGN KEY ("guidelineId") REFERENCES "Guideline"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "GuidelineComment" ADD CONSTRAINT "GuidelineComment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "GuidelineComment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "GuidelineComment" ADD CONSTRAINT "GuidelineComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "GuidelineComment" ADD CONSTRAINT "GuidelineComment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "PrincipleDecision" ADD CONSTRAINT "PrincipleDecision_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "PrincipleDecision" ADD CONSTRAINT "PrincipleDecision_principleId_fkey" FOREIGN KEY ("principleId") REFERENCES "Principle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "PrincipleDecision" ADD CONSTRAINT "PrincipleDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Published guideline versions are immutable (hand-added; Prisma's schema has no triggers).
CREATE FUNCTION "guideline_version_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'GuidelineVersion is immutable';
END;
$$;

CREATE TRIGGER "GuidelineVersion_immutable"
  BEFORE UPDATE OR DELETE ON "GuidelineVersion"
  FOR EACH ROW EXECUTE FUNCTION "guideline_version_immutable"();
