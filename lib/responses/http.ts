import { createHash } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { clientAddress, rateLimits } from '../http/rate-limit';
import { localeFromAcceptLanguage, type TLocale } from '../i18n';
import { pageHeaders, type HtmlPage } from './page';

export function htmlResponse(p: HtmlPage, status: number): Response {
  return new Response(p.html, { status, headers: pageHeaders(p) });
}

/** Language for pages without a known invitation: the browser's. */
export function respondentLocale(req: NextRequest): TLocale {
  return localeFromAcceptLanguage(req.headers.get('accept-language'), 'nl');
}

export function surveyPath(token: string): string {
  return `/s/${encodeURIComponent(token)}`;
}

/**
 * The largest answer body we read. A comment of 5,000 characters is at most ~45 KB once
 * percent-encoded (a 3-byte character becomes 9 bytes), so a real answer always fits.
 */
export const MAX_FORM_BYTES = 64 * 1024;

/** True when the request says up front (Content-Length) that its body is over `maxBytes`. */
export function declaresTooLarge(req: NextRequest, maxBytes = MAX_FORM_BYTES): boolean {
  const length = Number(req.headers.get('content-length'));
  return Number.isFinite(length) && length > maxBytes;
}

/** Reads the body, but never more than `maxBytes` of it: null when it is longer (or says so). */
async function readBounded(req: NextRequest, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (declaresTooLarge(req, maxBytes)) return null;
  if (!req.body) return new Uint8Array();
  // Content-Length may be missing (chunked) or wrong: count what actually arrives.
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}

/**
 * Reads a urlencoded or multipart form into strings, reading at most `maxBytes` of the body; null
 * when the body is larger. Anything else (not a form, a broken form) gives an empty object without
 * reading the body.
 */
export async function readForm(
  req: NextRequest,
  maxBytes = MAX_FORM_BYTES,
): Promise<Record<string, string> | null> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return {};
  try {
    const bytes = await readBounded(req, maxBytes);
    if (!bytes) return null;
    const form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
    const out: Record<string, string> = {};
    for (const [k, v] of form.entries()) if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return {};
  }
}

/**
 * Answer rate limits, per fixed minute:
 * - per invitation (keyed by a prefix of the token's hash, never the token): one respondent cannot
 *   hammer one invitation, whatever addresses they send from;
 * - per client address, generous: a whole office behind one NAT answering a send wave stays well
 *   under it. Only applied when the proxy tells us the address (see clientAddress); otherwise every
 *   respondent would share one bucket.
 */
export const ANSWER_LIMITS = { perToken: 30, perClient: 300, windowSeconds: 60 } as const;

/** Counts one answer attempt in one Redis round trip; false when over a limit. Fails open when Redis is down. */
export async function answerAllowed(token: string, headers: Headers): Promise<boolean> {
  const { perToken, perClient, windowSeconds } = ANSWER_LIMITS;
  const tokenKey = createHash('sha256').update(token).digest('hex').slice(0, 24);
  const address = clientAddress(headers);
  const buckets: { bucket: string; limit: number }[] = [
    { bucket: `answer:token:${tokenKey}`, limit: perToken },
  ];
  if (address) buckets.push({ bucket: `answer:ip:${address}`, limit: perClient });
  return rateLimits(buckets, windowSeconds);
}
