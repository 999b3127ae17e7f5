import { Badge } from '@/components/ui/card';
import type { TCategory } from '@/lib/nps';

const TONE: Record<TCategory, string> = {
  PROMOTER: 'bg-green-100 text-green-800',
  PASSIVE: 'bg-amber-100 text-amber-800',
  DETRACTOR: 'bg-red-100 text-red-800',
};

export function CategoryBadge({ category, label }: { category: TCategory; label: string }) {
  return <Badge className={TONE[category]}>{label}</Badge>;
}
