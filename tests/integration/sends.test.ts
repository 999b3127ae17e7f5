// Sends at scale: creation in batches, pause and resume (during creation and during delivery), the
// progress figures, and the per-tenant pacing slots on Redis.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';
import { createInvitations } from '../../lib/distribution/create';
import { listDistributions, pauseSend, resumeSend, sendSurvey } from '../../lib/distribution/distribute';
import { previewSend } from '../../lib/distribution/preview';
import { reserveSlot } from '../../lib/queue/pace';
import { drainOutbox, makeCompany, makeSurvey, makeTenant, uid, type TestTenant } from '../support/factories';
import { sink } from '../support/sink';

async function audienceOf(t: TestTenant, n: number) {
  const company = await makeCompany(t);
  const label = `wave-${uid()}`;
  await adminDb.contact.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      tenantId: t.tenant.id,
      companyId: company.id,
      email: `${label}-${i}@customer.example`,
    })),
  });
  return { company, label };
}

const mailsOf = (label: string) => sink().messages.filter((m) => m.to.some((a) => a.startsWith(`${label}-`)));

async function confirm(t: TestTenant, surveyId: string) {
  const input = { surveyId, audience: { type: 'all' as const } };
  const preview = await previewSend(t.admin.ctx, input);
  return sendSurvey(t.admin.ctx, { ...input, expectInvite: preview.invite });
}

describe('pause and resume', () => {
  it('a paused send sends nothing; resumed, every waiting invitation leaves exactly once', async () => {
    const t = await makeTenant({ throttleDays: 0 });
    const { label } = await audienceOf(t, 12);
    const { survey } = await makeSurvey(t);
    const s = await confirm(t, survey.id);
    expect(
      await createInvitations({ tenantId: t.tenant.id, distributionId: s.distributionId }, { batchSize: 5 }),
    ).toBe('prepared');
    let [p] = await listDistributions(t.admin.ctx, survey.id);
    expect(p).toMatchObject({
      status: 'SENDING',
      prepared: true,
      plannedInvite: 12,
      queued: 12,
      sent: 0,
      done: 0,
    });

    await pauseSend(t.admin.ctx, survey.id, s.distributionId);
    await pauseSend(t.admin.ctx, survey.id, s.distributionId); // twice is once
    const outcomes = await drainOutbox(t.tenant.id);
    expect(outcomes.filter((o) => o.type === 'invitation.send').map((o) => o.result)).toEqual(
      Array(12).fill('paused'),
    );
    expect(mailsOf(label)).toHaveLength(0);
    [p] = await listDistributions(t.admin.ctx, survey.id);
    expect(p).toMatchObject({ status: 'PAUSED', queued: 12, sent: 0 });

    await resumeSend(t.admin.ctx, survey.id, s.distributionId);
    await drainOutbox(t.tenant.id);
    expect(mailsOf(label)).toHaveLength(12);
    expect(new Set(mailsOf(label).map((m) => m.to[0])).size).toBe(12);
    [p] = await listDistributions(t.admin.ctx, survey.id);
    expect(p).toMatchObject({ status: 'SENDING', queued: 0, sent: 12, failed: 0, skipped: 0, done: 1 });
    // A second resume of a running send does nothing.
    await resumeSend(t.admin.ctx, survey.id, s.distributionId);
    expect(await adminDb.outboxEvent.count({ where: { tenantId: t.tenant.id, publishedAt: null } })).toBe(0);
  });

  it('paused while its invitations are being created: creation stops at a batch and goes on when resumed', async () => {
    const t = await makeTenant({ throttleDays: 0 });
    const { label } = await audienceOf(t, 11);
    const { survey } = await makeSurvey(t);
    const s = await confirm(t, survey.id);
    // One batch of 4, then the CX manager pauses.
    await adminDb.distribution.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: s.distributionId } },
      data: { status: 'CREATING' },
    });
    const first = createInvitations(
      { tenantId: t.tenant.id, distributionId: s.distributionId },
      { batchSize: 4 },
    );
    await pauseSend(t.admin.ctx, survey.id, s.distributionId);
    expect(await first).toMatch(/paused|prepared/);
    const made = await adminDb.invitation.count({
      where: { tenantId: t.tenant.id, distributionId: s.distributionId },
    });
    expect(made % 4 === 0 || made === 11).toBe(true);

    await resumeSend(t.admin.ctx, survey.id, s.distributionId);
    await drainOutbox(t.tenant.id);
    const rows = await adminDb.invitation.findMany({
      where: { tenantId: t.tenant.id, distributionId: s.distributionId },
    });
    expect(rows).toHaveLength(11);
    expect(new Set(rows.map((r) => r.contactId)).size).toBe(11);
    expect(rows.every((r) => r.status === 'SENT')).toBe(true);
    expect(mailsOf(label)).toHaveLength(11);
  });

  it('a foreign or unknown send is a 404, and directors may not pause', async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    await audienceOf(t, 1);
    const { survey } = await makeSurvey(t);
    const s = await confirm(t, survey.id);
    await expect(pauseSend(other.admin.ctx, survey.id, s.distributionId)).rejects.toMatchObject({
      status: 404,
    });
    await expect(pauseSend(t.admin.ctx, survey.id, randomUUID())).rejects.toMatchObject({ status: 404 });
    await expect(pauseSend(t.admin.ctx, survey.id, 'nope')).rejects.toMatchObject({ status: 404 });
    await expect(pauseSend(t.viewer.ctx, survey.id, s.distributionId)).rejects.toMatchObject({ status: 403 });
  });
});

describe('pacing per tenant', () => {
  it('gives every caller its own moment: n callers at r per second wait 0, 1/r, 2/r, ...', async () => {
    const name = `test-${uid()}`;
    const waits = [];
    for (let i = 0; i < 5; i++) waits.push(await reserveSlot(name, 10));
    // Calls take a few milliseconds each on a loaded machine: each wait is within that of i * 100 ms.
    for (const [i, w] of waits.entries()) {
      expect(w).toBeGreaterThanOrEqual(i * 100 - 60);
      expect(w).toBeLessThanOrEqual(i * 100);
    }
    // Another tenant's rate is its own.
    expect(await reserveSlot(`test-${uid()}`, 10)).toBe(0);
  });

  it('the tenant setting wins over TENANT_MAIL_RATE', async () => {
    const { tenantMailRate } = await import('../../lib/distribution/pace');
    const t = await makeTenant();
    const { env } = await import('../../lib/env');
    expect(await tenantMailRate(t.tenant.id)).toBe(env().TENANT_MAIL_RATE);
    const u = await makeTenant();
    await adminDb.tenant.update({ where: { id: u.tenant.id }, data: { mailRatePerSecond: 3 } });
    expect(await tenantMailRate(u.tenant.id)).toBe(3);
  });
});
