import { describe, expect, it } from 'vitest';
import { DAY_PATTERN, formatDay, parseDay } from '../../lib/i18n';
import { mailLocale, pickLocale, withLang } from '../../lib/i18n/rule';

describe('the language rule', () => {
  it("a person's own language wins over the cookie and the browser", () => {
    expect(pickLocale({ user: 'nl', cookie: 'en', acceptLanguage: 'en-GB' })).toBe('nl');
  });
  it('signed out: the explicit choice (cookie), then the browser, then English', () => {
    expect(pickLocale({ cookie: 'nl', acceptLanguage: 'en-GB,en;q=0.9' })).toBe('nl');
    expect(pickLocale({ cookie: 'fr', acceptLanguage: 'de-DE, nl;q=0.8' })).toBe('nl');
    expect(pickLocale({ acceptLanguage: 'de-DE' })).toBe('en');
    expect(pickLocale({})).toBe('en');
  });
  it("emails: the person's language, else the one chosen for them", () => {
    expect(mailLocale('en', 'nl')).toBe('en');
    expect(mailLocale(null, 'nl')).toBe('nl');
  });
  it('links in emails carry the language', () => {
    expect(withLang('http://x.test/signin?email=a%40b.c', 'nl')).toBe(
      'http://x.test/signin?email=a%40b.c&lang=nl',
    );
  });
});

describe('days as people type them', () => {
  it('are shown day first in the language’s format', () => {
    expect(formatDay('2026-03-05', 'nl')).toBe('05-03-2026');
    expect(formatDay('2026-03-05', 'en')).toBe('05/03/2026');
    expect(DAY_PATTERN.nl).toBe('dd-mm-jjjj');
  });
  it.each([
    ['05-03-2026', '2026-03-05'],
    ['5/3/2026', '2026-03-05'],
    ['05.03.2026', '2026-03-05'],
    ['2026-03-05', '2026-03-05'],
    [' 31-12-2025 ', '2025-12-31'],
  ])('read %s as %s', (typed, iso) => expect(parseDay(typed)).toBe(iso));
  it.each(['31-02-2026', '2026-13-01', '03/15/2026', 'yesterday', '', '1-1-26'])('refuse %s', (typed) =>
    expect(parseDay(typed)).toBeNull(),
  );
});
