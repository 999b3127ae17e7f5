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
