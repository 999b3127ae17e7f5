// The cross-tenant paths stay few and written down: every asSystem(Query) call names a purpose
// of SYSTEM_PURPOSES, and docs/ARCHITECTURE.md lists each purpose with every file that uses it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYSTEM_PURPOSES, type GlobalDb } from '../../lib/db';

const ROOTS = ['app', 'components', 'lib', 'prisma', 'workers', 'scripts'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' || e.name === 'node_modules' ? [] : sources(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** purpose -> files calling asSystem with it (lib/db itself excepted). */
function callers(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const file of ROOTS.flatMap(sources)) {
    if (file === join('lib', 'db', 'index.ts')) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(
      /asSystem(?:Query)?(?:<[^(]*>)?\(\s*(['"`])([^'"`]+)\1/g,
    )) {
      const set = found.get(m[2]!) ?? new Set<string>();
      set.add(file);
      found.set(m[2]!, set);
    }
  }
  return found;
}

/** The table of system paths in docs/ARCHITECTURE.md: purpose -> the row's text. */
function documented(): Map<string, string> {
  const doc = readFileSync('docs/ARCHITECTURE.md', 'utf8');
  const rows = new Map<string, string>();
  for (const line of doc.split('\n')) {
    const m = /^\| `([^`]+)`\s*\|(.*)$/.exec(line);
    if (m && m[1]! in SYSTEM_PURPOSES) rows.set(m[1]!, m[2]!);
  }
  return rows;
}

// Checked by the type check of `npm test`: `db` is for the global tables only; these stop compiling if
// a tenant-owned model or a transaction (a way around withTenant) appears on it.
// @ts-expect-error tenant-owned: withTenant or asSystem
type _Company = GlobalDb['company'];
// @ts-expect-error no transactions outside withTenant / asSystem
type _Transaction = GlobalDb['$transaction'];

describe('asSystem, the cross-tenant door', () => {
  it('is called only with the declared purposes, each of them used', () => {
    const used = callers();
    expect([...used.keys()].sort()).toEqual(Object.keys(SYSTEM_PURPOSES).sort());
  });

  it('has every purpose in docs/ARCHITECTURE.md, naming every file that calls it', () => {
    const rows = documented();
    const missing: string[] = [];
    for (const purpose of Object.keys(SYSTEM_PURPOSES)) {
      const row = rows.get(purpose);
      if (!row) {
        missing.push(`${purpose}: no row in the table of system paths`);
        continue;
      }
      for (const file of callers().get(purpose) ?? [])
        if (!row.includes(`\`${file}\``)) missing.push(`${purpose}: ${file} is not named`);
    }
    expect(missing).toEqual([]);
  });
});
