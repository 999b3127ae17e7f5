import { DAY_PATTERN, formatDay, type TLocale } from '@/lib/i18n';
import { Input } from './form';

/**
 * A calendar day in the page's language. Not `<input type="date">`: Chromium and others show that in
 * the browser's format (mm/dd/yyyy in a US browser) whatever language the page speaks. This field
 * shows and takes the language's own format (15-03-2026, 15/03/2026); the server reads it with
 * parseDay, which also takes ISO days, so shared links work across languages. No JavaScript needed.
 */
export function DateField({
  id,
  name,
  value,
  locale,
  invalid,
}: {
  id: string;
  name: string;
  /** "YYYY-MM-DD" or what was typed (kept when it could not be read). */
  value: string;
  locale: TLocale;
  invalid?: boolean;
}) {
  return (
    <Input
      id={id}
      name={name}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder={DAY_PATTERN[locale]}
      defaultValue={formatDay(value, locale)}
      aria-invalid={invalid || undefined}
      aria-describedby={`${id}-format`}
    />
  );
}
