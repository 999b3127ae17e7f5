import { defineMessages } from '../define';

export const insights = defineMessages(
  {
    title: 'insights',
  },
  {
    title: 'insights',
  },
);
