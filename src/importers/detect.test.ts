import assert from "node:assert/strict";
import { mkdtemp, open, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { decodeText, detectFormat, readImportFile } from "./detect.ts";
import { isImportError, type ImportErrorCode } from "./import-error.ts";

const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const failsWith =
  (code: ImportErrorCode) =>
  (error: unknown): boolean =>
    isImportError(error) &&
    error.code === code &&
    !error.message.includes("\n") &&
    /\(.+\)/u.test(error.message);

describe("detectFormat", () => {
  const cases: [string, string][] = [
    ["kompas-jsonld.html", "html"],
    ["plain-readability.html", "html"],
    ["rss-feed.xml", "rss"],
    ["atom-feed.xml", "atom"],
    ["wordpress-export.xml", "wxr"],
    ["kompas-com.txt", "page-text"],
    ["detik-style.txt", "page-text"],
  ];
  for (const [name, format] of cases) {
    it(`detects ${name} as ${format}`, async () => {
      const detected = detectFormat(name, await readFile(fixturePath(name)));
      assert.equal(detected.format, format);
    });
  }

  it("detects HTML fragments by extension and a doctype without extension", () => {
    assert.equal(detectFormat("a.htm", bytes("Teks <p>paragraf</p>")).format, "html");
    assert.equal(detectFormat("halaman", bytes("\uFEFF<!DOCTYPE html><title>x</title>")).format, "html");
  });

  it("detects Warta JSON exports and JSON Lines", () => {
    assert.equal(
      detectFormat("ekspor.json", bytes('{"warta": {"version": 1}, "articles": []}')).format,
      "warta-json",
    );
    assert.equal(detectFormat("daftar.jsonl", bytes('{"a":1}\n{"a":2}\n')).format, "jsonl");
    assert.equal(detectFormat("daftar.txt", bytes('{"a":1}\n{"a":2}\n')).format, "jsonl");
    assert.throws(() => detectFormat("lain.json", bytes('{"posts": []}')), failsWith("unsupported_format"));
    assert.throws(() => detectFormat("rusak.json", bytes("{ rusak")), failsWith("invalid_json"));
  });

  it("refuses XML that is not a feed", () => {
    assert.throws(
      () => detectFormat("x.xml", bytes('<?xml version="1.0"?><sitemap/>')),
      failsWith("unsupported_format"),
    );
  });

  it("reads captured text that opens with markup shown as text as page text, not XML", () => {
    const captured = "<a href='http://iklan.example/ck.php?n=1&amp;cb=2'><img src='x.gif'></a>\nJudul\nIsi.";
    assert.equal(detectFormat("halaman.txt", bytes(captured)).format, "page-text");
    assert.equal(detectFormat("halaman", bytes("<img src='x'> lalu teks")).format, "page-text");
    assert.equal(detectFormat("halaman.txt", bytes("<div>teks tempelan</div>\nIsi.")).format, "page-text");
    assert.equal(detectFormat("halaman.html", bytes("<div>teks</div>")).format, "html");
  });

  it("rejects empty and whitespace-only files", () => {
    assert.throws(() => detectFormat("kosong.txt", new Uint8Array()), failsWith("empty_file"));
    assert.throws(() => detectFormat("spasi.txt", bytes(" \n\t\n")), failsWith("empty_file"));
  });

  it("rejects binary junk: NUL bytes and invalid UTF-8", async () => {
    assert.throws(() => detectFormat("nul.txt", new Uint8Array([0x41, 0, 0x42])), failsWith("binary_file"));
    const junk = await readFile(fixturePath("binary-junk.bin"));
    assert.throws(() => detectFormat("gambar.txt", junk), failsWith("binary_file"));
    const latinJunk = new Uint8Array(400).map((_, i) => 0x80 + (i % 100));
    assert.throws(() => detectFormat("acak.txt", latinJunk), failsWith("binary_file"));
  });

  it("tolerates a stray invalid byte in otherwise good text", () => {
    const text = bytes("Judul Berita\n\n" + "Isi berita yang panjang. ".repeat(40));
    const withStray = new Uint8Array([...text, 0xff, 0x0a]);
    assert.equal(detectFormat("a.txt", withStray).format, "page-text");
  });

  it("decodes UTF-16 text with a byte-order mark", async () => {
    const text = decodeText(await readFile(fixturePath("utf16-page.txt")));
    assert.ok(text.startsWith("Judul Berita\n"));
  });

  it("rejects bytes over the configured limit", () => {
    assert.throws(
      () => detectFormat("besar.txt", bytes("x".repeat(2048)), { maxBytes: 1024 }),
      failsWith("file_too_large"),
    );
  });
});

describe("readImportFile", () => {
  let dir = "";
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-import-"));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("rejects a 50 MB file from its size alone, before reading it", async () => {
    const path = join(dir, "besar.txt");
    const handle = await open(path, "w");
    await handle.truncate(50 * 1024 * 1024); // sparse: no 50 MB written or read
    await handle.close();
    await assert.rejects(
      readImportFile(path),
      (error: unknown) => failsWith("file_too_large")(error) && /50\.0 MB/u.test(String(error)),
    );
  });

  it("honours a configured limit and reads files under it", async () => {
    const path = join(dir, "kecil.txt");
    await writeFile(path, "Judul\n\nIsi.\n");
    assert.equal((await readImportFile(path)).length, 12);
    await assert.rejects(readImportFile(path, { maxBytes: 4 }), failsWith("file_too_large"));
  });

  it("reports missing files, directories and empty files with one-line reasons", async () => {
    await assert.rejects(
      readImportFile(join(dir, "tidak-ada.txt")),
      (error: unknown) => failsWith("unreadable_file")(error) && /ENOENT/u.test(String(error)),
    );
    await assert.rejects(readImportFile(dir), failsWith("unreadable_file"));
    const empty = join(dir, "kosong.txt");
    await writeFile(empty, "");
    await assert.rejects(readImportFile(empty), failsWith("empty_file"));
  });
});
