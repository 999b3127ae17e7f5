import type { getTask } from '@/lib/followup/tasks';

/** One task as the detail page gets it from the service. */
export type TaskDetail = Awaited<ReturnType<typeof getTask>>;
