'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/form';

/** Asks next-auth to email a magic link; next-auth then shows /signin/check. */
export function EmailSignInForm({
  label,
  submit,
  defaultEmail,
}: {
  label: string;
  submit: string;
  defaultEmail?: string;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const email = new FormData(e.currentTarget).get('email');
        setBusy(true);
        void signIn('email', { email: String(email), callbackUrl: '/' });
      }}
    >
      <div>
        <Label htmlFor="email">{label}</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={defaultEmail}
        />
      </div>
      <Button type="submit" className="w-full" disabled={busy}>
        {submit}
      </Button>
    </form>
  );
}
