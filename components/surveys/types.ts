import type { ActionResult } from '@/lib/http/action';

/** A server action bound to a form through useActionState. */
export type FormAction = (
  prev: ActionResult<unknown> | null,
  form: FormData,
) => Promise<ActionResult<unknown> | null>;
