import { describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';
import { importCompaniesCsv, importContactsCsv } from '../../lib/contacts/import';
import { IMPORT_BATCH_ROWS, MAX_IMPORT_ROWS } from '../../lib/contacts/schemas';
import { messages } from '../../lib/i18n';
import { rule } from '../../lib/validation';
import { makeTenant, type TestTenant } from '../support/factories';

async function counts(t: TestTenant) {
  const tenantId = t.tenant.id;
  const [companies, contacts, businessUnits, audit] = await Promise.all([
    adminDb.company.count({ where: { tenantId } }),
    adminDb.contact.count({ where: { tenantId } }),
    adminDb.businessUnit.count({ where: { tenantId } }),
    adminDb.auditLog.count({ where: { tenantId } }),
  ]);
  return { companies, contacts, businessUnits, audit };
}

const companiesOf = (t: TestTenant) =>
  adminDb.company.findMany({
    where: { tenantId: t.tenant.id },
    include: { businessUnit: true },
    orderBy: { externalId: 'asc' },
  });

describe('company CSV import', () => {
  it('with bad rows: reports every problem by line and field, and writes nothing', async () => {
    const t = await makeTenant();
    const before = await counts(t);
    const csv = [
      'name,externalId,ownerEmail,businessUnit,region',
      `Alpha BV,A1,${t.am.email},North,Utrecht`, // 2 good
      'Beta BV,B1,not-an-email,North,', // 3 bad email
      'Gamma BV,G1,,South,', // 4 good
      'Delta BV,D1,nobody@elsewhere.example,South,', // 5 owner is not a member
      'Alpha again,A1,,,', // 6 duplicate external id
      `Epsilon BV,E1,${t.admin.email.toUpperCase()},East,`, // 7 good (email case does not matter)
      ',Z1,,,', // 8 no name
    ].join('\n');
    const report = await importCompaniesCsv(t.admin.ctx, csv);
    expect(report.ok).toBe(false);
    expect(report.total).toBe(7);
    expect(report.created).toBe(0);
    expect(report.updated).toBe(0);
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'ownerEmail'],
      [5, 'ownerEmail'],
      [6, 'externalId'],
      [8, 'name'],
    ]);
    expect(report.errors.find((e) => e.line === 5)!.message).toContain('nobody@elsewhere.example');
    expect(report.errors.find((e) => e.line === 6)!.message).toContain('line 2');
    // Nothing written: no companies, and no business units (North/South/East were upserted, then rolled back).
    expect(await counts(t)).toEqual(before);
  });

  it('a good file creates; re-importing updates by external id', async () => {
    const t = await makeTenant();
    const first = await importCompaniesCsv(
      t.admin.ctx,
      [
        'name,externalId,ownerEmail,businessUnit,region,yearlyRevenue',
        `Alpha BV,A1,${t.am.email},North,Utrecht,1250000.50`,
        'Gamma BV,G1,,South,,',
        `Epsilon BV,E1,${t.admin.email},North,,`,
      ].join('\n'),
    );
    expect(first).toEqual({
      ok: true,
      total: 3,
      created: 3,
      updated: 0,
      errors: [],
      mode: 'all',
      skipped: 0,
    });
    let rows = await companiesOf(t);
    expect(
      rows.map((c) => [c.externalId, c.name, c.ownerMembershipId, c.businessUnit?.name ?? null, c.region]),
    ).toEqual([
      ['A1', 'Alpha BV', t.am.membershipId, 'North', 'Utrecht'],
      ['E1', 'Epsilon BV', t.admin.membershipId, 'North', null],
      ['G1', 'Gamma BV', null, 'South', null],
    ]);
    expect(Number(rows[0]!.yearlyRevenue)).toBe(1250000.5);
    expect(await adminDb.businessUnit.count({ where: { tenantId: t.tenant.id } })).toBe(2);

    const second = await importCompaniesCsv(
      t.admin.ctx,
      [
        'name,externalId,ownerEmail,businessUnit',
        `Alpha Holding BV,A1,${t.admin.email},West`,
        `Gamma BV,G1,${t.am.email},South`,
        'Epsilon BV,E1,,North',
      ].join('\n'),
    );
    expect(second).toEqual({
      ok: true,
      total: 3,
      created: 0,
      updated: 3,
      errors: [],
      mode: 'all',
      skipped: 0,
    });
    rows = await companiesOf(t);
    expect(
      rows.map((c) => [c.externalId, c.name, c.ownerMembershipId, c.businessUnit?.name ?? null]),
    ).toEqual([
      ['A1', 'Alpha Holding BV', t.admin.membershipId, 'West'],
      ['E1', 'Epsilon BV', t.admin.membershipId, 'North'], // an empty owner cell keeps the owner
      ['G1', 'Gamma BV', t.am.membershipId, 'South'],
    ]);
    expect(await adminDb.company.count({ where: { tenantId: t.tenant.id } })).toBe(3);
    expect(
      await adminDb.auditLog.count({ where: { tenantId: t.tenant.id, action: 'company.imported' } }),
    ).toBe(2);
  });

  it('reads a Dutch semicolon file with a BOM, CRLF and Dutch headers', async () => {
    const t = await makeTenant();
    const csv = `\ufeffNaam;Extern ID;Eigenaar;BU;Regio\r\n"Bakker, de";NL-1;${t.am.email};Noord;Groningen\r\nJansen BV;NL-2;;Zuid;\r\n`;
    const report = await importCompaniesCsv(t.admin.ctx, csv);
    expect(report).toEqual({
      ok: true,
      total: 2,
      created: 2,
      updated: 0,
      errors: [],
      mode: 'all',
      skipped: 0,
    });
    const rows = await companiesOf(t);
    expect(
      rows.map((c) => [c.externalId, c.name, c.ownerMembershipId, c.businessUnit?.name, c.region]),
    ).toEqual([
      ['NL-1', 'Bakker, de', t.am.membershipId, 'Noord', 'Groningen'],
      ['NL-2', 'Jansen BV', null, 'Zuid', null],
    ]);
  });

  it('gives a file error (not a throw) for a malformed CSV, and for a file without rows', async () => {
    const t = await makeTenant();
    const before = await counts(t);
    const broken = await importCompaniesCsv(t.admin.ctx, 'name,externalId\n"Acme,A1\nBeta,B1\n');
    expect(broken.ok).toBe(false);
    expect(broken.created).toBe(0);
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0]).toMatchObject({ field: 'file' });
    expect(broken.errors[0]!.message.length).toBeGreaterThan(0);

    const empty = await importCompaniesCsv(t.admin.ctx, 'name,externalId\n');
    expect(empty.ok).toBe(false);
    expect(empty.errors).toEqual([expect.objectContaining({ field: 'file' })]);

    const nothing = await importCompaniesCsv(t.admin.ctx, '');
    expect(nothing.ok).toBe(false);
    expect(await counts(t)).toEqual(before);
  });

  it('blank cells keep what is stored; filled cells replace it', async () => {
    const t = await makeTenant();
    await importCompaniesCsv(
      t.admin.ctx,
      [
        'name,externalId,ownerEmail,businessUnit,region,yearlyRevenue',
        `Alpha BV,A1,${t.am.email},North,Utrecht,1250000.50`,
        `Gamma BV,G1,${t.am.email},South,Zwolle,300`,
      ].join('\n'),
    );
    const report = await importCompaniesCsv(
      t.admin.ctx,
      [
        'name,externalId,ownerEmail,businessUnit,region,yearlyRevenue',
        'Alpha Holding BV,A1,,,,', // every optional cell blank
        'Gamma BV,G1,,,Delft,400',
      ].join('\n'),
    );
    expect(report).toEqual({
      ok: true,
      total: 2,
      created: 0,
      updated: 2,
      errors: [],
      mode: 'all',
      skipped: 0,
    });
    const rows = await companiesOf(t);
    expect(
      rows.map((c) => [
        c.externalId,
        c.name,
        c.ownerMembershipId,
        c.businessUnit?.name,
        c.region,
        Number(c.yearlyRevenue),
      ]),
    ).toEqual([
      ['A1', 'Alpha Holding BV', t.am.membershipId, 'North', 'Utrecht', 1250000.5],
      ['G1', 'Gamma BV', t.am.membershipId, 'South', 'Delft', 400],
    ]);
  });

  it('a row without external id updates the company of that name, even one with an external id; a name several companies share is a row error', async () => {
    const t = await makeTenant();
    await importCompaniesCsv(t.admin.ctx, 'name,externalId,region\nAcme,A1,Utrecht\nBeta BV,,\n');
    const byName = await importCompaniesCsv(t.admin.ctx, 'name,region\nACME,Zwolle\nbeta bv,Delft\n');
    expect(byName).toEqual({
      ok: true,
      total: 2,
      created: 0,
      updated: 2,
      errors: [],
      mode: 'all',
      skipped: 0,
    });
    expect((await companiesOf(t)).map((c) => [c.externalId, c.name, c.region])).toEqual([
      ['A1', 'ACME', 'Zwolle'],
      [null, 'beta bv', 'Delft'],
    ]);

    await importCompaniesCsv(t.admin.ctx, 'name,externalId\nAcme,A2\n');
    const before = await counts(t);
    const ambiguous = await importCompaniesCsv(t.admin.ctx, 'name,region\nBeta BV,Breda\nacme,Ede\n');
    expect(ambiguous.ok).toBe(false);
    expect(ambiguous.errors).toEqual([
      { line: 3, field: 'name', message: rule('en', 'ambiguousCompany', { name: 'acme' }) },
    ]);
    expect(await counts(t)).toEqual(before);
    expect((await companiesOf(t)).map((c) => c.region)).toEqual(['Zwolle', null, 'Delft']);
  });

  it(`refuses a file of more than ${MAX_IMPORT_ROWS} rows as a whole, naming the limit, and writes nothing`, async () => {
    const t = await makeTenant();
    const before = await counts(t);
    const lines = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `Company ${i},C${i}`);
    const csv = ['name,externalId', ...lines].join('\n');
    const report = await importCompaniesCsv(t.admin.ctx, csv);
    expect(report).toMatchObject({ ok: false, total: MAX_IMPORT_ROWS + 1, created: 0, updated: 0 });
    expect(report.errors).toEqual([{ line: 0, field: 'file', message: expect.stringContaining('10,000') }]);
    const nl = await importContactsCsv({ ...t.admin.ctx, locale: 'nl' }, csv.replace('name', 'email'));
    expect(nl.errors).toEqual([
      {
        line: 0,
        field: 'file',
        message: rule('nl', 'tooManyRows', { count: '10.001', max: '10.000' }),
      },
    ]);
    expect(await counts(t)).toEqual(before);
  });
});

