// What a figure was measured on: date, machine and commit, printed with every suite's JSON.
import { execSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export function machine() {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    if (execSync('git status --porcelain', { encoding: 'utf8' }).trim()) commit += '+changes';
  } catch {
    /* not a git checkout */
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    load1: Number(loadavg()[0]!.toFixed(1)),
    commit,
  };
}
