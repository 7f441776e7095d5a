/** A parser thread of the file loader (file-loader.ts): loads the files it is sent, in order. */
import { parentPort, workerData } from "node:worker_threads";
import type { ImportFileOptions } from "../../importers/detect.ts";
import { loadImportFile, sendFile } from "./file-loader.ts";

const limits = workerData as ImportFileOptions;
const port = parentPort;
if (!port) throw new Error("file-loader.worker.ts runs as a worker thread of file-loader.ts");
port.on("message", ({ id, file }: { id: number; file: string }) => {
  void loadImportFile(file, limits).then((loaded) => port.postMessage({ id, sent: sendFile(loaded) }));
});
