// A second `next start` on the run's database and mailbox with DEMO_MODE=true, for the pages that
// exist only in demo mode (dev mailbox, one-click sign-in). Started by the specs that need it.
import { startGroup, stopGroups } from '../../../scripts/processes';
import { waitForHealth } from '../../../scripts/processes';

export async function startDemoServer() {
  const port = Number(process.env.E2E_PORT ?? 3100) + 1000;
  const url = `http://localhost:${port}`;
  const base = JSON.parse(process.env.E2E_SERVER_ENV!) as NodeJS.ProcessEnv;
  const child = startGroup('npx', ['next', 'start', '-p', String(port)], {
    env: { ...base, DEMO_MODE: 'true', APP_URL: url, MAILBOX_DIR: process.env.E2E_MAILBOX },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForHealth(url, [child]);
  } catch (err) {
    await stopGroups([child]);
    throw err;
  }
  return { url, stop: () => stopGroups([child]) };
}
