import type { Instant } from '../shared/instant.ts';

/**
 * One integration on the generic API channel ("Telegram bridge", "Tokopedia chat" …). Its id scopes
 * every sender and message key it produces, so two integrations never collide; the secret signs both
 * directions and never leaves the server except once, when it is created or rotated.
 */
export interface ApiChannel {
  id: number;
  name: string;
  secret: string;
  /** Where agent replies are POSTed as signed webhooks (http or https). */
  webhookUrl: string;
  createdAt: Instant;
  updatedAt: Instant;
}
