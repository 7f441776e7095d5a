/**
 * A progress reporter for long CLI jobs (reindex, imports): count, rate and ETA. On a TTY it redraws
 * one bar line; otherwise (logs, pipes, CI) it prints a plain line at each tenth of the total and at
 * least every `intervalMs`, and a final line with the elapsed time.
 *
 *   const progress = createProgress({ total: 5000, label: "Mengindeks", stream: process.stderr });
 *   for (const item of items) { work(item); progress.tick(); }
 *   progress.done();
 */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  /** Unknown totals show count and rate only. */
  total?: number;
  label: string;
  stream: ProgressStream;
  /** Most time between two plain lines (TTY: between redraws at most every 100 ms). Default 2000. */
  intervalMs?: number;
  /** For tests: the clock in milliseconds. */
  now?: () => number;
}

export interface Progress {
  tick(n?: number): void;
  done(): void;
}

const BAR_WIDTH = 24;
const TTY_REDRAW_MS = 100;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "--:--";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

const number = (n: number) => Math.round(n).toLocaleString("id-ID");

export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const { stream, label } = options;
  const total = options.total !== undefined && options.total > 0 ? options.total : undefined;
  const tty = stream.isTTY === true;
  const interval = options.intervalMs ?? 2000;
  const started = now();
  let count = 0;
  let lastDraw = started;
  let lastTenth = 0;
  let drawnOnce = false;
  let finished = false;

  function line(final: boolean): string {
    const elapsed = (now() - started) / 1000;
    const rate = `${number(elapsed > 0 ? count / elapsed : 0)}/s`;
    if (total === undefined)
      return `${label} ${number(count)} (${rate}, ${final ? `in ${elapsed.toFixed(1)} s` : formatDuration(elapsed)})`;
    const fraction = Math.min(1, count / total);
    const filled = Math.round(fraction * BAR_WIDTH);
    const bar = `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
    const head = `${label} ${bar} ${Math.floor(fraction * 100)}% ${number(count)}/${number(total)}`;
    if (final) return `${head} (${rate}) in ${elapsed.toFixed(1)} s`;
    const perSecond = elapsed > 0 ? count / elapsed : 0;
    const eta = perSecond > 0 ? (total - count) / perSecond : Infinity;
    return `${head} (${rate}, sisa ${formatDuration(eta)})`;
  }

  function write(final: boolean): void {
    lastDraw = now();
    drawnOnce = true;
    if (tty) stream.write(`\r${line(final)}\x1b[K${final ? "\n" : ""}`);
    else stream.write(`${line(final)}\n`);
  }

  return {
    tick(n = 1) {
      if (finished) return;
      count += n;
      const t = now();
      if (tty) {
        if (!drawnOnce || t - lastDraw >= Math.min(interval, TTY_REDRAW_MS)) write(false);
        return;
      }
      const tenth = total === undefined ? 0 : Math.floor((Math.min(count, total) * 10) / total);
      if (tenth > lastTenth || t - lastDraw >= interval) {
        lastTenth = tenth;
        write(false);
      }
    },
    done() {
      if (finished) return;
      finished = true;
      write(true);
    },
  };
}