describe('contact CSV import', () => {
  it('with bad rows: lists each problem by line and field, writes nothing; then a good file creates and a re-import updates by email', async () => {
    const t = await makeTenant();
    await importCompaniesCsv(t.admin.ctx, 'name,externalId\nAlpha BV,A1\nBeta BV,B1\n');
    const before = await counts(t);

    const bad = await importContactsCsv(
      t.admin.ctx,
      [
        'email,name,language,company',
        'anna@alpha.example,Anna,nl,A1', // 2 good (company by external id)
        'not-an-email,Bob,en,A1', // 3 bad email
        'carla@beta.example,Carla,en,Beta BV', // 4 good (company by name)
        'dirk@nowhere.example,Dirk,nl,NOPE', // 5 unknown company
        'ANNA@alpha.example,Anna 2,,', // 6 duplicate email (case-insensitive)
        'erik@alpha.example,Erik,de,', // 7 unsupported language
        'frank@alpha.example,Frank,,', // 8 good, no company
      ].join('\n'),
    );
    expect(bad.ok).toBe(false);
    expect(bad.total).toBe(7);
    expect(bad.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'email'],
      [5, 'company'],
      [6, 'email'],
      [7, 'locale'],
    ]);
    expect(bad.errors.find((e) => e.line === 5)!.message).toContain('NOPE');
    expect(await counts(t)).toEqual(before);

    const good = await importContactsCsv(
      t.admin.ctx,
      [
        'email,name,language,company',
        'anna@alpha.example,Anna,nl,A1',
        'Carla@Beta.example,Carla,en,Beta BV',
        'frank@alpha.example,Frank,,',
      ].join('\n'),
    );
    expect(good).toEqual({ ok: true, total: 3, created: 3, updated: 0, errors: [], mode: 'all', skipped: 0 });
    const companies = await companiesOf(t);
    const idOf = (x: string) => companies.find((c) => c.externalId === x)!.id;
    const contacts = () =>
      adminDb.contact.findMany({ where: { tenantId: t.tenant.id }, orderBy: { email: 'asc' } });
    expect((await contacts()).map((c) => [c.email, c.name, c.locale, c.companyId])).toEqual([
      ['anna@alpha.example', 'Anna', 'nl', idOf('A1')],
      ['carla@beta.example', 'Carla', 'en', idOf('B1')],
      ['frank@alpha.example', 'Frank', null, null],
    ]);

    const again = await importContactsCsv(
      t.admin.ctx,
      [
        'e-mail;naam;taal;bedrijf',
        'anna@alpha.example;Anna de Wit;en;B1',
        'carla@beta.example;Carla;nl;',
        'frank@alpha.example;Frank Smit;nl;Alpha BV',
      ].join('\n'),
    );
    expect(again).toEqual({
      ok: true,
      total: 3,
      created: 0,
      updated: 3,
      errors: [],
      mode: 'all',
      skipped: 0,
    });
    expect((await contacts()).map((c) => [c.email, c.name, c.locale, c.companyId])).toEqual([
      ['anna@alpha.example', 'Anna de Wit', 'en', idOf('B1')],
      ['carla@beta.example', 'Carla', 'nl', idOf('B1')], // an empty company cell keeps the company
      ['frank@alpha.example', 'Frank Smit', 'nl', idOf('A1')],
    ]);
  });

  it('gives a file error for a malformed contacts CSV', async () => {
    const t = await makeTenant();
    const report = await importContactsCsv(t.admin.ctx, 'email,name\n"a@b.example,Unclosed\n');
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([expect.objectContaining({ line: 0, field: 'file' })]);
    expect(await adminDb.contact.count({ where: { tenantId: t.tenant.id } })).toBe(0);
  });

  it('blank cells keep name, language and company; filled cells replace them', async () => {
    const t = await makeTenant();
    await importCompaniesCsv(t.admin.ctx, 'name,externalId\nAlpha BV,A1\n');
    await importContactsCsv(t.admin.ctx, 'email,name,language,company\nanna@alpha.example,Anna,nl,A1\n');
    const report = await importContactsCsv(
      t.admin.ctx,
      'email,name,language,company\nanna@alpha.example,,,\nbob@alpha.example,,,\n',
    );
    expect(report).toEqual({
      ok: true,
      total: 2,
      created: 1,
      updated: 1,
      errors: [],
      mode: 'all',
      skipped: 0,
    });
    const [alpha] = await companiesOf(t);
    const contacts = await adminDb.contact.findMany({
      where: { tenantId: t.tenant.id },
      orderBy: { email: 'asc' },
    });
    expect(contacts.map((c) => [c.email, c.name, c.locale, c.companyId])).toEqual([
      ['anna@alpha.example', 'Anna', 'nl', alpha!.id],
      ['bob@alpha.example', null, null, null],
    ]);
  });

  it('a company cell naming several companies is a row error, not a guess', async () => {
    const t = await makeTenant();
    await importCompaniesCsv(t.admin.ctx, 'name,externalId\nAcme,A1\nAcme,A2\n');
    const report = await importContactsCsv(t.admin.ctx, 'email,company\nanna@acme.example,acme\n');
    expect(report.errors).toEqual([
      { line: 2, field: 'company', message: rule('en', 'ambiguousCompany', { name: 'acme' }) },
    ]);
    expect(await adminDb.contact.count({ where: { tenantId: t.tenant.id } })).toBe(0);
    // The external id still says which one.
    const byId = await importContactsCsv(t.admin.ctx, 'email,company\nanna@acme.example,A2\n');
    expect(byId.ok).toBe(true);
  });

  it('a contact added while the import runs answers 409 (CONFLICT) on the file, not a 500', async () => {
    const t = await makeTenant();
    let inserted!: () => void;
    let release!: () => void;
    const insertedP = new Promise<void>((r) => (inserted = r));
    const gate = new Promise<void>((r) => (release = r));
    // Someone else adds anna without committing yet; the import finds no anna, inserts and waits.
    const other = adminDb.$transaction(async (tx) => {
      await tx.contact.create({
        data: { tenantId: t.tenant.id, email: 'anna@alpha.example', name: 'Other' },
      });
      inserted();
      await gate;
    });
    await insertedP;
    const importing = importContactsCsv(
      t.admin.ctx,
      'email,name\nbob@alpha.example,Bob\nanna@alpha.example,Anna\n',
    ).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    for (let i = 0; i < 500; i++) {
      const [row] = await adminDb.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (row && row.n > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    release();
    await other;
    const message = messages('en').validation.savedConcurrently;
    // The row someone else saved meanwhile is named; all or nothing: nothing else was written.
    expect(await importing).toMatchObject({
      ok: true,
      value: { ok: false, created: 0, errors: [{ line: 3, field: 'email', message }] },
    });
    const contacts = await adminDb.contact.findMany({ where: { tenantId: t.tenant.id } });
    expect(contacts.map((c) => [c.email, c.name])).toEqual([['anna@alpha.example', 'Other']]);
  });
});

