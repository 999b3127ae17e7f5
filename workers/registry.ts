// The job registry: every job of the product, one file each in workers/jobs/. The worker starts a
// BullMQ worker per queue, hands the relay the routes (event type -> jobs and their queues) and puts
// the schedules in place from this list; lib/queue itself knows no job.
import { createRegistry } from '@/lib/queue/jobs';
import createInvitations from './jobs/create-invitations';
import createTask from './jobs/create-task';
import insightsMarkChanged from './jobs/insights-mark-changed';
import insightsMarkLate from './jobs/insights-mark-late';
import insightsReconcile from './jobs/insights-reconcile';
import insightsRollup from './jobs/insights-rollup';
import pruneOutbox from './jobs/prune-outbox';
import scanEscalations from './jobs/scan-escalations';
import scanReminders from './jobs/scan-reminders';
import sendDigest from './jobs/send-digest';
import sendDigests from './jobs/send-digests';
import sendEscalation from './jobs/send-escalation';
import relationshipCadence from './jobs/relationship-cadence';
import resumeSend from './jobs/resume-send';
import sendInvitation from './jobs/send-invitation';
import sendMemberInvite from './jobs/send-member-invite';
import sendReminder from './jobs/send-reminder';
import sendTaskAlert from './jobs/send-task-alert';
import sendCustomerReply from './jobs/send-customer-reply';
import sendPraise from './jobs/send-praise';
import syncTask from './jobs/sync-task';

export const registry = createRegistry([
  insightsRollup,
  insightsReconcile,
  insightsMarkChanged,
  insightsMarkLate,
  createInvitations,
  resumeSend,
  sendInvitation,
  createTask,
  syncTask,
  sendTaskAlert,
  sendMemberInvite,
  sendCustomerReply,
  sendPraise,
  pruneOutbox,
  sendReminder,
  scanReminders,
  sendEscalation,
  scanEscalations,
  sendDigest,
  sendDigests,
  relationshipCadence,
]);
