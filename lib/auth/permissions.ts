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
  /** Create and revoke API keys (settings). */
  'apikey.manage',
  /** Register webhook endpoints and alert channels (settings). */
  'integration.manage',
  'routing.manage',
] as const;
export type TAction = (typeof ACTIONS)[number];

const CX_MANAGER: TAction[] = ACTIONS.filter((a) => a !== 'member.grantOwner');

/**
 * The roles an API key may have. A key is not a person: it owns no tasks (so ACCOUNT_MANAGER, whose
 * scope is "my own tasks", means nothing for it) and it cannot be an owner.
 */
export const API_KEY_ROLES = ['ADMIN', 'VIEWER'] as const satisfies readonly TRole[];
export type TApiKeyRole = (typeof API_KEY_ROLES)[number];

/**
 * Actions only a person may take, whatever the role: an API key never manages people, the
 * organisation, other keys or integrations (a leaked key cannot widen its own access).
 */
export const MEMBER_ONLY: ReadonlySet<TAction> = new Set<TAction>([
  'tenant.manage',
  'member.manage',
  'member.grantOwner',
  'apikey.manage',
  'integration.manage',
]);

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

/** The one check for any actor (member or API key): the role's table, minus MEMBER_ONLY for keys. */
export function actorCan(actor: { role: TRole; apiKeyId?: string | null }, action: TAction): boolean {
  if (actor.apiKeyId && MEMBER_ONLY.has(action)) return false;
  return can(actor.role, action);
}
