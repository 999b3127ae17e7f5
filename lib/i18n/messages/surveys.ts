import { defineMessages } from '../define';

export const surveys = defineMessages(
  {
    title: 'surveys',
  },
  {
    title: 'surveys',
  },
);
