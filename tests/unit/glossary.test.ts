import { describe, expect, it } from 'vitest';
import { en } from '../../lib/i18n/en';
import { GLOSSARY, variantPattern, type TTerm } from '../../lib/i18n/glossary';
import { LOCALES, type TLocale } from '../../lib/i18n';
import { DEFAULT_TEXTS } from '../../lib/surveys/schemas';

// Every namespace file, found on disk: a namespace added later is checked without anyone listing it.
const namespaces = import.meta.glob<Record<string, { en: object; nl: object }>>(
  '../../lib/i18n/messages/*.ts',
  {
    eager: true,
  },
);

type Leaf = { where: string; text: string };

function leaves(value: unknown, where: string, out: Leaf[] = []): Leaf[] {
  if (typeof value === 'string') out.push({ where, text: value });
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) leaves(v, `${where}.${k}`, out);
  return out;
}

/** Every user-facing text of one language: all dictionary namespaces and the default survey texts. */
function texts(locale: TLocale): Leaf[] {
  const out: Leaf[] = [];
  for (const [file, mod] of Object.entries(namespaces))
    for (const [name, dict] of Object.entries(mod))
      leaves(dict[locale], `${file.replace(/^.*\//, '')}:${name}.${locale}`, out);
  leaves(DEFAULT_TEXTS[locale], `DEFAULT_TEXTS.${locale}`, out);
  // Placeholders such as {touchpoint} are variable names, not words the user reads.
  return out.map((l) => ({ ...l, text: l.text.replace(/\{\w+\}/g, ' ') }));
}

describe('glossary: one name per concept', () => {
  it('finds the namespaces (a broken glob would make the next tests vacuous)', () => {
    const names = Object.values(namespaces).flatMap((m) => Object.keys(m));
    expect(names.length).toBeGreaterThanOrEqual(10);
    // Every namespace on disk is also in the composed dictionaries, so the app can show it.
    for (const n of names)
      expect(Object.keys(en), `namespace ${n} is not composed in lib/i18n/en.ts`).toContain(n);
  });

  for (const locale of LOCALES) {
    it(`no ${locale} text uses a forbidden variant`, () => {
      const found: string[] = [];
      for (const { where, text } of texts(locale))
        for (const [concept, term] of Object.entries(GLOSSARY) as [string, TTerm][])
          for (const v of term.forbidden[locale])
            if (variantPattern(v).test(text))
              found.push(`${where}: "${text.trim()}" uses ${String(v)}; ${concept} is "${term[locale]}"`);
      expect(found).toEqual([]);
    });

    it(`every ${locale} glossary term is in use (the glossary is not stale)`, () => {
      const all = texts(locale).map((l) => l.text);
      const unused = Object.entries(GLOSSARY)
        .filter(([, term]) => !all.some((t) => t.toLowerCase().includes(term[locale].toLowerCase())))
        .map(([c]) => c);
      expect(unused).toEqual([]);
    });
  }

  it('a canonical term is never forbidden in its own language', () => {
    for (const term of Object.values(GLOSSARY) as TTerm[])
      for (const locale of LOCALES)
        for (const v of term.forbidden[locale]) expect(variantPattern(v).test(term[locale])).toBe(false);
  });

  it('matches whole words and phrases, ignoring case', () => {
    expect(variantPattern('task').test('Open the Task')).toBe(true);
    expect(variantPattern('taak').test('Open de opvolgtaak')).toBe(false);
    expect(variantPattern('business unit').test('Per Business\u00a0unit')).toBe(true);
    expect(variantPattern('enquete').test('Enquête')).toBe(false);
  });
});
