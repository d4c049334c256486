ALTER TABLE "Feedback" ALTER COLUMN "guidelineId" DROP NOT NULL,
ALTER COLUMN "principleId" DROP NOT NULL,
ALTER COLUMN "versionNumber" DROP NOT NULL;

CREATE TABLE "SearchEntry" (
    "guidelineId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "principleId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "bodyText" TEXT NOT NULL,
    "principleTitle" TEXT NOT NULL,
    "doc" tsvector NOT NULL,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("guidelineId")
);

CREATE TABLE "SearchSynonym" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "SearchSynonym_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SearchMiss" (
    "regionId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "query" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SearchMiss_pkey" PRIMARY KEY ("regionId","month","query")
);

CREATE INDEX "SearchEntry_regionId_idx" ON "SearchEntry"("regionId");

CREATE UNIQUE INDEX "SearchSynonym_key_key" ON "SearchSynonym"("key");

ALTER TABLE "SearchEntry" ADD CONSTRAINT "SearchEntry_guidelineId_fkey" FOREIGN KEY ("guidelineId") REFERENCES "Guideline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "SearchSynonym" ADD CONSTRAINT "SearchSynonym_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "SearchMiss" ADD CONSTRAINT "SearchMiss_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The search index holds exactly the current published versions. One function brings the rows of
-- some guidelines up to date (upsert what qualifies, delete what no longer does); triggers call it
-- whenever a guideline's published version, status, region or principle changes, when a version
-- is inserted, and when a principle is published anew or archived (its title is searched too).
CREATE FUNCTION leidraad_refresh_search_entries(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchEntry" ("guidelineId", "regionId", "principleId", "title", "bodyText", "principleTitle", "doc")
  SELECT g."id", g."regionId", g."principleId", v."title", v."bodyText", pv."title",
    setweight(to_tsvector('dutch', v."title"), 'A')
      || setweight(to_tsvector('dutch', pv."title"), 'C')
      || setweight(to_tsvector('dutch', v."bodyText"), 'D')
  FROM "Guideline" g
  JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
  JOIN "Principle" p ON p."id" = g."principleId"
  JOIN "PrincipleVersion" pv ON pv."principleId" = p."id" AND pv."number" = p."publishedVersion"
  WHERE g."id" = ANY(ids) AND g."publishedVersion" > 0 AND g."status" <> 'archived' AND p."status" <> 'archived'
  ON CONFLICT ("guidelineId") DO UPDATE SET
    "regionId" = EXCLUDED."regionId", "principleId" = EXCLUDED."principleId", "title" = EXCLUDED."title",
    "bodyText" = EXCLUDED."bodyText", "principleTitle" = EXCLUDED."principleTitle", "doc" = EXCLUDED."doc";
  DELETE FROM "SearchEntry" e
  WHERE e."guidelineId" = ANY(ids) AND NOT EXISTS (
    SELECT 1 FROM "Guideline" g
    JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
    JOIN "Principle" p ON p."id" = g."principleId"
    JOIN "PrincipleVersion" pv ON pv."principleId" = p."id" AND pv."number" = p."publishedVersion"
    WHERE g."id" = e."guidelineId" AND g."publishedVersion" > 0 AND g."status" <> 'archived' AND p."status" <> 'archived');
END
$$;

CREATE FUNCTION leidraad_search_entry_of_guideline() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM leidraad_refresh_search_entries(ARRAY[NEW."id"]);
  RETURN NULL;
END
$$;
CREATE TRIGGER "Guideline_search_entry" AFTER UPDATE ON "Guideline"
  FOR EACH ROW WHEN (
    OLD."publishedVersion" IS DISTINCT FROM NEW."publishedVersion" OR OLD."status" IS DISTINCT FROM NEW."status"
    OR OLD."regionId" IS DISTINCT FROM NEW."regionId" OR OLD."principleId" IS DISTINCT FROM NEW."principleId")
  EXECUTE FUNCTION leidraad_search_entry_of_guideline();

-- Once per statement, so bulk inserts (an import, the benchmark's fill) stay cheap.
CREATE FUNCTION leidraad_search_entry_of_guideline_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM leidraad_refresh_search_entries(ARRAY(SELECT DISTINCT "guidelineId" FROM inserted));
  RETURN NULL;
END
$$;
CREATE TRIGGER "GuidelineVersion_search_entry" AFTER INSERT ON "GuidelineVersion"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION leidraad_search_entry_of_guideline_version();

CREATE FUNCTION leidraad_search_entries_of_principle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM leidraad_refresh_search_entries(ARRAY(SELECT g."id" FROM "Guideline" g WHERE g."principleId" = NEW."id"));
  RETURN NULL;
END
$$;
CREATE TRIGGER "Principle_search_entries" AFTER UPDATE ON "Principle"
  FOR EACH ROW WHEN (OLD."publishedVersion" IS DISTINCT FROM NEW."publishedVersion" OR OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION leidraad_search_entries_of_principle();

CREATE FUNCTION leidraad_search_entries_of_principle_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM leidraad_refresh_search_entries(ARRAY(
    SELECT g."id" FROM "Guideline" g WHERE g."principleId" IN (SELECT "principleId" FROM inserted)));
  RETURN NULL;
END
$$;
CREATE TRIGGER "PrincipleVersion_search_entries" AFTER INSERT ON "PrincipleVersion"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION leidraad_search_entries_of_principle_version();

-- What was published before this migration.
SELECT leidraad_refresh_search_entries(ARRAY(SELECT "id" FROM "Guideline"));
