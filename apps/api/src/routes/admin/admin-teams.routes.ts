import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createTeam, listTeams, setTeamMembers, updateTeam } from '@keluh/core';
import { createTeamBodySchema, errorResponseSchema, setTeamMembersBodySchema, teamIdParamsSchema, teamListSchema, teamSchema, updateTeamBodySchema } from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
const manage = { permission: 'teams.manage' } as const;
const docs = (summary: string) => ({ tags: ['admin'], summary, security });

/** `/api/admin/teams`: name, time zone, assignment mode, default capacity and members; every change audited. */
const adminTeamsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;
  const actor = (request: { user: { id: number } | null }) => request.user!.id;

  app.post(
    '/',
    { config: manage, schema: { ...docs('Create a team (team.name_taken, team.invalid_time_zone, user.not_found)'), body: createTeamBodySchema, response: { 201: teamSchema, ...errors } } },
    async (request, reply) => reply.code(201).send(await createTeam(core, actor(request), request.body)),
  );

  app.patch(
    '/:id',
    { config: manage, schema: { ...docs('Rename a team or change its zone, mode or default capacity'), params: teamIdParamsSchema, body: updateTeamBodySchema, response: { 200: teamSchema, ...errors } } },
    async (request) => updateTeam(core, actor(request), request.params.id, request.body),
  );

  app.put(
    '/:id/members',
    { config: manage, schema: { ...docs("The team's members, replaced by these users"), params: teamIdParamsSchema, body: setTeamMembersBodySchema, response: { 200: teamSchema, ...errors } } },
    async (request) => {
      const { changedUserIds, ...team } = await setTeamMembers(core, actor(request), request.params.id, request.body.userIds);
      // Open sockets joined their rooms at the handshake: cut them so they reconnect into the new scope.
      for (const userId of changedUserIds) app.rescopeUserSockets(userId);
      return team;
    },
  );
};

/** `GET /api/teams`: names and members for every staff member (the board's reassign menu, filters). */
export const teamsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  app.get('/', { schema: { ...docs('Teams with their members'), tags: ['teams'], response: { 200: teamListSchema, ...errors } } }, async () => ({ items: await listTeams(app.services.core) }));
};

export default adminTeamsRoutes;
