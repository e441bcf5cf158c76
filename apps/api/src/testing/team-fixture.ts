import { ingestMessage, type UserRole } from '@keluh/core';
import { scryptHasher } from '../security/password-hasher.ts';
import type { TestApp } from './test-app.ts';

/** A member of a team of their own, signed in with a bearer token. */
export interface TeamMember {
  id: number;
  email: string;
  token: string;
  headers: Record<string, string>;
}

/** Creates a team (or takes the one of that name) and a signed-in member of it with the role given. */
export async function teamMember(t: TestApp, teamName: string, role: UserRole, email: string): Promise<TeamMember & { teamId: number }> {
  const now = new Date().toISOString();
  const teamId = (await t.db.teams.list()).find((team) => team.name === teamName)?.id ?? (await t.db.teams.create(teamName, now)).id;
  const password = `${email}-password-1`;
  const user = await t.db.users.create({ email, name: email.split('@')[0]!, role, teamId, passwordHash: await scryptHasher.hash(password) }, now);
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`signing ${email} in answered ${response.statusCode}: ${response.body}`);
  const token = response.json<{ token: string }>().token;
  return { id: user.id, teamId, email, token, headers: { authorization: `Bearer ${token}` } };
}

/** A customer's first webchat message, through the real ingest: the ticket lands in the default team. */
export async function inboundTicket(t: TestApp, sender: string, body = 'Paket saya belum sampai'): Promise<number> {
  const { ticket } = await ingestMessage(t.app.services.core, { kind: 'message', channel: 'webchat', externalMessageId: `m-${sender}-${Math.random()}`, sender: { externalId: sender, displayName: 'Rina' }, body, sentAt: new Date().toISOString() });
  return ticket.id;
}
