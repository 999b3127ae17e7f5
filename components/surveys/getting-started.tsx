import { Card, CardTitle } from '@/components/ui/card';
import { messages, type TLocale } from '@/lib/i18n';

/** What a new CX manager does first, shown while the program has no touchpoints. */
export function GettingStarted({ locale }: { locale: TLocale }) {
  const t = messages(locale).surveys.empty;
  return (
    <Card aria-labelledby="getting-started-title" className="border-dashed">
      <CardTitle>
        <span id="getting-started-title">{t.title}</span>
      </CardTitle>
      <p className="mb-3 text-sm text-zinc-600">{t.intro}</p>
      <ol className="list-decimal space-y-1 pl-5 text-sm text-zinc-800">
        <li>{t.step1}</li>
        <li>{t.step2}</li>
        <li>{t.step3}</li>
      </ol>
    </Card>
  );
}
