import type { z } from 'zod';
import { isUniqueViolation, withTenant, type Tx } from '../db';
import { audit } from '../audit';
import { formatNumber } from '../i18n';
import { actorOf, type TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import { fieldErrors, rule, safeParseLocalized } from '../validation';
import { parseCsv } from './csv';
import {
  IMPORT_BATCH_ROWS,
  MAX_IMPORT_ROWS,
  ZCompanyInput,
  ZContactInput,
  type ImportReport,
  type RowError,
  type TImportMode,
} from './schemas';
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

interface TImportOptions {
  mode: TImportMode;
  /** Rows per transaction (IMPORT_BATCH_ROWS; tests pass a small number). */
  batchRows: number;
}

type Parsed<S extends z.ZodType> = { line: number; row: z.output<S> }[];

/**
 * Writes the rows in batches of IMPORT_BATCH_ROWS, one short transaction each (a file of 10,000 rows
 * never holds one transaction for minutes). Every row runs inside a savepoint: a row the database
 * refuses (unknown owner or company, an ambiguous name, a unique key someone else just saved) is
 * rolled back alone, named in the errors, and the batch goes on. `commit: false` is the dry run of
 * the all-or-nothing mode: the same writes, every batch rolled back.
 */
async function writeBatches<S extends z.ZodType>(
  ctx: TenantContext,
  parsed: Parsed<S>,
  spec: ImportSpec<S>,
  commit: boolean,
  batchRows: number,
) {
  const errors: RowError[] = [];
  let created = 0;
  let updated = 0;
  for (let i = 0; i < parsed.length; i += batchRows) {
    const batch = parsed.slice(i, i + batchRows);
    const out = { errors: [] as RowError[], created: 0, updated: 0 };
    try {
      await withTenant(
        ctx.tenantId,
        async (tx) => {
          for (const { line, row } of batch) {
            await tx.$executeRawUnsafe('SAVEPOINT import_row');
            let res: WriteResult;
            try {
              res = await spec.write(tx, row);
            } catch (err) {
              if (!isUniqueViolation(err)) throw err;
              res = {
                errors: [{ field: spec.keyOf(row).field, message: rule(ctx.locale, 'savedConcurrently') }],
              };
            }
            if ('errors' in res) {
              await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT import_row');
              out.errors.push(...res.errors.map((e) => ({ line, ...e })));
            } else {
              await tx.$executeRawUnsafe('RELEASE SAVEPOINT import_row');
              if (res.created) out.created++;
              else out.updated++;
            }
          }
          if (!commit) throw new RollBack();
        },
        { timeout: 60_000 },
      );
    } catch (err) {
      if (!(err instanceof RollBack)) throw err;
    }
    errors.push(...out.errors);
    created += out.created;
    updated += out.updated;
  }
  return { errors, created, updated };
}

/**
 * Runs a CSV import. Every row is checked against the schema first. Mode `all` (all or nothing):
 * with any bad row nothing is written; the rows are first written in a dry run (rolled back) so the
 * problems only the database can see are reported too, then for real. Mode `valid`: the valid rows
 * are imported and every other row is reported. Either way the report names line, field and reason
 * in the user's language.
 */
async function runImport<S extends z.ZodType>(
  ctx: TenantContext,
  csv: string,
  { mode, batchRows }: TImportOptions,
  spec: ImportSpec<S>,
): Promise<ImportReport> {
  authorize(ctx, 'contact.manage');
  const refused = (total: number, message: string, line = 0): ImportReport => ({
    ok: false,
    mode,
    total,
    created: 0,
    updated: 0,
    skipped: total,
    errors: [{ line, field: 'file', message }],
  });
  let rows;
  try {
    rows = parseCsv(csv, spec.aliases);
  } catch (err) {
    return refused(0, rule(ctx.locale, 'badFile', { reason: (err as Error).message }));
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    return refused(
      rows.length,
      rule(ctx.locale, 'tooManyRows', {
        count: formatNumber(rows.length, ctx.locale),
        max: formatNumber(MAX_IMPORT_ROWS, ctx.locale),
      }),
    );
  }
  if (rows.length === 0) return refused(0, rule(ctx.locale, 'noRows'), 1);

  const errors: RowError[] = [];
  const parsed: Parsed<S> = [];
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

  const nothing = (errs: RowError[]): ImportReport => ({
    ok: false,
    mode,
    total: rows.length,
    created: 0,
    updated: 0,
    skipped: rows.length,
    errors: errs.sort((a, b) => a.line - b.line),
  });
  if (mode === 'all') {
    // The dry run also when the schema refused rows: the report then lists every problem at once.
    const dry = await writeBatches(ctx, parsed, spec, false, batchRows);
    if (errors.length || dry.errors.length) return nothing([...errors, ...dry.errors]);
  }
  const done = await writeBatches(ctx, parsed, spec, true, batchRows);
  errors.push(...done.errors);
  errors.sort((a, b) => a.line - b.line);
  const skipped = new Set(errors.map((e) => e.line)).size;
  if (done.created + done.updated > 0) {
    await withTenant(ctx.tenantId, (tx) =>
      audit(tx, {
        tenantId: ctx.tenantId,
        ...actorOf(ctx),
        action: spec.auditAction,
        entityType: 'tenant',
        entityId: ctx.tenantId,
        data: { mode, created: done.created, updated: done.updated, skipped },
      }),
    );
  }
  return {
    ok: errors.length === 0,
    mode,
    total: rows.length,
    created: done.created,
    updated: done.updated,
    skipped,
    errors,
  };
}

/**
 * Companies: upsert by external id (else by exact name, refused when several share it); owner by
 * member email; units created as needed. Blank cells keep what is stored.
 */
export async function importCompaniesCsv(
  ctx: TenantContext,
  csv: string,
  mode: TImportMode = 'all',
  { batchRows = IMPORT_BATCH_ROWS }: { batchRows?: number } = {},
): Promise<ImportReport> {
  const owners = await withTenant(ctx.tenantId, (tx) => I.ownerMap(tx, ctx.tenantId));
  return runImport(
    ctx,
    csv,
    { mode, batchRows },
    {
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
    },
  );
}

/** Contacts: upsert by email; the company column names an external id or a company name. Blank cells keep what is stored. */
export async function importContactsCsv(
  ctx: TenantContext,
  csv: string,
  mode: TImportMode = 'all',
  { batchRows = IMPORT_BATCH_ROWS }: { batchRows?: number } = {},
): Promise<ImportReport> {
  return runImport(
    ctx,
    csv,
    { mode, batchRows },
    {
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
    },
  );
}
