import { p, quote } from "./demo-blocks.ts";
import type { DemoArticle } from "./demo-content.types.ts";
import type { FactCheckVerdict } from "../../core/fact-check.ts";

/** The demo's Cek Fakta story (original text) and what it checks. */
export const FACT_CHECK_ARTICLE_KEY = "cek-fakta-foto-jembatan-kapuas";

export const READER_ARTICLES: DemoArticle[] = [
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
