/**
 * Messaging windows. WhatsApp (§2.8): 24 h after the customer's last message free-form is allowed;
 * outside it only templates, and sending a template does not reopen it. Instagram (§3.6): 24 h
 * standard window, extended to 7 days for a human agent using the HUMAN_AGENT tag.
 */

export const STANDARD_WINDOW_MS = 24 * 3_600_000;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3_600_000;

export interface WindowKnobs {
  lastInboundAt: Record<string, number>;
  windowOpen: Record<string, boolean>;
}

/** The standard 24 h window; a `windowOpen` override wins over the computed value. */
export function isWindowOpen(knobs: WindowKnobs, customer: string, now: number): boolean {
  const override = knobs.windowOpen[customer];
  if (override !== undefined) return override;
  const last = knobs.lastInboundAt[customer];
  return last !== undefined && now - last < STANDARD_WINDOW_MS;
}

/** Each customer message resets the window (§2.8), but an out-of-order older message must not shrink it. */
export function recordInbound(knobs: WindowKnobs, customer: string, at: number): void {
  const last = knobs.lastInboundAt[customer];
  if (last === undefined || at > last) knobs.lastInboundAt[customer] = at;
}

export type IgWindowDecision = { allowed: true; via: 'standard' | 'human_agent' } | { allowed: false; reason: 'window_closed' | 'human_agent_expired' };

export interface IgWindowRequest {
  tag?: string;
  humanAgentApproved: boolean;
}

export function instagramWindow(knobs: WindowKnobs, igsid: string, now: number, request: IgWindowRequest): IgWindowDecision {
  if (isWindowOpen(knobs, igsid, now)) return { allowed: true, via: 'standard' };
  if (request.tag !== 'HUMAN_AGENT' || !request.humanAgentApproved) return { allowed: false, reason: 'window_closed' };
  const last = knobs.lastInboundAt[igsid];
  return last !== undefined && now - last < HUMAN_AGENT_WINDOW_MS
    ? { allowed: true, via: 'human_agent' }
    : { allowed: false, reason: 'human_agent_expired' };
}
