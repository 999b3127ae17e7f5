import { createHash, randomBytes } from 'node:crypto';

/**
 * Survey tokens: "<routingKey>.<160 random bits, base64url>". The routing key
 * names the tenant, so a token is looked up with (tenantId, sha256(token)) and never by hash alone.
 * Only the hash is stored.
 */
const RANDOM_BYTES = 20; // 160 bits

export function newSurveyToken(routingKey: string): { token: string; hash: string } {
  const token = `${routingKey}.${randomBytes(RANDOM_BYTES).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Splits a token; null when its shape is wrong (the caller answers 404 as for an unknown token). */
export function parseSurveyToken(token: string): { routingKey: string; hash: string } | null {
  const m = /^([a-z2-9]{8})\.([A-Za-z0-9_-]{27})$/.exec(token);
  if (!m) return null;
  return { routingKey: m[1]!, hash: hashToken(token) };
}
