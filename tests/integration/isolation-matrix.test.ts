// The isolation matrix (issue 8 item 2): every page, server action and route handler under app/,
// found on disk, tried as no session, as the owner of another organisation holding real ids of this
// one, and as every role of this one. What each actor should get comes from the permission table
// (lib/auth/permissions.ts) and the entry-point table (lib/auth/routes.ts); an entry point on disk
// without a row there, or a row without an entry point, fails the first test.
//
// In-process: the modules are imported and called as Next.js calls them; only the request's
// session, cookies and headers are stand-ins (next-auth's getServerSession, next/headers), and
// revalidatePath is a no-op. Everything under them is real: the guards, resolveSession, the
// services, Postgres with row-level security.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { ACTION_ACCESS, PAGE_ACCESS, ROUTE_ACCESS, type TAccess } from '../../lib/auth/routes';
import { can, ROLES, type TRole } from '../../lib/auth/permissions';
import { adminDb } from '../support/db';
import {
  makeCompany,
  makeContact,
  makeResponse,
  makeSurvey,
  makeTenant,
  type Member,
} from '../support/factories';

const request = vi.hoisted(() => ({
  session: null as null | { user: { id: string }; expires: string },
  cookies: new Map<string, string>(),
}));

vi.mock('next-auth', async (orig) => ({
  ...(await orig<typeof import('next-auth')>()),
  getServerSession: async () => request.session,
}));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) =>
      request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined,
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () => new Headers({ 'accept-language': 'en', 'user-agent': 'matrix' }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const ROOT = join(import.meta.dirname, '../..');
const APP_URL = 'http://localhost:3999';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}
const files = walk(join(ROOT, 'app')).map((f) => relative(ROOT, f).replaceAll('\\', '/'));
const isServerModule = (f: string) =>
  /\.(ts|tsx)$/.test(f) &&
  /^\s*(\/\/[^\n]*\n|\s)*['"]use server['"]/.test(readFileSync(join(ROOT, f), 'utf8'));

const pagesOnDisk = files.filter((f) => f.endsWith('/page.tsx'));
const routesOnDisk = files.filter((f) => /\/route\.tsx?$/.test(f));
const actionModules = files.filter(isServerModule);
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

type Actor = 'anonymous' | 'otherTenant' | TRole;
const ACTORS: Actor[] = ['anonymous', 'otherTenant', ...ROLES];

/** One organisation with a row of every kind a path or form can name, and a member per role. */
async function world() {
  const t = await makeTenant();
  const company = await makeCompany(t, { ownerMembershipId: t.am.membershipId });
  const contact = await makeContact(t, { companyId: company.id });
  const { survey, touchpoint } = await makeSurvey(t);
  const response = await makeResponse(t, { survey, contact, score: 3 });
  const task = await adminDb.followUpTask.create({
    data: {
      tenantId: t.tenant.id,
      responseId: response.id,
      companyId: company.id,
      assigneeMembershipId: t.am.membershipId,
      category: 'DETRACTOR',
      dueAt: new Date(Date.now() + 2 * 86_400_000),
    },
  });
  const distribution = await adminDb.distribution.create({
    data: { tenantId: t.tenant.id, surveyId: survey.id, audience: { type: 'all' } },
  });
  const relationship = await adminDb.touchpoint.create({
    data: {
      tenantId: t.tenant.id,
      name: `Relationship ${t.tenant.id.slice(-6)}`,
      phase: 'ACCOUNT_MANAGEMENT',
      kind: 'RELATIONSHIP',
      cadenceMonths: 12,
    },
  });
  const other = await makeTenant();
  const ids = {
    relationshipTouchpointId: relationship.id,
    id: survey.id,
    surveyId: survey.id,
    distributionId: distribution.id,
    taskId: task.id,
    companyId: company.id,
    contactId: contact.id,
    touchpointId: touchpoint.id,
    membershipId: t.viewer.membershipId,
    tenantId: t.tenant.id,
  };
  return { t, other, ids };
}
type World = Awaited<ReturnType<typeof world>>;

function signInAs(w: World, actor: Actor) {
  request.cookies.clear();
  if (actor === 'anonymous') {
    request.session = null;
    return;
  }
  const m: Member =
    actor === 'otherTenant'
      ? w.other.owner
      : { OWNER: w.t.owner, ADMIN: w.t.admin, ACCOUNT_MANAGER: w.t.am, VIEWER: w.t.viewer }[actor];
  request.session = { user: { id: m.userId }, expires: new Date(Date.now() + 86_400_000).toISOString() };
  request.cookies.set('kl_tenant', m.ctx.tenantId);
}

/** The dynamic segments of a path, filled with this organisation's ids. */
function paramsFor(file: string, ids: World['ids']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [, catchAll, name] of file.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)) {
    if (catchAll) out[name!] = ['callback', 'email'];
    else if (name === 'token') out[name] = 'abcdefgh.AAAAAAAAAAAAAAAAAAAAAAAAAAA';
    else if (name === 'id' && file.includes('/tasks/')) out[name] = ids.taskId;
    else if (name === 'id' && file.includes('/accounts/')) out[name] = ids.companyId;
    else if (name === 'touchpointId' && file.includes('/relationship/'))
      out[name] = ids.relationshipTouchpointId;
    else out[name!] = (ids as Record<string, string>)[name!] ?? ids.id;
  }
  return out;
}

