import type { Messages } from './en';
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

export const nl: Messages = {
  common: common.nl,
  auth: auth.nl,
  mail: mail.nl,
  surveys: surveys.nl,
  contacts: contacts.nl,
  insights: insights.nl,
  tasks: tasks.nl,
  respondent: respondent.nl,
  settings: settings.nl,
  validation: validation.nl,
  integrations: integrations.nl,
  routing: routing.nl,
  reply: reply.nl,
};
