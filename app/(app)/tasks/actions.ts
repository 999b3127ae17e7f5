'use server';

import { revalidatePath } from 'next/cache';
import { logCustomerContact, sendReply, sharePraise } from '@/lib/followup/reply';
import { addTaskNote, reassignTask, setTaskStatus } from '@/lib/followup/tasks';
import { formObject, runAction } from '@/lib/http/action';

/** The task id travels as a hidden field; the services check it belongs to the caller's tenant. */
function taskId(form: FormData): string {
  const id = form.get('taskId');
  return typeof id === 'string' ? id : '';
}

function refresh(id: string) {
  revalidatePath(`/tasks/${id}`);
  revalidatePath('/tasks');
  revalidatePath('/dashboard');
}

export async function changeTaskStatus(_prev: unknown, form: FormData) {
  const id = taskId(form);
  // Returns null: the page re-renders with the new state, the form only needs "ok".
  const res = await runAction('task.work', async (ctx) => {
    await setTaskStatus(ctx, id, formObject(form) as { status: string });
    return null;
  });
  if (res.ok) refresh(id);
  return res;
}

export async function addNote(_prev: unknown, form: FormData) {
  const id = taskId(form);
  const res = await runAction('task.work', async (ctx) => {
    await addTaskNote(ctx, id, formObject(form) as { body: string });
    return null;
  });
  if (res.ok) refresh(id);
  return res;
}

export async function reassign(_prev: unknown, form: FormData) {
  const id = taskId(form);
  const res = await runAction('task.manage', async (ctx) => {
    await reassignTask(ctx, id, formObject(form) as { membershipId: string });
    return null;
  });
  if (res.ok) refresh(id);
  return res;
}

export async function replyToCustomer(_prev: unknown, form: FormData) {
  const id = taskId(form);
  const res = await runAction('task.work', async (ctx) => {
    await sendReply(ctx, id, formObject(form));
    return null;
  });
  if (res.ok) refresh(id);
  return res;
}

export async function logContact(_prev: unknown, form: FormData) {
  const id = taskId(form);
  const res = await runAction('task.work', async (ctx) => {
    await logCustomerContact(ctx, id, formObject(form));
    return null;
  });
  if (res.ok) refresh(id);
  return res;
}

export async function sharePraiseAction(_prev: unknown, form: FormData) {
  const id = taskId(form);
  const res = await runAction('task.work', async (ctx) => {
    const o = formObject(form);
    await sharePraise(ctx, id, { memberIds: o.memberIds ?? [], note: o.note });
    return null;
  });
  if (res.ok) refresh(id);
  return res;
}
