-- Frontline pages are kept per reader in each app process (app/server/page-cache.ts). Every change
-- to a row such a page shows announces whose pages it touches on the cache channel; PostgreSQL
-- delivers the NOTIFY to every listening process when, and only if, the transaction commits
-- (identical announcements of one transaction arrive once). Keys: `page:user:<id>` (the reader's
-- own state: session, account, memberships, confirmations, notifications, feedback),
-- `page:region:<id>` (a region's guidelines and decisions) and `page:all` (principles).
-- TG_ARGV: the key's kind, and the column holding its id.
CREATE FUNCTION leidraad_announce_page_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  id text;
BEGIN
  IF TG_ARGV[0] = 'all' THEN
    PERFORM pg_notify('leidraad_cache', 'page:all');
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    id := to_jsonb(OLD) ->> TG_ARGV[1];
    IF id IS NOT NULL THEN PERFORM pg_notify('leidraad_cache', 'page:' || TG_ARGV[0] || ':' || id); END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    id := to_jsonb(NEW) ->> TG_ARGV[1];
    IF id IS NOT NULL THEN PERFORM pg_notify('leidraad_cache', 'page:' || TG_ARGV[0] || ':' || id); END IF;
  END IF;
  RETURN NULL;
END
$$;

-- The reader: a session ended or shortened, the account changed (name, role, language,
-- deactivated, erased, password), memberships, confirmations, the bell, their feedback's answers.
CREATE TRIGGER "Session_page_change" AFTER UPDATE OR DELETE ON "Session"
  FOR EACH ROW EXECUTE FUNCTION leidraad_announce_page_change('user', 'userId');
CREATE TRIGGER "User_page_change" AFTER UPDATE ON "User"
  FOR EACH ROW WHEN (
    (OLD."name", OLD."email", OLD."orgRole", OLD."language", OLD."deactivatedAt", OLD."erasedAt",
     OLD."mustChangePassword", OLD."passwordChangedAt", OLD."employeeNumber")
    IS DISTINCT FROM
    (NEW."name", NEW."email", NEW."orgRole", NEW."language", NEW."deactivatedAt", NEW."erasedAt",
     NEW."mustChangePassword", NEW."passwordChangedAt", NEW."employeeNumber"))
  EXECUTE FUNCTION leidraad_announce_page_change('user', 'id');
CREATE TRIGGER "User_deleted_page_change" AFTER DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION leidraad_announce_page_change('user', 'id');
-- Readers see other people's names too (who answered their feedback): a renamed or erased person
-- changes pages of people in any region. Rare: all pages.
CREATE TRIGGER "User_named_page_change" AFTER UPDATE ON "User"
  FOR EACH ROW WHEN ((OLD."name", OLD."erasedAt") IS DISTINCT FROM (NEW."name", NEW."erasedAt"))
  EXECUTE FUNCTION leidraad_announce_page_change('all');
CREATE TRIGGER "Membership_page_change" AFTER INSERT OR UPDATE OR DELETE ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION leidraad_announce_page_change('user', 'userId');
CREATE TRIGGER "Acknowledgement_page_change" AFTER INSERT OR UPDATE OR DELETE ON "Acknowledgement"
  FOR EACH ROW EXECUTE FUNCTION leidraad_announce_page_change('user', 'userId');
CREATE TRIGGER "Notification_page_change" AFTER INSERT OR UPDATE OR DELETE ON "Notification"
  FOR EACH ROW EXECUTE FUNCTION leidraad_announce_page_change('user', 'userId');
CREATE TRIGGER "Feedback_page_change" AFTER INSERT OR UPDATE OR DELETE ON "Feedback"
  FOR EACH ROW EXECUTE FUNCTION leidraad_announce_page_change('user', 'authorId');

-- The region: its name, its guidelines (publishing, archiving, a new version in force) and its
-- decisions per principle.
CREATE TRIGGER "Region_page_change" AFTER UPDATE OR DELETE ON "Region"
  FOR EACH ROW EXECUTE FUNCTION leidraad_announce_page_change('region', 'id');
CREATE TRIGGER "Guideline_page_change" AFTER INSERT OR UPDATE OR DELETE ON "Guideline"
  FOR EACH ROW EXECUTE FUNCTION leidraad_announce_page_change('region', 'regionId');
CREATE TRIGGER "PrincipleDecision_page_change" AFTER INSERT OR UPDATE OR DELETE ON "PrincipleDecision"
  FOR EACH ROW EXECUTE FUNCTION leidraad_announce_page_change('region', 'regionId');

-- Principles show under *Waarom* and order every region's handbook: all pages.
-- (Per row: a statement that changes no row announces nothing.)
CREATE TRIGGER "Principle_page_change" AFTER INSERT OR UPDATE OR DELETE ON "Principle"
  FOR EACH ROW EXECUTE FUNCTION leidraad_announce_page_change('all');
CREATE TRIGGER "PrincipleVersion_page_change" AFTER INSERT ON "PrincipleVersion"
  FOR EACH ROW EXECUTE FUNCTION leidraad_announce_page_change('all');
