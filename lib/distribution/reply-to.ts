import type { ReplyToMode, Tx } from '../db';

interface ReplyToSource {
  tenantId: string;
  tenant: { replyToMode: ReplyToMode; replyToAddress: string | null };
  company: { owner: { user: { name: string | null; email: string } } | null } | null;
}

export type TReplyTo = { name?: string; address: string } | null;

/**
 * The Reply-To of a survey invitation, so a customer who answers the email reaches a person
 * (the organisation's setting, docs/ARCHITECTURE.md "Reply-To"):
 * - ACCOUNT_MANAGER (default): the company's account manager; a contact without a company or a
 *   company without one gets the shared address when set, else the organisation's first CX manager
 *   (the person its follow-up would go to), else no Reply-To;
 * - SHARED: the shared address;
 * - NONE: none (replies go to the sending address).
 */
export async function replyToFor(tx: Tx, inv: ReplyToSource): Promise<TReplyTo> {
  const { replyToMode, replyToAddress } = inv.tenant;
  if (replyToMode === 'NONE') return null;
  if (replyToMode === 'SHARED') return replyToAddress ? { address: replyToAddress } : null;
  const owner = inv.company?.owner?.user;
  if (owner) return { name: owner.name ?? undefined, address: owner.email };
  if (replyToAddress) return { address: replyToAddress };
  const managers = await tx.membership.findMany({
    where: { tenantId: inv.tenantId, role: { in: ['ADMIN', 'OWNER'] } },
    select: { role: true, user: { select: { name: true, email: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const m = (managers.find((x) => x.role === 'ADMIN') ?? managers[0])?.user;
  return m ? { name: m.name ?? undefined, address: m.email } : null;
}
