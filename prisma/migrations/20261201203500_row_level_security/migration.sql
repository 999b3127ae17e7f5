-- Row-level security: the second wall under tenancy (docs/ARCHITECTURE.md, "Row-level security").
--
-- The app never connects as the owner that runs these migrations. It connects as two roles that own
-- nothing and cannot bypass row-level security:
--   kringloop_app     every request and job; sees and writes only the rows of the tenant its
--                     transaction set with set_config('app.tenant_id', <id>, true) (lib/db withTenant)
--   kringloop_system  the few named cross-tenant paths (lib/db asSystem: relay, token routing, ...)
-- Roles are cluster-wide and this runs once per database, so creating them is idempotent and safe
-- when two databases migrate at once; privileges are per database.

DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['kringloop_app', 'kringloop_system'] LOOP
    BEGIN
      -- LOGIN without a password: trust (local development) can connect; password authentication
      -- cannot until `npm run db:migrate` sets the password from DATABASE_APP_URL / DATABASE_SYSTEM_URL.
      EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION', r);
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- made by another database's migration (possibly at this very moment)
    END;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r AND (rolsuper OR rolbypassrls)) THEN
      RAISE EXCEPTION 'role % exists with SUPERUSER or BYPASSRLS; row-level security would not apply to it', r;
    END IF;
  END LOOP;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO kringloop_app, kringloop_system', current_database());
END $$;

-- Data privileges only (no TRUNCATE: it ignores row-level security; no REFERENCES, no TRIGGER), on
-- today's tables and, through default privileges, on every table later migrations create.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO kringloop_app, kringloop_system;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kringloop_app, kringloop_system;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO kringloop_app, kringloop_system;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kringloop_app, kringloop_system;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO kringloop_app, kringloop_system;
-- The migrations' own bookkeeping is the owner's alone.
REVOKE ALL ON TABLE "_prisma_migrations" FROM kringloop_app, kringloop_system;

-- THE statement for a tenant-owned table, in this migration and every later one:
--   SELECT kringloop_enable_rls('"NewTable"');
-- It enables and FORCEs row-level security (FORCE: the owner is held to the policies too) and (re)creates
--   tenant_isolation  rows whose tenant column equals app.tenant_id, for reading (USING) and writing
--                     (WITH CHECK); with no tenant set, NULLIF(...) is NULL: no rows, no inserts.
--   system_access     every row, for kringloop_system only.
-- An empty string counts as unset: a pooled connection keeps '' after a transaction-local setting ends.
CREATE OR REPLACE FUNCTION kringloop_enable_rls(tbl regclass, tenant_column name DEFAULT 'tenantId')
RETURNS void
LANGUAGE plpgsql
AS $fn$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', tbl);
  EXECUTE format(
    $p$CREATE POLICY tenant_isolation ON %1$s FOR ALL TO PUBLIC
         USING (%2$I = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
         WITH CHECK (%2$I = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$,
    tbl, tenant_column);
  EXECUTE format('DROP POLICY IF EXISTS system_access ON %s', tbl);
  EXECUTE format(
    'CREATE POLICY system_access ON %s FOR ALL TO kringloop_system USING (true) WITH CHECK (true)', tbl);
END
$fn$;
REVOKE ALL ON FUNCTION kringloop_enable_rls(regclass, name) FROM PUBLIC;

SELECT kringloop_enable_rls('"Tenant"', 'id');
SELECT kringloop_enable_rls('"Membership"');
SELECT kringloop_enable_rls('"BusinessUnit"');
SELECT kringloop_enable_rls('"Company"');
SELECT kringloop_enable_rls('"Contact"');
SELECT kringloop_enable_rls('"Touchpoint"');
SELECT kringloop_enable_rls('"Survey"');
SELECT kringloop_enable_rls('"Distribution"');
SELECT kringloop_enable_rls('"Invitation"');
SELECT kringloop_enable_rls('"Response"');
SELECT kringloop_enable_rls('"FollowUpTask"');
SELECT kringloop_enable_rls('"TaskNote"');
SELECT kringloop_enable_rls('"OutboxEvent"');
SELECT kringloop_enable_rls('"AuditLog"');
