import { isUniqueViolation, withTenant, type CompanyModel, type Tx } from '../db';
import { audit } from '../audit';
import { AppError, notFound } from '../errors';
import { actorOf, type TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import type { TLocale } from '../i18n';
import { parseInput, rule, ZId } from '../validation';
import {
  ZCompanyInput,
  ZContactFormInput,
  ZContactInput,
  type TCompanyInput,
  type TContactFormInput,
} from './schemas';

export async function listBusinessUnits(ctx: TenantContext) {
  authorize(ctx, 'contact.read');
  return withTenant(ctx.tenantId, (tx) =>
    tx.businessUnit.findMany({ where: { tenantId: ctx.tenantId }, orderBy: { name: 'asc' } }),
  );
}

/** Members who can own accounts: the one query behind owner pickers and the owner column of imports. */
async function findOwners(tx: Tx, tenantId: string) {
  const rows = await tx.membership.findMany({
    where: { tenantId, role: { in: ['OWNER', 'ADMIN', 'ACCOUNT_MANAGER'] } },
    select: { id: true, user: { select: { name: true, email: true } } },
  });
  return rows.map((r) => ({ membershipId: r.id, name: r.user.name ?? r.user.email, email: r.user.email }));
}

/** Members who can own accounts, for owner pickers. */
export async function listOwners(ctx: TenantContext) {
  authorize(ctx, 'contact.read');
  return withTenant(ctx.tenantId, (tx) => findOwners(tx, ctx.tenantId));
}

/** Owner membership ids by lower-cased email, for resolving an owner email. */
async function ownerMap(tx: Tx, tenantId: string) {
  const owners = await findOwners(tx, tenantId);
  return new Map(owners.map((o) => [o.email.toLowerCase(), o.membershipId]));
}

export async function listCompanies(ctx: TenantContext, filter: { q?: string } = {}) {
  authorize(ctx, 'contact.read');
  const rows = await withTenant(ctx.tenantId, (tx) =>
    tx.company.findMany({
      where: {
        tenantId: ctx.tenantId,
        ...(filter.q ? { name: { contains: filter.q, mode: 'insensitive' } } : {}),
      },
      include: {
        owner: { select: { user: { select: { name: true, email: true } } } },
        businessUnit: { select: { name: true } },
        _count: { select: { contacts: true } },
      },
      orderBy: { name: 'asc' },
    }),
  );
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    externalId: c.externalId,
    region: c.region,
    phone: c.phone,
    businessUnit: c.businessUnit?.name ?? null,
    owner: c.owner ? (c.owner.user.name ?? c.owner.user.email) : null,
    contacts: c._count.contacts,
    yearlyRevenue: c.yearlyRevenue ? Number(c.yearlyRevenue) : null,
  }));
}

export async function listContacts(ctx: TenantContext, filter: { companyId?: string; q?: string } = {}) {
  authorize(ctx, 'contact.read');
  if (filter.companyId && !ZId.safeParse(filter.companyId).success) throw notFound();
  return withTenant(ctx.tenantId, (tx) =>
    tx.contact.findMany({
      where: {
        tenantId: ctx.tenantId,
        ...(filter.companyId ? { companyId: filter.companyId } : {}),
        ...(filter.q
          ? {
              OR: [
                { email: { contains: filter.q, mode: 'insensitive' } },
                { name: { contains: filter.q, mode: 'insensitive' } },
              ],
            }
          : {}),
      },
      include: { company: { select: { id: true, name: true } } },
      orderBy: [{ company: { name: 'asc' } }, { email: 'asc' }],
      take: 1000,
    }),
  );
}

type CompanyData = ReturnType<typeof ZCompanyInput.parse>;
type ContactData = Omit<ReturnType<typeof ZContactInput.parse>, 'company'>;
type FieldError = { field: string; message: string };

function badFields(errors: FieldError[]) {
  return new AppError('BAD_REQUEST', errors.map((e) => e.message).join('; '), {
    fields: Object.fromEntries(errors.map((e) => [e.field, e.message])),
  });
}

/**
 * Upserts find first and create after, so a concurrent add of the same key makes the unique index
 * refuse the insert: said on the field as a 409, not a 500.
 */
function conflictOn(field: string, locale: TLocale) {
  const message = rule(locale, 'savedConcurrently');
  return new AppError('CONFLICT', message, { fields: { [field]: message } });
}

/** Resolves names and emails in a company row to ids; returns field errors instead of throwing. */
async function resolveCompanyRefs(
  tx: Tx,
  tenantId: string,
  row: CompanyData,
  owners: Map<string, string>,
  locale: TLocale,
) {
  const errors: FieldError[] = [];
  let ownerMembershipId: string | null = null;
  if (row.ownerEmail) {
    const id = owners.get(row.ownerEmail);
    if (!id)
      errors.push({ field: 'ownerEmail', message: rule(locale, 'notAMember', { email: row.ownerEmail }) });
    else ownerMembershipId = id;
  }
  let businessUnitId: string | null = null;
  // A refused row creates nothing (not even its new business unit).
  if (errors.length) return { errors, ownerMembershipId, businessUnitId };
  if (row.businessUnit) {
    // ON CONFLICT DO NOTHING, then read: two adds naming the same new unit at once both succeed
    // (an upsert would look first and then collide on the unique name).
    await tx.businessUnit.createMany({ data: [{ tenantId, name: row.businessUnit }], skipDuplicates: true });
    const bu = await tx.businessUnit.findUniqueOrThrow({
      where: { tenantId_name: { tenantId, name: row.businessUnit } },
      select: { id: true },
    });
    businessUnitId = bu.id;
  }
  return { errors, ownerMembershipId, businessUnitId };
}

