import type { TRole } from '../auth/permissions';
import type { TLocale } from '../i18n';

/** Who is asking, in which tenant. Every service takes it first. */
export interface TenantContext {
  tenantId: string;
  userId: string;
  membershipId: string;
  role: TRole;
  locale: TLocale;
}
