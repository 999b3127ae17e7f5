import { Badge } from '@/components/ui/card';

export type TSurveyStatus = 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'ARCHIVED';

const TONE: Record<TSurveyStatus, string> = {
  DRAFT: 'bg-zinc-100 text-zinc-700',
  ACTIVE: 'bg-green-100 text-green-800',
  PAUSED: 'bg-amber-100 text-amber-800',
  ARCHIVED: 'bg-zinc-200 text-zinc-600',
};

export function SurveyStatusBadge({ status, label }: { status: TSurveyStatus; label: string }) {
  return <Badge className={TONE[status]}>{label}</Badge>;
}
