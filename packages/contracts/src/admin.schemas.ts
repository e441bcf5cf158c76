import { z } from 'zod';
import { assignmentModes, auditActions, MAX_CAPACITY } from '@keluh/core';
import { channelKindSchema, decimalIntSchema, idSchema, instantSchema, languageSchema } from './common.schemas.ts';
import { userSchema } from './domain.schemas.ts';

/*
 * Users, teams and the audit log as admins manage them. Requests are strict, so a misspelt field is a 400.
 * Roles, time zones and capacities are checked by core (user.invalid_role, team.invalid_time_zone,
 * user.invalid_capacity), so every client gets the same coded error whatever it sends.
 */
const entityIdSchema = z.number().int().positive();
const idListSchema = z.array(entityIdSchema).max(200);

export const capacitySchema = z.object({ channel: channelKindSchema, maxOpen: z.number().int().describe(`0 to ${MAX_CAPACITY} open tickets`) }).strict();

export const staffMemberSchema = userSchema.extend({
  deactivatedAt: instantSchema.nullable(),
  capacities: z.array(z.object({ userId: z.number().int(), channel: channelKindSchema, maxOpen: z.number().int() })),
});
export const staffListSchema = z.object({ items: z.array(staffMemberSchema) });

export const userIdParamsSchema = z.object({ id: idSchema });
export const teamIdParamsSchema = z.object({ id: idSchema });

export const inviteUserBodySchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    email: z.email().max(254),
    role: z.string().max(40).describe('admin | supervisor | agent'),
    teamIds: idListSchema.default([]),
    language: languageSchema.optional(),
  })
  .strict();
export const inviteUserResponseSchema = z.object({ user: staffMemberSchema, oneTimePassword: z.string().describe('Shown this once; only its hash is stored') });

export const changeRoleBodySchema = z.object({ role: z.string().max(40).describe('admin | supervisor | agent') }).strict();
export const setUserTeamsBodySchema = z.object({ teamIds: idListSchema }).strict();
export const setUserTeamsResponseSchema = z.object({ teamIds: z.array(z.number().int()) });
export const setCapacitiesBodySchema = z.object({ capacities: z.array(capacitySchema).max(20) }).strict();
export const capacitiesResponseSchema = z.object({ capacities: staffMemberSchema.shape.capacities });

export const teamSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  timeZone: z.string(),
  assignmentMode: z.enum(assignmentModes),
  defaultCapacity: z.number().int(),
  memberIds: z.array(z.number().int()),
});
export const teamListSchema = z.object({ items: z.array(teamSchema) });

const teamSettingsShape = {
  name: z.string().trim().min(1).max(80),
  timeZone: z.string().max(64).describe('IANA zone, e.g. Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)'),
  assignmentMode: z.enum(assignmentModes),
  defaultCapacity: z.number().int().describe(`0 to ${MAX_CAPACITY} open tickets per channel`),
};
export const createTeamBodySchema = z
  .object({ ...teamSettingsShape, timeZone: teamSettingsShape.timeZone.optional(), assignmentMode: teamSettingsShape.assignmentMode.optional(), defaultCapacity: teamSettingsShape.defaultCapacity.optional(), memberIds: idListSchema.optional() })
  .strict();
export const updateTeamBodySchema = z.object(teamSettingsShape).partial().strict();
export const setTeamMembersBodySchema = z.object({ userIds: idListSchema }).strict();

export const auditQuerySchema = z
  .object({
    action: z.enum(auditActions).optional(),
    actorUserId: idSchema.optional(),
    before: idSchema.optional().describe('The nextBefore of the previous page'),
    limit: decimalIntSchema(100).optional(),
  })
  .strict();
export const auditEntrySchema = z.object({
  id: z.number().int(),
  action: z.enum(auditActions),
  actorUserId: z.number().int().nullable(),
  target: z.string(),
  data: z.record(z.string(), z.unknown()),
  at: instantSchema,
});
export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), nextBefore: z.number().int().nullable() });

export type StaffMemberDto = z.infer<typeof staffMemberSchema>;
export type TeamDto = z.infer<typeof teamSchema>;
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;
export type AuditPageDto = z.infer<typeof auditPageSchema>;
