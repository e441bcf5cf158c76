import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createSlaPolicy,
  deleteSlaPolicy,
  getTeamCalendar,
  listHolidayLists,
  listSlaPolicies,
  listTeamCalendars,
  replaceHolidayList,
  saveTeamCalendar,
  updateSlaPolicy,
  type SlaPolicyInput,
} from '@keluh/core';
import {
  errorResponseSchema,
  holidayListBodySchema,
  holidayListParamsSchema,
  holidayListSchema,
  holidayListsSchema,
  slaPolicyBodySchema,
  slaPolicyListSchema,
  slaPolicyParamsSchema,
  slaPolicySchema,
  teamCalendarBodySchema,
  teamCalendarListSchema,
  teamCalendarParamsSchema,
  teamCalendarSchema,
} from '@keluh/contracts';
import { z } from 'zod';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const staffSecurity: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
const docs = (summary: string) => ({ tags: ['sla'], summary, security: staffSecurity });
const configure = { permission: 'sla.configure' } as const;

const policyInput = (body: z.infer<typeof slaPolicyBodySchema>): SlaPolicyInput => ({
  ...body,
  firstResponseSeconds: body.firstResponseSeconds ?? null,
  nextResponseSeconds: body.nextResponseSeconds ?? null,
  resolutionSeconds: body.resolutionSeconds ?? null,
});

/** `/api/sla/…`: policies, team calendars and holiday lists. Staff read them; changing them is `sla.configure`. */
const slaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.get('/policies', { schema: { ...docs('SLA policies, oldest first'), response: { 200: slaPolicyListSchema, ...errors } } }, async () => ({ items: await listSlaPolicies(core) }));

  app.post(
    '/policies',
    { config: configure, schema: { ...docs('Add an SLA policy (admins)'), body: slaPolicyBodySchema, response: { 201: slaPolicySchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await createSlaPolicy(core, policyInput(request.body))),
  );

  app.put(
    '/policies/:id',
    { config: configure, schema: { ...docs('Replace an SLA policy (admins)'), params: slaPolicyParamsSchema, body: slaPolicyBodySchema, response: { 200: slaPolicySchema, ...errors } } },
    async (request) => updateSlaPolicy(core, request.params.id, policyInput(request.body)),
  );

  app.delete(
    '/policies/:id',
    { config: configure, schema: { ...docs('Remove an SLA policy (admins)'), params: slaPolicyParamsSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await deleteSlaPolicy(core, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get('/calendars', { schema: { ...docs("Every team's business hours"), response: { 200: teamCalendarListSchema, ...errors } } }, async () => ({ items: await listTeamCalendars(core) }));

  app.get(
    '/teams/:teamId/calendar',
    { schema: { ...docs("A team's business hours (the defaults until an admin saves)"), params: teamCalendarParamsSchema, response: { 200: teamCalendarSchema, ...errors } } },
    async (request) => getTeamCalendar(core, request.params.teamId),
  );

  app.put(
    '/teams/:teamId/calendar',
    { config: configure, schema: { ...docs("Set a team's time zone, weekly windows and holiday list (admins)"), params: teamCalendarParamsSchema, body: teamCalendarBodySchema, response: { 200: teamCalendarSchema, ...errors } } },
    async (request) => saveTeamCalendar(core, request.params.teamId, request.body),
  );

  app.get('/holiday-lists', { schema: { ...docs('Holiday lists with their days'), response: { 200: holidayListsSchema, ...errors } } }, async () => ({ items: await listHolidayLists(core) }));

  app.put(
    '/holiday-lists/:id',
    { config: configure, schema: { ...docs('Replace a holiday list (admins)'), params: holidayListParamsSchema, body: holidayListBodySchema, response: { 200: holidayListSchema, ...errors } } },
    async (request) => replaceHolidayList(core, request.params.id, request.body),
  );
};

export default slaRoutes;
