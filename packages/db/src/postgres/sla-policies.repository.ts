import { asc, eq } from 'drizzle-orm';
import type { SlaPolicyInput, SlaPolicyRepository } from '@keluh/core';
import { slaPolicies } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

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

export function createSlaPolicyRepository(db: PgDb): SlaPolicyRepository {
  return {
    async create(input, now) {
      const [row] = await db.insert(slaPolicies).values({ ...columns(input), createdAt: now, updatedAt: now }).returning();
      return row!;
    },
    async update(id, input, now) {
      const [row] = await db.update(slaPolicies).set({ ...columns(input), updatedAt: now }).where(eq(slaPolicies.id, id)).returning();
      return row ?? null;
    },
    async delete(id) {
      return (await db.delete(slaPolicies).where(eq(slaPolicies.id, id)).returning({ id: slaPolicies.id })).length === 1;
    },
    async findById(id) {
      const [row] = await db.select().from(slaPolicies).where(eq(slaPolicies.id, id));
      return row ?? null;
    },
    async list() {
      return db.select().from(slaPolicies).orderBy(asc(slaPolicies.id));
    },
  };
}
