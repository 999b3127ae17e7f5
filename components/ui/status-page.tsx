import type { ReactNode } from 'react';

/**
 * The frame of the app's own 404 and error pages: brand, a heading, a line, what to do next. Inside
 * the app shell (which has the page's main landmark) it is a plain block; on its own, the main.
 */
export function StatusPage({
  title,
  body,
  inShell = false,
  children,
}: {
  title: string;
  body: string;
  inShell?: boolean;
  children?: ReactNode;
}) {
  const Frame = inShell ? 'div' : 'main';
  return (
    <Frame
      id={inShell ? undefined : 'main'}
      className="mx-auto flex min-h-[60vh] max-w-md flex-col justify-center px-4 py-10"
    >
      <p className="mb-6 text-xl font-semibold text-brand-700">Kringloop</p>
      <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
        <h1 className="mb-3 text-xl font-semibold">{title}</h1>
        <p className="mb-4 text-sm text-zinc-600">{body}</p>
        <div className="flex flex-wrap gap-3">{children}</div>
      </div>
    </Frame>
  );
}
