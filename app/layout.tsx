import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { currentContext } from '@/lib/http/session';
import './globals.css';

export const metadata: Metadata = { title: { default: 'Kringloop', template: '%s · Kringloop' } };
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await currentContext();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
