import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, reopenTestDatabase, type TestDatabase } from '@keluh/db/testing';
import { systemClock, type Database } from '@keluh/core';
import { testConfig } from '../config/config.ts';
import { scryptHasher } from '../security/password-hasher.ts';
import { generatePassword } from '../security/generated-password.ts';
import { seedDatabase } from './seed.ts';

/*
 * Found by the cluster harness: two API processes started at once on an empty database (docker-compose
 * starts both replicas together) both saw no users and both created the admin; the second insert hit the
 * unique email and that process exited at start.
 */
describe('seeding an empty database from two processes at once', () => {
  let one: TestDatabase;
  let other: Database;
  beforeEach(async () => {
    one = await openTestDatabase();
    other = await reopenTestDatabase(one.url);
  });
  afterEach(async () => {
    await other.close();
    await one.close();
  });

  it('one of them creates the admin and the demo inbox, the other starts without creating anything', async () => {
    const config = testConfig({ SEED_DEMO: true, ADMIN_PASSWORD: 'cluster-admin-1', DEMO_PASSWORD: 'cluster-demo-1' });
    const seed = (db: Database) => seedDatabase({ db, hasher: scryptHasher, config, clock: systemClock, generatePassword });
    const reports = await Promise.all([seed(one), seed(other)]);

    expect(reports.map((report) => report.adminCreated).sort()).toEqual([false, true]);
    expect(reports.find((report) => !report.adminCreated)).toEqual({ adminCreated: false, demoCreated: false, logins: [] });
    const users = await one.users.list();
    expect(users.filter((user) => user.role === 'admin')).toHaveLength(1);
    // The demo inbox exists once: its staff are there exactly once each.
    expect(new Set(users.map((user) => user.email)).size).toBe(users.length);
  });
});
