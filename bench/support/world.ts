// Bench data, written as the owner (row-level security does not apply to seeding): one tenant with an
// account manager who owns the companies, an active survey, and invitations that were sent, each with
// a live token. Statistics are refreshed afterwards (stale ones picked a wrong index before).
import { uuidv7 } from 'uuidv7';
import { ownerDb } from '../../scripts/owner-db';

export interface World {
  tenantId: string;
  /** Token sets, each of fresh invitations (an answer consumes its invitation). */
  tokens: string[][];
  close(): Promise<void>;
}

export async function seedWorld(
  url: string,
  sets: number[],
  opts: { amEmail?: string } = {},
): Promise<World> {
  const db = ownerDb(url, 4);
  const { newRoutingKey } = await import('../../lib/tenancy/service');
  const { DEFAULT_TEXTS } = await import('../../lib/surveys/schemas');
  const { newSurveyToken } = await import('../../lib/distribution/tokens');
  const run = uuidv7().slice(-8);
  const tenant = await db.tenant.create({
    data: { name: 'Bench', slug: `bench-${run}`, senderName: 'Bench BV', routingKey: newRoutingKey() },
  });
  const tenantId = tenant.id;
  const user = await db.user.create({
    data: { email: opts.amEmail ?? `am-${run}@bench.example`, locale: 'en' },
  });
  const am = await db.membership.create({ data: { tenantId, userId: user.id, role: 'ACCOUNT_MANAGER' } });
  const tp = await db.touchpoint.create({ data: { tenantId, name: 'Support', phase: 'SUPPORT' } });
  const survey = await db.survey.create({
    data: { tenantId, touchpointId: tp.id, name: 'Support', status: 'ACTIVE', texts: DEFAULT_TEXTS },
  });
  const companies = Array.from({ length: 50 }, (_, i) => ({
    tenantId,
    id: uuidv7(),
    name: `Company ${i}`,
    ownerMembershipId: am.id,
  }));
  await db.company.createMany({ data: companies });
  const total = sets.reduce((a, b) => a + b, 0);
  const contacts = Array.from({ length: Math.min(total, 5000) }, (_, i) => ({
    tenantId,
    id: uuidv7(),
    email: `c${i}-${run}@bench.example`,
    companyId: companies[i % companies.length]!.id,
  }));
  for (let i = 0; i < contacts.length; i += 5000)
    await db.contact.createMany({ data: contacts.slice(i, i + 5000) });
  const tokens: string[][] = [];
  let n = 0;
  for (const size of sets) {
    const set: string[] = [];
    for (let done = 0; done < size; done += 5000) {
      const rows = [];
      for (let i = done; i < Math.min(size, done + 5000); i++) {
        const { token, hash } = newSurveyToken(tenant.routingKey);
        const contact = contacts[n++ % contacts.length]!;
        set.push(token);
        rows.push({
          tenantId,
          id: uuidv7(),
          surveyId: survey.id,
          contactId: contact.id,
          companyId: contact.companyId,
          tokenHash: hash,
          locale: 'en' as const,
          status: 'SENT' as const,
          sentAt: new Date(),
        });
      }
      await db.invitation.createMany({ data: rows });
    }
    tokens.push(set);
  }
  await db.$executeRawUnsafe('ANALYZE');
  return { tenantId, tokens, close: () => db.$disconnect() };
}
