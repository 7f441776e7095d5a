import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures. Each delivery carries `X-Warta-Timestamp: <unix seconds>` and
 * `X-Warta-Signature: sha256=<hex>` where the hex is HMAC-SHA256(secret, `${timestamp}.${rawBody}`).
 * Signing the timestamp with the body lets receivers reject replays of old deliveries.
 */
export const SIGNATURE_HEADER = "x-warta-signature";
export const TIMESTAMP_HEADER = "x-warta-timestamp";
export const EVENT_HEADER = "x-warta-event";
export const DELIVERY_HEADER = "x-warta-delivery";

export function signPayload(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

/**
 * What a receiver does: recompute and compare in constant time, and refuse timestamps older
 * (or newer) than `toleranceSeconds`.
 */
export function verifySignature(input: {
  secret: string;
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
  nowSeconds?: number;
  toleranceSeconds?: number;
}): boolean {
  const { secret, rawBody, signature, timestamp } = input;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  const ts = Number(timestamp);
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - ts) > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signPayload(secret, ts, rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
