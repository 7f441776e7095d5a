import { parseCommandArgs, UsageError, type Command } from "../command.ts";
import { withDeps } from "../runtime.ts";

const USAGE = "warta import-images [--failed] [--retry [--id N]...] [--fetch]";

/**
 * The remote photos of imported pages (docs/import.md, "Remote photos"): lists what waits and what
 * failed with the reason; `--retry` queues failed ones again (all, or `--id`); `--fetch` fetches
 * what is due now in this process instead of waiting for the server's background round.
 */
export const importImagesCommand: Command = {
  name: "import-images",
  summary: "List, retry or fetch now the remote photos of imported pages",
  usage: USAGE,
  async run(argv) {
    const { values } = parseCommandArgs(
      argv,
      {
        failed: { type: "boolean" },
        retry: { type: "boolean" },
        id: { type: "string", multiple: true },
        fetch: { type: "boolean" },
      },
      false,
    );
    const ids = values.id?.map((id) => {
      if (!/^\d+$/.test(id)) throw new UsageError(`--id wants a number, not "${id}".`);
      return Number(id);
    });
    if (ids && !values.retry) throw new UsageError("--id goes with --retry.");
    return withDeps(async (deps) => {
      if (values.retry) {
        const queued = await deps.remoteImages.retry(ids ?? null);
        console.log(`Diantrekan lagi (queued again): ${queued}`);
      }
      if (values.fetch) {
        let total = { fetched: 0, failed: 0, dropped: 0 };
        for (;;) {
          const round = await deps.remoteImages.runDue(20);
          total = {
            fetched: total.fetched + round.fetched,
            failed: total.failed + round.failed,
            dropped: total.dropped + round.dropped,
          };
          if (round.fetched + round.failed + round.dropped === 0) break;
        }
        console.log(
          `Diunduh (fetched): ${total.fetched}, gagal (failed): ${total.failed}, ` +
            `tidak diperlukan lagi (no longer in the story): ${total.dropped}`,
        );
      }
      const rows = await deps.remoteImages.list(values.failed ? "failed" : null);
      if (rows.length === 0)
        console.log(values.failed ? "Tidak ada yang gagal." : "Tidak ada gambar yang menunggu.");
      for (const row of rows)
        console.log(
          [
            `#${row.id}`,
            `artikel ${row.articleId}`,
            row.role === "hero" ? "foto utama" : "foto isi",
            row.status === "failed"
              ? `GAGAL (${row.attempts}x): ${row.error ?? ""}`
              : `menunggu (${row.attempts}x)`,
            row.url,
          ].join("  "),
        );
      return rows.some((row) => row.status === "failed") ? 1 : 0;
    });
  },
};
