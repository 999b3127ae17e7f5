import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { ActionForm, FieldError } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/form';
import { messages } from '@/lib/i18n';
import { currentContext } from '@/lib/http/session';
import { createOrganisation } from './actions';

export default async function OnboardingPage() {
  const { user, ctx, locale } = await currentContext();
  if (!user) redirect('/signin');
  if (ctx) redirect('/');
  const t = messages(locale).auth;
  return (
    <AuthCard locale={locale} back="/onboarding" title={t.onboardingTitle}>
      <p className="mb-4 text-sm text-zinc-600">{t.onboardingIntro}</p>
      <ActionForm action={createOrganisation}>
        <div>
          <Label htmlFor="name">{t.orgName}</Label>
          <Input id="name" name="name" required minLength={2} maxLength={80} />
          <FieldError name="name" />
        </div>
        <Button type="submit" className="w-full">
          {t.createOrg}
        </Button>
      </ActionForm>
    </AuthCard>
  );
}
