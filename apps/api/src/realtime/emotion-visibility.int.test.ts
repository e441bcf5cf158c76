import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentEvent, VisitorEvent } from '@keluh/contracts';
import { connected, nextPushed, startTestApp, type TestApp } from '../testing/test-app.ts';

/** The reading of a customer's tone is for staff: the console sees it, the customer's widget never does. */
describe("who sees the reading of a customer's emotion", () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login();
  });
  afterAll(() => t.close());

  it('agents receive it live and in the ticket, while the visitor sees neither it nor any field of it', async () => {
    const agent = t.agentSocket(token);
    await connected(agent);
    const visitor = await t.newVisitor();
    const socket = t.visitorSocket(visitor.visitorToken);
    await connected(socket);

    const agentSees = nextPushed<AgentEvent>(agent, (event) => event.type === 'message.created');
    const ack = (await socket.emitWithAck('message.send', { clientMessageId: 'angry-visitor-01', body: 'KECEWA BANGET!!! Udah 3 hari gak ada kabar 😡' })) as { ok: boolean; message: { ticketId: number } & Record<string, unknown> };
    expect(ack.ok).toBe(true);

    const live = await agentSees;
    expect(live.type === 'message.created' && live.payload.message.emotion).toMatchObject({ level: 'angry' });
    // The acknowledgement is the visitor's copy of their own message.
    expect(Object.keys(ack.message)).not.toContain('emotion');

    const later = nextPushed<VisitorEvent>(socket, (event) => event.type === 'message.created');
    const reply = await t.app.inject({ method: 'POST', url: `/api/tickets/${ack.message.ticketId}/messages`, headers: { authorization: `Bearer ${token}` }, payload: { body: 'Mohon maaf sekali, Kak. Kami cek sekarang.' } });
    expect(reply.statusCode).toBe(201);
    expect(JSON.stringify(await later)).not.toMatch(/emotion|anger|urgency|cues/);

    const detail = await t.app.inject({ method: 'GET', url: `/api/tickets/${ack.message.ticketId}`, headers: { authorization: `Bearer ${token}` } });
    expect(detail.json().messages[0].emotion).toMatchObject({ level: 'angry' });
    expect(detail.json().ticket.priority).toBe('high');
    const conversation = await t.app.inject({ method: 'GET', url: '/api/widget/conversation', headers: { authorization: `Bearer ${visitor.visitorToken}` } });
    expect(conversation.statusCode).toBe(200);
    expect(conversation.body).not.toMatch(/anger|urgency|cues|emotion/);
  });
});
