import pg from "pg";

/**
 * A dedicated PostgreSQL connection that LISTENs on `channel` and calls `onNotify` for every
 * notification (the outbox's wake-up between nodes). It reconnects after a lost connection (then
 * calls `onNotify` once, since notifications sent meanwhile are gone; the outbox is the truth).
 * Returns the stop function.
 */
export function listenPostgres(
  url: string,
  channel: string,
  onNotify: () => void,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  async function connect(): Promise<void> {
    if (stopped) return;
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (message) => {
      if (message.channel === channel) onNotify();
    });
    next.on("error", (error) => {
      if (stopped) return;
      onError(error);
      reconnect(next);
    });
    next.on("end", () => reconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (stopped) {
        await next.end().catch(() => undefined);
        return;
      }
      client = next;
      onNotify();
    } catch (error) {
      onError(error);
      reconnect(next);
    }
  }

  function reconnect(old: pg.Client): void {
    if (stopped || retry || (client !== null && client !== old)) return;
    client = null;
    old.removeAllListeners("end");
    void old.end().catch(() => undefined);
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, 1000);
    retry.unref();
  }

  void connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const current = client;
    client = null;
    if (current) {
      current.removeAllListeners("end");
      await current.end().catch(() => undefined);
    }
  };
}
