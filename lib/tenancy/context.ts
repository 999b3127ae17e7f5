import type { TRole } from '../auth/permissions';
import type { TLocale } from '../i18n';

/**
 * Who is asking, in which tenant. Every service takes it first. The actor is a member (a signed-in
 * person: userId and membershipId set) or an API key (apiKeyId set, no user or membership); both carry
 * a role, so the one permission table (lib/auth/permissions.ts) decides for both.
 */
export interface TenantContext {
  tenantId: string;
  userId: string | null;
  membershipId: string | null;
  /** Set when an API key is the actor. */
  apiKeyId?: string | null;
  role: TRole;
  locale: TLocale;
}

/** The audit columns naming the actor of a context: the person, or the API key. */
export function actorOf(ctx: TenantContext): { actorUserId: string | null; actorApiKeyId: string | null } {
  return { actorUserId: ctx.userId, actorApiKeyId: ctx.apiKeyId ?? null };
}

/** A context whose actor is a signed-in member (pages and server actions). */
export type MemberContext = TenantContext & { userId: string; membershipId: string; apiKeyId?: null };