describe('import the valid rows, report the rest', () => {
  it('imports the good rows, names every other row by line and field, and audits the mode', async () => {
    const t = await makeTenant();
    await adminDb.company.create({ data: { tenantId: t.tenant.id, name: 'Alpha', externalId: 'A1' } });
    const csv = [
      'email,name,phone,company',
      'ok1@x.example,One,,A1', // 2
      'not-an-email,Two,,', // 3 bad email
      'ok3@x.example,Three,+31 20 123 4567,', // 4
      'ok4@x.example,Four,,Nope', // 5 unknown company (found by the database)
      'ok1@x.example,Dup,,', // 6 duplicate of line 2
      'ok7@x.example,Seven,12,', // 7 bad phone
    ].join('\n');
    const report = await importContactsCsv(t.admin.ctx, csv, 'valid');
    expect(report).toMatchObject({ ok: false, mode: 'valid', total: 6, created: 2, updated: 0, skipped: 4 });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'email'],
      [5, 'company'],
      [6, 'email'],
      [7, 'phone'],
    ]);
    const contacts = await adminDb.contact.findMany({
      where: { tenantId: t.tenant.id },
      orderBy: { email: 'asc' },
    });
    expect(contacts.map((c) => [c.email, c.phone])).toEqual([
      ['ok1@x.example', null],
      ['ok3@x.example', '+31201234567'],
    ]);
    const log = await adminDb.auditLog.findFirstOrThrow({
      where: { tenantId: t.tenant.id, action: 'contact.imported' },
    });
    expect(log.data).toEqual({ mode: 'valid', created: 2, updated: 0, skipped: 4 });
  });

  it('the same file all or nothing writes nothing, not even the business units of its good rows', async () => {
    const t = await makeTenant();
    const csv = `name,external_id,owner_email,business_unit\nAlpha,A1,,North\nBeta,B1,nobody@x.example,South\n`;
    const all = await importCompaniesCsv(t.admin.ctx, csv, 'all');
    expect(all).toMatchObject({ ok: false, mode: 'all', created: 0, skipped: 2 });
    expect(all.errors.map((e) => [e.line, e.field])).toEqual([[3, 'ownerEmail']]);
    expect(await counts(t)).toMatchObject({ companies: 0, businessUnits: 0 });
    const valid = await importCompaniesCsv(t.admin.ctx, csv, 'valid');
    expect(valid).toMatchObject({ mode: 'valid', created: 1, skipped: 1 });
    // The refused row left nothing behind: only North exists.
    const units = await adminDb.businessUnit.findMany({ where: { tenantId: t.tenant.id } });
    expect(units.map((u) => u.name)).toEqual(['North']);
  });

  it('writes in batches (IMPORT_BATCH_ROWS, here 10), a bad row in one batch does not stop the others', async () => {
    const t = await makeTenant();
    const lines = ['email,name'];
    for (let i = 0; i < 35; i++) lines.push(i === 17 ? 'broken,x' : `c${i}@big.example,C ${i}`);
    const report = await importContactsCsv(t.admin.ctx, lines.join('\n'), 'valid', { batchRows: 10 });
    expect(report).toMatchObject({ created: 34, skipped: 1, errors: [{ line: 19, field: 'email' }] });
    expect(IMPORT_BATCH_ROWS).toBe(500);
    // All or nothing across batches: the dry run finds the bad row in the second batch, nothing is written.
    const u = await makeTenant();
    const all = await importContactsCsv(u.admin.ctx, lines.join('\n'), 'all', { batchRows: 10 });
    expect(all).toMatchObject({ ok: false, created: 0, skipped: 35 });
    expect(await counts(u)).toMatchObject({ contacts: 0 });
  });
});
