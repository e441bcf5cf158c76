import { describe, expect, it } from 'vitest';
import { isAppError } from '../shared/errors.ts';
import type { UserRole } from '../users/user.types.ts';
import { assertCan, can, isPermission, permissions, type Permission } from './policy.ts';

/** docs/workflow.md §Authorisation and docs/supervisors.md §Roles, as a table. */
const allowed: Record<Permission, UserRole[]> = {
  'channels.configure': ['admin'],
  'workflow.configure': ['admin'],
  'workflow.supervise': ['supervisor', 'admin'],
  'testimonials.moderate': ['supervisor', 'admin'],
  'recovery.manage': ['supervisor', 'admin'],
  'visitors.revoke': ['supervisor', 'admin'],
  'tickets.reassign': ['supervisor', 'admin'],
  'tickets.view_team': ['supervisor', 'admin'],
  'board.view': ['supervisor', 'admin'],
  'reports.view': ['supervisor', 'admin'],
  'reports.export': ['supervisor', 'admin'],
  'users.manage': ['admin'],
  'teams.manage': ['admin'],
  'sla.configure': ['admin'],
  'settings.configure': ['admin'],
  'audit.view': ['admin'],
  /** docs/customers.md §Links: the agent on the conversation recognises the person; every merge is undoable. */
  'customers.merge': ['agent', 'supervisor', 'admin'],
  'customers.configure': ['admin'],
};
const roles: UserRole[] = ['admin', 'supervisor', 'agent'];

describe('who may do what', () => {
  it.each(permissions.flatMap((permission) => roles.map((role) => ({ permission, role, expected: allowed[permission].includes(role) }))))(
    'a $role may $permission: $expected',
    ({ permission, role, expected }) => {
      expect(can({ role }, permission)).toBe(expected);
    },
  );

  it('nobody signed out may do anything', () => {
    for (const permission of permissions) expect(can(null, permission)).toBe(false);
  });

  it('an agent asking for a supervisor permission is refused with auth.forbidden naming it', () => {
    let thrown: unknown;
    try {
      assertCan({ role: 'agent' }, 'workflow.supervise');
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown) && thrown.code).toBe('auth.forbidden');
    expect(isAppError(thrown) && thrown.details).toEqual({ permission: 'workflow.supervise' });
    expect(() => assertCan({ role: 'supervisor' }, 'workflow.supervise')).not.toThrow();
  });

  it('only the listed names are permissions', () => {
    expect(isPermission('channels.configure')).toBe(true);
    expect(isPermission('tickets.delete')).toBe(false);
    expect(isPermission(undefined)).toBe(false);
  });
});
