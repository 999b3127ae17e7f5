import { z } from 'zod';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** Dashboard filters from the URL; bad values fall back to defaults instead of failing the page. */
export const ZDashboardFilter = z.object({
  from: day,
  to: day,
  touchpointId: z.uuid().optional().catch(undefined),
  businessUnitId: z.uuid().optional().catch(undefined),
});
export type TDashboardFilter = z.input<typeof ZDashboardFilter>;
