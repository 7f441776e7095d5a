import { p, quote } from "./demo-blocks.ts";
import type { DemoArticle } from "./demo-content.types.ts";

/**
 * Stories that must never reach a reader: one draft and one scheduled for 2027. Their headlines carry
 * distinctive words ("Draf Belum Terbit", "Embargo 2027") so tests can assert they never leak through
 * any public door (page, feed, sitemap, search, API).
 */
export const DRAFT_ARTICLE_KEY = "draf-tarif-kereta-trans-sulawesi";
export const SCHEDULED_ARTICLE_KEY = "embargo-festival-lembah-baliem-2027";

export const UNPUBLISHED_ARTICLES: DemoArticle[] = [
  {
    key: DRAFT_ARTICLE_KEY,
    headline: "Draf Belum Terbit: Tarif Kereta Trans-Sulawesi Tahap Tiga Masih Dihitung",
    section: "bisnis",
    lede: "Catatan redaksi: angka tarif belum dikonfirmasi. Jangan terbitkan sebelum ada keterangan resmi.",
    dateline: { place: "MAKASSAR", outlet: "WARTA", timeZone: "Asia/Makassar" },
    publishedAt: "2026-11-26T09:00:00+08:00",
    status: "draft",
    credits: [
      { role: "penulis", person: "andi-nurul-tenri" },
      { role: "editor", person: "hendra-kusumawardana" },
    ],
    sources: [{ name: "Balai Pengelola Kereta Api Sulawesi Selatan" }],
    tags: ["Transportasi", "Indonesia Timur"],
    hero: null,
    body: [
      p(
        "Pengelola jalur kereta Trans-Sulawesi tengah menghitung tarif untuk ruas tahap tiga yang direncanakan beroperasi pertengahan 2027. Angka sementara yang beredar di kalangan pengusaha belum dikonfirmasi.",
      ),
      p("[Menunggu konfirmasi narasumber soal besaran tarif dan subsidi.]"),
      quote(
        "Kami belum bisa menyampaikan angka final.",
        "Narasumber di balai pengelola (belum dikonfirmasi)",
      ),
      p("[Tambahkan data jumlah penumpang ruas tahap satu dan dua.]"),
      p("[Editor: cek ulang nama stasiun di ruas tahap tiga.]"),
    ],
  },
  {
    key: SCHEDULED_ARTICLE_KEY,
    headline: "Embargo 2027: Festival Budaya Lembah Baliem Edisi Khusus Resmi Dibuka",
    section: "budaya",
    lede: "Festival edisi khusus menghadirkan 40 suku dari pegunungan tengah Papua. Artikel ini terjadwal terbit saat pembukaan.",
    dateline: { place: "JAYAPURA", outlet: "WARTA", timeZone: "Asia/Jayapura" },
    publishedAt: "2027-01-15T08:00:00+09:00",
    status: "scheduled",
    credits: [
      { role: "penulis", person: "andi-nurul-tenri" },
      { role: "kontributor", person: "yohanes-rumaropen" },
      { role: "editor", person: "sekar-ayuningtyas" },
    ],
    sources: [{ name: "Panitia Festival Budaya Lembah Baliem" }],
    tags: ["Budaya", "Papua", "Pariwisata"],
    hero: {
      image: "hero-pegunungan-papua",
      caption: "Pegunungan tengah Papua, lokasi Festival Budaya Lembah Baliem.",
      credit: "WARTA/Yohanes Rumaropen",
      alt: "Lapisan pegunungan hijau kebiruan di bawah langit pagi",
    },
    body: [
      p(
        "Festival Budaya Lembah Baliem edisi khusus resmi dibuka di Wamena. Sebanyak 40 suku dari pegunungan tengah Papua menampilkan atraksi budaya, mulai dari simulasi perang adat hingga tarian tradisional.",
      ),
      p(
        "Panitia memperkirakan ribuan wisatawan domestik dan mancanegara datang selama festival yang berlangsung tiga hari. Seluruh penginapan di Wamena dilaporkan penuh sejak sepekan sebelumnya.",
      ),
      quote(
        "Festival ini milik masyarakat adat. Wisatawan datang untuk belajar, bukan sekadar menonton.",
        "Ketua panitia festival",
      ),
      p(
        "Selain pertunjukan, festival juga menghadirkan pasar kerajinan noken, kopi Wamena, dan hasil kebun masyarakat setempat.",
      ),
      p(
        "Pemerintah daerah menyiapkan penerbangan tambahan dari Jayapura untuk mengantisipasi lonjakan penumpang selama festival.",
      ),
    ],
  },
];
