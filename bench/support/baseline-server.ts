// The baseline: what this machine allows for the respondent's two requests. node:http + pg (+ the
// ioredis rate-limit round trip), no framework, doing the same reads and writes as the product: the
// token lookup as kringloop_system, the answer statement (kringloop_record_answer, which names the
// tenant itself) as kringloop_app with row-level security on, one Redis round trip for both answer
// limits, and the same page renderer. The ratio product / baseline is what Next.js and our plumbing keep of the limit.
import http from 'node:http';
import { Redis } from 'ioredis';
import pg from 'pg';
import { env } from '../../lib/env';
import { notFoundPage, pageHeaders, surveyPage, thanksPage, type HtmlPage } from '../../lib/responses/page';
import { answerInternals } from '../../lib/responses/public';
import { ZSubmitAnswer } from '../../lib/responses/schemas';

const e = env();
const system = new pg.Pool({ connectionString: e.DATABASE_SYSTEM_URL, max: 5 });
const app = new pg.Pool({ connectionString: e.DATABASE_APP_URL, max: 10 });
const redis = new Redis(e.REDIS_URL, { enableOfflineQueue: false, lazyConnect: false });
const prefix = `{${e.REDIS_PREFIX}}:rl:baseline`;
const { lookupSql, answerSql, parseSurveyToken, toView } = answerInternals;

async function lookup(token: string) {
  const parsed = parseSurveyToken(token);
  if (!parsed) return null;
  const q = lookupSql(parsed, false);
  const r = await system.query(q.text, q.values);
  return r.rows[0] ?? null;
}

function send(res: http.ServerResponse, page: HtmlPage, status: number) {
  res.writeHead(status, pageHeaders(page));
  res.end(page.html);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 64 * 1024) return '';
  }
  return body;
}

const server = http.createServer((req, res) => {
  void (async () => {
    const url = new URL(req.url ?? '/', 'http://baseline');
    if (url.pathname === '/api/health') return void res.end('ok');
    const token = decodeURIComponent(url.pathname.slice(3));
    const found = await lookup(token);
    if (!found) return send(res, notFoundPage('nl'), 404);
    const action = `/s/${encodeURIComponent(token)}`;
    if (req.method === 'GET') return send(res, surveyPage(toView(found), { action }), 200);

    const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
    const minute = Math.floor(Date.now() / 60_000);
    const ip = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .pop()!
      .trim();
    const tk = `${prefix}:t:${token.slice(-24)}:${minute}`;
    const ik = `${prefix}:i:${ip}:${minute}`;
    const counts = await redis.multi().incr(tk).expire(tk, 60).incr(ik).expire(ik, 60).exec();
    if (Number(counts?.[0]?.[1]) > 30 || Number(counts?.[2]?.[1]) > 300)
      return send(res, notFoundPage('nl'), 429);
    const parsed = ZSubmitAnswer.safeParse({ score: form.score, comment: form.comment });
    if (!parsed.success) return send(res, surveyPage(toView(found), { action }), 400);
    const q = answerSql(found, parsed.data);
    const r = await app.query(q.text, q.values);
    const row = r.rows[0] as { comment: string | null } | undefined;
    if (!row) return send(res, notFoundPage('nl'), 404);
    send(res, thanksPage(toView({ ...found, score: parsed.data.score, comment: row.comment }), action), 200);
  })().catch((err: unknown) => {
    console.error(err);
    res.writeHead(500);
    res.end();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.BASELINE_PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void Promise.all([system.end(), app.end(), redis.quit()]).then(() => process.exit(0));
});
