import { describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';
import { AppError } from '../../lib/errors';
import { DEFAULT_TEXTS } from '../../lib/surveys/schemas';
import {
  createSurvey,
  createTouchpoint,
  getSurvey,
  listSurveys,
  setSurveyStatus,
  updateSurvey,
} from '../../lib/surveys/service';
import { makeTenant } from '../support/factories';

async function refused(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('the survey builder', () => {
  it('touchpoints: a custom phase needs its name, a duplicate name is a 409 on the field, in the user’s language', async () => {
    const t = await makeTenant();
    const nl = { ...t.admin.ctx, locale: 'nl' as const };
    const custom = await refused(createTouchpoint(nl, { name: 'Evaluatie', phase: 'CUSTOM' }));
    expect(custom.status).toBe(400);
    expect(custom.details).toEqual({ fields: { customPhase: 'verplicht bij een eigen fase' } });
    await createTouchpoint(nl, { name: 'Na livegang', phase: 'GO_LIVE' });
    const dup = await refused(createTouchpoint(nl, { name: 'Na livegang', phase: 'SUPPORT' }));
    expect(dup.status).toBe(409);
    expect(Object.keys((dup.details as { fields: object }).fields)).toEqual(['name']);
    expect(await adminDb.touchpoint.count({ where: { tenantId: t.tenant.id } })).toBe(1);
  });

  it('a new survey starts as a draft with the default nl and en texts; texts are validated per field', async () => {
    const t = await makeTenant();
    const tp = await createTouchpoint(t.admin.ctx, { name: 'Support', phase: 'SUPPORT' });
    const s = await createSurvey(t.admin.ctx, { touchpointId: tp.id, name: 'NPS support' });
    const loaded = await getSurvey(t.admin.ctx, s.id);
    expect(loaded.status).toBe('DRAFT');
    expect(loaded.texts).toEqual(DEFAULT_TEXTS);
    expect(loaded.texts.en.followUp.passive).toBe('What would it take for you to give us a 9 or 10?');

    const bad = await refused(
      updateSurvey(t.admin.ctx, s.id, {
        name: 'NPS support',
        texts: { ...DEFAULT_TEXTS, nl: { ...DEFAULT_TEXTS.nl, question: '  ' } },
      }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.details as { fields: object }).fields)).toEqual(['texts.nl.question']);
    const texts = { ...DEFAULT_TEXTS, en: { ...DEFAULT_TEXTS.en, thankYou: 'Thanks, we will call you.' } };
    await updateSurvey(t.admin.ctx, s.id, { name: 'NPS support desk', texts });
    expect((await getSurvey(t.admin.ctx, s.id)).texts.en.thankYou).toBe('Thanks, we will call you.');
  });

  it('activate and pause are recorded in the audit trail; list shows sent and answered counts', async () => {
    const t = await makeTenant();
    const tp = await createTouchpoint(t.admin.ctx, { name: 'Sales', phase: 'SALES' });
    const s = await createSurvey(t.admin.ctx, { touchpointId: tp.id, name: 'NPS sales' });
    await setSurveyStatus(t.admin.ctx, s.id, { status: 'ACTIVE' });
    await setSurveyStatus(t.admin.ctx, s.id, { status: 'PAUSED' });
    const trail = await adminDb.auditLog.findMany({
      where: { tenantId: t.tenant.id, entityId: s.id, action: 'survey.status' },
      orderBy: { id: 'asc' },
    });
    expect(trail.map((a) => a.data)).toEqual([
      { from: 'DRAFT', to: 'ACTIVE' },
      { from: 'ACTIVE', to: 'PAUSED' },
    ]);
    expect((await refused(setSurveyStatus(t.admin.ctx, s.id, { status: 'DRAFT' }))).status).toBe(400);
    const [row] = await listSurveys(t.viewer.ctx);
    expect(row).toMatchObject({ id: s.id, status: 'PAUSED', sent: 0, responses: 0 });
  });
});
