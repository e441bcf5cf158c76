import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createNote, getWorkflow, removeTicketFact, setComplaintFlag, setTicketFact, transitionStage, updateWorkflow } from '@keluh/core';
import {
  complaintFlagBodySchema,
  createNoteBodySchema,
  errorResponseSchema,
  factParamsSchema,
  noteSchema,
  setFactBodySchema,
  ticketIdParamsSchema,
  transitionBodySchema,
  updateWorkflowBodySchema,
  workflowSnapshotSchema,
} from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
/** Either credential works: a bearer token (API clients) or the console's session cookie. */
const staffSecurity: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
const docs = (summary: string) => ({ tags: ['workflow'], summary, security: staffSecurity });

/** `/api/tickets/:id/…`: the five-stage workflow of one ticket, its facts and its internal notes. */
const ticketWorkflowRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;
  const actor = (user: { id: number; name: string } | null) => ({ id: user!.id, name: user!.name });

  app.get('/:id/workflow', { schema: { ...docs('Where the ticket stands in the five stages and what each needs'), params: ticketIdParamsSchema, response: { 200: workflowSnapshotSchema, ...errors } } }, async (request) =>
    getWorkflow(core, request.params.id),
  );

  app.post(
    '/:id/workflow/transitions',
    {
      schema: {
        ...docs('Advance one stage (a reason overrides unmet criteria) or go back to an earlier one (reason required)'),
        params: ticketIdParamsSchema,
        body: transitionBodySchema,
        response: { 200: workflowSnapshotSchema, ...errors },
      },
    },
    async (request) => transitionStage(core, { ticketId: request.params.id, to: request.body.to, reason: request.body.reason, version: request.body.version, actor: actor(request.user) }),
  );

  app.patch(
    '/:id/workflow',
    { schema: { ...docs('Category, fault, root cause and note, solution, linked past case'), params: ticketIdParamsSchema, body: updateWorkflowBodySchema, response: { 200: workflowSnapshotSchema, ...errors } } },
    async (request) => updateWorkflow(core, request.params.id, request.body),
  );

  app.put(
    '/:id/workflow/complaint',
    { schema: { ...docs('Mark the ticket a complaint again, or not a complaint (with a reason): its stages then stand still'), params: ticketIdParamsSchema, body: complaintFlagBodySchema, response: { 200: workflowSnapshotSchema, ...errors } } },
    async (request) => setComplaintFlag(core, { ticketId: request.params.id, complaint: request.body.complaint, reason: request.body.reason, actor: actor(request.user) }),
  );

  app.put(
    '/:id/facts/:key',
    { schema: { ...docs("Confirm one fact of the category's checklist (sourceMessageId when accepted from a proposal)"), params: factParamsSchema, body: setFactBodySchema, response: { 200: workflowSnapshotSchema, ...errors } } },
    async (request) =>
      setTicketFact(core, { ticketId: request.params.id, key: request.params.key, value: request.body.value, sourceMessageId: request.body.sourceMessageId, actor: actor(request.user) }),
  );

  app.delete('/:id/facts/:key', { schema: { ...docs('Forget one confirmed fact'), params: factParamsSchema, response: { 200: workflowSnapshotSchema, ...errors } } }, async (request) =>
    removeTicketFact(core, request.params.id, request.params.key),
  );

  app.post(
    '/:id/notes',
    { schema: { ...docs('Write an internal note: staff only, never sent, never shown to the customer'), params: ticketIdParamsSchema, body: createNoteBodySchema, response: { 201: noteSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await createNote(core, { ticketId: request.params.id, body: request.body.body, author: actor(request.user) })),
  );
};

export default ticketWorkflowRoutes;
