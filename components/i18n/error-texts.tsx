'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { Messages } from '@/lib/i18n';

type ErrorTexts = Messages['common']['errorPages'];

/**
 * The error page's texts in the request's language. error.tsx is a client component rendered below
 * the root layout, so the layout hands it the few strings it needs instead of shipping dictionaries.
 */
const Ctx = createContext<ErrorTexts | null>(null);

export function ErrorTextsProvider({ texts, children }: { texts: ErrorTexts; children: ReactNode }) {
  return <Ctx.Provider value={texts}>{children}</Ctx.Provider>;
}

export function useErrorTexts(): ErrorTexts | null {
  return useContext(Ctx);
}
