import { z } from 'zod';
import { factKinds, faults, phraseIntensities, phrasePlaceholders, phraseTones, type ExitCriterion } from '@keluh/core';
import { idSchema, instantSchema, languageSchema } from './common.schemas.ts';
import { promiseSchema } from './promises.schemas.ts';
import { reviewSchema } from './reviews.schemas.ts';

/*
 * The five-stage workflow over HTTP and in `workflow.updated` events. Shapes mirror packages/core's
 * workflow, facts, phrases and notes types; requests are strict so a misspelt field is a 400, not ignored.
 */

export const stageSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export const faultSchema = z.enum(faults);
/** Free text a person types as a reason or note: trimmed, non-empty, bounded. */
export const reasonSchema = z.string().trim().min(3, { error: 'Say why in a few words' }).max(500);
const keySchema = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'Lowercase letters, digits and _; 2–40 characters, starting with a letter' });
export const localizedTextSchema = z.object({ id: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) }).strict();
const exitCriterionSchema = z.string() as unknown as z.ZodType<ExitCriterion>;

export const factDefinitionSchema = z
  .object({ key: keySchema, kind: z.enum(factKinds), label: localizedTextSchema, question: localizedTextSchema, required: z.boolean() })
  .strict();

export const complaintCategorySchema = z.object({
  key: z.string(),
  label: localizedTextSchema,
  facts: z.array(factDefinitionSchema),
  position: z.number().int(),
  archived: z.boolean(),
  updatedAt: instantSchema,
});

export const saveCategoryBodySchema = z
  .object({
    label: localizedTextSchema,
    facts: z.array(factDefinitionSchema).max(20).refine((facts) => new Set(facts.map((fact) => fact.key)).size === facts.length, { error: 'Fact keys repeat' }),
    position: z.number().int().min(0).max(1000).default(0),
    archived: z.boolean().default(false),
  })
  .strict();
export const categoryKeyParamsSchema = z.object({ key: keySchema });

export const ticketFactSchema = z.object({
  ticketId: z.number().int(),
  key: z.string(),
  value: z.string(),
  source: z.enum(['agent', 'detected']),
  sourceMessageId: z.number().int().nullable(),
  confirmedBy: z.number().int().nullable(),
  confirmedAt: instantSchema,
});

export const setFactBodySchema = z
  .object({
    value: z.string().trim().min(1).max(500),
    /** The customer message a proposal came from (one-key confirmation), so the fact records its source. */
    sourceMessageId: z.number().int().positive().optional(),
  })
  .strict();
export const factParamsSchema = z.object({ id: idSchema, key: keySchema });

export const workflowSchema = z.object({
  ticketId: z.number().int(),
  complaint: z.boolean(),
  notComplaintReason: z.string().nullable(),
  stage: stageSchema,
  stageEnteredAt: instantSchema,
  category: z.string().nullable(),
  fault: faultSchema.nullable(),
  rootCause: z.string().nullable(),
  rootCauseNote: z.string().nullable(),
  solution: z.string().nullable(),
  linkedCaseId: z.number().int().nullable(),
  stuckNudgedAt: instantSchema.nullable(),
  updatedAt: instantSchema,
});

export const stageTransitionSchema = z.object({
  id: z.number().int(),
  ticketId: z.number().int(),
  fromStage: stageSchema,
  toStage: stageSchema,
  direction: z.enum(['forward', 'back']),
  byUserId: z.number().int().nullable(),
  byName: z.string().nullable(),
  reason: z.string().nullable(),
  override: z.boolean(),
  missing: z.array(exitCriterionSchema),
  dwellMs: z.number().int(),
  at: instantSchema,
});

export const stageEvaluationSchema = z.object({
  stage: stageSchema,
  met: z.array(exitCriterionSchema),
  missing: z.array(exitCriterionSchema),
  canAdvance: z.boolean(),
  next: stageSchema.nullable(),
  canGoBackTo: z.array(stageSchema),
});

export const workflowSnapshotSchema = z.object({
  workflow: workflowSchema,
  category: complaintCategorySchema.nullable(),
  facts: z.array(ticketFactSchema),
  transitions: z.array(stageTransitionSchema),
  promise: promiseSchema.nullable(),
  review: reviewSchema.nullable(),
  evaluation: stageEvaluationSchema,
  thresholdMs: z.number().int(),
  stuck: z.boolean(),
});

/** Advance one stage (with `reason` when overriding unmet criteria) or go back to any earlier stage (reason required). */
export const transitionBodySchema = z
  .object({
    to: stageSchema,
    reason: reasonSchema.optional(),
    /** The ticket version the agent was looking at; stale → 409 `ticket.conflict`. */
    version: z.number().int().positive().optional(),
  })
  .strict();

