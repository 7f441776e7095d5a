import { request as httpRequest, type IncomingMessage } from "node:http";

/** An open Server-Sent Events stream: its events as they arrive. */
export function openStream(
  origin: string,
  path: string,
): Promise<{
  response: IncomingMessage;
  next(name: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  ended: Promise<void>;
  close(): void;
}> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { headers: { accept: "text/event-stream" } }, (response) => {
      let buffer = "";
      const events: { name: string; data: Record<string, unknown> }[] = [];
      const waiters: (() => void)[] = [];
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (name && data) events.push({ name, data: JSON.parse(data) as Record<string, unknown> });
          for (const wake of waiters.splice(0)) wake();
        }
      });
      const ended = new Promise<void>((done) => response.on("end", () => done()));
      resolve({
        response,
        ended,
        close: () => req.destroy(),
        async next(name, timeoutMs = 1000) {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const index = events.findIndex((e) => e.name === name);
            if (index >= 0) return events.splice(index, 1)[0]!.data;
            const left = deadline - Date.now();
            if (left <= 0) throw new Error(`no "${name}" event within ${timeoutMs} ms`);
            await new Promise<void>((wake) => {
              const timer = setTimeout(wake, left);
              waiters.push(() => (clearTimeout(timer), wake()));
            });
          }
        },
      });
    });
    req.on("error", reject);
    req.end();
  });
}
