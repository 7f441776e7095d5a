import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadRootWords, parseRootWords } from "./root-words.ts";
import { createStemmer } from "./stemmer.ts";

const rootWords = loadRootWords();
const stemmer = createStemmer({ rootWords });

function assertStems(cases: Record<string, string>): void {
  for (const [word, expected] of Object.entries(cases)) {
    assert.equal(stemmer.stem(word), expected, `stem(${word})`);
  }
}

describe("loadRootWords", () => {
  it("loads the vendored dictionary", () => {
    assert.ok(rootWords.size > 29_000);
    assert.ok(rootWords.has("tegas"));
    assert.ok(rootWords.has("kirim"));
  });

  it("ignores blank lines, comments and trailing notes", () => {
    const words = parseRootWords('# comment\nabad\n\n  oper "v,"\r\nAJAR\n');
    assert.deepEqual([...words], ["abad", "oper", "ajar"]);
  });
});

describe("createStemmer", () => {
  it("stems the reference examples", () => {
    assertStems({
      menegaskan: "tegas",
      penegasan: "tegas",
      bersamanya: "sama",
      pertahanan: "tahan",
      mengirimkan: "kirim",
      pengiriman: "kirim",
      memperkuat: "kuat",
      dipindahkan: "pindah",
      kebuntuannya: "buntu",
      menggambarkan: "gambar",
      meratifikasi: "ratifikasi",
    });
  });

  it("leaves root words, short words and unknown words alone", () => {
    assertStems({ makan: "makan", tegas: "tegas", as: "as", ktt: "ktt", di: "di" });
    assertStems({ putin: "putin", korut: "korut", brics: "brics", jokowi: "jokowi", kazan: "kazan" });
  });

  it("removes particles", () => {
    assertStems({ hancurlah: "hancur", siapakah: "siapa", bawalah: "bawa", bukupun: "buku" });
    // ...unless the "particle" ends a root after a derivational prefix.
    assertStems({ menikah: "nikah", dialah: "dia" });
  });

  it("removes possessive pronouns", () => {
    assertStems({ bukuku: "buku", rumahmu: "rumah", bukunya: "buku", bajumulah: "baju" });
  });

  it("removes derivational suffixes", () => {
    assertStems({ jelaskan: "jelas", sampaikan: "sampai", hancurkan: "hancur", lakukan: "laku" });
    assertStems({ pukuli: "pukul", tandai: "tanda", bantuan: "bantu", makanan: "makan" });
  });

  it("removes plain prefixes di-, ke-, se-", () => {
    assertStems({ dibaca: "baca", dipukul: "pukul", kekasih: "kasih", sebuah: "buah", sejenis: "jenis" });
  });

  it("removes ber- and be- with their variants", () => {
    assertStems({ bermain: "main", berakhir: "akhir", bekerja: "kerja", belajar: "ajar", berjalan: "jalan" });
  });

  it("removes ter- and te-", () => {
    assertStems({ tertulis: "tulis", terbaca: "baca", terancam: "ancam", terlambat: "lambat" });
  });

  it("recodes nasal me- prefixes", () => {
    assertStems({
      melihat: "lihat",
      merasa: "rasa",
      membeli: "beli",
      memukul: "pukul",
      menulis: "tulis",
      mencari: "cari",
      mendengar: "dengar",
      menyapu: "sapu",
      menyanyi: "nyanyi",
      mengambil: "ambil",
      mengirim: "kirim",
      menggali: "gali",
      mengecat: "cat",
    });
  });

  it("recodes nasal pe- prefixes and per-", () => {
    assertStems({
      pembeli: "beli",
      pemukul: "pukul",
      penulis: "tulis",
      pencari: "cari",
      penyapu: "sapu",
      pengambil: "ambil",
      pengirim: "kirim",
      pelajar: "ajar",
      petani: "tani",
      perbaikan: "baik",
      pekerja: "kerja",
    });
  });

  it("strips confixes and stacked prefixes", () => {
    assertStems({
      keberhasilan: "hasil",
      diperbaiki: "baik",
      memberdayakan: "daya",
      pemberdayaan: "daya",
      kebersamaan: "sama",
      mempertahankan: "tahan",
      sepengetahuan: "tahu",
      keterbukaan: "buka",
    });
  });

  it("rejects disallowed prefix-suffix pairs and restores the suffix", () => {
    // me-…-an and di-…-an are no confixes: the "-an" belongs to the root.
    assertStems({ memakan: "makan", dimakan: "makan", berhenti: "henti" });
    // "-kan" read as "k" + "-an" on loop restore.
    assertStems({ kedudukan: "duduk", penarikan: "tarik", pemasukan: "masuk" });
  });

  it("applies precedence adjustment (prefix before suffix)", () => {
    assertStems({ bertahan: "tahan", dimulai: "mulai", dimulainya: "mulai", berikan: "beri" });
  });

  it("stems reduplicated words", () => {
    assertStems({
      "anak-anak": "anak",
      "anak-anaknya": "anak",
      "berlari-lari": "lari",
      "bantuan-bantuan": "bantu",
      "berbalas-balasan": "balas",
      "meniru-nirukan": "tiru",
      "menyebut-nyebut": "sebut",
      "kuasa-mu": "kuasa",
      "malaikat-malaikat-nya": "malaikat",
    });
    // Rhyming reduplication keeps both halves.
    assertStems({ "sayur-mayur": "sayur-mayur", "besar-kecilnya": "besar-kecil" });
  });

  it("returns the same stems with a tiny cache", () => {
    const small = createStemmer({ rootWords, cacheSize: 2 });
    const words = ["menegaskan", "pengiriman", "memperkuat", "menegaskan", "dipindahkan", "pengiriman"];
    assert.deepEqual(
      words.map((word) => small.stem(word)),
      ["tegas", "kirim", "kuat", "tegas", "pindah", "kirim"],
    );
  });

  it("works with a caller-supplied dictionary", () => {
    const tiny = createStemmer({ rootWords: new Set(["ajar"]) });
    assert.equal(tiny.stem("mempelajari"), "ajar");
    assert.equal(tiny.stem("menegaskan"), "menegaskan");
  });
});
