import { z } from 'zod';
import { holidayKinds, slaClockStates, slaEscalations, slaMetrics, type Weekday } from '@keluh/core';
import { channelKindSchema, customerTypeSchema, idSchema, instantSchema, ticketPrioritySchema } from './common.schemas.ts';

/*
 * SLA configuration and clocks. Bodies check shape only: the rules (targets > 0, windows in order and
 * apart, holidays apart, a real zone) are core's, so each breach of them answers its own coded error.
 */

const target = z.number().int().nullable().optional().describe('Seconds; null or absent for no clock; more than 0');

export const slaPolicyBodySchema = z
  .object({
    priority: ticketPrioritySchema,
    channel: channelKindSchema.nullable().optional(),
    teamId: z.number().int().positive().nullable().optional(),
    customerType: customerTypeSchema.nullable().optional(),
    firstResponseSeconds: target,
    nextResponseSeconds: target,
    resolutionSeconds: target,
    businessHours: z.boolean().default(true).describe("Count on the team's business-hours calendar (true) or on the wall clock"),
    escalation: z.array(z.enum(slaEscalations)).max(3).default([]).describe('What a breach sets off, each once per clock'),
  })
  .strict();

export const slaPolicySchema = z.object({
  id: z.number().int(),
  priority: ticketPrioritySchema,
  channel: channelKindSchema.nullable(),
  teamId: z.number().int().nullable(),
  customerType: customerTypeSchema.nullable(),
  firstResponseSeconds: z.number().int().nullable(),
  nextResponseSeconds: z.number().int().nullable(),
  resolutionSeconds: z.number().int().nullable(),
  businessHours: z.boolean(),
  escalation: z.array(z.enum(slaEscalations)),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export const slaPolicyListSchema = z.object({ items: z.array(slaPolicySchema) });
export const slaPolicyParamsSchema = z.object({ id: idSchema });

export const businessWindowSchema = z
  .object({
    weekday: z.number().int().min(0).max(6),
    start: z.string().max(5).describe('HH:mm in the team zone'),
    end: z.string().max(5).describe('HH:mm; at or before start only with overnight'),
    overnight: z.boolean().optional(),
  })
  .strict();

export const teamCalendarBodySchema = z
  .object({
    timeZone: z.string().max(64).optional().describe('IANA zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)'),
    windows: z.array(businessWindowSchema.transform((window) => ({ ...window, weekday: window.weekday as Weekday }))).max(50),
    holidayListId: z.number().int().positive().nullable(),
  })
  .strict();

export const teamCalendarSchema = z.object({
  teamId: z.number().int(),
  timeZone: z.string(),
  windows: z.array(businessWindowSchema),
  holidayListId: z.number().int().nullable(),
  custom: z.boolean(),
});
export const teamCalendarListSchema = z.object({ items: z.array(teamCalendarSchema.extend({ teamName: z.string() })) });
export const teamCalendarParamsSchema = z.object({ teamId: idSchema });

export const holidaySchema = z
  .object({ start: z.string().max(10), end: z.string().max(10), name: z.string().trim().max(120), kind: z.enum(holidayKinds) })
  .strict();
export const holidayListBodySchema = z.object({ name: z.string().trim().min(1).max(120), holidays: z.array(holidaySchema).max(366) }).strict();
export const holidayListSchema = z.object({ id: z.number().int(), name: z.string(), holidays: z.array(holidaySchema), updatedAt: instantSchema });
export const holidayListsSchema = z.object({ items: z.array(holidayListSchema) });
export const holidayListParamsSchema = z.object({ id: idSchema });

export const slaClockSchema = z.object({
  ticketId: z.number().int(),
  metric: z.enum(slaMetrics),
  policyId: z.number().int().nullable(),
  targetSeconds: z.number().int(),
  businessHours: z.boolean(),
  state: z.enum(slaClockStates),
  startedAt: instantSchema,
  dueAt: instantSchema.nullable(),
  warnAt: instantSchema.nullable(),
  remainingSeconds: z.number().int().nullable(),
  stoppedAt: instantSchema.nullable(),
  warnedAt: instantSchema.nullable(),
  breachedAt: instantSchema.nullable(),
  updatedAt: instantSchema,
});
export const ticketSlaSchema = z.object({ items: z.array(slaClockSchema) });

export type SlaPolicyDto = z.infer<typeof slaPolicySchema>;
export type SlaPolicyBody = z.input<typeof slaPolicyBodySchema>;
export type TeamCalendarDto = z.infer<typeof teamCalendarSchema>;
export type TeamCalendarListItemDto = z.infer<typeof teamCalendarListSchema>['items'][number];
export type TeamCalendarBody = z.infer<typeof teamCalendarBodySchema>;
export type HolidayListDto = z.infer<typeof holidayListSchema>;
export type SlaClockDto = z.infer<typeof slaClockSchema>;
