import { ActionForm, FieldError, type FormAction } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardTitle, Notice } from '@/components/ui/card';
import { Input, Label, Select, Textarea } from '@/components/ui/form';
import { fill, messages, type TLocale } from '@/lib/i18n';

export interface ReplyDraft {
  locale: TLocale;
  to: string;
  replyTo: string | null;
  subject: string;
  body: string;
  refusal: 'bounced' | 'unsubscribed' | null;
  serviceReply: boolean;
}

/**
 * The reply to the customer: the category's template in the contact's language, editable, sent from
 * the organisation with replies to the account manager; or a call or meeting logged instead.
 */
export function ReplyCard({
  taskId,
  draft,
  sender,
  canWork,
  actions,
  locale,
}: {
  taskId: string;
  draft: ReplyDraft;
  sender: string;
  canWork: boolean;
  actions: { reply: FormAction; log: FormAction };
  locale: TLocale;
}) {
  const m = messages(locale);
  const t = m.reply;
  return (
    <Card aria-labelledby="reply-title">
      <CardTitle>
        <span id="reply-title">{t.card.title}</span>
      </CardTitle>
      {!canWork ? (
        <p className="text-sm text-zinc-600">{t.card.readOnly}</p>
      ) : (
        <div className="space-y-6">
          {draft.refusal ? (
            <Notice tone="error">
              {fill(draft.refusal === 'bounced' ? t.card.refusedBounced : t.card.refusedUnsubscribed, {
                email: draft.to,
              })}
            </Notice>
          ) : (
            <ActionForm action={actions.reply} success={fill(t.card.sent, { sender })}>
              <input type="hidden" name="taskId" value={taskId} />
              <p className="text-sm text-zinc-600">
                {fill(t.card.intro, { language: m.common.languages[draft.locale] })}
              </p>
              {draft.serviceReply && <Notice tone="info">{t.card.serviceReply}</Notice>}
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-zinc-600">{t.card.to}</dt>
                <dd className="break-all">{draft.to}</dd>
                {draft.replyTo && (
                  <>
                    <dt className="text-zinc-600">{t.card.replyTo}</dt>
                    <dd className="break-all">{draft.replyTo}</dd>
                  </>
                )}
              </dl>
              <div className="space-y-1">
                <Label htmlFor="reply-subject">{t.card.subject}</Label>
                <Input
                  id="reply-subject"
                  name="subject"
                  required
                  maxLength={200}
                  defaultValue={draft.subject}
                />
                <FieldError name="subject" />
              </div>
              <div className="space-y-1">
                <Label htmlFor="reply-body">{t.card.body}</Label>
                <Textarea id="reply-body" name="body" required rows={10} defaultValue={draft.body} />
                <FieldError name="body" />
              </div>
              <Button type="submit">{t.card.send}</Button>
            </ActionForm>
          )}
          <ActionForm action={actions.log} success={t.log.saved}>
            <input type="hidden" name="taskId" value={taskId} />
            <h3 className="text-sm font-semibold text-zinc-900">{t.log.title}</h3>
            <div className="space-y-1">
              <Label htmlFor="contact-kind">{t.log.kind}</Label>
              <Select id="contact-kind" name="kind" defaultValue="CALL">
                <option value="CALL">{t.log.kinds.CALL}</option>
                <option value="MEETING">{t.log.kinds.MEETING}</option>
              </Select>
            </div>
            <div className="space-y-1">
              <Label htmlFor="contact-note">{t.log.note}</Label>
              <Textarea id="contact-note" name="body" required rows={3} />
              <FieldError name="body" />
            </div>
            <Button type="submit" variant="secondary">
              {t.log.submit}
            </Button>
          </ActionForm>
        </div>
      )}
    </Card>
  );
}
