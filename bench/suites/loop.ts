// The loop's latency: answers POSTed at a steady offered rate (open loop, detractor scores) against the
// production build with a real worker; each answer's alert email is caught in an SMTP sink and timed
// from its POST. Also reports web and worker RSS, sampled every second, and checks that every answer
// has exactly one task and one alert.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSmtpSink } from '../../lib/mail/sink';
import { ownerDb } from '../../scripts/owner-db';
import { load, rssMB, startWeb, startWorker, stop, type Proc } from '../support/procs';
import { ms, record } from '../support/report';
import { scratch } from '../support/scratch';
import { seedWorld } from '../support/world';

const RATE = Number(process.env.BENCH_LOOP_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_LOOP_SECONDS ?? 60);
const DRAIN_SECONDS = Number(process.env.BENCH_LOOP_DRAIN ?? 120);

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

function sampler(procs: Record<string, Proc>) {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(procs).map((k) => [k, []]));
  const t = setInterval(() => {
    for (const [k, p] of Object.entries(procs)) samples[k]!.push(rssMB(p));
  }, 1000);
  return {
    stop() {
      clearInterval(t);
      return Object.fromEntries(
        Object.entries(samples).map(([k, xs]) => [
          k,
          { first: xs[0] ?? 0, max: Math.max(0, ...xs), last: xs[xs.length - 1] ?? 0 },
        ]),
      );
    },
  };
}

export async function loopSuite() {
  const s = await scratch('loop');
  const total = RATE * SECONDS;
  const world = await seedWorld(s.url, [total]);
  const sink = await startSmtpSink({ port: 0 });
  const env = { ...s.env, SMTP_URL: `smtp://127.0.0.1:${sink.port}` };
  const web = await startWeb(env);
  const worker = startWorker(env);
  const dir = mkdtempSync(join(tmpdir(), 'klbench-loop-'));
  const recordsFile = join(dir, 'records.json');
  const rss = sampler({ web, worker });
  try {
    const bodies = Array.from({ length: total }, (_, i) => `score=2&comment=bench-${i}`);
    const posted = await load({
      kind: 'open',
      url: web.url!,
      method: 'POST',
      paths: world.tokens[0]!.map((t) => `/s/${encodeURIComponent(t)}`),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      bodyOf: bodies,
      rate: RATE,
      seconds: SECONDS,
      recordsFile,
    });
    const records = JSON.parse(readFileSync(recordsFile, 'utf8')) as {
      i: number;
      sentAt: number;
      status: number;
    }[];
    const sentAt = new Map(records.filter((r) => r.status === 200).map((r) => [r.i, r.sentAt]));
    // Wait for the alerts (bounded).
    const deadline = Date.now() + DRAIN_SECONDS * 1000;
    const alerts = () => sink.messages.filter((m) => /bench-\d+/.test(m.text));
    while (alerts().length < sentAt.size && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 250));
    const mem = rss.stop();
    const seen = new Map<number, number>();
    const arrived = new Map<number, number>();
    for (const m of alerts()) {
      const i = Number(/bench-(\d+)/.exec(m.text)![1]);
      seen.set(i, (seen.get(i) ?? 0) + 1);
      if (!arrived.has(i)) arrived.set(i, Date.parse(m.receivedAt));
    }
    const lat = [...arrived.entries()]
      .filter(([i]) => sentAt.has(i))
      .map(([i, at]) => at - sentAt.get(i)!)
      .sort((a, b) => a - b);
    const db = ownerDb(s.url, 2);
    const [counts] = await db.$queryRaw<{ responses: bigint; tasks: bigint; alerted: bigint }[]>`
      SELECT (SELECT count(*) FROM "Response") AS responses, (SELECT count(*) FROM "FollowUpTask") AS tasks,
             (SELECT count(*) FROM "FollowUpTask" WHERE "alertSentAt" IS NOT NULL) AS alerted`;
    await db.$disconnect();
    const figures = {
      rate: RATE,
      seconds: SECONDS,
      posted,
      answers: sentAt.size,
      responses: Number(counts!.responses),
      tasks: Number(counts!.tasks),
      alertsReceived: seen.size,
      duplicateAlerts: [...seen.values()].filter((n) => n > 1).length,
      latency: { p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99), max: lat[lat.length - 1] ?? NaN },
      rssMB: mem,
    };
    record('loop', figures, {
      title: 'Answer to alert email',
      note: `Detractor answers POSTed at an offered ${RATE}/s for ${SECONDS} s (open loop) to the production build with one worker; latency from each POST to its alert email in the SMTP sink. RSS of the web and worker process groups sampled every second (first / max / last). Targets: every answer has its task and alert; p99 < 2 s; RSS flat.`,
      columns: ['Answers', 'Tasks / alerts', 'p50', 'p95', 'p99', 'Web RSS MB', 'Worker RSS MB'],
      row: [
        `${sentAt.size} of ${total}`,
        `${figures.tasks} / ${figures.alertsReceived} (${figures.duplicateAlerts} twice)`,
        ms(figures.latency.p50),
        ms(figures.latency.p95),
        ms(figures.latency.p99),
        `${mem.web!.first} / ${mem.web!.max} / ${mem.web!.last}`,
        `${mem.worker!.first} / ${mem.worker!.max} / ${mem.worker!.last}`,
      ],
    });
  } finally {
    await stop(web, worker);
    await sink.close();
    await world.close();
    await s.drop();
  }
}
