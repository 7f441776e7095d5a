import { mkdir, readFile, writeFile, rename } from "node:fs/promises";
import { dirname, join, normalize, sep } from "node:path";

/** Where media files live. Local disk for one machine; an object store can implement the same. */
export interface MediaStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  /** Absolute path when stored on local disk (lets the server stream it). */
  localPath(key: string): string | null;
}

/** Keys are relative paths like `2024/10/putin-kazan-3f2a.jpg`; anything escaping the root is refused. */
export function isSafeMediaKey(key: string): boolean {
  return /^[a-z0-9][a-z0-9/._-]*$/i.test(key) && !key.split("/").includes("..") && !key.includes("//");
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
      const temp = `${path}.${process.pid}.tmp`;
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
    localPath: (key) => (isSafeMediaKey(key) ? resolve(key) : null),
  };
}
