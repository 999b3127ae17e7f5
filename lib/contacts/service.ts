import { db, type Tx } from '../db';
import { audit } from '../audit';
import { AppError, notFound } from '../errors';
import type { TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import type { TLocale } from '../i18n';
import { parseInput, rule, ZId } from '../validation';
import { ZCompanyInput, ZContactInput, type TCompanyInput, type TContactInput } from './schemas';

export async function listBusinessUnits(ctx: TenantContext) {
  authorize(ctx, 'contact.read');
  return db.businessUnit.findMany({ where: { tenantId: ctx.tenantId }, orderBy: { name: 'asc' } });
}

/** Members who can own accounts, for owner pickers. */
export async function listOwners(ctx: TenantContext) {
  authorize(ctx, 'contact.read');
  const rows = await db.membership.findMany({
    where: { tenantId: ctx.tenantId, role: { in: ['OWNER', 'ADMIN', 'ACCOUNT_MANAGER'] } },
    select: { id: true, user: { select: { name: true, email: true } } },
  });
  return rows.map((r) => ({ membershipId: r.id, name: r.user.name ?? r.user.email, email: r.user.email }));
}

export async function listCompanies(ctx: TenantContext, filter: { q?: string } = {}) {
  authorize(ctx, 'contact.read');
  const rows = await db.company.findMany({
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
  });
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    externalId: c.externalId,
    region: c.region,
    businessUnit: c.businessUnit?.name ?? null,
    owner: c.owner ? (c.owner.user.name ?? c.owner.user.email) : null,
    contacts: c._count.contacts,
    yearlyRevenue: c.yearlyRevenue ? Number(c.yearlyRevenue) : null,
  }));
}

export async function listContacts(ctx: TenantContext, filter: { companyId?: string; q?: string } = {}) {
  authorize(ctx, 'contact.read');
  if (filter.companyId && !ZId.safeParse(filter.companyId).success) throw notFound();
  return db.contact.findMany({
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
  });
}

type CompanyData = ReturnType<typeof ZCompanyInput.parse>;
type ContactData = ReturnType<typeof ZContactInput.parse>;

/** Resolves names and emails in a company row to ids; returns field errors instead of throwing. */
async function resolveCompanyRefs(
  tx: Tx,
  tenantId: string,
  row: CompanyData,
  owners: Map<string, string>,
  locale: TLocale,
) {
  const errors: { field: string; message: string }[] = [];
  let ownerMembershipId: string | null = null;
  if (row.ownerEmail) {
    const id = owners.get(row.ownerEmail);
    if (!id)
      errors.push({ field: 'ownerEmail', message: rule(locale, 'notAMember', { email: row.ownerEmail }) });
    else ownerMembershipId = id;
  }
  let businessUnitId: string | null = null;
  if (row.businessUnit) {
    const bu = await tx.businessUnit.upsert({
      where: { tenantId_name: { tenantId, name: row.businessUnit } },
      create: { tenantId, name: row.businessUnit },
      update: {},
    });
    businessUnitId = bu.id;
  }
  return { errors, ownerMembershipId, businessUnitId };
}

async function ownerMap(tenantId: string) {
  const members = await db.membership.findMany({
    where: { tenantId, role: { in: ['OWNER', 'ADMIN', 'ACCOUNT_MANAGER'] } },
    select: { id: true, user: { select: { email: true } } },
  });
  return new Map(members.map((m) => [m.user.email.toLowerCase(), m.id]));
}

/** Upserts one company (by external id, else by exact name) inside a transaction. */
async function upsertCompany(
  tx: Tx,
  tenantId: string,
  row: CompanyData,
  refs: { ownerMembershipId: string | null; businessUnitId: string | null },
) {
  const data = {
    name: row.name,
    externalId: row.externalId ?? null,
    region: row.region ?? null,
    yearlyRevenue: row.yearlyRevenue ?? null,
    ...(row.ownerEmail !== undefined ? { ownerMembershipId: refs.ownerMembershipId } : {}),
    ...(row.businessUnit !== undefined ? { businessUnitId: refs.businessUnitId } : {}),
  };
  const existing = row.externalId
    ? await tx.company.findUnique({
        where: { tenantId_externalId: { tenantId, externalId: row.externalId } },
      })
    : await tx.company.findFirst({
        where: { tenantId, name: { equals: row.name, mode: 'insensitive' }, externalId: null },
      });
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
  const owners = await ownerMap(ctx.tenantId);
  return db.$transaction(async (tx) => {
    const refs = await resolveCompanyRefs(tx, ctx.tenantId, row, owners, ctx.locale);
    if (refs.errors.length) {
      throw new AppError('BAD_REQUEST', refs.errors.map((e) => e.message).join('; '), {
        fields: Object.fromEntries(refs.errors.map((e) => [e.field, e.message])),
      });
    }
    const { company, created } = await upsertCompany(tx, ctx.tenantId, row, refs);
    await audit(tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: created ? 'company.created' : 'company.updated',
      entityType: 'company',
      entityId: company.id,
    });
    return company;
  });
}

async function findCompanyRef(tx: Tx, tenantId: string, ref: string) {
  return (
    (await tx.company.findUnique({
      where: { tenantId_externalId: { tenantId, externalId: ref } },
      select: { id: true },
    })) ??
    (await tx.company.findFirst({
      where: { tenantId, name: { equals: ref, mode: 'insensitive' } },
      select: { id: true },
    }))
  );
}

async function upsertContact(
  tx: Tx,
  tenantId: string,
  row: ContactData,
  companyId: string | null | undefined,
) {
  const data = {
    name: row.name ?? null,
    locale: row.locale ?? null,
    ...(companyId !== undefined ? { companyId } : {}),
  };
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

export async function createContact(ctx: TenantContext, input: TContactInput) {
  authorize(ctx, 'contact.manage');
  const row = parseInput(ZContactInput, input, ctx.locale);
  return db.$transaction(async (tx) => {
    let companyId: string | undefined;
    if (row.company) {
      const c = await findCompanyRef(tx, ctx.tenantId, row.company);
      if (!c) {
        const message = rule(ctx.locale, 'unknownCompany', { company: row.company });
        throw new AppError('BAD_REQUEST', message, { fields: { company: message } });
      }
      companyId = c.id;
    }
    const { contact, created } = await upsertContact(tx, ctx.tenantId, row, companyId);
    await audit(tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: created ? 'contact.created' : 'contact.updated',
      entityType: 'contact',
      entityId: contact.id,
    });
    return contact;
  });
}

export const importInternals = { resolveCompanyRefs, upsertCompany, findCompanyRef, upsertContact, ownerMap };
