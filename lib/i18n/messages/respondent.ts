import { defineMessages } from '../define';

export const respondent = defineMessages(
  {
    title: 'respondent',
  },
  {
    title: 'respondent',
  },
);
