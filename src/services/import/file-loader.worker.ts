/** A parser thread of the file loader (file-loader.ts): loads each batch of files it is sent. */
import { parentPort, workerData } from "node:worker_threads";
import type { ImportFileOptions } from "../../importers/detect.ts";
import { loadImportFile, sendFile } from "./file-loader.ts";

const limits = workerData as ImportFileOptions;
const port = parentPort;
if (!port) throw new Error("file-loader.worker.ts runs as a worker thread of file-loader.ts");
port.on("message", ({ id, files }: { id: number; files: string[] }) => {
  void Promise.all(files.map((file) => loadImportFile(file, limits))).then((loaded) =>
    port.postMessage({ id, sent: loaded.map(sendFile) }),
  );
});
