import { p, quote } from "./demo-blocks.ts";
import type { DemoArticle } from "./demo-content.types.ts";
import type { FactCheckVerdict } from "../../core/fact-check.ts";

/** The demo's Cek Fakta story (original text) and what it checks. */
export const FACT_CHECK_ARTICLE_KEY = "cek-fakta-foto-jembatan-kapuas";

/** The demo's live blog story (its entries are in DEMO_LIVE_BLOG). */
export const LIVE_BLOG_ARTICLE_KEY = "langsung-hujan-lebat-jabodetabek";

export const READER_ARTICLES: DemoArticle[] = [
  {
    key: LIVE_BLOG_ARTICLE_KEY,
    headline: "Langsung: Pantauan Hujan Lebat dan Genangan di Jabodetabek",
    section: "nasional",
    lede: "Redaksi memantau hujan lebat yang mengguyur Jakarta dan sekitarnya sejak pagi: genangan, lalu lintas, dan imbauan petugas.",
    dateline: { place: "JAKARTA", outlet: "WARTA", timeZone: "Asia/Jakarta" },
    publishedAt: "2026-11-25T06:00:00+07:00",
    credits: [
      { role: "penulis", person: "rahma-wulandari" },
      { role: "editor", person: "sekar-ayuningtyas" },
    ],
    sources: [{ name: "Badan Meteorologi, Klimatologi, dan Geofisika", url: "https://www.bmkg.go.id" }],
    tags: ["Cuaca", "Jakarta", "Kesiapsiagaan Bencana"],
    hero: {
      image: "hero-hujan-jakarta",
      caption: "Hujan lebat di kawasan Jakarta Pusat, Rabu (25/11/2026) pagi.",
      credit: "WARTA/Ilustrasi",
      alt: "Langit kelabu dan garis-garis hujan di atas deretan gedung tinggi",
    },
    body: [
      p(
        "Hujan lebat turun di sebagian besar Jakarta, Bogor, Depok, Tangerang dan Bekasi sejak Rabu pagi, sesuai peringatan dini yang dikeluarkan BMKG sehari sebelumnya.",
      ),
      p(
        "Halaman ini memuat kabar terbaru dari lapangan: ketinggian genangan, ruas jalan yang terdampak, perjalanan kereta, serta imbauan dari petugas.",
      ),
      p(
        "Kabar terbaru tampil paling atas. Pembaca dapat menekan tombol Perbarui untuk memuat ulang halaman; peramban yang mendukung pembaruan otomatis menampilkan kabar baru tanpa memuat ulang.",
      ),
      p(
        "Warga diminta menghindari bantaran sungai, tidak berteduh di bawah pohon besar atau papan reklame, dan memantau informasi resmi dari pemerintah daerah.",
      ),
      p(
        "Nomor darurat 112 dapat dihubungi untuk keadaan darurat, termasuk evakuasi warga dari genangan tinggi.",
      ),
    ],
  },
  {
    key: FACT_CHECK_ARTICLE_KEY,
    headline: "Cek Fakta: Foto Jembatan Ambruk yang Disebut di Kapuas Ternyata Diambil di Luar Negeri",
    section: "nusantara",
    lede: "Foto yang beredar sejak Senin bukan jembatan di Kalimantan Barat. Gambar yang sama sudah dimuat media asing pada 2019.",
    dateline: { place: "PONTIANAK", outlet: "WARTA", timeZone: "Asia/Jakarta" },
    publishedAt: "2026-11-25T15:10:00+07:00",
    credits: [
      { role: "penulis", person: "andi-nurul-tenri" },
      { role: "editor", person: "hendra-kusumawardana" },
    ],
    sources: [{ name: "Dinas Pekerjaan Umum Kalimantan Barat" }],
    tags: ["Cek Fakta", "Kalimantan Barat"],
    hero: {
      image: "hero-sungai-kapuas",
      caption: "Ilustrasi. Jembatan-jembatan di ruas yang disebut dalam pesan berantai dalam keadaan baik.",
      credit: "Ilustrasi Warta",
      alt: "Ilustrasi sungai lebar di bawah langit cerah",
    },
    body: [
      p(
        "Sebuah foto jembatan yang patah di tengah sungai beredar di grup percakapan dan media sosial sejak Senin. Unggahan itu menyebut jembatan di atas Sungai Kapuas ambruk pada Minggu malam dan memutus jalur antarkabupaten.",
      ),
      p(
        "Redaksi menelusuri foto tersebut dengan pencarian gambar terbalik. Hasilnya menunjukkan foto yang sama dimuat sejumlah media asing pada 2019 untuk memberitakan jembatan yang runtuh setelah banjir di Asia Selatan. Bentuk rangka, rambu dan perbukitan di latar belakang tidak cocok dengan jembatan mana pun di Kalimantan Barat.",
      ),
      quote(
        "Semua jembatan di ruas itu kami periksa pagi ini dan dalam keadaan baik. Lalu lintas berjalan normal.",
        "Kepala Bidang Bina Marga Dinas PU Kalimantan Barat",
      ),
      p(
        "Pesan berantai yang menyertai foto juga menyebut jumlah korban, tetapi tidak ada laporan kecelakaan atau korban dari kepolisian maupun badan penanggulangan bencana setempat pada hari itu.",
      ),
      p(
        "Berdasarkan penelusuran itu, redaksi menilai klaim bahwa jembatan di atas Sungai Kapuas ambruk pada Minggu malam sebagai hoaks: foto diambil di negara lain bertahun-tahun sebelumnya dan tidak ada kejadian serupa di Kalimantan Barat.",
      ),
      p(
        "Warga diminta memeriksa sumber sebelum meneruskan kabar tentang bencana. Informasi resmi soal kondisi jalan dan jembatan diumumkan melalui kanal pemerintah provinsi.",
      ),
    ],
  },
];

