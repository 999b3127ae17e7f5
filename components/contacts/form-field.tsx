'use client';

import type { ReactNode } from 'react';
import { useFieldError } from '@/components/ui/action-form';
import { Field } from '@/components/ui/form';

/**
 * A labelled field inside an ActionForm that shows the server's error for `name` in place of its
 * hint, so a rejected value is explained right where it was typed.
 */
export function FormField({
  id,
  name,
  label,
  hint,
  children,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  const error = useFieldError(name);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {children}
    </Field>
  );
}
