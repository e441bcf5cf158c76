import { setTimeout as sleep } from 'node:timers/promises';
import type { Cluster } from '../cluster.ts';

/*
 * Agents answering tickets through the API while the chaos runs, each reply with its own text so Meta's
 * log tells them apart. A reply whose POST was cut by a kill has an unknown outcome: it may or may not
 * have been stored, and the check holds it to "sent once if stored, never sent if not".
 */

export interface ReplyAttempt {
  body: string;
  node: number;
  /** 201 (`queued`), an HTTP error (`refused`), or no answer because the process died (`unanswered`). */
  outcome: 'queued' | 'refused' | 'unanswered';
  messageId?: number;
  detail?: string;
}

export interface AgentOptions {
  cluster: Cluster;
  token: string;
  replies: number;
  tag: string;
  /** 0…1: how far the inbound traffic is; replies are spread along it so some meet the kills. */
  progress: () => number;
  /** Two agents by default, each on whichever process is up. */
  agents?: number;
}

async function ticketIds(cluster: Cluster, token: string): Promise<number[]> {
  for (const node of cluster.live()) {
    try {
      const response = await fetch(`${node.url}/api/tickets?limit=100`, { headers: { authorization: `Bearer ${token}` } });
      if (response.ok) return ((await response.json()) as { items: { id: number }[] }).items.map((ticket) => ticket.id);
    } catch {
      // That node went down meanwhile: ask the next one.
    }
  }
  return [];
}

export async function runAgents(options: AgentOptions): Promise<ReplyAttempt[]> {
  const attempts: ReplyAttempt[] = [];
  let tickets: number[] = [];
  let refreshedAt = -1;

  /** False when there was nobody to ask (no ticket yet, every process down): try again shortly. */
  async function replyOnce(serial: number): Promise<boolean> {
    if (tickets.length === 0 || serial - refreshedAt >= 20) {
      tickets = await ticketIds(options.cluster, options.token);
      refreshedAt = serial;
    }
    const live = options.cluster.live();
    if (tickets.length === 0 || live.length === 0) return false;
    const node = live[serial % live.length]!;
    // A prime stride: consecutive replies land on different tickets, spread over the whole page.
    const ticketId = tickets[(serial * 7919) % tickets.length]!;
    const body = `chaos ${options.tag} reply ${serial} to ticket ${ticketId}`;
    try {
      const response = await fetch(`${node.url}/api/tickets/${ticketId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body }),
      });
      const answer = (await response.json().catch(() => ({}))) as { id?: number; code?: string };
      if (response.status === 201) attempts.push({ body, node: node.index, outcome: 'queued', messageId: answer.id! });
      else attempts.push({ body, node: node.index, outcome: 'refused', detail: `${response.status} ${answer.code ?? ''}` });
    } catch (error) {
      attempts.push({ body, node: node.index, outcome: 'unanswered', detail: error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error) });
    }
    return true;
  }

  let serial = 0;
  const agent = async () => {
    while (serial < options.replies) {
      // Keep pace with the inbound traffic; once it is done, the rest go out at once.
      if (serial >= Math.ceil(options.replies * options.progress())) {
        await sleep(20);
        continue;
      }
      const mine = serial++;
      while (!(await replyOnce(mine))) await sleep(50);
    }
  };
  await Promise.all(Array.from({ length: options.agents ?? 2 }, agent));
  return attempts;
}
