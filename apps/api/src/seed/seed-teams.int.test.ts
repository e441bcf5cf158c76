import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@keluh/db/testing';
import { listTickets, systemClock, ticketScopeFor, type User } from '@keluh/core';
import { testConfig } from '../config/config.ts';
import { scryptHasher } from '../security/password-hasher.ts';
import { generatePassword } from '../security/generated-password.ts';
import { seedDatabase } from './seed.ts';

describe('the demo inbox shows team scope', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await openTestDatabase();
    const config = testConfig({ SEED_DEMO: true, ADMIN_PASSWORD: 'demo-admin-1', DEMO_PASSWORD: 'demo-staff-1' });
    await seedDatabase({ db, hasher: scryptHasher, config, clock: systemClock, generatePassword });
  });
  afterEach(() => db.close());

  const byEmail = async (email: string) => (await db.users.list()).find((user) => user.email === email)!;
  const visibleTo = async (user: User) => {
    const core = { db, clock: systemClock, events: { publish: () => undefined } };
    return (await listTickets(core, { limit: 200, scope: ticketScopeFor(user, { agentsOwnAndUnassigned: false }) })).items;
  };

  it('puts staff in "Umum" and "Penjualan", and agent2 sees only the Penjualan tickets that agent1 does not', async () => {
    const teams = await db.teams.list();
    const umum = teams.find((team) => team.name === 'Umum')!.id;
    const sales = teams.find((team) => team.name === 'Penjualan')!.id;
    const [supervisor, agent1, agent2] = await Promise.all(['supervisor@keluh.test', 'agent1@keluh.test', 'agent2@keluh.test'].map(byEmail));
    expect(supervisor!.teamIds).toEqual([umum, sales]);
    expect(agent1!.teamIds).toEqual([umum]);
    expect(agent2!).toMatchObject({ teamId: sales, teamIds: [sales] });

    const all = (await listTickets({ db, clock: systemClock, events: { publish: () => undefined } }, { limit: 200 })).items;
    const ofAgent2 = await visibleTo(agent2!);
    expect(ofAgent2.length).toBeGreaterThan(0);
    expect(ofAgent2.every((ticket) => ticket.teamId === sales)).toBe(true);
    expect(all.every((ticket) => ticket.teamId !== null)).toBe(true);
    const ofAgent1 = await visibleTo(agent1!);
    expect(ofAgent1.length).toBeGreaterThan(0);
    expect(ofAgent1.some((ticket) => ticket.teamId === sales)).toBe(false);
    expect((await visibleTo(supervisor!)).length).toBe(all.length);
  });
});
