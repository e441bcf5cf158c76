import { workflowStages, type BoardAgentLoad, type BoardStage, type ChannelKind, type SlaClock, type WorkflowStage } from '@keluh/core';

/** Fallback when an agent belongs to no team and has no capacity row: the teams table's own default. */
const DEFAULT_CAPACITY = 5;

export interface AgentParts {
  agents: { id: number; name: string }[];
  memberships: { userId: number; teamId: number }[];
  openCounts: { userId: number | null; open: number }[];
  ownCapacities: { userId: number; maxOpen: number | null }[];
  teamDefaults: { id: number; defaultCapacity: number }[];
}

/** Joins the few per-section results in memory: each was one grouped statement over all agents. */
export function agentLoadsFrom(parts: AgentParts): BoardAgentLoad[] {
  const teamsOf = new Map<number, number[]>();
  for (const row of parts.memberships) teamsOf.set(row.userId, [...(teamsOf.get(row.userId) ?? []), row.teamId]);
  const open = new Map(parts.openCounts.map((row) => [row.userId, Number(row.open)]));
  const own = new Map(parts.ownCapacities.map((row) => [row.userId, row.maxOpen]));
  const defaults = new Map(parts.teamDefaults.map((row) => [row.id, row.defaultCapacity]));
  return parts.agents.map((agent) => {
    const teamIds = (teamsOf.get(agent.id) ?? []).sort((a, b) => a - b);
    const teamDefault = Math.max(0, ...teamIds.map((id) => defaults.get(id) ?? 0)) || DEFAULT_CAPACITY;
    return { userId: agent.id, name: agent.name, teamIds, openCount: open.get(agent.id) ?? 0, capacity: own.get(agent.id) ?? teamDefault };
  });
}

/** Every stage 1–5, empty ones included, so the board's columns never shift. */
export function stagesFrom(rows: { stage: number; count: number; averageDwellMs: number | null; stuck: number | null }[]): BoardStage[] {
  const byStage = new Map(rows.map((row) => [Number(row.stage), row]));
  return workflowStages.map((stage: WorkflowStage) => {
    const row = byStage.get(stage);
    return row
      ? { stage, count: Number(row.count), averageDwellMs: row.averageDwellMs === null ? null : Math.round(Number(row.averageDwellMs)), stuck: Number(row.stuck ?? 0) }
      : { stage, count: 0, averageDwellMs: null, stuck: 0 };
  });
}

export function clocksByTicket(clocks: SlaClock[]): Map<number, SlaClock[]> {
  const grouped = new Map<number, SlaClock[]>();
  for (const clock of clocks) grouped.set(clock.ticketId, [...(grouped.get(clock.ticketId) ?? []), clock]);
  return grouped;
}

export const volumeRow = (row: { hour: string; channel: ChannelKind; inbound: number | string }) => ({ hour: row.hour, channel: row.channel, inbound: Number(row.inbound) });
