import { asc, eq } from 'drizzle-orm';
import type { SlaPolicyInput, SlaPolicyRepository } from '@keluh/core';
import { slaPolicies } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

const columns = (input: SlaPolicyInput) => ({
  priority: input.priority,
  channel: input.channel ?? null,
  teamId: input.teamId ?? null,
  customerType: input.customerType ?? null,
  firstResponseSeconds: input.firstResponseSeconds,
  nextResponseSeconds: input.nextResponseSeconds,
  resolutionSeconds: input.resolutionSeconds,
  businessHours: input.businessHours,
  escalation: input.escalation ?? [],
});

export function createSlaPolicyRepository(db: SqliteDb): SlaPolicyRepository {
  return {
    async create(input, now) {
      return db.insert(slaPolicies).values({ ...columns(input), createdAt: now, updatedAt: now }).returning().get();
    },
    async update(id, input, now) {
      return db.update(slaPolicies).set({ ...columns(input), updatedAt: now }).where(eq(slaPolicies.id, id)).returning().get() ?? null;
    },
    async delete(id) {
      return db.delete(slaPolicies).where(eq(slaPolicies.id, id)).run().changes === 1;
    },
    async findById(id) {
      return db.select().from(slaPolicies).where(eq(slaPolicies.id, id)).get() ?? null;
    },
    async list() {
      return db.select().from(slaPolicies).orderBy(asc(slaPolicies.id)).all();
    },
  };
}
