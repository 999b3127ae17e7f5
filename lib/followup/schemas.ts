import { z } from 'zod';

export const TASK_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE'] as const;

export const ZTaskFilter = z.object({
  scope: z.enum(['mine', 'all']).default('mine'),
  category: z.enum(['PROMOTER', 'PASSIVE', 'DETRACTOR']).optional().catch(undefined),
  status: z.enum(['open', 'done', 'any']).default('open').catch('open'),
});
export const ZTaskStatus = z.object({ status: z.enum(TASK_STATUSES) });
export const ZTaskNote = z.object({ body: z.string().trim().min(1).max(5000) });
export const ZReassign = z.object({ membershipId: z.uuid() });

export type TTaskFilter = z.input<typeof ZTaskFilter>;
export const ZReply = z.object({
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(10_000),
});
export const ZLogContact = z.object({
  kind: z.enum(['CALL', 'MEETING']),
  body: z.string().trim().min(1).max(5000),
});
export const ZPraise = z.object({
  memberIds: z.array(z.uuid()).min(1).max(50),
  note: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(2000).optional(),
  ),
});
