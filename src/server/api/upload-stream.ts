import { Busboy } from "@fastify/busboy";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, unlink } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { dirname } from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../../core/errors.ts";

/** A file streamed to a temporary path, with its hash and size computed on the way. */
export interface ReceivedFile {
  path: string;
  sha256: string;
  size: number;
  /** The client's name for it: informational, never used for a path. */
  fileName: string;
}

const tooLarge = (limit: number) =>
  new AppError(
    "payload_too_large",
    `Berkas gambar terlalu besar (maksimal ${Math.round(limit / 1048576)} MB).`,
    {
      details: [{ field: "file", message: `Maksimal ${Math.round(limit / 1048576)} MB.` }],
    },
  );

/** Streams `source` to `path` (never more than `limit` bytes), hashing it; removes the file on failure. */
async function streamToFile(source: Readable, path: string, limit: number, truncated: () => boolean) {
  await mkdir(dirname(path), { recursive: true });
  const hash = createHash("sha256");
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.byteLength;
      if (size > limit) return callback(tooLarge(limit));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(path, { flags: "wx" }));
  } catch (error) {
    await unlink(path).catch(() => undefined);
    throw error instanceof AppError
      ? error
      : new AppError("validation_failed", "Unggahan terputus.", { cause: error });
  }
  if (truncated()) {
    await unlink(path).catch(() => undefined);
    throw tooLarge(limit);
  }
  return { sha256: hash.digest("hex"), size };
}

/** Refuses a body whose declared length is over the limit before reading any of it. */
export function checkDeclaredLength(request: IncomingMessage, limit: number): void {
  const declared = Number(request.headers["content-length"] ?? "0");
  // Multipart framing adds a few hundred bytes around the file.
  if (Number.isFinite(declared) && declared > limit + 64 * 1024) throw tooLarge(limit);
}

/** A raw image body (`Content-Type: image/*`) streamed to `path`. */
export async function receiveRaw(request: IncomingMessage, path: string, limit: number, fileName: string) {
  checkDeclaredLength(request, limit);
  const { sha256, size } = await streamToFile(request, path, limit, () => false);
  return { path, sha256, size, fileName } satisfies ReceivedFile;
}

/**
 * A `multipart/form-data` body: the one part named `file` streamed to `path`, the other parts as
 * text fields (small: 20 fields of at most 4 KB). A second file is refused.
 */
export function receiveMultipart(
  request: IncomingMessage,
  path: string,
  limit: number,
): Promise<{ file: ReceivedFile | null; fields: Record<string, string> }> {
  checkDeclaredLength(request, limit);
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: Promise<ReceivedFile> | null = null;
    let failure: unknown = null;
    let busboy;
    try {
      busboy = new Busboy({
        headers: request.headers as { "content-type": string },
        // The client's name as sent (a path in it is refused by the service, never used).
        preservePath: true,
        limits: { fileSize: limit, files: 1, fields: 20, fieldSize: 4096, parts: 22 },
      });
    } catch (error) {
      reject(new AppError("validation_failed", "Isi permintaan multipart tidak valid.", { cause: error }));
      return;
    }
    busboy.on("file", (name, stream, fileName) => {
      if (name !== "file" || file) {
        failure ??= new AppError("validation_failed", 'Kirim tepat satu berkas di kolom "file".', {
          details: [{ field: name, message: 'Kolom berkas yang dikenal hanya "file".' }],
        });
        stream.resume();
        return;
      }
      file = streamToFile(stream, path, limit, () => stream.truncated).then(({ sha256, size }) => ({
        path,
        sha256,
        size,
        fileName: fileName ?? "",
      }));
      file.catch(() => undefined);
    });
    busboy.on("field", (name, value) => {
      fields[name] = value;
    });
    busboy.on("filesLimit", () => {
      failure ??= new AppError("validation_failed", "Kirim tepat satu berkas.", {
        details: [{ field: "file", message: "Hanya satu berkas per unggahan." }],
      });
    });
    busboy.on("error", (error) =>
      reject(new AppError("validation_failed", "Isi permintaan multipart tidak valid.", { cause: error })),
    );
    busboy.on("finish", () => {
      const pending: Promise<ReceivedFile> | null = file;
      if (!pending) return failure ? reject(failure) : resolve({ file: null, fields });
      pending.then(async (received) => {
        if (failure) {
          await unlink(received.path).catch(() => undefined);
          reject(failure);
        } else resolve({ file: received, fields });
      }, reject);
    });
    request.pipe(busboy);
  });
}
