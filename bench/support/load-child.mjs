// The load generator, in a process of its own so it never shares an event loop with what it measures.
// argv[2]: a JSON file with the plan; prints one JSON result line on stdout.
//   kind 'closed': autocannon, `connections` clients as fast as they can (or capped by `overallRate`).
//   kind 'open':   requests fired on a fixed schedule (`rate` per second for `seconds`), whatever the
//                  answers do, each timed on its own (send time kept, for end-to-end latency).
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import autocannon from 'autocannon';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let next = 0;
const take = () => {
  const i = next++;
  return { i, path: plan.paths[i % plan.paths.length], wrapped: i >= plan.paths.length };
};
// Respondents come from many addresses behind our proxy: one per request, so the per-address answer
// limit measures like production instead of refusing a single benchmarking address.
const addressOf = (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

function pct(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : null;
}

if (plan.kind === 'closed') {
  const instance = autocannon({
    url: plan.url,
    connections: plan.connections,
    duration: plan.seconds,
    overallRate: plan.overallRate,
    timeout: 10,
    requests: [
      {
        method: plan.method,
        headers: plan.headers ?? {},
        body: plan.body,
        setupRequest: (req) => {
          const { i, path } = take();
          return { ...req, path, headers: { ...req.headers, 'x-forwarded-for': addressOf(i) } };
        },
      },
    ],
  });
  instance.on('done', (r) => {
    process.stdout.write(
      JSON.stringify({
        requests: r.requests.total,
        seconds: r.duration,
        perSecond: Math.round((r.requests.total / r.duration) * 10) / 10,
        p50: r.latency.p50,
        p90: r.latency.p90,
        p99: r.latency.p99,
        max: r.latency.max,
        ok: r['2xx'],
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        wrapped: next > plan.paths.length,
      }) + '\n',
    );
  });
} else {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.maxSockets ?? 256 });
  const target = new URL(plan.url);
  const total = Math.round(plan.rate * plan.seconds);
  const records = [];
  const t0 = performance.now();
  const wall0 = Date.now();
  let done = 0;
  await new Promise((resolve) => {
    const fire = () => {
      const { i, path } = take();
      const sent = performance.now();
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path,
          method: plan.method,
          agent,
          headers: {
            ...(plan.headers ?? {}),
            'x-forwarded-for': addressOf(i),
            ...(plan.body ? { 'content-length': Buffer.byteLength(plan.bodyOf?.[i] ?? plan.body) } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            records.push({
              i,
              sentAt: wall0 + (sent - t0),
              ms: performance.now() - sent,
              status: res.statusCode,
            });
            if (++done === total) resolve();
          });
        },
      );
      req.on('error', () => {
        records.push({ i, sentAt: wall0 + (sent - t0), ms: performance.now() - sent, status: 0 });
        if (++done === total) resolve();
      });
      req.end(plan.bodyOf?.[i] ?? plan.body);
    };
    // Fire on schedule: each tick sends every request whose time has come.
    let fired = 0;
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * plan.rate) + 1);
      while (fired < due) {
        fired++;
        fire();
      }
      if (fired < total) setTimeout(tick, 2);
    };
    tick();
  });
  const seconds = (performance.now() - t0) / 1000;
  const lat = records.map((r) => r.ms).sort((a, b) => a - b);
  if (plan.recordsFile) writeFileSync(plan.recordsFile, JSON.stringify(records));
  process.stdout.write(
    JSON.stringify({
      requests: records.length,
      seconds: Math.round(seconds * 10) / 10,
      perSecond: Math.round((records.length / seconds) * 10) / 10,
      p50: pct(lat, 50),
      p90: pct(lat, 90),
      p99: pct(lat, 99),
      max: lat[lat.length - 1] ?? null,
      ok: records.filter((r) => r.status >= 200 && r.status < 300).length,
      non2xx: records.filter((r) => r.status && (r.status < 200 || r.status >= 300)).length,
      errors: records.filter((r) => !r.status).length,
      wrapped: next > plan.paths.length,
    }) + '\n',
  );
  agent.destroy();
}
