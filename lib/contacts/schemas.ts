import { z } from 'zod';
import { LOCALES } from '../i18n';
import { ZEmail } from '../tenancy/schemas';
import { ZId } from '../validation';
import { ZPhone } from './phone';

const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const ZCompanyInput = z.object({
  name: z.string().trim().min(1).max(160),
  externalId: optText(80),
  ownerEmail: z
    .union([ZEmail, z.literal('')])
    .optional()
    .transform((v) => (v ? v : undefined)),
  businessUnit: optText(80),
  region: optText(80),
  /** The switchboard; stored as E.164. */
  phone: ZPhone,
  yearlyRevenue: z
    .union([z.literal(''), z.coerce.number().nonnegative().max(1e13)])
    .optional()
    .transform((v) => (v === '' || v === undefined ? undefined : v)),
});

export const ZContactInput = z.object({
  email: ZEmail,
  name: optText(160),
  /** Stored as E.164. */
  phone: ZPhone,
  locale: z
    .union([z.enum(LOCALES), z.literal('')])
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** The company's external id or exact name. */
  company: optText(160),
});

/** The "Add contact" form picks the company by id: names and external ids can collide. */
export const ZContactFormInput = ZContactInput.omit({ company: true }).extend({
  companyId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(ZId.optional()),
});

export type TCompanyInput = z.input<typeof ZCompanyInput>;
export type TContactInput = z.input<typeof ZContactInput>;
export type TContactFormInput = z.input<typeof ZContactFormInput>;

export interface RowError {
  /** Line number in the file (the header is line 1). */
  line: number;
  field: string;
  message: string;
}

/** A larger file is refused whole: split it (it would also take long to check and report). */
export const MAX_IMPORT_ROWS = 10_000;

/** Rows per transaction when importing: each batch commits on its own, in a second or two. */
export const IMPORT_BATCH_ROWS = 500;

/** `all`: all or nothing. `valid`: import the valid rows, report the rest. */
export const IMPORT_MODES = ['all', 'valid'] as const;
export type TImportMode = (typeof IMPORT_MODES)[number];

export interface ImportReport {
  /** No problem at all: every row was imported. */
  ok: boolean;
  mode: TImportMode;
  /** Rows read (the header not counted). */
  total: number;
  created: number;
  updated: number;
  /** Rows not imported (with at least one problem; in mode `all` with problems: every row). */
  skipped: number;
  errors: RowError[];
}
