import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';

describe('team membership', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('a fresh install has the default team "Umum", where unrouted tickets go', async () => {
    expect(await db.teams.findDefault()).toMatchObject({ id: 1, name: 'Umum' });
  });

  it("a user's teams are their memberships, read with the user wherever users are read", async () => {
    const sales = await db.teams.create('Penjualan', T0);
    const user = await db.users.create({ email: 'maya@k.id', name: 'Maya', role: 'agent', passwordHash: 'h' }, T0);
    await db.teams.setTeamsOfUser(user.id, [sales.id, 1], T0);
    expect((await db.users.findById(user.id))?.teamIds).toEqual([1, sales.id]);
    expect((await db.users.findByEmailWithSecret('maya@k.id'))?.teamIds).toEqual([1, sales.id]);
    expect((await db.users.list()).find((u) => u.id === user.id)?.teamIds).toEqual([1, sales.id]);
    expect(await db.teams.listMemberIds(sales.id)).toEqual([user.id]);
  });

  it('setting the members replaces the whole membership, and an empty set leaves the user in no team', async () => {
    const sales = await db.teams.create('Penjualan', T0);
    const user = await db.users.create({ email: 'maya@k.id', name: 'Maya', role: 'agent', passwordHash: 'h' }, T0);
    await db.teams.setTeamsOfUser(user.id, [1, sales.id], T0);
    await db.teams.setTeamsOfUser(user.id, [sales.id, sales.id], T0);
    expect((await db.users.findById(user.id))?.teamIds).toEqual([sales.id]);
    await db.teams.setTeamsOfUser(user.id, [], T0);
    expect((await db.users.findById(user.id))?.teamIds).toEqual([]);
    expect(await db.teams.listMemberIds(sales.id)).toEqual([]);
  });

  it('the home team is always among the teams, even without its membership row', async () => {
    const sales = await db.teams.create('Penjualan', T0);
    const user = await db.users.create({ email: 'maya@k.id', name: 'Maya', role: 'agent', passwordHash: 'h', teamId: sales.id }, T0);
    expect(user.teamIds).toEqual([sales.id]);
    await db.teams.setTeamsOfUser(user.id, [1], T0);
    expect((await db.users.findById(user.id))?.teamIds).toEqual([1, sales.id]);
  });

  it('a membership of a team that does not exist is refused and changes nothing', async () => {
    const user = await db.users.create({ email: 'maya@k.id', name: 'Maya', role: 'agent', passwordHash: 'h' }, T0);
    await db.teams.setTeamsOfUser(user.id, [1], T0);
    await expect(db.transaction((tx) => tx.teams.setTeamsOfUser(user.id, [999], T0))).rejects.toThrow();
    expect((await db.users.findById(user.id))?.teamIds).toEqual([1]);
  });
});
