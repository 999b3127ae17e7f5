// A suite's result: one JSON line on stdout, and a row in its table in docs/BENCHMARKS.md (newest
// first, the last ROWS kept), between the markers <!-- bench:<suite> --> and <!-- /bench:<suite> -->.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { machine } from './machine';

const FILE = 'docs/BENCHMARKS.md';
const ROWS = 12;

export interface Table {
  title: string;
  /** Explains the columns and what the ratio means; written above the table. */
  note: string;
  columns: string[];
  row: (string | number)[];
}

export function record(suite: string, figures: object, table: Table) {
  const m = machine();
  console.log(JSON.stringify({ suite, machine: m, ...figures }));
  if (process.env.BENCH_NO_DOCS === '1' || !existsSync(FILE)) return;
  const open = `<!-- bench:${suite} -->`;
  const close = `<!-- /bench:${suite} -->`;
  const doc = readFileSync(FILE, 'utf8');
  const head = ['Date', 'Machine', 'Commit', ...table.columns];
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  const row = line([m.date, `${m.cores} cores, ${m.memoryGiB} GiB, load ${m.load1}`, m.commit, ...table.row]);
  let rows: string[] = [];
  const at = doc.indexOf(open);
  const end = doc.indexOf(close);
  if (at >= 0 && end > at) {
    rows = doc
      .slice(at, end)
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Date') && !l.startsWith('| ---'));
  }
  const block = [
    open,
    '',
    `### ${table.title} (\`npm run bench -- ${suite}\`)`,
    '',
    table.note,
    '',
    line(head),
    line(head.map(() => '---')),
    ...[row, ...rows].slice(0, ROWS),
    '',
    close,
  ].join('\n');
  const next =
    at >= 0 && end > at
      ? doc.slice(0, at) + block + doc.slice(end + close.length)
      : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, next);
}

export const ms = (x: number | null | undefined) =>
  x === null || x === undefined ? '-' : `${Math.round(x)} ms`;
export const ratio = (a: number, b: number) => (b > 0 ? `${Math.round((a / b) * 100)} %` : '-');
