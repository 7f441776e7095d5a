import { mkdir, readdir, readFile, writeFile, rename, rm, unlink } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { dirname, join, normalize, sep } from "node:path";

/** Where media files live. Local disk for one machine; an object store can implement the same. */
export interface MediaStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
  /** The names directly under a folder key (`derivatives/3f`); [] when there is none. */
  list(folder: string): Promise<string[]>;
  /** Removes a folder key and everything under it (derivatives of one image version). */
  removeFolder(folder: string): Promise<void>;
  /** Absolute path when stored on local disk (lets the server stream it). */
  localPath(key: string): string | null;
  /** A fresh path for an upload in progress (same file system as the store, so it can be renamed). */
  tempPath(): string;
}

/**
 * Keys are relative paths like `originals/3f/3f2a….jpg` (server-made, never from a user); anything
 * escaping the root is refused.
 */
export function isSafeMediaKey(key: string): boolean {
  return /^[a-z0-9][a-z0-9/._-]*$/i.test(key) && !key.split("/").includes("..") && !key.includes("//");
}

/** The key of an original: its content hash decides it (content-addressed, no user-chosen part). */
export function originalKey(sha256: string, ext: string): string {
  return `originals/${sha256.slice(0, 2)}/${sha256}.${ext}`;
}

export function createLocalMediaStorage(root: string): MediaStorage {
  const resolve = (key: string): string => {
    if (!isSafeMediaKey(key)) throw new Error(`Unsafe media key: ${key}`);
    const path = normalize(join(root, key));
    if (!path.startsWith(normalize(root) + sep)) throw new Error(`Unsafe media key: ${key}`);
    return path;
  };
  return {
    async put(key, bytes) {
      const path = resolve(key);
      await mkdir(dirname(path), { recursive: true });
      // Unique temp name, then rename: readers (and other nodes on shared storage) never see half a file.
      const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, path);
    },
    async get(key) {
      try {
        return await readFile(resolve(key));
      } catch {
        return null;
      }
    },
    async remove(key) {
      await unlink(resolve(key)).catch(() => undefined);
    },
    async list(folder) {
      return readdir(resolve(folder)).catch(() => []);
    },
    async removeFolder(folder) {
      await rm(resolve(folder), { recursive: true, force: true });
    },
    localPath: (key) => (isSafeMediaKey(key) ? resolve(key) : null),
    tempPath: () => join(root, "tmp", `upload-${process.pid}-${randomBytes(8).toString("hex")}`),
  };
}
