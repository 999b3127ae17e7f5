// Keeps a demo process running: when it exits without being asked to, it is started again after a
// backoff that doubles with every quick crash (1 s, 2 s, 4 s … 30 s), so a process that dies at
// start-up does not spin, and resets once it has stayed up for a minute. Each restart is said.
import type { ChildProcess } from 'node:child_process';

export interface SuperviseOptions {
  name: string;
  start: () => ChildProcess;
  /** Where the messages go (the demo's console). */
  say?: (line: string) => void;
  /** Waits `ms`; tests pass one that records the wait and returns at once. */
  wait?: (ms: number) => Promise<void>;
  now?: () => number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** A run at least this long counts as healthy and resets the backoff. */
  healthyAfterMs?: number;
}

export interface Supervised {
  /** The running child (a new object after each restart). */
  current(): ChildProcess;
  restarts(): number;
  /** Stops supervising: the next exit is final. */
  stop(): void;
}

export function supervise(o: SuperviseOptions): Supervised {
  const say = o.say ?? ((l: string) => console.log(l));
  const wait = o.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = o.now ?? Date.now;
  const min = o.minBackoffMs ?? 1_000;
  const max = o.maxBackoffMs ?? 30_000;
  const healthy = o.healthyAfterMs ?? 60_000;
  let stopped = false;
  let restarts = 0;
  let backoff = min;
  let child: ChildProcess;

  const run = () => {
    const startedAt = now();
    child = o.start();
    child.once('exit', (code, signal) => {
      if (stopped) return;
      if (now() - startedAt >= healthy) backoff = min;
      const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
      say(`The ${o.name} ${how}; restarting it in ${Math.round(backoff / 1000)} s.`);
      const delay = backoff;
      backoff = Math.min(backoff * 2, max);
      void wait(delay).then(() => {
        if (stopped) return;
        restarts++;
        run();
        say(`The ${o.name} is running again (restart ${restarts}).`);
      });
    });
  };
  run();
  return {
    current: () => child,
    restarts: () => restarts,
    stop: () => {
      stopped = true;
    },
  };
}
