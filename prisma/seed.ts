// Demo seed: one Dutch B2B tenant with a year of history, so the dashboard and queues tell a story on
// first start. Idempotent: does nothing when the demo tenant exists. Run: npm run db:seed.
import { pathToFileURL } from 'node:url';
import { uuidv7 } from 'uuidv7';
import { asSystem, disconnectDb, withTenant, type Prisma, type Tx } from '../lib/db';
import { DEMO_DOMAIN } from '../lib/auth/demo';
import { dueDate, slaDaysFor } from '../lib/followup/sla';
import { categoryOf } from '../lib/nps';
import { DEFAULT_TEXTS } from '../lib/surveys/schemas';
import { newRoutingKey } from '../lib/tenancy/service';
import { hashToken } from '../lib/distribution/tokens';
import { DEMO, COMMENTS, COMPANY_NAMES } from './seed-data';

/** Small deterministic PRNG (mulberry32) so every demo database looks the same. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One transaction: a crash halfway leaves nothing behind, so the next run seeds again instead of
 * skipping a half-built tenant. The bulk rows go in with createMany to stay fast. Like a sign-up, the
 * slug is looked up across tenants; everything else is written under the new tenant's row-level
 * security, exactly as the app would.
 */
export async function seedDemo(now = new Date()): Promise<{ created: boolean; tenantId: string }> {
  const existing = await asSystem('sign-up', (tx) =>
    tx.tenant.findUnique({ where: { slug: DEMO.slug }, select: { id: true } }),
  );
  if (existing) return { created: false, tenantId: existing.id };
  const tenantId = uuidv7();
  return withTenant(tenantId, (tx) => seedIn(tx, tenantId, now), { maxWait: 10_000, timeout: 120_000 });
}

