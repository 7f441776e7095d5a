import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import type { Media } from "../core/media.ts";
import { twoToneJpeg } from "../testing/image-fixtures.ts";
import { createDerivativeMaker, DerivativeGone, derivativeKey, removeDerivatives } from "./derivatives.ts";
import { sniffImageType } from "./image-sniff.ts";
import { createLocalMediaStorage, originalKey, type MediaStorage } from "./media-storage.ts";

describe("derivatives", () => {
  let dir: string;
  let storage: MediaStorage;
  let photo: Omit<Media, "focalX" | "focalY">;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-derivatives-"));
    storage = createLocalMediaStorage(dir);
    // 1600 × 800: left half red, right half blue.
    const bytes = await twoToneJpeg(1600, 800, "#ff0000", "#0000ff");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const file = originalKey(sha256, "jpg");
    await storage.put(file, bytes);
    photo = {
      id: 1,
      file,
      sha256,
      mimeType: "image/jpeg",
      width: 1600,
      height: 800,
      byteSize: bytes.length,
      alt: "",
      caption: "",
      credit: "",
      creator: "",
      keywords: [],
      createdAt: new Date(),
    };
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it("each format is made at the asked width and crop, and is what its name says", async () => {
    const maker = createDerivativeMaker(storage);
    const media = { ...photo, focalX: 50, focalY: 50 };
    for (const [spec, size] of [
      [{ crop: "w", width: 640, format: "avif" }, [640, 320]],
      [{ crop: "hero", width: 960, format: "webp" }, [960, 540]],
      [{ crop: "thumb", width: 320, format: "jpg" }, [320, 320]],
      [{ crop: "social", width: 1200, format: "jpg" }, [1200, 630]],
    ] as const) {
      const key = await maker.ensure(media, spec);
      const bytes = (await storage.get(key)) as Buffer;
      assert.equal(sniffImageType(bytes), spec.format === "jpg" ? "jpeg" : spec.format, key);
      const info = await sharp(bytes).metadata();
      assert.deepEqual([info.width, info.height], size, key);
      assert.equal(info.exif, undefined);
    }
  });

  it("single flight: twenty concurrent first requests make a derivative once; later ones find it on disk", async () => {
    const maker = createDerivativeMaker(storage);
    const media = { ...photo, focalX: 50, focalY: 50 };
    const spec = { crop: "hero", width: 1280, format: "avif" } as const;
    const keys = await Promise.all(Array.from({ length: 20 }, () => maker.ensure(media, spec)));
    assert.equal(new Set(keys).size, 1);
    assert.equal(maker.made, 1);
    await maker.ensure(media, spec);
    assert.equal(maker.made, 1, "kept: not made again");
    const another = createDerivativeMaker(storage);
    await another.ensure(media, spec);
    assert.equal(another.made, 0, "another process (or node on shared storage) finds it too");
  });

  it("the focal point decides what a crop keeps, and gives other keys", async () => {
    const maker = createDerivativeMaker(storage);
    const spec = { crop: "thumb", width: 320, format: "jpg" } as const;
    const colour = async (focalX: number) => {
      const media = { ...photo, focalX, focalY: 50 };
      const key = await maker.ensure(media, spec);
      assert.equal(key, derivativeKey(media, spec));
      const { channels } = await sharp((await storage.get(key)) as Buffer).stats();
      return { key, red: channels[0]?.mean ?? 0, blue: channels[2]?.mean ?? 0 };
    };
    const left = await colour(10);
    const right = await colour(90);
    assert.ok(left.red > 200 && left.blue < 50, `left crop is red: ${JSON.stringify(left)}`);
    assert.ok(right.blue > 200 && right.red < 50, `right crop is blue: ${JSON.stringify(right)}`);
    assert.notEqual(left.key, right.key);
  });

  it("an image deleted while its derivative is encoded leaves no file behind", async () => {
    const media = { ...photo, focalX: 30, focalY: 50 };
    const spec = { crop: "hero", width: 640, format: "webp" } as const;
    let stored = true;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let writing!: () => void;
    const started = new Promise<void>((resolve) => {
      writing = resolve;
    });
    // The encode is done and about to be written when the delete runs (its row, then its files).
    const slow: MediaStorage = {
      ...storage,
      async put(key, bytes) {
        writing();
        await gate;
        await storage.put(key, bytes);
      },
    };
    const maker = createDerivativeMaker(slow, { stillStored: async () => stored });
    const making = maker.ensure(media, spec);
    await started;
    stored = false;
    await removeDerivatives(storage, media);
    release();
    await assert.rejects(making, DerivativeGone);
    assert.equal(await storage.get(derivativeKey(media, spec)), null, "the late file was removed");

    stored = true;
    const kept = await createDerivativeMaker(storage, { stillStored: async () => stored }).ensure(
      media,
      spec,
    );
    assert.notEqual(await storage.get(kept), null, "an image still stored keeps its derivative");
  });
});
