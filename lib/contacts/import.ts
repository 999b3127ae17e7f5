import type { z } from 'zod';
import { isUniqueViolation, withTenant, type Tx } from '../db';
import { audit } from '../audit';
import { AppError } from '../errors';
import { formatNumber } from '../i18n';
import type { TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import { fieldErrors, rule, safeParseLocalized } from '../validation';
import { parseCsv } from './csv';
import { MAX_IMPORT_ROWS, ZCompanyInput, ZContactInput, type ImportReport, type RowError } from './schemas';
import { importInternals as I } from './service';

const COMPANY_ALIASES: Record<string, string> = {
  name: 'name',
  naam: 'name',
  company: 'name',
  bedrijf: 'name',
  externalid: 'externalId',
  externid: 'externalId',
  id: 'externalId',
  owneremail: 'ownerEmail',
  owner: 'ownerEmail',
  eigenaar: 'ownerEmail',
  accountmanager: 'ownerEmail',
  businessunit: 'businessUnit',
  bu: 'businessUnit',
  region: 'region',
  regio: 'region',
  phone: 'phone',
  telephone: 'phone',
  telefoon: 'phone',
  telefoonnummer: 'phone',
  tel: 'phone',
  yearlyrevenue: 'yearlyRevenue',
  revenue: 'yearlyRevenue',
  omzet: 'yearlyRevenue',
  jaaromzet: 'yearlyRevenue',
};

const CONTACT_ALIASES: Record<string, string> = {
  email: 'email',
  emailaddress: 'email',
  emailadres: 'email',
  name: 'name',
  naam: 'name',
  phone: 'phone',
  telephone: 'phone',
  mobile: 'phone',
  telefoon: 'phone',
  telefoonnummer: 'phone',
  mobiel: 'phone',
  tel: 'phone',
  locale: 'locale',
  language: 'locale',
  taal: 'locale',
  company: 'company',
  bedrijf: 'company',
  companyexternalid: 'company',
};

class RollBack extends Error {}

type WriteResult = { created: boolean } | { errors: { field: string; message: string }[] };

interface ImportSpec<S extends z.ZodType> {
  aliases: Record<string, string>;
  schema: S;
  /** The key that must be unique within the file, and the field to blame for a duplicate. */
  keyOf: (row: z.output<S>) => { key: string; field: string };
  write: (tx: Tx, row: z.output<S>) => Promise<WriteResult>;
  auditAction: string;
}

/**
 * Runs a CSV import. Every row is checked before anything is written; with one bad row the report
 * lists every problem and the database is left untouched (one transaction, rolled back).
 */
async function runImport<S extends z.ZodType>(
  ctx: TenantContext,
  csv: string,
  spec: ImportSpec<S>,
): Promise<ImportReport> {
  authorize(ctx, 'contact.manage');
  let rows;
  try {
    rows = parseCsv(csv, spec.aliases);
  } catch (err) {
    const message = rule(ctx.locale, 'badFile', { reason: (err as Error).message });
    return { ok: false, total: 0, created: 0, updated: 0, errors: [{ line: 0, field: 'file', message }] };
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    const message = rule(ctx.locale, 'tooManyRows', {
      count: formatNumber(rows.length, ctx.locale),
      max: formatNumber(MAX_IMPORT_ROWS, ctx.locale),
    });
    return {
      ok: false,
      total: rows.length,
      created: 0,
      updated: 0,
      errors: [{ line: 0, field: 'file', message }],
    };
  }
  const errors: RowError[] = [];
  const parsed: { line: number; row: z.output<S> }[] = [];
  const seen = new Map<string, number>();
  for (const { line, record } of rows) {
    const r = safeParseLocalized(spec.schema, record, ctx.locale);
    if (!r.success) {
      for (const [field, message] of Object.entries(fieldErrors(r.error, ctx.locale)))
        errors.push({ line, field, message });
      continue;
    }
    const { key, field } = spec.keyOf(r.data);
    if (seen.has(key)) {
      errors.push({ line, field, message: rule(ctx.locale, 'duplicateLine', { line: seen.get(key)! }) });
      continue;
    }
    seen.set(key, line);
    parsed.push({ line, row: r.data });
  }
  if (rows.length === 0) errors.push({ line: 1, field: 'file', message: rule(ctx.locale, 'noRows') });

  let created = 0;
  let updated = 0;
  try {
    await withTenant(
      ctx.tenantId,
      async (tx) => {
        for (const { line, row } of parsed) {
          const res = await spec.write(tx, row);
          if ('errors' in res) errors.push(...res.errors.map((e) => ({ line, ...e })));
          else if (res.created) created++;
          else updated++;
        }
        if (errors.length) throw new RollBack();
        await audit(tx, {
          tenantId: ctx.tenantId,
          actorUserId: ctx.userId,
          action: spec.auditAction,
          entityType: 'tenant',
          entityId: ctx.tenantId,
          data: { created, updated },
        });
      },
      { timeout: 120_000 },
    );
  } catch (err) {
    // Another add or import wrote the same email or external id between our look-up and insert.
    if (isUniqueViolation(err)) {
      const message = rule(ctx.locale, 'savedConcurrently');
      throw new AppError('CONFLICT', message, { fields: { file: message } });
    }
    if (!(err instanceof RollBack)) throw err;
  }
  errors.sort((a, b) => a.line - b.line);
  return errors.length
    ? { ok: false, total: rows.length, created: 0, updated: 0, errors }
    : { ok: true, total: rows.length, created, updated, errors };
}

/**
 * Companies: upsert by external id (else by exact name, refused when several share it); owner by
 * member email; units created as needed. Blank cells keep what is stored.
 */
export async function importCompaniesCsv(ctx: TenantContext, csv: string): Promise<ImportReport> {
  const owners = await withTenant(ctx.tenantId, (tx) => I.ownerMap(tx, ctx.tenantId));
  return runImport(ctx, csv, {
    aliases: COMPANY_ALIASES,
    schema: ZCompanyInput,
    keyOf: (r) =>
      r.externalId
        ? { key: `x:${r.externalId}`, field: 'externalId' }
        : { key: `n:${r.name.toLowerCase()}`, field: 'name' },
    auditAction: 'company.imported',
    async write(tx, row) {
      const refs = await I.resolveCompanyRefs(tx, ctx.tenantId, row, owners, ctx.locale);
      if (refs.errors.length) return { errors: refs.errors };
      return I.upsertCompany(tx, ctx.tenantId, row, refs, ctx.locale);
    },
  });
}

/** Contacts: upsert by email; the company column names an external id or a company name. Blank cells keep what is stored. */
export async function importContactsCsv(ctx: TenantContext, csv: string): Promise<ImportReport> {
  return runImport(ctx, csv, {
    aliases: CONTACT_ALIASES,
    schema: ZContactInput,
    keyOf: (r) => ({ key: r.email, field: 'email' }),
    auditAction: 'contact.imported',
    async write(tx, row) {
      let companyId: string | undefined;
      if (row.company) {
        const c = await I.findCompanyRef(tx, ctx.tenantId, row.company, ctx.locale);
        if ('error' in c) return { errors: [{ field: 'company', message: c.error }] };
        companyId = c.id;
      }
      return I.upsertContact(tx, ctx.tenantId, row, companyId);
    },
  });
}
