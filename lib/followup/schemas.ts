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
