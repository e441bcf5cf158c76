import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getWorkflowSettings, listCategories, listStuckTickets, saveCategory, saveWorkflowSettings } from '@keluh/core';
import { categoryKeyParamsSchema, complaintCategorySchema, errorResponseSchema, saveCategoryBodySchema, stuckTicketSchema, workflowSettingsSchema } from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
/** Either credential works: a bearer token (API clients) or the console's session cookie. */
const staffSecurity: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
const docs = (summary: string) => ({ tags: ['workflow'], summary, security: staffSecurity });

/** `/api/workflow/…`: the checklists, thresholds and root causes admins shape, and the supervisors' stuck list. */
const workflowAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.get('/categories', { schema: { ...docs('Complaint categories with their fact checklists, archived ones included'), response: { 200: z.array(complaintCategorySchema), ...errors } } }, async () =>
    listCategories(core),
  );

  app.put(
    '/categories/:key',
    {
      config: { permission: 'workflow.configure' },
      schema: { ...docs('Create or change a category and its checklist (admins)'), params: categoryKeyParamsSchema, body: saveCategoryBodySchema, response: { 200: complaintCategorySchema, ...errors } },
    },
    async (request) => saveCategory(core, { key: request.params.key, ...request.body }, request.user!.id),
  );

  app.get('/settings', { schema: { ...docs('Stage thresholds and root causes (the defaults until an admin saves)'), response: { 200: workflowSettingsSchema, ...errors } } }, async () =>
    getWorkflowSettings(core),
  );

  app.put(
    '/settings',
    { config: { permission: 'workflow.configure' }, schema: { ...docs('Change stage thresholds and root causes (admins)'), body: workflowSettingsSchema, response: { 200: workflowSettingsSchema, ...errors } } },
    async (request) => saveWorkflowSettings(core, request.body, request.user!.id),
  );

  app.get(
    '/stuck',
    { config: { permission: 'workflow.supervise' }, schema: { ...docs('Tickets past their stage threshold, longest waiting first (supervisors)'), response: { 200: z.array(stuckTicketSchema), ...errors } } },
    async (request) => listStuckTickets(core, await app.ticketScopeOf(request)),
  );
};

export default workflowAdminRoutes;
