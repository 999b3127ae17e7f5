import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/contacts/csv';
import { hashToken, newSurveyToken, parseSurveyToken } from '../../lib/distribution/tokens';
import { dueDate, slaDaysFor } from '../../lib/followup/sla';
import { fill, localeFromAcceptLanguage } from '../../lib/i18n';
import { newRoutingKey } from '../../lib/tenancy/service';

describe('survey tokens', () => {
  it('are "<routing key>.<27 base64url chars>" (160 random bits)', () => {
    const key = newRoutingKey();
    expect(key).toMatch(/^[a-z2-9]{8}$/);
    const { token, hash } = newSurveyToken(key);
    const [routing, secret, ...rest] = token.split('.');
    expect(rest).toEqual([]);
    expect(routing).toBe(key);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{27}$/);
    expect(Buffer.from(secret!, 'base64url')).toHaveLength(20);
    expect(hash).toBe(hashToken(token));
    expect(parseSurveyToken(token)).toEqual({ routingKey: key, hash });
  });

  it('are unique', () => {
    const key = newRoutingKey();
    const tokens = new Set(Array.from({ length: 1000 }, () => newSurveyToken(key).token));
    expect(tokens.size).toBe(1000);
  });

  it('store only a sha256 hex hash, which does not contain the token', () => {
    const { token, hash } = newSurveyToken(newRoutingKey());
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hash).not.toContain(token);
    expect(hash).not.toContain(token.split('.')[1]!);
  });

  it.each([
    '',
    'abc',
    'abcdefgh',
    'abcdefgh.',
    'abcdefgh.' + 'A'.repeat(26),
    'abcdefgh.' + 'A'.repeat(28),
    'abcdefg.' + 'A'.repeat(27),
    'abcdefghj.' + 'A'.repeat(27),
    'ABCDEFGH.' + 'A'.repeat(27),
    'abcdefg1.' + 'A'.repeat(27), // 1 is not in the routing alphabet
    'abcdefgh.' + 'A'.repeat(26) + '=',
    'abcdefgh.' + 'A'.repeat(26) + '+',
    'abcdefgh:' + 'A'.repeat(27),
    ' abcdefgh.' + 'A'.repeat(27),
    'abcdefgh.' + 'A'.repeat(27) + '\n',
    'abcdefgh.' + 'A'.repeat(27) + '.x',
  ])('parseSurveyToken refuses %j', (bad) => {
    expect(parseSurveyToken(bad)).toBeNull();
  });
});

describe('SLA due dates (business days, Europe/Amsterdam)', () => {
  const TZ = 'Europe/Amsterdam';

  it('Friday + 2 business days = Tuesday 23:59:59.999 local', () => {
    // Friday 2026-03-06 11:00 CET
    expect(dueDate(new Date('2026-03-06T10:00:00Z'), 2, TZ).toISOString()).toBe('2026-03-10T22:59:59.999Z');
    // Friday 23:30 local is still Friday there
    expect(dueDate(new Date('2026-03-06T22:30:00Z'), 2, TZ).toISOString()).toBe('2026-03-10T22:59:59.999Z');
  });

  it('Saturday and Sunday + 2 business days = Tuesday', () => {
    expect(dueDate(new Date('2026-03-07T10:00:00Z'), 2, TZ).toISOString()).toBe('2026-03-10T22:59:59.999Z');
    expect(dueDate(new Date('2026-03-08T10:00:00Z'), 2, TZ).toISOString()).toBe('2026-03-10T22:59:59.999Z');
  });

  it('uses the local day, not the UTC day', () => {
    // Friday 23:30 UTC is Saturday 00:30 in Amsterdam -> Tuesday, not Tuesday from a Friday base... both
    // Tuesday here, so check a Thursday night that is already Friday locally.
    // Thursday 2026-03-05 23:30 UTC = Friday 00:30 CET -> Friday + 2 = Tuesday 10 March.
    expect(dueDate(new Date('2026-03-05T23:30:00Z'), 2, TZ).toISOString()).toBe('2026-03-10T22:59:59.999Z');
    // The same instant in UTC itself is Thursday -> Monday 9 March end of day.
    expect(dueDate(new Date('2026-03-05T23:30:00Z'), 2, 'UTC').toISOString()).toBe(
      '2026-03-09T23:59:59.999Z',
    );
    // Saturday 00:30 local (Friday 23:30 UTC) -> Tuesday
    expect(dueDate(new Date('2026-01-30T23:30:00Z'), 2, TZ).toISOString()).toBe('2026-02-03T22:59:59.999Z');
  });

  it('ends the day in local summer time across the DST change', () => {
    // Friday 27 March 2026 (CET); clocks go forward on Sunday 29 March; Tuesday 31 March is CEST.
    expect(dueDate(new Date('2026-03-27T09:00:00Z'), 2, TZ).toISOString()).toBe('2026-03-31T21:59:59.999Z');
    // Friday 23 October 2026 (CEST); clocks go back on Sunday 25 October; Tuesday 27 October is CET.
    expect(dueDate(new Date('2026-10-23T09:00:00Z'), 2, TZ).toISOString()).toBe('2026-10-27T22:59:59.999Z');
  });

  it('counts longer SLAs over weekends', () => {
    // Monday 2 March + 5 = Monday 9 March; + 7 = Wednesday 11 March
    expect(dueDate(new Date('2026-03-02T08:00:00Z'), 5, TZ).toISOString()).toBe('2026-03-09T22:59:59.999Z');
    expect(dueDate(new Date('2026-03-02T08:00:00Z'), 7, TZ).toISOString()).toBe('2026-03-11T22:59:59.999Z');
  });

  it('picks the SLA days per category', () => {
    const t = { slaDetractorDays: 2, slaPassiveDays: 5, slaPromoterDays: 7 };
    expect(slaDaysFor('DETRACTOR', t)).toBe(2);
    expect(slaDaysFor('PASSIVE', t)).toBe(5);
    expect(slaDaysFor('PROMOTER', t)).toBe(7);
  });
});

