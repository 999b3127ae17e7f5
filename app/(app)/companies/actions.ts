'use server';

import { revalidatePath } from 'next/cache';
import { importCompaniesCsv } from '@/lib/contacts/import';
import type { TCompanyInput } from '@/lib/contacts/schemas';
import { createCompany } from '@/lib/contacts/service';
import { formObject, runAction } from '@/lib/http/action';
import { importCsvFile } from '../contacts/import-file';

export async function addCompany(_prev: unknown, form: FormData) {
  // The saved row holds a Decimal, which cannot cross to the client; the form only needs "ok".
  const res = await runAction('contact.manage', async (ctx) => {
    await createCompany(ctx, formObject(form) as TCompanyInput);
    return null;
  });
  if (res.ok) revalidatePath('/companies');
  return res;
}

export async function importCompanies(_prev: unknown, form: FormData) {
  const res = await importCsvFile(form, importCompaniesCsv);
  if (res.ok && res.data.ok) {
    revalidatePath('/companies');
    revalidatePath('/contacts');
  }
  return res;
}
