import { Card, CardTitle } from '@/components/ui/card';
import { cn } from '@/lib/cn';
import { messages, type TLocale } from '@/lib/i18n';
import type { TCategory } from '@/lib/nps';

const TONE: Record<TCategory, string> = {
  DETRACTOR: 'border-l-detractor',
  PASSIVE: 'border-l-passive',
  PROMOTER: 'border-l-promoter',
};

/** Every category gets a follow-up, each a different one (the articles' closed-loop advice). */
export function GuidanceCard({ category, locale }: { category: TCategory; locale: TLocale }) {
  const t = messages(locale).tasks.guidance;
  const g = t[category];
  return (
    <Card aria-labelledby="guidance-title" className={cn('border-l-4', TONE[category])}>
      <CardTitle>
        <span id="guidance-title">{t.title}</span>
      </CardTitle>
      <p className="font-medium text-zinc-900">{g.lead}</p>
      <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-zinc-700">
        {g.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
    </Card>
  );
}
