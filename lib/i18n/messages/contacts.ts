import { defineMessages } from '../define';

export const contacts = defineMessages(
  {
    title: 'contacts',
  },
  {
    title: 'contacts',
  },
);