describe('localeFromAcceptLanguage', () => {
  it.each([
    ['nl-NL,nl;q=0.9,en;q=0.8', 'en', 'nl'],
    ['de-DE,en;q=0.5', 'nl', 'en'],
    ['en-GB,en;q=0.9,nl;q=0.8', 'nl', 'en'],
    ['en;q=0.4,nl;q=0.6', 'en', 'nl'],
    ['NL-be', 'en', 'nl'],
    ['fr', 'en', 'en'],
    ['fr', 'nl', 'nl'],
    ['', 'nl', 'nl'],
    ['nl;q=0, en;q=0.5', 'nl', 'en'],
    ['nl;q=0', 'en', 'en'],
    ['en;q=0,nl;q=0.1', 'en', 'nl'],
    ['*', 'nl', 'nl'],
  ] as const)('%j (fallback %s) -> %s', (header, fallback, out) => {
    expect(localeFromAcceptLanguage(header, fallback)).toBe(out);
  });
  it('falls back without a header', () => {
    expect(localeFromAcceptLanguage(null)).toBe('en');
    expect(localeFromAcceptLanguage(undefined, 'nl')).toBe('nl');
  });
});

describe('fill', () => {
  it('fills known placeholders and keeps unknown ones visible', () => {
    expect(fill('Hi {name}, {count} new for {company}', { name: 'Anna', count: 3 })).toBe(
      'Hi Anna, 3 new for {company}',
    );
    expect(fill('{a}{a}', { a: 'x' })).toBe('xx');
    expect(fill('no placeholders', { a: 'x' })).toBe('no placeholders');
    expect(fill('{score}/10', { score: 0 })).toBe('0/10');
  });
});

describe('parseCsv', () => {
  const aliases = {
    naam: 'name',
    name: 'name',
    externalid: 'externalId',
    eigenaar: 'ownerEmail',
    owneremail: 'ownerEmail',
  };

  it('reads comma files with quoted commas and header aliases, with line numbers', () => {
    const rows = parseCsv('Name,External ID,Owner_Email\n"Acme, Inc.",A1,a@x.test\nBeta,B2,\n', aliases);
    expect(rows).toEqual([
      { line: 2, record: { name: 'Acme, Inc.', externalId: 'A1', ownerEmail: 'a@x.test' } },
      { line: 3, record: { name: 'Beta', externalId: 'B2', ownerEmail: '' } },
    ]);
  });

  it('reads semicolon files (Dutch Excel) with a BOM', () => {
    const rows = parseCsv(
      '\ufeffNaam;Extern-ID;Eigenaar\r\n"Bakker, de";X1;p@x.test\r\nJansen BV;X2;q@x.test\r\n',
      {
        ...aliases,
        externid: 'externalId',
      },
    );
    expect(rows).toEqual([
      { line: 2, record: { name: 'Bakker, de', externalId: 'X1', ownerEmail: 'p@x.test' } },
      { line: 3, record: { name: 'Jansen BV', externalId: 'X2', ownerEmail: 'q@x.test' } },
    ]);
  });

  it('keeps unknown headers normalized and trims values', () => {
    const rows = parseCsv('name, Region \n  Acme  ,  North \n', aliases);
    expect(rows).toEqual([{ line: 2, record: { name: 'Acme', region: 'North' } }]);
  });

  it('skips empty lines but keeps the real line numbers', () => {
    const rows = parseCsv('name\nA\n\nB\n', aliases);
    expect(rows.map((r) => [r.line, r.record.name])).toEqual([
      [2, 'A'],
      [4, 'B'],
    ]);
  });

  it('throws on a malformed file (unclosed quote)', () => {
    expect(() => parseCsv('name,externalId\n"Acme,A1\n', aliases)).toThrow();
  });
});
