'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: '/signin' })}
      className="text-sm text-zinc-700 underline-offset-2 hover:underline"
    >
      {label}
    </button>
  );
}
