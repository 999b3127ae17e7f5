import { messages, type TLocale } from '@/lib/i18n';
import { PHASES } from '@/lib/surveys/schemas';

type TPhase = (typeof PHASES)[number];

/** The phase as the user reads it: a custom phase shows its own name. */
export function phaseLabel(tp: { phase: TPhase; customPhase: string | null }, locale: TLocale): string {
  const phases = messages(locale).common.phases;
  return tp.phase === 'CUSTOM' ? tp.customPhase || phases.CUSTOM : phases[tp.phase];
}

/**
 * Touchpoints grouped by journey phase in journey order; every custom phase name is its own group,
 * after the standard phases.
 */
export function groupByPhase<T extends { phase: TPhase; customPhase: string | null }>(
  items: T[],
  locale: TLocale,
) {
  const groups = new Map<string, { key: string; title: string; items: T[] }>();
  const order = (p: TPhase) => PHASES.indexOf(p);
  const sorted = [...items].sort(
    (a, b) =>
      order(a.phase) - order(b.phase) || (a.customPhase ?? '').localeCompare(b.customPhase ?? '', locale),
  );
  for (const it of sorted) {
    const key = it.phase === 'CUSTOM' ? `CUSTOM:${(it.customPhase ?? '').toLowerCase()}` : it.phase;
    const g = groups.get(key) ?? { key, title: phaseLabel(it, locale), items: [] };
    g.items.push(it);
    groups.set(key, g);
  }
  return [...groups.values()];
}