/** A Next.js control-flow throw (redirect, notFound) as an outcome; anything else is a failure. */
function controlFlow(err: unknown): string {
  const digest = (err as { digest?: string } | null)?.digest;
  if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT'))
    return `redirect:${digest.split(';')[2]}`;
  if (digest === 'NEXT_HTTP_ERROR_FALLBACK;404' || digest === 'NEXT_NOT_FOUND') return 'notFound';
  throw err;
}

async function callPage(file: string, ids: World['ids']): Promise<string> {
  const mod = (await import(/* @vite-ignore */ join(ROOT, file))) as {
    default: (p: { params: Promise<unknown>; searchParams: Promise<unknown> }) => unknown;
  };
  try {
    await mod.default({ params: Promise.resolve(paramsFor(file, ids)), searchParams: Promise.resolve({}) });
    return 'ok';
  } catch (err) {
    return controlFlow(err);
  }
}

async function callAction(key: string, ids: World['ids']): Promise<string> {
  const [file, name] = key.split('#') as [string, string];
  const mod = (await import(/* @vite-ignore */ join(ROOT, file))) as Record<
    string,
    (...a: unknown[]) => unknown
  >;
  const form = new FormData();
  for (const [k, v] of Object.entries(ids)) form.set(k, v);
  try {
    // Server actions bound to useActionState take (previous state, form); plain form actions take (form).
    const fn = mod[name]!;
    const res = (await (fn.length >= 2 ? fn(null, form) : fn(form))) as
      { ok: boolean; status?: number } | undefined;
    return res === undefined ? 'ok' : res.ok ? 'ok' : String(res.status);
  } catch (err) {
    return controlFlow(err);
  }
}

async function callRoute(key: string, ids: World['ids']): Promise<string> {
  const [file, method] = key.split('#') as [string, string];
  const mod = (await import(/* @vite-ignore */ join(ROOT, file))) as Record<
    string,
    (req: NextRequest, ctx: { params: Promise<unknown> }) => Promise<Response>
  >;
  const params = paramsFor(file, ids);
  const path = file
    .replace(/^app/, '')
    .replace(/\/route\.tsx?$/, '')
    .replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, all: string, n: string) =>
      all ? (params[n] as string[]).join('/') : String(params[n]),
    );
  const req = new NextRequest(`${APP_URL}${path}`, {
    method,
    headers: { origin: SPECIAL[key]?.origin ?? APP_URL, 'content-type': 'application/json' },
    // A valid body, so a refusal is about who asks and which row, not about the input.
    ...(method === 'GET' || method === 'HEAD' ? {} : { body: JSON.stringify({ status: 'IN_PROGRESS' }) }),
  });
  const res = await mod[method]!(req, { params: Promise.resolve(params) });
  return String(res.status);
}

/**
 * Requests that need a shape of their own. next-auth's POST is tried from a foreign origin: our
 * check in front of it refuses that for everyone (its own handler needs Next's request scope).
 */
const SPECIAL: Record<string, { origin: string; want: string[] }> = {
  'app/api/auth/[...nextauth]/route.ts#POST': { origin: 'https://evil.example', want: ['403'] },
};

/** What the tables say an actor gets, as a predicate over the outcome (with a description). */
function expected(
  key: string,
  kind: 'page' | 'action' | 'route',
  access: TAccess,
  actor: Actor,
  hasIds: boolean,
) {
  const denied = { page: ['notFound'], action: ['403'], route: ['403'] }[kind];
  const signedOut = { page: ['redirect:/signin'], action: ['401', 'redirect:/signin'], route: ['401'] }[kind];
  const refusals = [...denied, ...signedOut, 'notFound', '404', '401', '403', '500'];
  const oneOf = (xs: string[]) => ({ test: (o: string) => xs.includes(o), says: `one of ${xs.join(', ')}` });
  const noneOf = (xs: string[]) => ({
    test: (o: string) => !xs.includes(o),
    says: `none of ${xs.join(', ')}`,
  });
  if (SPECIAL[key]) return oneOf(SPECIAL[key].want);
  if (access === 'demo') return oneOf(['notFound', '404']);
  if (access === 'public') return noneOf(['500', '401', '403']);
  if (actor === 'anonymous') return oneOf(signedOut);
  if (access === 'signedIn') return noneOf(['500', '401', 'redirect:/signin']);
  if (actor === 'otherTenant')
    // Another organisation's owner passes every guard, in their own organisation: a path naming
    // this one's rows is the same 404 as a missing one.
    return hasIds && kind !== 'action' ? oneOf(['notFound', '404']) : noneOf(['500', '401', '403']);
  if (!can(actor, access)) return oneOf(denied);
  return noneOf(refusals.filter((r) => !(kind === 'action' && (r === '404' || r === 'notFound'))));
}

