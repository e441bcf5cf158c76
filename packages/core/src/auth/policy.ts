import { AppError } from '../shared/errors.ts';
import type { User, UserRole } from '../users/user.types.ts';

/**
 * The one authorisation policy: what each role may do beyond working tickets (which every signed-in
 * staff member may). Routes declare the permission they need, the API enforces it in one hook, and the
 * console imports `can` to hide what a user cannot do.
 */
export const permissions = [
  'channels.configure',
  'workflow.configure',
  'workflow.supervise',
  'testimonials.moderate',
  'recovery.manage',
  'visitors.revoke',
  /** Move a ticket that is someone else's to another agent or team. */
  'tickets.reassign',
  /** See every ticket of one's teams whatever the "own and unassigned only" setting says. */
  'tickets.view_team',
  'board.view',
  'reports.view',
  'reports.export',
  'users.manage',
  'teams.manage',
  'sla.configure',
  'settings.configure',
  'audit.view',
  /**
   * Merge two customers, undo a merge, decide a merge suggestion. Every role has it: the agent on the
   * conversation is the one who recognises the person, and every merge is undoable and logged with who
   * made it. A permission still, so an install can take it from agents in one place.
   */
  'customers.merge',
  /** Define the custom attributes every customer profile carries. */
  'customers.configure',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<UserRole, readonly Permission[]> = {
  admin: permissions,
  supervisor: [
    'workflow.supervise',
    'testimonials.moderate',
    'recovery.manage',
    'visitors.revoke',
    'tickets.reassign',
    'tickets.view_team',
    'board.view',
    'reports.view',
    'reports.export',
    'customers.merge',
  ],
  agent: ['customers.merge'],
};

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (permissions as readonly string[]).includes(value);
}

export function can(user: Pick<User, 'role'> | null | undefined, permission: Permission): boolean {
  return user ? (rolePermissions[user.role]?.includes(permission) ?? false) : false;
}

export function assertCan(user: Pick<User, 'role'> | null | undefined, permission: Permission): void {
  if (!can(user, permission)) throw new AppError('auth.forbidden', `This needs the ${permission} permission`, { permission });
}
