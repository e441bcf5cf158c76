import { z } from 'zod';
import { channelKindSchema, idSchema, instantSchema, ticketPrioritySchema } from './common.schemas.ts';
import { customerBriefSchema } from './domain.schemas.ts';
import { presenceStatusSchema } from './presence.schemas.ts';
import { stageSchema } from './workflow.schemas.ts';
import { slaClockSchema } from './sla.schemas.ts';

export const boardQuerySchema = z.object({ teamId: idSchema.optional().describe('One team; the whole desk without it') }).strict();

const assigneeSchema = z.object({ id: z.number().int(), name: z.string() }).nullable();

export const boardQueueRowSchema = z.object({
  ticketId: z.number().int(),
  subject: z.string(),
  customer: customerBriefSchema,
  assignee: assigneeSchema,
  teamId: z.number().int().nullable(),
  channel: channelKindSchema,
  priority: ticketPrioritySchema,
  stage: stageSchema,
  waitingSince: instantSchema.nullable().describe('The unanswered customer message; null when the last word was ours'),
  lastMessageAt: instantSchema,
  clocks: z.array(slaClockSchema),
});

export const boardSnapshotSchema = z.object({
  asOfEventId: z.number().int().describe('The snapshot includes every event up to this id: replay (`sync`) from here'),
  generatedAt: instantSchema,
  teamIds: z.array(z.number().int()).nullable(),
  timeZone: z.string(),
  tiles: z.object({
    waitingNow: z.number().int(),
    aboutToBreach: z.number().int(),
    breachedToday: z.number().int(),
    agentsOnline: z.number().int(),
    csatToday: z.object({ responses: z.number().int(), scoreSum: z.number().int(), satisfied: z.number().int(), average: z.number().nullable(), satisfiedPercent: z.number().int().nullable() }),
  }),
  queue: z.array(boardQueueRowSchema),
  queueTruncated: z.boolean(),
  aboutToBreach: z.array(z.object({ ticketId: z.number().int(), subject: z.string(), customerName: z.string(), assignee: assigneeSchema, clock: slaClockSchema })),
  agents: z.array(
    z.object({
      userId: z.number().int(),
      name: z.string(),
      teamIds: z.array(z.number().int()),
      status: presenceStatusSchema,
      openCount: z.number().int(),
      capacity: z.number().int(),
      currentTicketId: z.number().int().nullable(),
    }),
  ),
  stages: z.array(z.object({ stage: stageSchema, count: z.number().int(), averageDwellMs: z.number().int().nullable(), stuck: z.number().int() })),
  volume: z.array(z.object({ hour: instantSchema, channel: channelKindSchema, inbound: z.number().int() })),
});
export type BoardSnapshotDto = z.infer<typeof boardSnapshotSchema>;
export type BoardQueueRowDto = z.infer<typeof boardQueueRowSchema>;
