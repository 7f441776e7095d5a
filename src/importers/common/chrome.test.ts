import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isPrompt, isTrailer, matchRelated } from "./chrome.ts";
import { matchDateline } from "./dateline.ts";
import { matchTrailingInitials, parseCreditLine, parseSourceLine } from "./credits.ts";

describe("chrome", () => {
  it("recognises trailers but not sentences that start with the same word", () => {
    for (const line of [
      "TERBARU",
      "Terpopuler",
      "Berita Terkait",
      "Baca berita lainnya di sini",
      "TERKINI:",
    ]) {
      assert.ok(isTrailer(line), line);
    }
    for (const line of ["Terbaru, harga BBM naik.", "Rekomendasi panitia diterima DPR pekan lalu."]) {
      assert.ok(!isTrailer(line), line);
    }
  });

  it("drops prompts but keeps paragraphs that merely mention the words", () => {
    for (const line of [
      "Bagikan",
      "Ikuti kami di Google News",
      "Simak breaking news dan berita pilihan",
      "Berlangganan newsletter",
    ]) {
      assert.ok(isPrompt(line), line);
    }
    for (const line of [
      "Google News kini menampilkan sumber lokal lebih banyak.",
      "Jumlah warga yang berlangganan listrik prabayar naik.",
    ]) {
      assert.ok(!isPrompt(line), line);
    }
  });

  it("reads Baca Juga in any case and with a dash", () => {
    assert.equal(matchRelated("BACA JUGA: Judul Lain"), "Judul Lain");
    assert.equal(matchRelated("Baca juga - Judul Lain"), "Judul Lain");
    assert.equal(matchRelated("Baca juga:"), null);
    assert.equal(matchRelated("Baca juga buku itu."), null);
  });
});

describe("dateline", () => {
  it("reads the usual lead-ins", () => {
    assert.deepEqual(matchDateline("KAZAN, KOMPAS.TV - Isi")?.dateline, {
      place: "KAZAN",
      outlet: "KOMPAS.TV",
    });
    assert.deepEqual(matchDateline("Jakarta (ANTARA) - Isi")?.dateline, {
      place: "Jakarta",
      outlet: "ANTARA",
    });
    assert.deepEqual(matchDateline("Jakarta — Isi")?.dateline, { place: "Jakarta", outlet: null });
    assert.deepEqual(matchDateline("TEMPO.CO, Jakarta - Isi")?.dateline, {
      place: "Jakarta",
      outlet: "TEMPO.CO",
    });
    assert.equal(matchDateline("KAZAN, KOMPAS.TV - Isi")?.length, "KAZAN, KOMPAS.TV - ".length);
  });

  it("reads an outlet alone and an outlet-first lead-in printed without its dash", () => {
    assert.deepEqual(matchDateline("Merdeka.com - Banyak jalan")?.dateline, {
      place: "Merdeka.com",
      outlet: null,
    });
    assert.deepEqual(matchDateline("Liputan6.com, Jakarta Sebagai umat muslim")?.dateline, {
      place: "Jakarta",
      outlet: "Liputan6.com",
    });
    assert.equal(
      matchDateline("Liputan6.com, Jakarta Sebagai umat")?.length,
      "Liputan6.com, Jakarta ".length,
    );
    assert.deepEqual(matchDateline("TRIBUNSOLO.COM, JAKARTA --Hingga kini")?.dateline, {
      place: "JAKARTA",
      outlet: "TRIBUNSOLO.COM",
    });
  });
  it("ignores ordinary first sentences", () => {
    assert.equal(matchDateline("Pemerintah menaikkan tarif - sebuah langkah yang dikritik."), null);
    assert.equal(matchDateline("Harga naik 5-10 persen."), null);
  });
});

describe("credits and sources", () => {
  it("reads several labels on one line and several names per label", () => {
    assert.deepEqual(
      parseCreditLine("Reporter: Ani, Budi dan Citra | Fotografer: Dodi & Eka Kontributor: Fajar"),
      [
        { role: "penulis", name: "Ani" },
        { role: "penulis", name: "Budi" },
        { role: "penulis", name: "Citra" },
        { role: "fotografer", name: "Dodi" },
        { role: "fotografer", name: "Eka" },
        { role: "kontributor", name: "Fajar" },
      ],
    );
    assert.equal(parseCreditLine("Editor yang baru: lihat di bawah"), null);
    assert.equal(parseCreditLine("Ia bekerja sebagai Editor: sejak 2010"), null);
  });

  it("reads sources with URLs", () => {
    assert.deepEqual(parseSourceLine("Sumber: Reuters, BMKG (https://bmkg.go.id/gempa)"), [
      { name: "Reuters" },
      { name: "BMKG", url: "https://bmkg.go.id/gempa" },
    ]);
  });

  it("takes only lower-case initials at the very end", () => {
    assert.deepEqual(matchTrailingInitials("Selesai. (rfs/jbr)")?.credits, [
      { role: "penulis", name: "rfs" },
      { role: "editor", name: "jbr" },
    ]);
    assert.equal(matchTrailingInitials("Kata Menteri Luar Negeri (AS)"), null);
    assert.equal(matchTrailingInitials("(rfs) lalu lanjut"), null);
  });
});
