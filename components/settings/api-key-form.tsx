'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/form';
import type { ActionResult } from '@/lib/http/action';

type Created = { id: string; name: string; secret: string };
type State = ActionResult<Created> | null;

export interface ApiKeyFormTexts {
  title: string;
  name: string;
  nameHint: string;
  role: string;
  create: string;
  created: string;
  secretLabel: string;
}

/** Creates an API key and shows its secret once, in a read-only field ready to copy. */
export function ApiKeyForm({
  action,
  roles,
  texts,
}: {
  action: (prev: State, form: FormData) => Promise<State>;
  roles: { value: string; label: string; help: string }[];
  texts: ApiKeyFormTexts;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const secretRef = useRef<HTMLInputElement>(null);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => formAction(data));
  }
  useEffect(() => {
    if (state?.ok) {
      formRef.current?.reset();
      secretRef.current?.focus();
      secretRef.current?.select();
    }
  }, [state]);
  const fields = state && !state.ok ? (state.fields ?? {}) : {};
  const aria = (id: string, name: string) =>
    fields[name] ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
  return (
    <form ref={formRef} action={formAction} onSubmit={submit} aria-label={texts.title} aria-busy={pending}>
      <fieldset disabled={pending} className="space-y-4">
        {state && !state.ok && !Object.keys(fields).length && <Notice tone="error">{state.error}</Notice>}
        {state?.ok && (
          <Notice tone="success">
            <span className="block">{texts.created.replace('{name}', state.data.name)}</span>
            <label htmlFor="api-key-secret" className="mt-2 block text-sm font-medium">
              {texts.secretLabel}
            </label>
            <input
              ref={secretRef}
              id="api-key-secret"
              readOnly
              value={state.data.secret}
              data-testid="api-key-secret"
              className="mt-1 w-full rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-sm text-zinc-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
            />
          </Notice>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="api-key-name" label={texts.name} hint={texts.nameHint} error={fields.name}>
            <Input
              id="api-key-name"
              name="name"
              required
              minLength={2}
              maxLength={80}
              autoComplete="off"
              {...aria('api-key-name', 'name')}
            />
          </Field>
          <Field id="api-key-role" label={texts.role} error={fields.role}>
            <Select id="api-key-role" name="role" defaultValue="ADMIN" {...aria('api-key-role', 'role')}>
              {roles.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
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
          {texts.create}
        </Button>
      </fieldset>
    </form>
  );
}
