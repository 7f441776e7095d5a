import assert from "node:assert/strict";
import { connect, type Socket } from "node:net";
import { once } from "node:events";
import { describe, it } from "node:test";
import { createTestContext } from "../testing/test-app.ts";
import { closeGracefully } from "./app.ts";

/** A client that opens a request and never finishes its headers (a slowloris). */
async function stalledClient(port: number): Promise<Socket> {
  const socket = connect(port, "127.0.0.1");
  await once(socket, "connect");
  socket.write("GET / HTTP/1.1\r\nHost: warta.test\r\nX-Slow: ");
  return socket;
}

describe("shutdown", () => {
  it(
    "closes a stalled client's connection after the grace period instead of waiting for it",
    { timeout: 15_000 },
    async () => {
      const ctx = await createTestContext();
      try {
        const origin = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
        const socket = await stalledClient(Number(new URL(origin).port));
        const closed = once(socket, "close");
        // Without closing connections, app.close() waits for this client's request timeout (60 s).
        await closeGracefully(ctx.app, 200);
        await closed;
        assert.equal(socket.destroyed, true);
        assert.equal(ctx.app.server.listening, false);
      } finally {
        await ctx.close();
      }
    },
  );

  it("lets a request in flight finish within the grace period", { timeout: 15_000 }, async () => {
    const ctx = await createTestContext();
    try {
      const origin = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
      // A login whose headers have arrived and whose body is still on its way: in flight.
      const socket = connect(Number(new URL(origin).port), "127.0.0.1");
      await once(socket, "connect");
      const body = JSON.stringify({ email: "tidak.ada@warta.test", password: "salah-sekali-123" });
      socket.write(
        `POST /api/v1/auth/login HTTP/1.1\r\nHost: warta.test\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 5)}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      let answer = "";
      socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
      const closing = closeGracefully(ctx.app, 5_000);
      socket.write(body.slice(5));
      await closing;
      await once(socket, "close");
      assert.match(answer, /^HTTP\/1\.1 401 /);
    } finally {
      await ctx.close();
    }
  });
});
