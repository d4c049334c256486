ALTER TABLE "GuidelineVersion" ADD COLUMN     "searchDoc" tsvector,
ADD COLUMN     "searchHead" tsvector;

ALTER TABLE "PrincipleVersion" ADD COLUMN     "searchTitle" tsvector;

CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

CREATE INDEX "SearchWord_word_trgm" ON "SearchWord" USING GIST ("word" gist_trgm_ops);

-- The search vectors are set once, when a version is published (versions never change after).
CREATE FUNCTION leidraad_guideline_version_search_vectors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchDoc" := to_tsvector('dutch', NEW."title" || ' ' || NEW."bodyText");
  NEW."searchHead" := to_tsvector('dutch', NEW."title");
  RETURN NEW;
END
$$;
CREATE TRIGGER "GuidelineVersion_search_vectors" BEFORE INSERT ON "GuidelineVersion"
  FOR EACH ROW EXECUTE FUNCTION leidraad_guideline_version_search_vectors();

CREATE FUNCTION leidraad_principle_version_search_vectors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchTitle" := to_tsvector('dutch', NEW."title");
  RETURN NEW;
END
$$;
CREATE TRIGGER "PrincipleVersion_search_vectors" BEFORE INSERT ON "PrincipleVersion"
  FOR EACH ROW EXECUTE FUNCTION leidraad_principle_version_search_vectors();

-- Versions published before this migration: the immutability triggers are lifted for this one
-- backfill of derived columns only.
ALTER TABLE "GuidelineVersion" DISABLE TRIGGER "GuidelineVersion_immutable";
UPDATE "GuidelineVersion" SET "searchDoc" = to_tsvector('dutch', "title" || ' ' || "bodyText"), "searchHead" = to_tsvector('dutch', "title");
ALTER TABLE "GuidelineVersion" ENABLE TRIGGER "GuidelineVersion_immutable";
ALTER TABLE "PrincipleVersion" DISABLE TRIGGER "PrincipleVersion_immutable";
UPDATE "PrincipleVersion" SET "searchTitle" = to_tsvector('dutch', "title");
ALTER TABLE "PrincipleVersion" ENABLE TRIGGER "PrincipleVersion_immutable";

-- The words of newly published versions, as the 'simple' text-search parser splits and
-- lower-cases them (once per statement, so bulk inserts stay cheap).
CREATE FUNCTION leidraad_search_words_of_guideline_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchWord" ("word")
  SELECT DISTINCT w FROM inserted v, unnest(tsvector_to_array(to_tsvector('simple', v."title" || ' ' || v."bodyText"))) AS w
  WHERE length(w) >= 4
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER "GuidelineVersion_search_words" AFTER INSERT ON "GuidelineVersion"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION leidraad_search_words_of_guideline_versions();

CREATE FUNCTION leidraad_search_words_of_principle_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchWord" ("word")
  SELECT DISTINCT w FROM inserted v, unnest(tsvector_to_array(to_tsvector('simple', v."title"))) AS w
  WHERE length(w) >= 4
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER "PrincipleVersion_search_words" AFTER INSERT ON "PrincipleVersion"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION leidraad_search_words_of_principle_versions();

-- Words of what was published before this migration.
INSERT INTO "SearchWord" ("word")
SELECT DISTINCT w FROM "GuidelineVersion" v, unnest(tsvector_to_array(to_tsvector('simple', v."title" || ' ' || v."bodyText"))) AS w
WHERE length(w) >= 4
ON CONFLICT DO NOTHING;
INSERT INTO "SearchWord" ("word")
SELECT DISTINCT w FROM "PrincipleVersion" v, unnest(tsvector_to_array(to_tsvector('simple', v."title"))) AS w
WHERE length(w) >= 4
ON CONFLICT DO NOTHING;

-- The full-text index now covers the stored vector; typo tolerance looks words up in SearchWord,
-- so the expression indexes on the versions' text are no longer used.
DROP INDEX "GuidelineVersion_search_dutch";
DROP INDEX "GuidelineVersion_search_trgm";
CREATE INDEX "GuidelineVersion_searchDoc" ON "GuidelineVersion" USING GIN ("searchDoc");
