import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { uuidv7 } from 'uuidv7';

export interface SinkMessage {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
}

/**
 * An SMTP server on 127.0.0.1 that accepts every message and keeps it: in memory (tests) and, when a
 * directory is given, as JSON files for the dev mailbox page (demo). No AUTH, no STARTTLS.
 */
export interface SinkOptions {
  port: number;
  dir?: string;
  host?: string;
  /** Tests: refuse a recipient with an SMTP code (4xx = try again later, 5xx = permanent). */
  refuse?: (address: string) => { code: number; message: string } | null;
  /** Tests: runs after a message is stored and before the server answers 250 (e.g. to kill the sender). */
  beforeAccept?: (message: SinkMessage) => void | Promise<void>;
}

export async function startSmtpSink(opts: SinkOptions) {
  const messages: SinkMessage[] = [];
  const waiters = new Set<() => void>();
  if (opts.dir) await mkdir(opts.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const refusal = opts.refuse?.(address.address.toLowerCase());
      if (!refusal) return callback();
      const err = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
      callback(err);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const headers: Record<string, string> = {};
          // Raw header lines: mailparser folds List-* headers into one structured value otherwise.
          for (const h of parsed.headerLines) headers[h.key] = h.line.slice(h.line.indexOf(':') + 1).trim();
          const msg: SinkMessage = {
            id: uuidv7(),
            receivedAt: new Date().toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            headers,
          };
          messages.push(msg);
          if (opts.dir) await writeFile(join(opts.dir, `${msg.id}.json`), JSON.stringify(msg));
          for (const w of waiters) w();
          await opts.beforeAccept?.(msg);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined);
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;

  /** Resolves with the first message matching `pred`, or rejects after `ms`. */
  async function waitFor(pred: (m: SinkMessage) => boolean, ms = 15_000): Promise<SinkMessage> {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = messages.find(pred);
      if (hit) return hit;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching email within ${ms} ms (${messages.length} received)`);
      await new Promise<void>((resolve) => {
        const done = () => {
          waiters.delete(done);
          clearTimeout(t);
          resolve();
        };
        const t = setTimeout(done, Math.min(left, 250));
        waiters.add(done);
      });
    }
  }

  return {
    messages,
    waitFor,
    /** The real port (opts.port may be 0 for "any free port"). */
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
