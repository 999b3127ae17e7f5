// npm run db:migrate: create the database if needed and apply pending migrations from prisma/migrations,
// with the same result as `prisma migrate deploy` (whose native engine cannot be downloaded here); then
// set the app roles' passwords when DATABASE_APP_URL / DATABASE_SYSTEM_URL carry them.
import {
  applyMigrations,
  databaseUrl,
  ensureDatabase,
  isUnreachable,
  redactUrl,
  setRolePasswords,
  unreachableMessage,
} from './schema-engine';

const url = databaseUrl();

async function main(): Promise<void> {
  const started = Date.now();
  if (await ensureDatabase(url)) console.log(`Created database ${new URL(url).pathname.slice(1)}`);
  const applied = await applyMigrations(url);
  if (applied.length === 0) console.log('No pending migrations.');
  for (const name of applied) console.log(`Applied ${name}`);
  for (const role of await setRolePasswords(url)) console.log(`Set the password of role ${role}`);
  console.log(`Database ${redactUrl(url)} is up to date (${Date.now() - started} ms).`);
}

main().catch((e: unknown) => {
  if (isUnreachable(e)) {
    console.error(unreachableMessage(url));
  } else {
    console.error('Migration failed:', e instanceof Error ? e.message : e);
  }
  process.exit(1);
});
