import type { SmtpSink } from '../../lib/mail/sink';

/** The SMTP sink of the current integration test file (started in integration-setup.ts). */
export function sink(): SmtpSink {
  const s = (globalThis as { __sink?: SmtpSink }).__sink;
  if (!s) throw new Error('no SMTP sink: is this an integration test?');
  return s;
}
