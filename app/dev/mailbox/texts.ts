import { messages, type TLocale } from '@/lib/i18n';

/** The dev mailbox's few words, from the common dictionary's devMailbox section. */
export function devMailboxTexts(locale: TLocale) {
  return messages(locale).common.devMailbox;
}
