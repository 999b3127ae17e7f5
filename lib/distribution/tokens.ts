import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '../env';

/**
 * Survey tokens: "<routingKey>.<160 bits, base64url>". The routing key names the tenant, so a token
 * is looked up with (tenantId, sha256(token)) and never by hash alone. Only the hash is stored.
 *
 * The 160 bits of an invitation's token are derived, not drawn: HMAC-SHA256 of (tenant, invitation)
 * under a server key (SURVEY_TOKEN_KEYS). Every attempt to send an invitation, and every reminder,
 * therefore carries the same link, and no retry can replace a link already in someone's inbox.
 * See docs/ARCHITECTURE.md (survey links) for the trade-offs and key rotation.
 */
const TOKEN_BYTES = 20; // 160 bits

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

let cachedKeys: { source: string; keys: Buffer[] } | undefined;

/** The token keys, current first. Unset: one key derived from AUTH_SECRET (HKDF, its own label). */
function tokenKeys(): Buffer[] {
  const e = env();
  const source = e.SURVEY_TOKEN_KEYS.join(',') || e.AUTH_SECRET;
  if (cachedKeys?.source !== source) {
    const keys = e.SURVEY_TOKEN_KEYS.length
      ? e.SURVEY_TOKEN_KEYS.map((k) => Buffer.from(k, 'utf8'))
      : [Buffer.from(hkdfSync('sha256', e.AUTH_SECRET, '', 'kringloop survey tokens', 32))];
    cachedKeys = { source, keys };
  }
  return cachedKeys.keys;
}

function derive(key: Buffer, routingKey: string, tenantId: string, invitationId: string) {
  const mac = createHmac('sha256', key)
    .update(`survey-token\0${tenantId}\0${invitationId}`)
    .digest()
    .subarray(0, TOKEN_BYTES)
    .toString('base64url');
  const token = `${routingKey}.${mac}`;
  return { token, hash: hashToken(token) };
}

/**
 * The token of an invitation. With a stored hash: the token under whichever listed key made it (so
 * a retry or a reminder after a key rotation still carries the first email's link), or null when
 * that key is no longer listed. Without one: the token under the current key, to be stored.
 */
export function invitationToken(
  inv: { routingKey: string; tenantId: string; invitationId: string; tokenHash: string | null },
  keys: readonly Buffer[] = tokenKeys(),
): { token: string; hash: string } | null {
  if (!inv.tokenHash) return derive(keys[0]!, inv.routingKey, inv.tenantId, inv.invitationId);
  for (const key of keys) {
    const t = derive(key, inv.routingKey, inv.tenantId, inv.invitationId);
    if (t.hash === inv.tokenHash) return t;
  }
  return null;
}

/** A random token of the same shape: for fixtures and benchmarks that make invitations directly. */
export function newSurveyToken(routingKey: string): { token: string; hash: string } {
  const token = `${routingKey}.${randomBytes(TOKEN_BYTES).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

/** Splits a token; null when its shape is wrong (the caller answers 404 as for an unknown token). */
export function parseSurveyToken(token: string): { routingKey: string; hash: string } | null {
  const m = /^([a-z2-9]{8})\.([A-Za-z0-9_-]{27})$/.exec(token);
  if (!m) return null;
  return { routingKey: m[1]!, hash: hashToken(token) };
}
