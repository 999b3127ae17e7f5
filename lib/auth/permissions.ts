/**
 * The permission table: which role may do which action. Deny by default: an action missing from a
 * role's list is refused. Roles: OWNER and ADMIN are CX managers, ACCOUNT_MANAGER works follow-ups,
 * VIEWER is a director who watches.
 */
export const ROLES = ['OWNER', 'ADMIN', 'ACCOUNT_MANAGER', 'VIEWER'] as const;
export type TRole = (typeof ROLES)[number];

export const ACTIONS = [
  'tenant.manage',
  'member.read',
  'member.manage',
  'member.grantOwner',
  'survey.read',
  'survey.manage',
  'contact.read',
  'contact.manage',
  'distribution.send',
  'task.read.own',
  'task.read.all',
  'task.work',
  'task.manage',
  'insights.read',
  'audit.read',
  'routing.manage',
] as const;
export type TAction = (typeof ACTIONS)[number];

const CX_MANAGER: TAction[] = ACTIONS.filter((a) => a !== 'member.grantOwner');

export const PERMISSIONS: Record<TRole, ReadonlySet<TAction>> = {
  OWNER: new Set(ACTIONS),
  ADMIN: new Set(CX_MANAGER),
  ACCOUNT_MANAGER: new Set<TAction>([
    'member.read',
    'survey.read',
    'contact.read',
    'task.read.own',
    'task.work',
    'insights.read',
    // The trail of the tasks they can see (their own): who changed what, and when.
    'audit.read',
  ]),
  VIEWER: new Set<TAction>([
    'member.read',
    'survey.read',
    'contact.read',
    'task.read.own',
    'task.read.all',
    'insights.read',
    'audit.read',
  ]),
};

export function can(role: TRole, action: TAction): boolean {
  return PERMISSIONS[role].has(action);
}
