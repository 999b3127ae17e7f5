import { randomUUID } from 'node:crypto';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ContactForm } from '../../components/contacts/contact-form';
import { createCompany, createContact } from '../../lib/contacts/service';
import type { Tx } from '../../lib/db';
import { adminDb } from '../support/db';
import { messages } from '../../lib/i18n';
import { rule } from '../../lib/validation';
import { makeCompany, makeTenant, uid, type TestTenant } from '../support/factories';

const contactsOf = (t: TestTenant) =>
  adminDb.contact.findMany({ where: { tenantId: t.tenant.id }, orderBy: { email: 'asc' } });

/** Waits until some session of this database waits on a row or index lock. */
async function someoneWaitsOnALock() {
  for (let i = 0; i < 500; i++) {
    const [row] = await adminDb.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (row && row.n > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('nobody waited on a lock');
}

/**
 * Makes `attempt` lose a race deterministically: another transaction inserts the same key first and
 * commits only once `attempt` has looked (and found nothing) and is waiting on the unique index.
 */
async function loseRace<T>(insertFirst: (tx: Tx) => Promise<unknown>, attempt: () => Promise<T>) {
  let inserted!: () => void;
  let release!: () => void;
  const insertedP = new Promise<void>((r) => (inserted = r));
  const gate = new Promise<void>((r) => (release = r));
  const holder = adminDb.$transaction(
    async (tx) => {
      await insertFirst(tx);
      inserted();
      await gate;
    },
    { timeout: 20_000 },
  );
  await insertedP;
  const outcome = attempt().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  try {
    await someoneWaitsOnALock();
  } finally {
    release();
    await holder;
  }
  return outcome;
}

describe('Add company form (createCompany)', () => {
  it('a blank optional field keeps the stored value on update; on create it is null', async () => {
    const t = await makeTenant();
    const first = await createCompany(t.admin.ctx, {
      name: 'Acme',
      externalId: 'A1',
      ownerEmail: t.am.email,
      businessUnit: 'North',
      region: 'Utrecht',
      yearlyRevenue: '1250000.50',
    });
    // The form posts every input; left empty they arrive as ''.
    const second = await createCompany(t.admin.ctx, {
      name: 'Acme BV',
      externalId: 'A1',
      ownerEmail: '',
      businessUnit: '',
      region: '',
      yearlyRevenue: '',
    });
    expect(second.id).toBe(first.id);
    const stored = await adminDb.company.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: first.id } },
      include: { businessUnit: true },
    });
    expect([
      stored.name,
      stored.externalId,
      stored.ownerMembershipId,
      stored.businessUnit?.name,
      stored.region,
      Number(stored.yearlyRevenue),
    ]).toEqual(['Acme BV', 'A1', t.am.membershipId, 'North', 'Utrecht', 1250000.5]);

    // A filled field still replaces the stored value.
    await createCompany(t.admin.ctx, {
      name: 'Acme BV',
      externalId: 'A1',
      region: 'Zwolle',
      yearlyRevenue: '7',
    });
    const replaced = await adminDb.company.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: first.id } },
    });
    expect([replaced.region, Number(replaced.yearlyRevenue)]).toEqual(['Zwolle', 7]);

    const blank = await createCompany(t.admin.ctx, {
      name: 'Beta',
      externalId: '',
      ownerEmail: '',
      businessUnit: '',
      region: '',
      yearlyRevenue: '',
    });
    expect([
      blank.externalId,
      blank.ownerMembershipId,
      blank.businessUnitId,
      blank.region,
      blank.yearlyRevenue,
    ]).toEqual([null, null, null, null, null]);
    expect(await adminDb.company.count({ where: { tenantId: t.tenant.id } })).toBe(2);
    const actions = await adminDb.auditLog.findMany({
      where: { tenantId: t.tenant.id, entityType: 'company' },
      orderBy: { createdAt: 'asc' },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      'company.created',
      'company.updated',
      'company.updated',
      'company.created',
    ]);
  });

  it('without an external id, updates the company of that name even when it has one; refuses a name several companies share', async () => {
    const t = await makeTenant();
    const acme = await createCompany(t.admin.ctx, { name: 'Acme', externalId: 'A1', region: 'Utrecht' });
    const again = await createCompany(t.admin.ctx, { name: 'ACME', region: 'Zwolle' });
    expect(again.id).toBe(acme.id);
    expect([again.name, again.externalId, again.region]).toEqual(['ACME', 'A1', 'Zwolle']);
    expect(await adminDb.company.count({ where: { tenantId: t.tenant.id } })).toBe(1);

    await createCompany(t.admin.ctx, { name: 'Acme', externalId: 'A2' });
    const message = rule('en', 'ambiguousCompany', { name: 'acme' });
    await expect(createCompany(t.admin.ctx, { name: 'acme', region: 'Delft' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      status: 400,
      details: { fields: { name: message } },
    });
    const rows = await adminDb.company.findMany({ where: { tenantId: t.tenant.id } });
    expect(rows).toHaveLength(2);
    expect(rows.map((c) => c.region)).not.toContain('Delft');
  });

  it('a concurrent add of the same external id answers 409 on externalId, not a 500', async () => {
    const t = await makeTenant();
    const outcome = await loseRace(
      (tx) => tx.company.create({ data: { tenantId: t.tenant.id, name: 'First', externalId: 'R1' } }),
      () => createCompany({ ...t.admin.ctx, locale: 'nl' }, { name: 'Second', externalId: 'R1' }),
    );
    const message = messages('nl').validation.savedConcurrently;
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', status: 409, message, details: { fields: { externalId: message } } },
    });
    const rows = await adminDb.company.findMany({ where: { tenantId: t.tenant.id } });
    expect(rows.map((c) => c.name)).toEqual(['First']);
  });

  it('two adds naming the same new business unit at once both succeed, sharing the unit', async () => {
    const t = await makeTenant();
    let unitId = '';
    const outcome = await loseRace(
      async (tx) => {
        unitId = (await tx.businessUnit.create({ data: { tenantId: t.tenant.id, name: 'North' } })).id;
      },
      () => createCompany(t.admin.ctx, { name: 'Acme', businessUnit: 'North' }),
    );
    expect(outcome).toMatchObject({ ok: true, value: { name: 'Acme', businessUnitId: unitId } });
    expect(await adminDb.businessUnit.count({ where: { tenantId: t.tenant.id } })).toBe(1);
  });
});