/** Every tenant row of one organisation, as one fingerprint: another organisation's calls must not move it. */
async function fingerprint(tenantId: string): Promise<string> {
  const tables = [
    'Tenant',
    'Membership',
    'Company',
    'Contact',
    'Touchpoint',
    'Survey',
    'Distribution',
    'Invitation',
    'Response',
    'FollowUpTask',
    'TaskNote',
    'AuditLog',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const key = table === 'Tenant' ? 'id' : 'tenantId';
    const rows = await adminDb.$queryRawUnsafe<{ h: string | null }[]>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${table}" t WHERE "${key}" = $1::uuid`,
      tenantId,
    );
    parts.push(`${table}:${rows[0]?.h}`);
  }
  return parts.join(' ');
}

describe('isolation matrix', () => {
  it('every page, server action and route handler on disk has a row in lib/auth/routes.ts, and every row an entry point', async () => {
    expect(pagesOnDisk.sort()).toEqual(Object.keys(PAGE_ACCESS).sort());
    const actionsOnDisk: string[] = [];
    for (const f of actionModules) {
      const mod = (await import(/* @vite-ignore */ join(ROOT, f))) as Record<string, unknown>;
      for (const [name, v] of Object.entries(mod))
        if (typeof v === 'function') actionsOnDisk.push(`${f}#${name}`);
    }
    expect(actionsOnDisk.sort()).toEqual(Object.keys(ACTION_ACCESS).sort());
    const routeMethods: string[] = [];
    for (const f of routesOnDisk) {
      const mod = (await import(/* @vite-ignore */ join(ROOT, f))) as Record<string, unknown>;
      for (const m of METHODS) if (typeof mod[m] === 'function') routeMethods.push(`${f}#${m}`);
    }
    expect(routeMethods.sort()).toEqual(Object.keys(ROUTE_ACCESS).sort());
    // 'use server' only in modules under app/ (found above): none hidden in components/ or lib/.
    for (const dir of ['components', 'lib'])
      expect(
        walk(join(ROOT, dir))
          .map((f) => relative(ROOT, f))
          .filter(isServerModule),
        dir,
      ).toEqual([]);
  });

  const entries = [
    ...Object.entries(PAGE_ACCESS).map(([k, a]) => ({ kind: 'page' as const, key: k, access: a })),
    ...Object.entries(ROUTE_ACCESS).map(([k, a]) => ({ kind: 'route' as const, key: k, access: a })),
    // Leaving the organisation last: the actor is no member afterwards.
    ...Object.entries(ACTION_ACCESS)
      .map(([k, a]) => ({ kind: 'action' as const, key: k, access: a }))
      .sort(
        (x, y) => Number(x.key.endsWith('#leaveOrganisation')) - Number(y.key.endsWith('#leaveOrganisation')),
      ),
  ];

  for (const actor of ACTORS)
    it(`as ${actor}: every entry point answers as the tables say`, async () => {
      const w = await world();
      const before = await fingerprint(w.t.tenant.id);
      const wrong: string[] = [];
      for (const e of entries) {
        signInAs(w, actor);
        const hasIds = /\[/.test(e.key.split('#')[0]!);
        const call = e.kind === 'page' ? callPage : e.kind === 'route' ? callRoute : callAction;
        // A crash is an outcome too (reported with the rest), never the end of the run.
        const outcome = await call(e.key, w.ids).catch(
          (err: unknown) => `throw:${String(err).slice(0, 200)}`,
        );
        const want = expected(e.key, e.kind, e.access, actor, hasIds);
        if (!want.test(outcome))
          wrong.push(`${e.key} (${e.access}) as ${actor}: got ${outcome}, want ${want.says}`);
      }
      expect(wrong).toEqual([]);
      if (actor === 'otherTenant' || actor === 'anonymous')
        expect(await fingerprint(w.t.tenant.id)).toBe(before);
      matrixCells += entries.length;
    }, 120_000);

  it('covers routes x actors', () => {
    expect(matrixCells).toBe(entries.length * ACTORS.length);
    console.info(
      `isolation matrix: ${entries.length} entry points x ${ACTORS.length} actors = ${matrixCells} cells`,
    );
  });
});
let matrixCells = 0;
