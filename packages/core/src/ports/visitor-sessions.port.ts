import type { Instant } from '../shared/instant.ts';
import type { VisitorRevocationReason, VisitorSession } from '../visitors/visitor-session.types.ts';

export interface VisitorSessionRotation {
  /** The refresh digest the caller saw; the swap happens only if it is still the current one. */
  expectedHash: string;
  nextHash: string;
  expiresAt: Instant;
  at: Instant;
}

export interface VisitorSessionRepository {
  create(session: VisitorSession): Promise<void>;
  findById(id: string): Promise<VisitorSession | null>;
  /**
   * Compare-and-swap of the refresh digest on a live session. False when another refresh with the same
   * token got there first (two tabs, two processes): exactly one of them may rotate.
   */
  rotate(id: string, rotation: VisitorSessionRotation): Promise<boolean>;
  /** False when it was already revoked (or does not exist). */
  revoke(id: string, reason: VisitorRevocationReason, at: Instant): Promise<boolean>;
  /** Revokes every live session of one visitor; returns the ids it revoked. */
  revokeForVisitor(visitorId: string, reason: VisitorRevocationReason, at: Instant): Promise<string[]>;
  /** Whether this visitor ever had a session (a pre-session token may be exchanged only once). */
  existsForVisitor(visitorId: string): Promise<boolean>;
}
