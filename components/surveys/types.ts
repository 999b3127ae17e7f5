export type { FormAction } from '@/components/ui/action-form';
