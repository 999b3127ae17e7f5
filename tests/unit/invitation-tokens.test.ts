import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { invitationToken, parseSurveyToken } from '../../lib/distribution/tokens';
import { newRoutingKey } from '../../lib/tenancy/service';

const keyA = Buffer.from('a'.repeat(32));
const keyB = Buffer.from('b'.repeat(32));

function invitation() {
  return { routingKey: newRoutingKey(), tenantId: randomUUID(), invitationId: randomUUID(), tokenHash: null };
}

describe('invitation tokens (derived from the invitation under a server key)', () => {
  it('are the same on every attempt, have the survey-token shape, and differ per invitation', () => {
    const inv = invitation();
    const first = invitationToken(inv, [keyA])!;
    expect(invitationToken(inv, [keyA])).toEqual(first);
    expect(parseSurveyToken(first.token)).toEqual({ routingKey: inv.routingKey, hash: first.hash });
    const other = invitationToken({ ...inv, invitationId: randomUUID() }, [keyA])!;
    expect(other.token).not.toBe(first.token);
    // Bound to the tenant too: the same invitation id under another tenant is another token.
    expect(invitationToken({ ...inv, tenantId: randomUUID() }, [keyA])!.token).not.toBe(first.token);
  });

  it('with a stored hash, give back the token of that hash, also after the key was rotated', () => {
    const inv = invitation();
    const underA = invitationToken(inv, [keyA])!;
    // B is now current and A still listed: a retry or reminder carries the link sent under A.
    expect(invitationToken({ ...inv, tokenHash: underA.hash }, [keyB, keyA])).toEqual(underA);
    // A new invitation gets a token under B.
    expect(invitationToken(inv, [keyB, keyA])!.token).not.toBe(underA.token);
  });

  it('give nothing when the key of the stored hash was retired, or for a hash no key made', () => {
    const inv = invitation();
    const underA = invitationToken(inv, [keyA])!;
    expect(invitationToken({ ...inv, tokenHash: underA.hash }, [keyB])).toBeNull();
    expect(invitationToken({ ...inv, tokenHash: '0'.repeat(64) }, [keyA, keyB])).toBeNull();
  });
});