async function seedIn(tx: Tx, tenantId: string, now: Date): Promise<{ created: boolean; tenantId: string }> {
  const rand = rng(20261123);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  const tenant = await tx.tenant.create({
    data: {
      id: tenantId,
      name: DEMO.name,
      slug: DEMO.slug,
      senderName: DEMO.name,
      routingKey: newRoutingKey(),
      defaultLocale: 'nl',
    },
  });
  const members: Record<string, string> = {};
  for (const u of DEMO.users) {
    const user = await tx.user.upsert({
      where: { email: `${u.local}@${DEMO_DOMAIN}` },
      create: { email: `${u.local}@${DEMO_DOMAIN}`, name: u.name, locale: u.locale, emailVerified: now },
      update: {},
    });
    const m = await tx.membership.create({ data: { tenantId, userId: user.id, role: u.role } });
    members[u.local] = m.id;
  }

  const units: { id: string }[] = [];
  for (const name of DEMO.units) units.push(await tx.businessUnit.create({ data: { tenantId, name } }));
  const touchpoints = [];
  for (const tp of DEMO.touchpoints) {
    const t = await tx.touchpoint.create({
      data: { tenantId, name: tp.name, phase: tp.phase, description: tp.description },
    });
    const s = await tx.survey.create({
      data: { tenantId, touchpointId: t.id, name: `NPS ${tp.name}`, status: 'ACTIVE', texts: DEFAULT_TEXTS },
    });
    touchpoints.push({ ...t, surveyId: s.id, weight: tp.weight, bias: tp.bias });
  }

  const AREA_CODES = ['20', '10', '30', '70', '40', '50'];
  const owners = [members.am!, members.am!, members.am2!, members.am2!, members.am3!, null];
  const companies: Prisma.CompanyCreateManyInput[] = COMPANY_NAMES.map((name, i) => ({
    tenantId,
    id: uuidv7(),
    name,
    externalId: `CRM-${String(1001 + i)}`,
    ownerMembershipId: owners[i % owners.length] ?? null,
    businessUnitId: units[i % units.length]!.id,
    region: pick(DEMO.regions),
    // Switchboards in a few Dutch area codes (E.164, as the app stores them); derived from the
    // index so the seeded random sequence (and everything drawn after it) stays the same.
    phone: `+31${AREA_CODES[i % AREA_CODES.length]}${String(1_000_000 + ((i * 7_919) % 9_000_000)).slice(0, 7)}`,
    yearlyRevenue: Math.round(20_000 + rand() * 480_000),
  }));
  await tx.company.createMany({ data: companies });

  const contacts: Prisma.ContactCreateManyInput[] = [];
  companies.forEach((c, i) => {
    const domain = c.name.toLowerCase().replace(/[^a-z0-9]+/g, '') + '.example';
    for (let k = 0; k < 5; k++) {
      const [first, last] = [pick(DEMO.firstNames), pick(DEMO.lastNames)];
      contacts.push({
        tenantId,
        id: uuidv7(),
        companyId: c.id!,
        email: `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, '')}${k}@${domain}`,
        name: `${first} ${last}`,
        // Four in five contacts have a mobile number.
        phone:
          k === 4
            ? null
            : `+316${1 + ((i + k) % 5)}${String(1_000_000 + (((i * 5 + k) * 104_729) % 8_999_999))}`,
        locale: (i + k) % 7 === 0 ? 'en' : 'nl',
        unsubscribedAt: (i * 5 + k) % 61 === 0 ? now : null,
      });
    }
  });
  await tx.contact.createMany({ data: contacts });

  // Twelve months of invitations and answers: about half passives, NPS drifting up to around +15.
  const invitations: Prisma.InvitationCreateManyInput[] = [];
  const responses: Prisma.ResponseCreateManyInput[] = [];
  const tasks: Prisma.FollowUpTaskCreateManyInput[] = [];
  const day = 24 * 3600 * 1000;
  const companyById = new Map(companies.map((c) => [c.id!, c]));
  // Every fifth company was last surveyed more than the 90-day throttle ago, so a newcomer can send
  // to it and follow an answer through the loop.
  const ready = new Set(companies.filter((_, i) => i % 5 === 4).map((c) => c.id!));
  for (const contact of contacts) {
    if (contact.unsubscribedAt) continue;
    // Each contact is invited about every 100 days (the throttle is 90), starting at a random offset.
    const first = ready.has(contact.companyId!)
      ? 100 + Math.floor(rand() * 20)
      : 3 + Math.floor(rand() * 100);
    for (let ago = first; ago < 365; ago += 95 + Math.floor(rand() * 30)) {
      const tp = pick(touchpoints.flatMap((t) => Array<typeof t>(t.weight).fill(t)));
      const sentAt = new Date(now.getTime() - ago * day);
      const invitationId = uuidv7();
      const answered = rand() < 0.62;
      const respondedAt = new Date(sentAt.getTime() + (1 + rand() * 3) * day);
      invitations.push({
        tenantId,
        id: invitationId,
        surveyId: tp.surveyId,
        contactId: contact.id!,
        companyId: contact.companyId ?? null,
        tokenHash: hashToken(`seed-${invitationId}`),
        locale: contact.locale ?? 'nl',
        status: 'SENT',
        attempts: 1,
        sentAt,
        createdAt: sentAt,
        expiresAt: new Date(sentAt.getTime() + 60 * day),
        respondedAt: answered ? respondedAt : null,
        messageId: `<${invitationId}@seed.kringloop>`,
      });
      if (!answered || respondedAt > now) continue;
      // Improvement over the year: the promoter share grows as "ago" shrinks.
      const trend = (365 - ago) / 365;
      const r = rand();
      const pPromoter = 0.265 + 0.1 * trend + tp.bias;
      const pDetractor = 0.21 - 0.08 * trend - tp.bias / 2;
      const score =
        r < pPromoter
          ? pick([9, 9, 9, 10, 10])
          : r < 1 - pDetractor
            ? pick([7, 7, 8, 8, 8])
            : pick([6, 6, 6, 5, 5, 4, 3, 2]);
      const category = categoryOf(score);
      const responseId = uuidv7();
      responses.push({
        tenantId,
        id: responseId,
        invitationId,
        surveyId: tp.surveyId,
        touchpointId: tp.id,
        contactId: contact.id!,
        companyId: contact.companyId ?? null,
        score,
        category,
        comment: rand() < 0.7 ? pick(COMMENTS[category]) : null,
        locale: contact.locale ?? 'nl',
        submittedAt: respondedAt,
        updatedAt: respondedAt,
      });
      const company = companyById.get(contact.companyId!)!;
      const due = dueDate(respondedAt, slaDaysFor(category, tenant), tenant.timeZone);
      const age = (now.getTime() - respondedAt.getTime()) / day;
      const status =
        age > 30
          ? rand() < 0.93
            ? 'DONE'
            : 'IN_PROGRESS'
          : rand() < 0.45
            ? 'OPEN'
            : rand() < 0.55
              ? 'IN_PROGRESS'
              : 'DONE';
      const closedAt =
        status === 'DONE'
          ? new Date(Math.min(now.getTime(), respondedAt.getTime() + (0.5 + rand() * 8) * day))
          : null;
      tasks.push({
        tenantId,
        id: uuidv7(),
        responseId,
        companyId: company.id!,
        assigneeMembershipId: company.ownerMembershipId ?? members.cx!,
        category,
        status,
        dueAt: due,
        createdAt: respondedAt,
        updatedAt: closedAt ?? respondedAt,
        startedAt: status !== 'OPEN' ? respondedAt : null,
        closedAt,
        alertSentAt: respondedAt,
      });
    }
  }
  for (let i = 0; i < invitations.length; i += 1000)
    await tx.invitation.createMany({ data: invitations.slice(i, i + 1000) });
  for (let i = 0; i < responses.length; i += 1000)
    await tx.response.createMany({ data: responses.slice(i, i + 1000) });
  for (let i = 0; i < tasks.length; i += 1000)
    await tx.followUpTask.createMany({ data: tasks.slice(i, i + 1000) });
  await tx.auditLog.createMany({
    data: tasks.map((t) => ({
      tenantId,
      id: uuidv7(),
      action: 'task.created',
      entityType: 'task',
      entityId: t.id!,
      createdAt: t.createdAt as Date,
    })),
  });
  return { created: true, tenantId };
}

// Run directly: npm run db:seed
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  seedDemo()
    .then(async (r) => {
      console.log(
        r.created
          ? `Seeded the demo tenant (${r.tenantId}).`
          : 'The demo tenant exists already; nothing to do.',
      );
      await disconnectDb();
    })
    .catch(async (err) => {
      console.error(err);
      await disconnectDb();
      process.exit(1);
    });
}
