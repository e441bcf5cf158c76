import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeUserRole, deactivateUser, inviteUser, listStaff, setUserCapacities, setUserTeams, type UserAdminDeps } from '@keluh/core';
import {
  capacitiesResponseSchema,
  changeRoleBodySchema,
  errorResponseSchema,
  inviteUserBodySchema,
  inviteUserResponseSchema,
  setCapacitiesBodySchema,
  setUserTeamsBodySchema,
  setUserTeamsResponseSchema,
  staffListSchema,
  userIdParamsSchema,
  userSchema,
} from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
const manage = { permission: 'users.manage' } as const;
const docs = (summary: string) => ({ tags: ['admin'], summary, security });

/** `/api/admin/users`: invite, role, teams, capacity per channel, deactivation; every change audited. */
const adminUsersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core, auth } = app.services;
  const deps: UserAdminDeps = { ...core, hasher: auth.hasher, tokens: auth.tokens };
  const actor = (request: { user: { id: number } | null }) => request.user!.id;

  app.get('/', { config: manage, schema: { ...docs('Every account with its teams and capacities (admins)'), response: { 200: staffListSchema, ...errors } } }, async () => ({ items: await listStaff(core) }));

  app.post(
    '/',
    {
      config: manage,
      schema: { ...docs('Invite a user; the answer holds a one-time password, shown this once (user.email_taken, team.not_found, user.invalid_role)'), body: inviteUserBodySchema, response: { 201: inviteUserResponseSchema, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await inviteUser(deps, actor(request), request.body)),
  );

  app.put(
    '/:id/role',
    { config: manage, schema: { ...docs('Change a role; the last active admin cannot be demoted (user.last_admin)'), params: userIdParamsSchema, body: changeRoleBodySchema, response: { 200: userSchema, ...errors } } },
    async (request) => {
      const user = await changeUserRole(core, actor(request), request.params.id, request.body.role);
      // A role changes what the user's sockets may receive: they reconnect into the rooms of the new scope.
      app.rescopeUserSockets(user.id);
      return user;
    },
  );

  app.put(
    '/:id/teams',
    { config: manage, schema: { ...docs('The teams a user belongs to, replaced by these (team.not_found)'), params: userIdParamsSchema, body: setUserTeamsBodySchema, response: { 200: setUserTeamsResponseSchema, ...errors } } },
    async (request) => {
      const teamIds = await setUserTeams(core, actor(request), request.params.id, request.body.teamIds);
      app.rescopeUserSockets(request.params.id);
      return { teamIds };
    },
  );

  app.put(
    '/:id/capacities',
    {
      config: manage,
      schema: { ...docs('Open tickets per channel the user takes; a channel left out uses the team default (user.invalid_capacity)'), params: userIdParamsSchema, body: setCapacitiesBodySchema, response: { 200: capacitiesResponseSchema, ...errors } },
    },
    async (request) => ({ capacities: await setUserCapacities(core, actor(request), request.params.id, request.body.capacities) }),
  );

  app.post(
    '/:id/deactivate',
    {
      config: manage,
      schema: { ...docs('Deactivate an account: it cannot sign in, its sessions end and its live sockets are cut (user.last_admin)'), params: userIdParamsSchema, response: { 200: userSchema, ...errors } },
    },
    async (request) => {
      const { user, endedSessions } = await deactivateUser(core, actor(request), request.params.id);
      for (const tokenHash of endedSessions) app.endSessionSockets(tokenHash);
      return user;
    },
  );
};

export default adminUsersRoutes;
