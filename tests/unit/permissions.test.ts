import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  API_KEY_ROLES,
  MEMBER_ONLY,
  ROLES,
  actorCan,
  can,
  type TAction,
  type TRole,
} from '../../lib/auth/permissions';

// The decided permission table, written out by hand. Adding an action to ACTIONS without adding a
// row here fails the coverage test below, so every new action gets an explicit decision.
//                                OWNER  ADMIN  AM     VIEWER
// prettier-ignore
const MATRIX: Record<TAction, [boolean, boolean, boolean, boolean]> = {
  'tenant.manage':               [true,  true,  false, false],
  'member.read':                 [true,  true,  true,  true],
  'member.manage':               [true,  true,  false, false],
  'member.grantOwner':           [true,  false, false, false],
  'survey.read':                 [true,  true,  true,  true],
  'survey.manage':               [true,  true,  false, false],
  'contact.read':                [true,  true,  true,  true],
  'contact.manage':              [true,  true,  false, false],
  'distribution.send':           [true,  true,  false, false],
  'task.read.own':               [true,  true,  true,  true],
  'task.read.all':               [true,  true,  false, true],
  'task.work':                   [true,  true,  true,  false],
  'task.manage':                 [true,  true,  false, false],
  'insights.read':               [true,  true,  true,  true],
  'audit.read':                  [true,  true,  true,  true],
  'apikey.manage':               [true,  true,  false, false],
  'integration.manage':          [true,  true,  false, false],
  'routing.manage':              [true,  true,  false, false],
};
const COLUMN: Record<TRole, number> = { OWNER: 0, ADMIN: 1, ACCOUNT_MANAGER: 2, VIEWER: 3 };

describe('permission table', () => {
  it('the expected matrix decides every action, and nothing else', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ACTIONS].sort());
    expect(Object.keys(COLUMN).sort()).toEqual([...ROLES].sort());
  });

  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const expected = MATRIX[action]?.[COLUMN[role]] ?? false; // deny by default
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(can(role, action)).toBe(expected);
      });
    }
  }

  it('denies unknown actions and roles', () => {
    expect(can('OWNER', 'tenant.delete' as TAction)).toBe(false);
    expect(can('VIEWER', '' as TAction)).toBe(false);
    // An unknown role never gets a yes (it may throw, which is a refusal too).
    let granted: boolean;
    try {
      granted = can('GUEST' as TRole, 'survey.read');
    } catch {
      granted = false;
    }
    expect(granted).toBe(false);
  });
});

describe('the same table for API keys', () => {
  for (const role of API_KEY_ROLES) {
    for (const action of ACTIONS) {
      const expected = (MATRIX[action]?.[COLUMN[role]] ?? false) && !MEMBER_ONLY.has(action);
      it(`a key with role ${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(actorCan({ role, apiKeyId: '0190a0a0-0000-7000-8000-000000000000' }, action)).toBe(expected);
      });
    }
  }
  it('keys never manage people, the organisation, keys or integrations', () => {
    expect([...MEMBER_ONLY].sort()).toEqual(
      ['apikey.manage', 'integration.manage', 'member.grantOwner', 'member.manage', 'tenant.manage'].sort(),
    );
    expect(actorCan({ role: 'OWNER', apiKeyId: 'k' }, 'member.manage')).toBe(false);
    expect(actorCan({ role: 'OWNER' }, 'member.manage')).toBe(true);
  });
});