describe('Add contact form (createContact)', () => {
  it('a blank optional field keeps the stored value on update; on create it is null', async () => {
    const t = await makeTenant();
    const company = await makeCompany(t);
    const first = await createContact(t.admin.ctx, {
      email: 'pat@customer.example',
      name: 'Pat',
      locale: 'nl',
      companyId: company.id,
    });
    const second = await createContact(t.admin.ctx, {
      email: 'PAT@customer.example',
      name: '',
      locale: '',
      companyId: '',
    });
    expect(second.id).toBe(first.id);
    const blank = await createContact(t.admin.ctx, {
      email: 'sam@customer.example',
      name: '',
      locale: '',
      companyId: '',
    });
    expect((await contactsOf(t)).map((c) => [c.email, c.name, c.locale, c.companyId])).toEqual([
      ['pat@customer.example', 'Pat', 'nl', company.id],
      ['sam@customer.example', null, null, null],
    ]);
    expect(blank.id).not.toBe(first.id);

    // A filled field still replaces the stored value.
    await createContact(t.admin.ctx, { email: 'pat@customer.example', name: 'Pat de Vries', locale: 'en' });
    expect((await contactsOf(t))[0]).toMatchObject({
      name: 'Pat de Vries',
      locale: 'en',
      companyId: company.id,
    });
  });

  it('links the company picked by id, even when names and external ids of companies collide', async () => {
    const t = await makeTenant();
    const name = `Acme ${uid()}`;
    const withId = await adminDb.company.create({
      data: { tenantId: t.tenant.id, name, externalId: 'ACME-1' },
    });
    const sameName = await adminDb.company.create({ data: { tenantId: t.tenant.id, name } });
    const nameIsOthersId = await adminDb.company.create({ data: { tenantId: t.tenant.id, name: 'ACME-1' } });

    await createContact(t.admin.ctx, { email: 'a@customer.example', companyId: sameName.id });
    await createContact(t.admin.ctx, { email: 'b@customer.example', companyId: nameIsOthersId.id });
    await createContact(t.admin.ctx, { email: 'c@customer.example', companyId: withId.id });
    expect((await contactsOf(t)).map((c) => [c.email, c.companyId])).toEqual([
      ['a@customer.example', sameName.id],
      ['b@customer.example', nameIsOthersId.id],
      ['c@customer.example', withId.id],
    ]);
  });

  it('refuses an unknown, foreign or malformed company id with a 400 on companyId, and writes nothing', async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const foreign = await makeCompany(other);
    const unknown = randomUUID();
    for (const [locale, companyId] of [
      ['en', unknown],
      ['nl', foreign.id],
    ] as const) {
      await expect(
        createContact({ ...t.admin.ctx, locale }, { email: 'pat@customer.example', companyId }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        status: 400,
        details: { fields: { companyId: rule(locale, 'unknownCompany', { company: companyId }) } },
      });
    }
    await expect(
      createContact(t.admin.ctx, { email: 'pat@customer.example', companyId: 'Acme' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', details: { fields: { companyId: expect.any(String) } } });
    expect(await adminDb.contact.count({ where: { tenantId: t.tenant.id } })).toBe(0);
    expect(await adminDb.contact.count({ where: { tenantId: other.tenant.id } })).toBe(0);
  });

  it('a concurrent add of the same email answers 409 on email, not a 500', async () => {
    const t = await makeTenant();
    const outcome = await loseRace(
      (tx) =>
        tx.contact.create({ data: { tenantId: t.tenant.id, email: 'pat@customer.example', name: 'First' } }),
      () => createContact(t.admin.ctx, { email: 'pat@customer.example', name: 'Second' }),
    );
    const message = messages('en').validation.savedConcurrently;
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', status: 409, details: { fields: { email: message } } },
    });
    expect((await contactsOf(t)).map((c) => c.name)).toEqual(['First']);
  });

  it('the form posts the picked company’s id, preselecting the filtered company', async () => {
    const t = await makeTenant();
    const a = await makeCompany(t, { name: 'Acme' });
    const b = await makeCompany(t, { name: 'Acme' });
    const html = renderToStaticMarkup(
      createElement(ContactForm, {
        locale: 'en',
        action: async () => null,
        companies: [a, b],
        companyId: b.id,
      }),
    );
    expect(html).toMatch(/<select[^>]*name="companyId"/);
    expect(html).not.toMatch(/name="company"/);
    expect(html).toContain(`<option value="${a.id}">Acme (${a.externalId})</option>`);
    expect(html).toContain(`<option value="${b.id}" selected="">Acme (${b.externalId})</option>`);
  });
});
