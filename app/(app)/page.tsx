import { redirect } from 'next/navigation';
import { currentContext } from '@/lib/http/session';

/** Home: each role lands where its work is. */
export default async function Home() {
  const { user, ctx } = await currentContext();
  if (!user) redirect('/signin');
  if (!ctx) redirect('/onboarding');
  if (ctx.role === 'ACCOUNT_MANAGER') redirect('/tasks');
  if (ctx.role === 'VIEWER') redirect('/dashboard');
  redirect('/surveys');
}
