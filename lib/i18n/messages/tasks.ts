import { defineMessages } from '../define';

export const tasks = defineMessages(
  {
    title: 'tasks',
  },
  {
    title: 'tasks',
  },
);