export const updateWorkflowBodySchema = z
  .object({
    category: keySchema.nullable().optional(),
    fault: faultSchema.nullable().optional(),
    rootCause: keySchema.nullable().optional(),
    rootCauseNote: z.string().trim().max(2000).nullable().optional(),
    solution: z.string().trim().max(2000).nullable().optional(),
    linkedCaseId: z.number().int().positive().nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: 'Nothing to change' });

export const complaintFlagBodySchema = z
  .object({ complaint: z.boolean(), reason: reasonSchema.optional() })
  .strict()
  .refine((body) => body.complaint || body.reason !== undefined, { path: ['reason'], error: 'Say why this is not a complaint' });

export const rootCauseSchema = z.object({ key: keySchema, label: localizedTextSchema }).strict();
export const workflowSettingsSchema = z
  .object({
    stageThresholdMinutes: z
      .object({ 1: z.number().int().min(1).max(43200), 2: z.number().int().min(1).max(43200), 3: z.number().int().min(1).max(43200), 4: z.number().int().min(1).max(43200), 5: z.number().int().min(1).max(43200) })
      .strict(),
    rootCauses: z.array(rootCauseSchema).min(1).max(50),
  })
  .strict();

export const stuckTicketSchema = z.object({
  ticketId: z.number().int(),
  subject: z.string(),
  stage: stageSchema,
  stageEnteredAt: instantSchema,
  thresholdMs: z.number().int(),
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  nudgedAt: instantSchema.nullable(),
});

export const phraseSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  stage: stageSchema,
  language: languageSchema,
  tone: z.enum(phraseTones),
  intensity: z.enum(phraseIntensities),
  notOurFault: z.boolean(),
  title: z.string(),
  body: z.string(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export const savePhraseBodySchema = z
  .object({
    key: keySchema,
    stage: stageSchema,
    language: languageSchema,
    tone: z.enum(phraseTones).default('neutral'),
    intensity: z.enum(phraseIntensities).default('normal'),
    notOurFault: z.boolean().default(false),
    title: z.string().trim().min(1).max(80),
    body: z.string().trim().min(1).max(1000),
  })
  .strict();
export const phraseQuerySchema = z.object({
  stage: z.enum(['1', '2', '3', '4', '5']).transform(Number).pipe(stageSchema).optional(),
  language: languageSchema.optional(),
  /** Words typed in the `/` picker: accent- and case-blind, prefixes first (core's filterPhrases). */
  q: z.string().trim().max(100).optional(),
});
export const phraseIdParamsSchema = z.object({ id: idSchema });
export const phraseListSchema = z.object({ items: z.array(phraseSchema) });
export const phrasePlaceholderSchema = z.enum(phrasePlaceholders);

export const noteSchema = z.object({
  id: z.number().int(),
  ticketId: z.number().int(),
  authorUserId: z.number().int(),
  authorName: z.string(),
  body: z.string(),
  stage: stageSchema,
  createdAt: instantSchema,
});
export const createNoteBodySchema = z.object({ body: z.string().trim().min(1, { error: 'The note is empty' }).max(4000) }).strict();

export const ticketActivitySchema = z.object({
  id: z.number().int(),
  ticketId: z.number().int(),
  actorUserId: z.number().int().nullable(),
  at: instantSchema,
  kind: z.enum(['priority.raised', 'complaint.unmarked', 'complaint.marked', 'sla.escalated', 'assigned']),
  data: z.record(z.string(), z.unknown()),
});

export type WorkflowSnapshotDto = z.infer<typeof workflowSnapshotSchema>;
export type StageTransitionDto = z.infer<typeof stageTransitionSchema>;
export type ComplaintCategoryDto = z.infer<typeof complaintCategorySchema>;
export type TicketFactDto = z.infer<typeof ticketFactSchema>;
export type PhraseDto = z.infer<typeof phraseSchema>;
export type SavePhraseBody = z.input<typeof savePhraseBodySchema>;
export type NoteDto = z.infer<typeof noteSchema>;
export type TicketActivityDto = z.infer<typeof ticketActivitySchema>;
export type TransitionBody = z.infer<typeof transitionBodySchema>;
export type UpdateWorkflowBody = z.infer<typeof updateWorkflowBodySchema>;
export type WorkflowSettingsDto = z.infer<typeof workflowSettingsSchema>;
export type StuckTicketDto = z.infer<typeof stuckTicketSchema>;
