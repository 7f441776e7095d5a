import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isValidSlug, slugify } from "./slug.ts";

describe("slugify", () => {
  it("lowercases, folds accents and joins words with hyphens", () => {
    assert.equal(
      slugify(
        "Respons Putin Mengejutkan atas Tuduhan Tentara Korea Utara Dikirim ke Rusia, Membenarkannya?",
        120,
      ),
      "respons-putin-mengejutkan-atas-tuduhan-tentara-korea-utara-dikirim-ke-rusia-membenarkannya",
    );
    assert.equal(slugify("Café & Kopi: Édisi Ke-16"), "cafe-dan-kopi-edisi-ke-16");
    assert.equal(slugify("Jum'at Berkah"), "jumat-berkah");
  });

  it("cuts long slugs at a word boundary", () => {
    const slug = slugify("kata ".repeat(40), 30);
    assert.ok(slug.length <= 30);
    assert.ok(!slug.endsWith("-"));
    assert.match(slug, /^(kata-)*kata$/);
  });

  it("returns an empty slug for text without letters or digits", () => {
    assert.equal(slugify("?!…"), "");
  });

  it("validates slugs", () => {
    assert.ok(isValidSlug("dunia-asia-2024"));
    assert.ok(!isValidSlug("Dunia"));
    assert.ok(!isValidSlug("-awal"));
    assert.ok(!isValidSlug("dua--hubung"));
    assert.ok(!isValidSlug("../etc"));
  });
});
