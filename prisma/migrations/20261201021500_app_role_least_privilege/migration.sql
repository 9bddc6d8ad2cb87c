-- Least privilege: the web app connects as "ubt_app", which may read and write the
-- app's tables but owns nothing (so it cannot ALTER, DROP or disable the audit
-- trail's append-only trigger), may only INSERT and SELECT "AuditEntry", and
-- cannot touch the migration history. Migrations and the seed run as the owner.
-- The role is created NOLOGIN here: the embedded setup (lib/cli/start.ts) gives it
-- LOGIN and a password; an operator using DATABASE_URL creates it beforehand (see
-- the README). A migrating role that may not create roles, on a server without
-- ubt_app, skips this: a one-role setup keeps working as before.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ubt_app') THEN
    BEGIN
      CREATE ROLE ubt_app NOLOGIN;
    EXCEPTION
      -- Another database of the same cluster migrating at the same moment created it.
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'Role ubt_app does not exist and may not be created here: the app keeps using the migrating role.';
        RETURN;
    END;
  END IF;

  GRANT USAGE ON SCHEMA public TO ubt_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ubt_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ubt_app;
  REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEntry" FROM ubt_app;
  -- Absent from the schema engine's shadow database.
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM ubt_app;
  END IF;
  -- Tables and sequences later migrations create (as this same owner) get the same grants.
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ubt_app;
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ubt_app;
END
$$;
