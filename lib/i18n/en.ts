// Composes the namespaces in lib/i18n/messages/. Each capability owns its own namespace file.
import { common } from './messages/common';
import { auth } from './messages/auth';
import { mail } from './messages/mail';
import { surveys } from './messages/surveys';
import { contacts } from './messages/contacts';
import { insights } from './messages/insights';
import { tasks } from './messages/tasks';
import { respondent } from './messages/respondent';
import { settings } from './messages/settings';
import { validation } from './messages/validation';
import { integrations } from './messages/integrations';
import { routing } from './messages/routing';
import { reply } from './messages/reply';

export const en = {
  common: common.en,
  auth: auth.en,
  mail: mail.en,
  surveys: surveys.en,
  contacts: contacts.en,
  insights: insights.en,
  tasks: tasks.en,
  respondent: respondent.en,
  settings: settings.en,
  validation: validation.en,
  integrations: integrations.en,
  routing: routing.en,
  reply: reply.en,
};
export type Messages = typeof en;
