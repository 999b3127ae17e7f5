'use server';

import { revalidatePath } from 'next/cache';
import { importContactsCsv } from '@/lib/contacts/import';
import type { TContactFormInput } from '@/lib/contacts/schemas';
import { createContact } from '@/lib/contacts/service';
import { formObject, runAction } from '@/lib/http/action';
import { importCsvFile } from './import-file';

export async function addContact(_prev: unknown, form: FormData) {
  const res = await runAction('contact.manage', async (ctx) => {
    await createContact(ctx, formObject(form) as TContactFormInput);
    return null;
  });
  if (res.ok) {
    revalidatePath('/contacts');
    revalidatePath('/companies');
  }
  return res;
}

export async function importContacts(_prev: unknown, form: FormData) {
  const res = await importCsvFile(form, importContactsCsv);
  if (res.ok && res.data.ok) {
    revalidatePath('/contacts');
    revalidatePath('/companies');
  }
  return res;
}
