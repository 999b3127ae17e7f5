import { notFound, redirect } from 'next/navigation';
import { actorCan, type TAction } from '../auth/permissions';
import type { MemberContext } from '../tenancy/context';
import { currentContext, type SessionUser } from './session';

/**
 * The guard at the entry of every signed-in page: session, membership of the active tenant, and the
 * role's permission for `action`. Signed out goes to /signin, no tenant to /onboarding, and a role
 * without the permission sees the same 404 as a missing page.
 */
export async function guardPage(action: TAction): Promise<MemberContext & { user: SessionUser }> {
  const { user, ctx } = await currentContext();
  if (!user) redirect('/signin');
  if (!ctx) redirect('/onboarding');
  if (!actorCan(ctx, action)) notFound();
  return { ...ctx, user };
}
