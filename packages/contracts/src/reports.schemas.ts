import { z } from 'zod';
import { reportGroupings, reportKinds } from '@keluh/core';
import { idSchema } from './common.schemas.ts';

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'A calendar date, YYYY-MM-DD' });

/** Any name: an unknown one is `report.unknown` (404), so a client can tell "no such report" from a typo in the query. */
export const reportParamsSchema = z.object({ report: z.string().min(1).max(64) });

export const reportQuerySchema = z
  .object({
    from: dateSchema,
    /** Inclusive; before `from` is `report.invalid_range`, more than 366 days `report.range_too_long`. */
    to: dateSchema,
    teamId: idSchema.optional(),
    groupBy: z.enum(reportGroupings).default('channel'),
    /** IANA zone the days are counted in; the team's zone (or Asia/Jakarta) when omitted. */
    zone: z.string().min(1).max(64).optional(),
    businessHours: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .default(false),
  })
  .strict();

const rowSchema = z.object({ day: z.string(), group: z.string().nullable(), values: z.record(z.string(), z.number().nullable()) });

export const reportResultSchema = z.object({
  report: z.enum(reportKinds),
  from: z.string(),
  to: z.string(),
  zone: z.string(),
  teamId: z.number().int().nullable(),
  groupBy: z.enum(reportGroupings),
  timeBasis: z.enum(['wall', 'business']),
  businessHoursRequested: z.boolean(),
  columns: z.array(z.string()),
  rows: z.array(rowSchema),
  totals: z.array(rowSchema),
  groupLabels: z.record(z.string(), z.string()),
  teams: z.array(z.object({ id: z.number().int(), name: z.string() })),
  asOfEventId: z.number().int(),
});

export type ReportQuery = z.input<typeof reportQuerySchema>;
export type ReportResultDto = z.infer<typeof reportResultSchema>;
