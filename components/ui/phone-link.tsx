import { formatPhone } from '@/lib/contacts/phone';

/** A stored E.164 number as a tel: link, shown in international format ("+31 20 123 4567"). */
export function PhoneLink({ e164, className }: { e164: string; className?: string }) {
  return (
    <a href={`tel:${e164}`} className={className ?? 'font-medium text-brand-700 underline'}>
      {formatPhone(e164)}
    </a>
  );
}
