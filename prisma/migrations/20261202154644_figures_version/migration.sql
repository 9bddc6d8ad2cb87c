-- Hand-written (Prisma expresses neither sequences of their own nor triggers): the figures'
-- version, which lib/data/figures-cache.ts keys cached roll-ups by.
--
-- The first write of a transaction to a table the figures are read from takes a shared
-- advisory lock (held to the transaction's end) and then draws the next version. A reader
-- reads the version, then tries the lock exclusively for an instant: if a writer holds it,
-- that writer's data may not be visible yet, so the reader uses its figures without keeping
-- them. Shared locks never wait on each other, so writers do not queue behind one another;
-- a rolled-back write only costs a cache miss. (A row raised at commit by a deferred trigger
-- would leave "pending trigger events" that refuse later DDL in a migration's transaction.)
CREATE SEQUENCE "figures_version";

-- 7210425: the advisory lock's key, also in lib/data/figures-cache.ts.
CREATE FUNCTION "figures_version_raise"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('ubt.figures_version_raised', true) IS DISTINCT FROM 'yes' THEN
    PERFORM set_config('ubt.figures_version_raised', 'yes', true);
    PERFORM pg_advisory_xact_lock_shared(7210425);
    PERFORM nextval('"figures_version"');
  END IF;
  RETURN NULL;
END $$;

-- Every table but those no figure is read from (tests/integration/data/figures-cache.test.ts
-- holds a new table to the same rule).
DO $$
DECLARE
  watched text;
BEGIN
  FOR watched IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r'
      AND c.relname NOT IN ('_prisma_migrations', 'User', 'Session', 'SignInAttempt', 'AccountToken', 'AuditEntry',
                            'IdempotentRequest', 'Notification', 'NotificationPreference', 'DigestSent', 'DailyJobRun')
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "figures_version_raise"()', watched || '_figures_version_change', watched);
  END LOOP;
END $$;
