import { z } from 'zod';
import { daysBetween, MAX_PERIOD_DAYS } from './period';

import { PHASES } from '../surveys/schemas';

export { PHASES };

/** A real calendar date (2026-13-45 is not) in the years insights can show. */
const day = z.iso
  .date()
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { message: '@yearRange' })
  .optional();

/**
 * Dashboard filters. Bad values are a 400 naming the field (in the user's language), never a 500;
 * ids that are well formed but not this organisation's simply match nothing (an empty, labelled result).
 */
export const ZInsightsFilter = z
  .object({
    from: day,
    to: day,
    granularity: z.enum(['week', 'month', 'quarter']).default('month'),
    compare: z.enum(['none', 'previous', 'lastYear']).default('previous'),
    touchpointId: z.uuid().optional(),
    phase: z.enum(PHASES).optional(),
    businessUnitId: z.uuid().optional(),
    region: z.string().trim().min(1).max(200).optional(),
    ownerMembershipId: z.uuid().optional(),
  })
  .superRefine((f, ctx) => {
    if (f.from && f.to && f.from > f.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: '@periodOrder' });
    else if (f.from && f.to && daysBetween(f.from, f.to) > MAX_PERIOD_DAYS)
      ctx.addIssue({ code: 'custom', path: ['from'], message: '@periodTooLong' });
  });
export type TInsightsFilter = z.input<typeof ZInsightsFilter>;
export type TInsightsFilterParsed = z.output<typeof ZInsightsFilter>;
