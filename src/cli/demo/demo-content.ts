import { DUNIA_OLAHRAGA_ARTICLES } from "./demo-articles-dunia-olahraga.ts";
import { EKONOMI_ARTICLES } from "./demo-articles-ekonomi.ts";
import { NASIONAL_ARTICLES } from "./demo-articles-nasional.ts";
import { NUSANTARA_ARTICLES } from "./demo-articles-nusantara.ts";
import { TEKNOLOGI_GAYA_ARTICLES } from "./demo-articles-teknologi-gaya.ts";
import { UNPUBLISHED_ARTICLES } from "./demo-articles-unpublished.ts";
import { READER_ARTICLES } from "./demo-articles-reader.ts";
import type { DemoArticle, DemoPerson, DemoSection } from "./demo-content.types.ts";

export { DEMO_IMAGES } from "./demo-images.ts";
export { DRAFT_ARTICLE_KEY, SCHEDULED_ARTICLE_KEY } from "./demo-articles-unpublished.ts";

/** The outlet named in every Warta dateline. */
export const DEMO_OUTLET = "WARTA";

/** Sections in display order; a child follows its parent. */
export const DEMO_SECTIONS: DemoSection[] = [
  {
    slug: "nasional",
    name: "Nasional",
    description: "Berita nasional: pemerintahan, kebijakan publik, dan peristiwa di Tanah Air.",
  },
  {
    slug: "politik",
    name: "Politik",
    parent: "nasional",
    description: "Parlemen, partai, pemilu, dan arah kebijakan.",
  },
  {
    slug: "hukum",
    name: "Hukum",
    parent: "nasional",
    description: "Penegakan hukum, peradilan, dan kasus yang menjadi perhatian publik.",
  },
  {
    slug: "nusantara",
    name: "Nusantara",
    description:
      "Kabar dari daerah, dari Sabang sampai Merauke, dengan perhatian khusus pada Indonesia timur.",
  },
  { slug: "dunia", name: "Dunia", description: "Peristiwa internasional dan dampaknya bagi Indonesia." },
  {
    slug: "asia",
    name: "Asia",
    parent: "dunia",
    description: "Asia Tenggara, Asia Timur, dan Asia Selatan.",
  },
  { slug: "eropa", name: "Eropa", parent: "dunia", description: "Kabar dari negara-negara Eropa." },
  {
    slug: "ekonomi",
    name: "Ekonomi",
    description: "Harga, pasar, dan kebijakan ekonomi yang menyentuh dompet warga.",
  },
  {
    slug: "bisnis",
    name: "Bisnis",
    parent: "ekonomi",
    description: "Dunia usaha, UMKM, industri, dan logistik.",
  },
  {
    slug: "keuangan",
    name: "Keuangan",
    parent: "ekonomi",
    description: "Perbankan, suku bunga, pasar modal, dan keuangan keluarga.",
  },
  { slug: "olahraga", name: "Olahraga", description: "Hasil pertandingan, atlet, dan pembinaan olahraga." },
  {
    slug: "sepak-bola",
    name: "Sepak Bola",
    parent: "olahraga",
    description: "Tim nasional, liga, dan sepak bola akar rumput.",
  },
  {
    slug: "bulu-tangkis",
    name: "Bulu Tangkis",
    parent: "olahraga",
    description: "Turnamen dan pembinaan bulu tangkis.",
  },
  {
    slug: "teknologi",
    name: "Teknologi",
    description: "Inovasi, internet, keamanan siber, dan kecerdasan buatan.",
  },
  { slug: "gaya-hidup", name: "Gaya Hidup", description: "Kuliner, budaya, perjalanan, dan keseharian." },
  {
    slug: "budaya",
    name: "Budaya",
    parent: "gaya-hidup",
    description: "Seni, tradisi, dan warisan budaya Nusantara.",
  },
];

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    slug: "rahma-wulandari",
    name: "Rahma Wulandari",
    bio: "Jurnalis desk nasional Warta. Meliput parlemen, kebencanaan, dan transportasi publik sejak 2016.",
    photo: "foto-rahma-wulandari",
  },
  {
    slug: "dimas-prasetyo",
    name: "Dimas Prasetyo",
    bio: "Jurnalis ekonomi Warta di Jakarta dan Surabaya. Menulis tentang perbankan, UMKM, dan logistik.",
    photo: "foto-dimas-prasetyo",
  },
  {
    slug: "nadia-safitri",
    name: "Nadia Safitri",
    bio: "Jurnalis teknologi dan gaya hidup Warta. Tertarik pada keamanan digital, inovasi kampus, dan kuliner daerah.",
    photo: "foto-nadia-safitri",
  },
  {
    slug: "andi-nurul-tenri",
    name: "Andi Nurul Tenri",
    bio: "Jurnalis Warta di Makassar untuk liputan Sulawesi, Maluku, dan Nusa Tenggara.",
    photo: "foto-andi-nurul-tenri",
  },
  {
    slug: "yohanes-rumaropen",
    name: "Yohanes Rumaropen",
    bio: "Kontributor Warta di Jayapura. Mengikuti isu transportasi, pendidikan, dan budaya di Tanah Papua.",
    photo: "foto-yohanes-rumaropen",
  },
  {
    slug: "sekar-ayuningtyas",
    name: "Sekar Ayuningtyas",
    bio: "Redaktur Warta untuk desk nasional dan Nusantara. Sebelumnya reporter kebencanaan selama delapan tahun.",
    photo: "foto-sekar-ayuningtyas",
  },
  {
    slug: "hendra-kusumawardana",
    name: "Hendra Kusumawardana",
    bio: "Redaktur pelaksana Warta. Menyunting liputan ekonomi, teknologi, dan olahraga.",
  },
  {
    slug: "made-arya-putra",
    name: "I Made Arya Putra",
    bio: "Fotografer Warta yang berbasis di Denpasar. Memotret kehidupan pesisir dan pertanian di Bali dan Nusa Tenggara.",
    photo: "foto-made-arya-putra",
  },
];

/** All demo articles: published ones first, then the draft and the scheduled one. */
export const DEMO_ARTICLES: DemoArticle[] = [
  ...NASIONAL_ARTICLES,
  ...NUSANTARA_ARTICLES,
  ...EKONOMI_ARTICLES,
  ...DUNIA_OLAHRAGA_ARTICLES,
  ...TEKNOLOGI_GAYA_ARTICLES,
  ...READER_ARTICLES,
  ...UNPUBLISHED_ARTICLES,
];
