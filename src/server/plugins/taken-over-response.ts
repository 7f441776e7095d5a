import type { Socket } from "node:net";
import { STATUS_CODES, validateHeaderName, validateHeaderValue } from "node:http";
import type { FastifyReply } from "fastify";

declare module "fastify" {
  interface FastifyInstance {
    /**
     * Counts a response written outside Node's `ServerResponse` (metrics.plugin.ts counts the others
     * when they finish). Absent when /metrics is not registered.
     */
    countResponse?: (statusCode: number) => void;
  }
}

/**
 * Takes the response over from Fastify (`reply.hijack()`) and writes its head straight to the
 * socket, for a route whose body is written to the socket itself (the live blogs' Server-Sent
 * Events: no `ServerResponse` framing, nothing kept per connection but the socket).
 *
 * The head carries every header the app's `onRequest` hooks put on the reply — the security
 * headers of security-headers.plugin.ts (Content-Security-Policy, nosniff, frame, referrer and
 * opener policies) — then the route's own (`own` wins on the same name): the hooks stay the one
 * source of the header set. The response is counted by /metrics when its head is written, since
 * it never emits `finish`; onResponse hooks do not run for it (the caller ends what they would).
 *
 * Returns the socket, or null when the client has already gone.
 */
export function takeOverResponse(
  reply: FastifyReply,
  status: number,
  own: Readonly<Record<string, string>>,
  bodyStart = "",
): Socket | null {
  const headers = new Map<string, string | string[]>();
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined) continue;
    headers.set(name.toLowerCase(), Array.isArray(value) ? value.map(String) : String(value));
  }
  for (const [name, value] of Object.entries(own)) headers.set(name.toLowerCase(), value);
  let head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\n`;
  for (const [name, value] of headers) {
    validateHeaderName(name);
    for (const one of Array.isArray(value) ? value : [value]) {
      validateHeaderValue(name, one);
      head += `${name}: ${one}\r\n`;
    }
  }
  const socket = reply.raw.socket;
  reply.hijack();
  if (!socket || socket.destroyed) return null;
  socket.write(`${head}\r\n${bodyStart}`);
  reply.server.countResponse?.(status);
  return socket;
}
