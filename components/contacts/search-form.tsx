import Link from 'next/link';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/form';

/** A GET form (?q=…) so a search is a shareable URL and works without JavaScript. */
export function SearchForm({
  path,
  q,
  label,
  placeholder,
  submit,
  clear,
  showClear,
  children,
}: {
  path: string;
  q: string;
  label: string;
  placeholder: string;
  submit: string;
  clear: string;
  showClear: boolean;
  /** Extra filters shown before the search box. */
  children?: ReactNode;
}) {
  return (
    <form
      method="get"
      action={path}
      role="search"
      aria-label={label}
      className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end"
    >
      {children}
      <div className="flex-1">
        <Label htmlFor="search-q">{label}</Label>
        <Input
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={placeholder}
          maxLength={160}
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          {submit}
        </Button>
        {showClear && (
          <Button asChild variant="ghost">
            <Link href={path}>{clear}</Link>
          </Button>
        )}
      </div>
    </form>
  );
}
