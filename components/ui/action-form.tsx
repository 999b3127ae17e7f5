'use client';

import {
  createContext,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useRef,
  type ReactNode,
} from 'react';
import type { ActionResult } from '@/lib/http/action';
import { Notice } from './card';

type State = ActionResult<unknown> | null;

/** A server action bound to a form through useActionState. */
export type FormAction = (prev: State, form: FormData) => Promise<State>;
const FieldErrorsContext = createContext<Record<string, string> | undefined>(undefined);

/**
 * A form bound to a server action returning ActionResult. Shows the error (with each bad field) or
 * the success message. React resets a form after every action submit, which would wipe what the user
 * typed when the server refuses it; so with JavaScript the submit goes through startTransition and
 * the form is reset only on success. Without JavaScript the plain `action` still works.
 */
export function ActionForm({
  action,
  children,
  success,
  className,
}: {
  action: FormAction;
  children: ReactNode;
  success?: string;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state]);
  return (
    <form
      ref={ref}
      action={formAction}
      onSubmit={(e) => {
        e.preventDefault();
        // The clicked button's name/value belong to the submission, as in a plain form post.
        const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(data));
      }}
      className={className}
      aria-busy={pending}
    >
      <FieldErrorsContext.Provider value={state && !state.ok ? state.fields : undefined}>
        <fieldset disabled={pending} className="space-y-4">
          {state && !state.ok && <Notice tone="error">{state.error}</Notice>}
          {state?.ok && success && <Notice tone="success">{success}</Notice>}
          {children}
        </fieldset>
      </FieldErrorsContext.Provider>
    </form>
  );
}

/** The error message for one field of the surrounding ActionForm, if any. */
export function useFieldError(name: string): string | undefined {
  return useContext(FieldErrorsContext)?.[name];
}

export function FieldError({ name }: { name: string }) {
  const error = useFieldError(name);
  if (!error) return null;
  return (
    <p role="alert" className="text-xs text-red-700">
      {error}
    </p>
  );
}
