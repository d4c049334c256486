CREATE TYPE "PrincipleStatus" AS ENUM ('draft', 'consultation', 'published', 'archived');

CREATE TABLE "Principle" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL,
    "status" "PrincipleStatus" NOT NULL DEFAULT 'draft',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "publishedVersion" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER,
    "consultationEndsAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,

    CONSTRAINT "Principle_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PrincipleVersion" (
    "id" TEXT NOT NULL,
    "principleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL,
    "changeNote" TEXT NOT NULL,
    "publishedById" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrincipleVersion_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PrincipleComment" (
    "id" TEXT NOT NULL,
    "principleId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "parentId" TEXT,
    "authorId" TEXT NOT NULL,
    "regionId" TEXT,
    "body" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrincipleComment_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Principle_slug_key" ON "Principle"("slug");

CREATE INDEX "Principle_status_position_idx" ON "Principle"("status", "position");

CREATE UNIQUE INDEX "PrincipleVersion_principleId_number_key" ON "PrincipleVersion"("principleId", "number");

CREATE INDEX "PrincipleComment_principleId_versionNumber_createdAt_idx" ON "PrincipleComment"("principleId", "versionNumber", "createdAt");

ALTER TABLE "Principle" ADD CONSTRAINT "Principle_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Principle" ADD CONSTRAINT "Principle_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "PrincipleVersion" ADD CONSTRAINT "PrincipleVersion_principleId_fkey" FOREIGN KEY ("principleId") REFERENCES "Principle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "PrincipleVersion" ADD CONSTRAINT "PrincipleVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "PrincipleComment" ADD CONSTRAINT "PrincipleComment_principleId_fkey" FOREIGN KEY ("principleId") REFERENCES "Principle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "PrincipleComment" ADD CONSTRAINT "PrincipleComment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PrincipleComment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "PrincipleComment" ADD CONSTRAINT "PrincipleComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "PrincipleComment" ADD CONSTRAINT "PrincipleComment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "PrincipleComment" ADD CONSTRAINT "PrincipleComment_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Published versions are immutable (hand-added; Prisma's schema has no triggers).
CREATE FUNCTION "principle_version_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'PrincipleVersion is immutable';
END;
$$;

CREATE TRIGGER "PrincipleVersion_immutable"
  BEFORE UPDATE OR DELETE ON "PrincipleVersion"
  FOR EACH ROW EXECUTE FUNCTION "principle_version_immutable"();
