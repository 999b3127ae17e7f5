// npm run insights:rebuild -- <tenant id or slug>: recomputes one organisation's insights rollups from
// its answers, in one transaction (idempotent: run it twice, get the same rows).
import { performance } from 'node:perf_hooks';
import { disconnectDb } from '../lib/db';
import { findTenantForRebuild, rebuild } from '../lib/insights/rollup';
import { logger } from '../lib/log';

async function main() {
  const arg = process.argv[2];
  if (!arg) {
    logger.error('usage: npm run insights:rebuild -- <tenant id or slug>');
    return 2;
  }
  const tenant = await findTenantForRebuild(arg);
  if (!tenant) {
    logger.error({ tenant: arg }, 'no organisation with that id or slug');
    return 1;
  }
  const t0 = performance.now();
  const r = await rebuild(tenant.id);
  logger.info(
    {
      tenant: tenant.slug,
      rows: r.rows,
      closedThrough: r.closedThrough,
      ms: Math.round(performance.now() - t0),
    },
    'insights rollups rebuilt',
  );
  return 0;
}

main()
  .then(async (code) => {
    await disconnectDb();
    process.exit(code);
  })
  .catch(async (err) => {
    logger.error({ err }, 'insights rebuild failed');
    await disconnectDb();
    process.exit(1);
  });