/** Companies with exactly this name (any case); two are enough to know the name is ambiguous. */
function companiesNamed(tx: Tx, tenantId: string, name: string) {
  return tx.company.findMany({
    where: { tenantId, name: { equals: name, mode: 'insensitive' } },
    select: { id: true },
    take: 2,
  });
}

/**
 * Upserts one company inside a transaction: by external id, else by exact name (whether or not that
 * company has an external id); a name shared by several companies is an error, not a guess.
 * A blank field (undefined) leaves the stored value alone on update and is null on create.
 */
async function upsertCompany(
  tx: Tx,
  tenantId: string,
  row: CompanyData,
  refs: { ownerMembershipId: string | null; businessUnitId: string | null },
  locale: TLocale,
): Promise<{ company: CompanyModel; created: boolean } | { errors: FieldError[] }> {
  const data = {
    name: row.name,
    externalId: row.externalId,
    region: row.region,
    phone: row.phone,
    yearlyRevenue: row.yearlyRevenue,
    ownerMembershipId: row.ownerEmail !== undefined ? refs.ownerMembershipId : undefined,
    businessUnitId: row.businessUnit !== undefined ? refs.businessUnitId : undefined,
  };
  let existing: { id: string } | null | undefined;
  if (row.externalId) {
    existing = await tx.company.findUnique({
      where: { tenantId_externalId: { tenantId, externalId: row.externalId } },
      select: { id: true },
    });
  } else {
    const named = await companiesNamed(tx, tenantId, row.name);
    if (named.length > 1)
      return { errors: [{ field: 'name', message: rule(locale, 'ambiguousCompany', { name: row.name }) }] };
    existing = named[0];
  }
  if (existing) {
    const c = await tx.company.update({ where: { tenantId_id: { tenantId, id: existing.id } }, data });
    return { company: c, created: false };
  }
  const c = await tx.company.create({ data: { tenantId, ...data } });
  return { company: c, created: true };
}

export async function createCompany(ctx: TenantContext, input: TCompanyInput) {
  authorize(ctx, 'contact.manage');
  const row = parseInput(ZCompanyInput, input, ctx.locale);
  try {
    return await withTenant(ctx.tenantId, async (tx) => {
      const owners = await ownerMap(tx, ctx.tenantId);
      const refs = await resolveCompanyRefs(tx, ctx.tenantId, row, owners, ctx.locale);
      if (refs.errors.length) throw badFields(refs.errors);
      const res = await upsertCompany(tx, ctx.tenantId, row, refs, ctx.locale);
      if ('errors' in res) throw badFields(res.errors);
      await audit(tx, {
        tenantId: ctx.tenantId,
        ...actorOf(ctx),
        action: res.created ? 'company.created' : 'company.updated',
        entityType: 'company',
        entityId: res.company.id,
      });
      return res.company;
    });
  } catch (err) {
    // Business units cannot collide (see resolveCompanyRefs): the unique index is the external id's.
    if (isUniqueViolation(err)) throw conflictOn('externalId', ctx.locale);
    throw err;
  }
}

/** The company a CSV `company` cell names: its external id, else its exact name (any case). */
async function findCompanyRef(
  tx: Tx,
  tenantId: string,
  ref: string,
  locale: TLocale,
): Promise<{ id: string } | { error: string }> {
  const byExternalId = await tx.company.findUnique({
    where: { tenantId_externalId: { tenantId, externalId: ref } },
    select: { id: true },
  });
  if (byExternalId) return byExternalId;
  const named = await companiesNamed(tx, tenantId, ref);
  if (named.length > 1) return { error: rule(locale, 'ambiguousCompany', { name: ref }) };
  return named[0] ?? { error: rule(locale, 'unknownCompany', { company: ref }) };
}

/** Upserts one contact by email; a blank field leaves the stored value alone, as for companies. */
async function upsertContact(tx: Tx, tenantId: string, row: ContactData, companyId: string | undefined) {
  const data = { name: row.name, phone: row.phone, locale: row.locale, companyId };
  const existing = await tx.contact.findUnique({
    where: { tenantId_email: { tenantId, email: row.email } },
    select: { id: true },
  });
  if (existing) {
    const c = await tx.contact.update({ where: { tenantId_id: { tenantId, id: existing.id } }, data });
    return { contact: c, created: false };
  }
  const c = await tx.contact.create({ data: { tenantId, email: row.email, ...data } });
  return { contact: c, created: true };
}

export async function createContact(ctx: TenantContext, input: TContactFormInput) {
  authorize(ctx, 'contact.manage');
  const row = parseInput(ZContactFormInput, input, ctx.locale);
  try {
    return await withTenant(ctx.tenantId, async (tx) => {
      if (row.companyId) {
        // Through the tenant: another tenant's company id is as unknown as a made-up one.
        const c = await tx.company.findUnique({
          where: { tenantId_id: { tenantId: ctx.tenantId, id: row.companyId } },
          select: { id: true },
        });
        if (!c)
          throw badFields([
            { field: 'companyId', message: rule(ctx.locale, 'unknownCompany', { company: row.companyId }) },
          ]);
      }
      const { contact, created } = await upsertContact(tx, ctx.tenantId, row, row.companyId);
      await audit(tx, {
        tenantId: ctx.tenantId,
        ...actorOf(ctx),
        action: created ? 'contact.created' : 'contact.updated',
        entityType: 'contact',
        entityId: contact.id,
      });
      return contact;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflictOn('email', ctx.locale);
    throw err;
  }
}

export const importInternals = { resolveCompanyRefs, upsertCompany, findCompanyRef, upsertContact, ownerMap };
