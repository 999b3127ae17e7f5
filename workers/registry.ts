// The job registry: every job of the product, one file each in workers/jobs/. The worker starts a
// BullMQ worker per queue, hands the relay the routes (event type -> jobs and their queues) and puts
// the schedules in place from this list; lib/queue itself knows no job.
import { createRegistry } from '@/lib/queue/jobs';
import createTask from './jobs/create-task';
import pruneOutbox from './jobs/prune-outbox';
import sendInvitation from './jobs/send-invitation';
import sendMemberInvite from './jobs/send-member-invite';
import sendTaskAlert from './jobs/send-task-alert';
import sendCustomerReply from './jobs/send-customer-reply';
import sendPraise from './jobs/send-praise';
import syncTask from './jobs/sync-task';

export const registry = createRegistry([
  sendInvitation,
  createTask,
  syncTask,
  sendTaskAlert,
  sendMemberInvite,
  sendCustomerReply,
  sendPraise,
  pruneOutbox,
]);
