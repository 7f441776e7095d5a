/** A parser thread of the file loader (file-loader.ts): loads each batch of files it is sent. */
import { parentPort, workerData } from "node:worker_threads";
import type { ImportFileOptions } from "../../importers/detect.ts";
import { loadImportFile, sendFile, type WorkerMessage } from "./file-loader.ts";

const limits = workerData as ImportFileOptions;
const port = parentPort;
if (!port) throw new Error("file-loader.worker.ts runs as a worker thread of file-loader.ts");
// One file at a time (batches queue behind each other), each announced before it starts, so the
// loader can time a hung file out and replace this thread (see file-loader.ts).
let queue: Promise<void> = Promise.resolve();
port.on("message", ({ id, files, offset }: { id: number; files: string[]; offset: number }) => {
  queue = queue.then(async () => {
    for (const [i, file] of files.entries()) {
      const index = offset + i;
      port.postMessage({ id, index, started: true } satisfies WorkerMessage);
      const loaded = await loadImportFile(file, limits);
      port.postMessage({ id, index, sent: sendFile(loaded) } satisfies WorkerMessage);
    }
  });
});
