import type { DomainEvent } from "./events.ts";

/**
 * Domain events as text, for the outbox (services/outbox/): JSON with `at` as an ISO instant.
 * `decodeEvent(encodeEvent(e))` is deep-equal to `e`.
 */
export function encodeEvent(event: DomainEvent): string {
  return JSON.stringify({ ...event, at: event.at.toISOString() });
}

export function decodeEvent(payload: string): DomainEvent {
  const raw = JSON.parse(payload) as Omit<DomainEvent, "at"> & { at: string };
  return { ...raw, at: new Date(raw.at) } as DomainEvent;
}
