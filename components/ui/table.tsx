import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cn } from '@/lib/cn';

/**
 * A table that scrolls sideways on a narrow phone instead of breaking the layout. The scrolling box is
 * a tab stop (arrow keys scroll it), a group named by `label`, so keyboard users reach what is
 * off-screen (a group, not a region: the section around it is usually the landmark of that name).
 * It is one in every width: whether it overflows depends on the screen, and a page must not change
 * its tab order with the window size.
 */
export function Table({ className, label, ...props }: HTMLAttributes<HTMLTableElement> & { label?: string }) {
  return (
    <div
      className="-mx-4 overflow-x-auto sm:mx-0"
      tabIndex={0}
      role={label ? 'group' : undefined}
      aria-label={label}
    >
      <table className={cn('w-full min-w-[32rem] border-collapse text-left text-sm', className)} {...props} />
    </div>
  );
}
export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn(
        'border-b border-zinc-200 px-3 py-2 text-xs font-semibold uppercase text-zinc-500',
        className,
      )}
      {...props}
    />
  );
}
export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('border-b border-zinc-100 px-3 py-2 align-top', className)} {...props} />;
}
