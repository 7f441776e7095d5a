import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";
import {
  animatedGif,
  bombPng,
  jpegWithIptc,
  multipartBody,
  noisyJpeg,
  rotatedJpegWithGps,
  solidJpeg,
} from "../../testing/image-fixtures.ts";

/** Every file under `dir`, relative. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

describe("media upload API", () => {
  let ctx: ApiTestContext;
  let writer: Session;
  let mediaDir: string;

  before(async () => {
    ctx = await createApiContext();
    const user = await ctx.user("penulis");
    writer = await ctx.login(user.email);
    mediaDir = ctx.deps.config.mediaDir;
  });
  after(async () => ctx.close());

  const upload = (
    fields: Record<string, string>,
    file: Parameters<typeof multipartBody>[1],
    session: Session | null = writer,
  ) => {
    const { body, contentType } = multipartBody(fields, file);
    return ctx.app.inject({
      method: "POST",
      url: "/api/v1/media",
      payload: body,
      headers: { ...(session ? session.write : {}), "content-type": contentType },
    });
  };

  it("multipart upload: IPTC caption, creator, credit and keywords prefill empty fields; sent fields win", async () => {
    const photo = await jpegWithIptc({
      caption: "Warga mengungsi saat banjir di Kampung Melayu, Jakarta",
      byline: "Rina Kusuma",
      credit: "Warta/Rina Kusuma",
      keywords: ["banjir", "Jakarta", "pengungsi"],
    });
    const response = await upload(
      { alt: "Warga menyeberangi banjir dengan perahu karet" },
      {
        fileName: "banjir.jpg",
        type: "image/jpeg",
        bytes: photo,
      },
    );
    assert.equal(response.statusCode, 201, response.body);
    const media = response.json();
    assert.equal(media.caption, "Warga mengungsi saat banjir di Kampung Melayu, Jakarta");
    assert.equal(media.creator, "Rina Kusuma");
    assert.equal(media.credit, "Warta/Rina Kusuma");
    assert.deepEqual(media.keywords, ["banjir", "Jakarta", "pengungsi"]);
    assert.equal(media.alt, "Warga menyeberangi banjir dengan perahu karet");
    assert.equal(media.duplicate, false);
    assert.match(media.file, /^originals\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/);

    const overridden = await upload(
      { caption: "Keterangan redaksi", credit: "Warta", keywords: "banjir, evakuasi" },
      {
        fileName: "lain.jpg",
        type: "image/jpeg",
        bytes: await jpegWithIptc({ caption: "x", byline: "y", credit: "z", keywords: ["k"] }),
      },
    );
    assert.equal(overridden.statusCode, 201);
    assert.equal(overridden.json().caption, "Keterangan redaksi");
    assert.equal(overridden.json().credit, "Warta");
    assert.equal(overridden.json().creator, "y", "an empty field still comes from the file");
    assert.deepEqual(overridden.json().keywords, ["banjir", "evakuasi"]);
  });

  it("orientation is applied, then EXIF (GPS included) and IPTC are stripped from the stored file", async () => {
    const response = await upload(
      {},
      { fileName: "miring.jpg", type: "image/jpeg", bytes: await rotatedJpegWithGps() },
    );
    assert.equal(response.statusCode, 201, response.body);
    const media = response.json();
    assert.deepEqual([media.width, media.height], [100, 200], "stored upright");
    const stored = await sharp(join(mediaDir, media.file)).metadata();
    assert.deepEqual([stored.width, stored.height], [100, 200]);
    assert.equal(stored.exif, undefined, "no EXIF (no GPS position)");
    assert.equal(stored.iptc, undefined);
    assert.equal(stored.xmp, undefined);
    assert.ok(!stored.orientation || stored.orientation === 1);
  });

  it("the same bytes again are the same image (by hash), whatever the name", async () => {
    const bytes = await solidJpeg(40, 30, "#123456");
    const first = await upload({}, { fileName: "a.jpg", type: "image/jpeg", bytes });
    const second = await upload({ caption: "lain" }, { fileName: "b.png", type: "image/png", bytes });
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 200);
    assert.equal(second.json().duplicate, true);
    assert.equal(second.json().id, first.json().id);
    assert.equal(second.json().sha256, first.json().sha256);
  });

  it("bad input is refused with an Indonesian message naming the field, and nothing is written", async () => {
    const count = async () => (await ctx.deps.media.list({ beforeId: null, limit: 1000 })).length;
    const before = await count();
    const originals = await filesUnder(join(mediaDir, "originals"));
    const truncated = await noisyJpeg(300, 300);
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
    );
    const prolog = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- dibuat oleh penyunting vektor -->\n' +
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n',
    );
    const cases: {
      label: string;
      file: Parameters<typeof multipartBody>[1];
      status: number;
      field: string;
      message: RegExp;
    }[] = [
      {
        label: "text renamed .jpg",
        file: {
          fileName: "foto.jpg",
          type: "image/jpeg",
          bytes: Buffer.from("ini bukan gambar, hanya teks\n"),
        },
        status: 422,
        field: "file",
        message: /bukan gambar/,
      },
      {
        label: "truncated JPEG",
        file: {
          fileName: "potong.jpg",
          type: "image/jpeg",
          bytes: truncated.subarray(0, Math.floor(truncated.length / 2)),
        },
        status: 422,
        field: "file",
        message: /rusak|terpotong/,
      },
      {
        label: "20,000 × 20,000 PNG",
        file: { fileName: "bom.png", type: "image/png", bytes: bombPng(20_000, 20_000) },
        status: 422,
        field: "file",
        message: /terlalu besar: 20000 × 20000/,
      },
      {
        label: "500-frame GIF",
        file: { fileName: "animasi.gif", type: "image/gif", bytes: await animatedGif(500) },
        status: 422,
        field: "file",
        message: /animasi/,
      },
      {
        label: "SVG with script",
        file: { fileName: "logo.svg", type: "image/svg+xml", bytes: svg },
        status: 422,
        field: "file",
        message: /SVG tidak diterima/,
      },
      {
        label: "SVG named .png",
        file: { fileName: "logo.png", type: "image/png", bytes: Buffer.concat([prolog, svg]) },
        status: 422,
        field: "file",
        message: /SVG tidak diterima/,
      },
      {
        label: "path traversal name",
        file: {
          fileName: "../../../etc/cron.d/x.jpg",
          type: "image/jpeg",
          bytes: await solidJpeg(10, 10, "#abcdef"),
        },
        status: 422,
        field: "fileName",
        message: /tidak valid/,
      },
      {
        label: "empty file",
        file: { fileName: "kosong.jpg", type: "image/jpeg", bytes: Buffer.alloc(0) },
        status: 422,
        field: "file",
        message: /kosong/,
      },
      { label: "no file part", file: null, status: 422, field: "file", message: /Tidak ada berkas/ },
      {
        label: "over the limit",
        file: {
          fileName: "besar.jpg",
          type: "image/jpeg",
          bytes: Buffer.concat([truncated, Buffer.alloc(26 * 1024 * 1024)]),
        },
        status: 413,
        field: "file",
        message: /terlalu besar \(maksimal 25 MB\)/,
      },
    ];
    for (const c of cases) {
      const response = await upload({ caption: "uji" }, c.file);
      assert.equal(response.statusCode, c.status, `${c.label}: ${response.body}`);
      assert.match(String(response.headers["content-type"]), /application\/problem\+json/, c.label);
      const problem = response.json();
      assert.match(problem.detail, c.message, `${c.label}: ${problem.detail}`);
      assert.equal(problem.errors[0]?.field, c.field, `${c.label}: ${JSON.stringify(problem.errors)}`);
      if (c.label.startsWith("SVG")) assert.match(problem.errors[0]?.message, /skrip dan tautan/, c.label);
    }
    const raw = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/media",
      payload: Buffer.alloc(0),
      headers: { ...writer.write, "content-type": "image/jpeg" },
    });
    assert.equal(raw.statusCode, 422, "an empty raw body");
    assert.equal(await count(), before, "no media row");
    assert.deepEqual(await filesUnder(join(mediaDir, "originals")), originals, "no stored file");
    assert.deepEqual(await filesUnder(join(mediaDir, "tmp")), [], "no temporary file left");
  });

  it("an anonymous upload is refused before its body is read; a chunked body over the limit is cut off", async () => {
    await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = ctx.app.server.address() as AddressInfo;
    const send = (
      headers: Record<string, string | number>,
      write: (req: ReturnType<typeof httpRequest>) => void,
    ) =>
      new Promise<{ status: number; body: string; sentBytes: number }>((resolve, reject) => {
        const req = httpRequest(
          { host: "127.0.0.1", port, method: "POST", path: "/api/v1/media", headers },
          (res) => {
            let body = "";
            res.on("data", (chunk: Buffer) => (body += chunk.toString()));
            res.on("end", () => {
              resolve({ status: res.statusCode ?? 0, body, sentBytes: req.socket?.bytesWritten ?? 0 });
              req.destroy(); // the rest of the body is never sent
            });
          },
        );
        req.on("error", reject);
        write(req);
      });
    // Declares 20 MB, sends 1 KB and waits: the answer comes without the rest of the body.
    const anonymous = await send(
      { "content-type": "multipart/form-data; boundary=x", "content-length": 20 * 1024 * 1024 },
      (req) => req.write(Buffer.alloc(1024)),
    );
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.body, /Silakan masuk/);
    assert.ok(anonymous.sentBytes < 64 * 1024, `sent ${anonymous.sentBytes} bytes`);

    // Chunked (no declared length): streamed and metered; refused once past 25 MB.
    const { body, contentType } = multipartBody(
      {},
      {
        fileName: "besar.jpg",
        type: "image/jpeg",
        bytes: Buffer.concat([await solidJpeg(10, 10), Buffer.alloc(26 * 1024 * 1024)]),
      },
    );
    const big = await send(
      { "content-type": contentType, "transfer-encoding": "chunked", ...writer.write },
      (req) => {
        req.on("error", () => undefined);
        req.end(body);
      },
    );
    assert.equal(big.status, 413, big.body);
    assert.deepEqual(await filesUnder(join(mediaDir, "tmp")), [], "no temporary file left");
  });
});