export interface DemoFactCheck {
  article: string;
  claim: string;
  claimant: string;
  appearance: string;
  claimDate: string;
  verdict: FactCheckVerdict;
}

export const DEMO_FACT_CHECKS: DemoFactCheck[] = [
  {
    article: FACT_CHECK_ARTICLE_KEY,
    claim: "Jembatan di atas Sungai Kapuas ambruk pada Minggu malam dan memutus jalur antarkabupaten.",
    claimant: "Akun media sosial dan pesan berantai",
    appearance: "Pesan berantai di grup percakapan",
    claimDate: "2026-11-23T19:00:00+07:00",
    verdict: "hoaks",
  },
];

/** Entries of the demo live blog, oldest first (times in WIB); one is the pinned Ringkasan. */
export const DEMO_LIVE_BLOG = {
  article: LIVE_BLOG_ARTICLE_KEY,
  coverageStart: "2026-11-25T06:00:00+07:00",
  entries: [
    {
      at: "2026-11-25T06:15:00+07:00",
      text: "Hujan mulai turun merata di Jakarta Pusat dan Jakarta Selatan. Langit gelap sejak pukul 05.30 WIB.",
    },
    {
      at: "2026-11-25T07:05:00+07:00",
      text: "Genangan setinggi 20–30 sentimeter terpantau di Jalan Sudirman arah Blok M. Kendaraan diminta melambat.",
    },
    {
      at: "2026-11-25T07:20:00+07:00",
      kind: "image" as const,
      /** The story's own hero photo, from the media library. */
      photo: "story-hero" as const,
      text: "Pemandangan dari lantai atas gedung perkantoran di Jakarta Pusat: hujan belum juga reda.",
      caption: "Hujan lebat di atas gedung-gedung Jakarta Pusat, Rabu (25/11/2026) pagi.",
      credit: "WARTA/Ilustrasi",
    },
    {
      at: "2026-11-25T07:40:00+07:00",
      kind: "quote" as const,
      text: "Pompa air di kawasan Dukuh Atas sudah kami operasikan penuh sejak subuh.",
      attribution: "Kepala Dinas Sumber Daya Air DKI Jakarta",
    },
    {
      at: "2026-11-25T08:10:00+07:00",
      text: "Perjalanan KRL lintas Bogor tertahan sekitar 15 menit di Stasiun Manggarai karena gangguan sinyal akibat hujan.",
      correction: "Sebelumnya tertulis lintas Bekasi; yang tertahan adalah lintas Bogor.",
    },
    {
      at: "2026-11-25T08:30:00+07:00",
      pinned: true,
      text: "Ringkasan: hujan lebat sejak pagi; genangan di beberapa ruas jalan protokol, KRL lintas Bogor sempat tertahan, pompa air beroperasi penuh. Belum ada laporan korban.",
    },
  ],
};

/** Demo Topik Pilihan: a story followed over days. */
export const DEMO_TOPICS = [
  {
    slug: "musim-hujan-2026",
    title: "Musim Hujan 2026",
    intro: "Perkembangan cuaca ekstrem, banjir dan kesiapsiagaan bencana sepanjang puncak musim hujan.",
    pinned: LIVE_BLOG_ARTICLE_KEY,
    articles: [
      LIVE_BLOG_ARTICLE_KEY,
      "bmkg-hujan-lebat-akhir-november",
      "dpr-anggaran-mitigasi-bencana",
      "simulasi-tsunami-ambon",
    ],
  },
];

/** Reads per story for Terpopuler on first run (counted like real reads, at load time). */
export const DEMO_VIEWS: [string, number][] = [
  [LIVE_BLOG_ARTICLE_KEY, 140],
  ["bmkg-hujan-lebat-akhir-november", 95],
  [FACT_CHECK_ARTICLE_KEY, 80],
  ["krl-tambah-perjalanan-desember", 60],
  ["perahu-pustaka-maluku", 45],
  ["simulasi-tsunami-ambon", 30],
  ["dpr-anggaran-mitigasi-bencana", 20],
];
