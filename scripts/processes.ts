// Child processes for the demo and the e2e harness. `npx next start` and `tsx` each start a node
// process of their own below them, so a child runs in its own process group and is stopped as a
// group; killing only the direct child would leave the real server running.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export function startGroup(cmd: string, args: string[], opts: SpawnOptions): ChildProcess {
  return spawn(cmd, args, { ...opts, detached: true });
}

export async function stopGroups(children: ChildProcess[], graceMs = 10_000): Promise<void> {
  const alive = children.filter((c) => c.exitCode === null && c.signalCode === null && c.pid);
  for (const c of alive) signal(c, 'SIGTERM');
  await Promise.all(
    alive.map(
      (c) =>
        new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            signal(c, 'SIGKILL');
            resolve();
          }, graceMs);
          c.once('exit', () => {
            clearTimeout(t);
            resolve();
          });
        }),
    ),
  );
}

function signal(c: ChildProcess, sig: NodeJS.Signals) {
  try {
    process.kill(-c.pid!, sig);
  } catch {
    /* already gone */
  }
}

/** Waits until `url`/api/health answers 200; fails when a child exits first or after `ms`. */
export async function waitForHealth(url: string, children: ChildProcess[], ms = 90_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (children.some((c) => c.exitCode !== null)) throw new Error('a server process exited during start-up');
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server not healthy at ${url} within ${ms} ms`);
}
