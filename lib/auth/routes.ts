import type { TAction } from './permissions';

/**
 * Who may reach each entry point: the second half of the permission table. Every page, server
 * action and route handler under app/ has a row; tests/integration/isolation-matrix.test.ts finds
 * them on disk, fails for one without a row (and a row without one), and tries each as no session,
 * a member of another organisation holding real ids of this one, and every role, expecting what
 * this table and PERMISSIONS say.
 *
 * - a TAction: members whose role may take it (guardPage / runAction / tenantRoute with it);
 * - 'public': anyone, signed in or not (sign-in pages, the respondent's pages, health, next-auth);
 * - 'signedIn': any signed-in person, with or without an organisation (onboarding, preferences);
 * - 'demo': only in DEMO_MODE (404 otherwise).
 */
export type TAccess = TAction | 'public' | 'signedIn' | 'demo';

/** Pages by their file under app/ (route groups kept: they are how the files are found). */
export const PAGE_ACCESS: Record<string, TAccess> = {
  'app/(app)/page.tsx': 'signedIn',
  'app/(app)/dashboard/page.tsx': 'insights.read',
  'app/(app)/companies/page.tsx': 'contact.read',
  'app/(app)/contacts/page.tsx': 'contact.read',
  'app/(app)/settings/page.tsx': 'member.read',
  'app/(app)/surveys/page.tsx': 'survey.manage',
  'app/(app)/surveys/[id]/page.tsx': 'survey.manage',
  'app/(app)/surveys/[id]/sends/[distributionId]/page.tsx': 'survey.manage',
  'app/(app)/surveys/[id]/send/page.tsx': 'distribution.send',
  'app/(app)/surveys/relationship/[touchpointId]/page.tsx': 'survey.manage',
  'app/(app)/accounts/page.tsx': 'insights.read',
  'app/(app)/accounts/[id]/page.tsx': 'insights.read',
  'app/(app)/roi/page.tsx': 'insights.read',
  'app/(app)/settings/api/page.tsx': 'apikey.manage',
  'app/(app)/settings/routing/page.tsx': 'routing.manage',
  'app/(app)/tasks/page.tsx': 'task.read.own',
  'app/(app)/tasks/[id]/page.tsx': 'task.read.own',
  'app/onboarding/page.tsx': 'signedIn',
  'app/signin/page.tsx': 'public',
  'app/signin/check/page.tsx': 'public',
  'app/signin/confirm/page.tsx': 'public',
  'app/signin/error/page.tsx': 'public',
  'app/dev/mailbox/page.tsx': 'demo',
  'app/dev/mailbox/[id]/page.tsx': 'demo',
};

/** Server actions: `<file>#<export>` for every export of every 'use server' module. */
export const ACTION_ACCESS: Record<string, TAccess> = {
  'app/(app)/companies/actions.ts#addCompany': 'contact.manage',
  'app/(app)/companies/actions.ts#importCompanies': 'contact.manage',
  'app/(app)/contacts/actions.ts#addContact': 'contact.manage',
  'app/(app)/contacts/actions.ts#importContacts': 'contact.manage',
  'app/(app)/settings/actions.ts#saveTenantSettings': 'tenant.manage',
  'app/(app)/settings/actions.ts#inviteColleague': 'member.manage',
  'app/(app)/surveys/actions.ts#addTouchpoint': 'survey.manage',
  'app/(app)/surveys/actions.ts#addSurvey': 'survey.manage',
  'app/(app)/surveys/[id]/actions.ts#saveSurvey': 'survey.manage',
  'app/(app)/surveys/[id]/actions.ts#changeSurveyStatus': 'survey.manage',
  'app/(app)/surveys/[id]/actions.ts#confirmSend': 'distribution.send',
  'app/(app)/surveys/[id]/actions.ts#saveReminders': 'survey.manage',
  'app/(app)/surveys/[id]/sends/[distributionId]/actions.ts#pauseSendAction': 'distribution.send',
  'app/(app)/surveys/[id]/sends/[distributionId]/actions.ts#resumeSendAction': 'distribution.send',
  'app/(app)/tasks/actions.ts#replyToCustomer': 'task.work',
  'app/(app)/tasks/actions.ts#logContact': 'task.work',
  'app/(app)/tasks/actions.ts#sharePraiseAction': 'task.work',
  'app/(app)/settings/routing/actions.ts#addRule': 'routing.manage',
  'app/(app)/settings/routing/actions.ts#saveRule': 'routing.manage',
  'app/(app)/settings/routing/actions.ts#removeRule': 'routing.manage',
  'app/(app)/settings/routing/actions.ts#reorderRule': 'routing.manage',
  'app/(app)/settings/routing/actions.ts#addTeam': 'routing.manage',
  'app/(app)/settings/routing/actions.ts#saveTeamMembers': 'routing.manage',
  'app/(app)/settings/routing/actions.ts#removeTeam': 'routing.manage',
  'app/(app)/settings/routing/actions.ts#probeRouting': 'routing.manage',
  'app/(app)/settings/api/actions.ts#createKey': 'apikey.manage',
  'app/(app)/settings/api/actions.ts#revokeKey': 'apikey.manage',
  'app/(app)/tasks/actions.ts#changeTaskStatus': 'task.work',
  'app/(app)/tasks/actions.ts#addNote': 'task.work',
  'app/(app)/tasks/actions.ts#reassign': 'task.manage',
  'app/onboarding/actions.ts#createOrganisation': 'signedIn',
  'app/actions/preferences.ts#chooseLocale': 'public',
  'app/actions/preferences.ts#switchTenant': 'signedIn',
};

/** Route handlers: `<file>#<method>`. */
export const ROUTE_ACCESS: Record<string, TAccess> = {
  'app/api/auth/[...nextauth]/route.ts#GET': 'public',
  'app/api/auth/[...nextauth]/route.ts#POST': 'public',
  'app/api/demo-login/route.ts#POST': 'demo',
  'app/api/health/route.ts#GET': 'public',
  'app/api/tasks/[id]/route.ts#GET': 'task.read.own',
  'app/api/tasks/[id]/route.ts#PATCH': 'task.work',
  'app/(app)/surveys/[id]/sends/[distributionId]/progress/route.ts#GET': 'survey.read',
  'app/(app)/surveys/[id]/send/skipped.csv/route.ts#GET': 'distribution.send',
  'app/s/[token]/route.ts#GET': 'public',
  'app/s/[token]/route.ts#POST': 'public',
  'app/s/[token]/unsubscribe/route.ts#GET': 'public',
  'app/s/[token]/unsubscribe/route.ts#POST': 'public',
};
