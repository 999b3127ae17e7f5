import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { supervise } from '../../scripts/supervise';

/** A wait that records the delay and returns at once, and a clock the test moves. */
function fakeTime() {
  const waits: number[] = [];
  let t = 0;
  return {
    waits,
    advance: (ms: number) => (t += ms),
    now: () => t,
    wait: async (ms: number) => {
      waits.push(ms);
    },
  };
}

const until = async (cond: () => boolean) => {
  while (!cond()) await new Promise((r) => setTimeout(r, 20));
};

describe('demo supervisor', { timeout: 20_000 }, () => {
  it('restarts a process that keeps crashing at start with a doubling backoff, capped, and says so', async () => {
    const time = fakeTime();
    const lines: string[] = [];
    const s = supervise({
      name: 'worker',
      start: () => spawn('sh', ['-c', 'exit 3']),
      say: (l) => lines.push(l),
      wait: time.wait,
      now: time.now,
      maxBackoffMs: 8_000,
    });
    await until(() => s.restarts() >= 5);
    s.stop();
    expect(time.waits.slice(0, 5)).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(lines[0]).toBe('The worker exited with code 3; restarting it in 1 s.');
    expect(lines[1]).toBe('The worker is running again (restart 1).');
  });

  it('restarts a killed process, and a healthy run resets the backoff', async () => {
    const time = fakeTime();
    const s = supervise({
      name: 'worker',
      start: () => spawn('sleep', ['600']),
      say: () => undefined,
      wait: time.wait,
      now: time.now,
    });
    const first = s.current();
    first.kill('SIGKILL');
    await until(() => s.restarts() === 1);
    const second = s.current();
    expect(second.pid).not.toBe(first.pid);
    second.kill('SIGKILL');
    await until(() => s.restarts() === 2);
    time.advance(60_000); // the third run stays up for a minute
    s.current().kill('SIGKILL');
    await until(() => s.restarts() === 3);
    expect(time.waits).toEqual([1_000, 2_000, 1_000]);
    s.stop();
    const last = s.current();
    last.kill('SIGKILL');
    await new Promise((r) => last.once('exit', r));
    expect(s.restarts()).toBe(3);
  });
});
