import { defineMessages } from '../define';

export const settings = defineMessages(
  {
    title: 'settings',
  },
  {
    title: 'settings',
  },
);
