import { z } from 'zod';

/** A real calendar date (2026-13-45 is not); zod's ISO date checks month and day ranges. */
const day = z.iso.date().optional().catch(undefined);

/** Dashboard filters from the URL; bad values fall back to defaults instead of failing the page. */
export const ZDashboardFilter = z.object({
  from: day,
  to: day,
  touchpointId: z.uuid().optional().catch(undefined),
  businessUnitId: z.uuid().optional().catch(undefined),
});
export type TDashboardFilter = z.input<typeof ZDashboardFilter>;
