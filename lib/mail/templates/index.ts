// Every email the product sends, rendered from React components (React Email) in nl and en from the
// mail dictionary (lib/i18n/messages/mail.ts): client-safe HTML plus a text part.
export { invitationMail, type InvitationMailInput } from './invitation';
export { taskAlertMail, type TaskAlertMailInput } from './task-alert';
export { magicLinkMail } from './sign-in';
export { memberInviteMail, type MemberInviteMailInput } from './member-invite';
export { customerReplyMail, type CustomerReplyMailInput } from './customer-reply';
export { praiseMail, type PraiseMailInput } from './praise';
export type { RenderedMail } from './render';
export { escalationMail, type EscalationMailInput } from './escalation';
export { digestMail, type DigestMailInput, type DigestGroup, type DigestLine } from './digest';
