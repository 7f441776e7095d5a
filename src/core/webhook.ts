/** The events a webhook may subscribe to (also listed by the admin's webhook settings). */
export const WEBHOOK_EVENTS = [
  "article.published",
  "article.updated",
  "article.unpublished",
  "article.slugChanged",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** A webhook registration and its deliveries (issue #4): retried until they succeed or give up. */
export interface Webhook {
  id: number;
  url: string;
  events: string[];
  description: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type DeliveryStatus = "pending" | "sending" | "succeeded" | "failed";

export interface WebhookDelivery {
  id: number;
  webhookId: number;
  eventId: string;
  eventType: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}
