'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/form';
import type { ActionResult } from '@/lib/http/action';

type State = ActionResult<{ message: string }> | null;

export interface InviteFormTexts {
  title: string;
  email: string;
  name: string;
  role: string;
  language: string;
  languageHint: string;
  hint: string;
  submit: string;
}

/**
 * Invites a colleague. Its own form (not ActionForm) because the success message names the
 * invited address, which only the action's answer knows.
 */
export function InviteForm({
  action,
  roles,
  defaultRole,
  languages,
  defaultLanguage,
  texts,
}: {
  action: (prev: State, form: FormData) => Promise<State>;
  roles: { value: string; label: string; help: string }[];
  defaultRole: string;
  languages: { value: string; label: string }[];
  defaultLanguage: string;
  texts: InviteFormTexts;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  // Submitted by hand so a refused invitation keeps what was typed (a form action resets the form
  // whatever the outcome); cleared only once the invitation went out.
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => formAction(data));
  }
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const fields = state && !state.ok ? (state.fields ?? {}) : {};
  const aria = (id: string, name: string) =>
    fields[name] ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
  return (
    <form ref={formRef} action={formAction} onSubmit={submit} aria-label={texts.title} aria-busy={pending}>
      <fieldset disabled={pending} className="space-y-4">
        {state && !state.ok && !Object.keys(fields).length && <Notice tone="error">{state.error}</Notice>}
        {state?.ok && <Notice tone="success">{state.data.message}</Notice>}
        <p className="text-sm text-zinc-600">{texts.hint}</p>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field id="invite-email" label={texts.email} error={fields.email}>
            <Input
              id="invite-email"
              name="email"
              type="email"
              required
              autoComplete="off"
              {...aria('invite-email', 'email')}
            />
          </Field>
          <Field id="invite-name" label={texts.name} error={fields.name}>
            <Input
              id="invite-name"
              name="name"
              maxLength={120}
              autoComplete="off"
              {...aria('invite-name', 'name')}
            />
          </Field>
          <Field id="invite-role" label={texts.role} error={fields.role}>
            <Select id="invite-role" name="role" defaultValue={defaultRole} {...aria('invite-role', 'role')}>
              {roles.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="invite-locale" label={texts.language} hint={texts.languageHint} error={fields.locale}>
            <Select
              id="invite-locale"
              name="locale"
              defaultValue={defaultLanguage}
              {...aria('invite-locale', 'locale')}
            >
              {languages.map((l) => (
                <option key={l.value} value={l.value} lang={l.value}>
                  {l.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <ul className="space-y-1 text-xs text-zinc-600">
          {roles.map((r) => (
            <li key={r.value}>
              <span className="font-medium text-zinc-800">{r.label}:</span> {r.help}
            </li>
          ))}
        </ul>
        <Button type="submit" className="w-full sm:w-auto">
          {texts.submit}
        </Button>
      </fieldset>
    </form>
  );
}
