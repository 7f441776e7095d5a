import type { IndonesianTimeZone } from "../../core/time-zones.ts";

/** A realistic, nested section tree (3 levels where newsrooms have them). */
export const SECTION_TREE: {
  name: string;
  slug: string;
  children?: { name: string; slug: string; children?: { name: string; slug: string }[] }[];
}[] = [
  {
    name: "Nasional",
    slug: "nasional",
    children: [
      { name: "Politik", slug: "politik" },
      { name: "Hukum", slug: "hukum" },
      { name: "Pendidikan", slug: "pendidikan" },
      { name: "Kesehatan", slug: "kesehatan" },
    ],
  },
  {
    name: "Ekonomi",
    slug: "ekonomi",
    children: [
      { name: "Bisnis", slug: "bisnis" },
      { name: "Keuangan", slug: "keuangan" },
      { name: "Energi", slug: "energi" },
    ],
  },
  {
    name: "Dunia",
    slug: "dunia",
    children: [
      { name: "Asia", slug: "asia", children: [{ name: "Asia Tenggara", slug: "asia-tenggara" }] },
      { name: "Eropa", slug: "eropa" },
      { name: "Amerika", slug: "amerika" },
      { name: "Timur Tengah", slug: "timur-tengah" },
    ],
  },
  {
    name: "Olahraga",
    slug: "olahraga",
    children: [
      {
        name: "Sepak Bola",
        slug: "sepak-bola",
        children: [
          { name: "Liga Indonesia", slug: "liga-indonesia" },
          { name: "Liga Inggris", slug: "liga-inggris" },
        ],
      },
      { name: "Bulu Tangkis", slug: "bulu-tangkis" },
      { name: "MotoGP", slug: "motogp" },
    ],
  },
  {
    name: "Teknologi",
    slug: "teknologi",
    children: [
      { name: "Gawai", slug: "gawai" },
      { name: "Internet", slug: "internet" },
    ],
  },
  {
    name: "Nusantara",
    slug: "nusantara",
    children: [
      { name: "Jawa", slug: "jawa" },
      { name: "Sumatra", slug: "sumatra" },
      { name: "Kalimantan", slug: "kalimantan" },
      { name: "Sulawesi", slug: "sulawesi" },
      { name: "Papua", slug: "papua" },
    ],
  },
  {
    name: "Gaya Hidup",
    slug: "gaya-hidup",
    children: [
      { name: "Kuliner", slug: "kuliner" },
      { name: "Wisata", slug: "wisata" },
    ],
  },
];

export const FIRST_NAMES = [
  "Ahmad",
  "Ani",
  "Budi",
  "Citra",
  "Dewi",
  "Eko",
  "Fitri",
  "Gilang",
  "Hadi",
  "Indah",
  "Joko",
  "Kartika",
  "Lestari",
  "Maya",
  "Nanda",
  "Oki",
  "Putri",
  "Rizky",
  "Sari",
  "Teguh",
  "Umar",
  "Vina",
  "Wahyu",
  "Yusuf",
  "Zahra",
  "Agus",
  "Bayu",
  "Dian",
  "Fajar",
  "Hendra",
  "Irma",
  "Krisna",
  "Lina",
  "Mega",
  "Nur",
  "Rina",
];

export const LAST_NAMES = [
  "Pratama",
  "Wijaya",
  "Santoso",
  "Saputra",
  "Lestari",
  "Hidayat",
  "Nugroho",
  "Kusuma",
  "Siregar",
  "Nasution",
  "Simanjuntak",
  "Sitompul",
  "Wibowo",
  "Hakim",
  "Rahman",
  "Setiawan",
  "Halim",
  "Tanjung",
  "Purba",
  "Manurung",
  "Ginting",
  "Pangaribuan",
  "Mahendra",
  "Syahputra",
  "Utami",
  "Permana",
];

export const SOURCES = ["Antara", "Reuters", "AFP", "Associated Press", "Bernama", "Xinhua", "BBC"];

/** Dateline places with the desk's time zone. */
export const DATELINES: { place: string; timeZone: IndonesianTimeZone }[] = [
  { place: "JAKARTA", timeZone: "Asia/Jakarta" },
  { place: "SURABAYA", timeZone: "Asia/Jakarta" },
  { place: "BANDUNG", timeZone: "Asia/Jakarta" },
  { place: "MEDAN", timeZone: "Asia/Jakarta" },
  { place: "SEMARANG", timeZone: "Asia/Jakarta" },
  { place: "YOGYAKARTA", timeZone: "Asia/Jakarta" },
  { place: "PALEMBANG", timeZone: "Asia/Jakarta" },
  { place: "PONTIANAK", timeZone: "Asia/Jakarta" },
  { place: "MAKASSAR", timeZone: "Asia/Makassar" },
  { place: "DENPASAR", timeZone: "Asia/Makassar" },
  { place: "BALIKPAPAN", timeZone: "Asia/Makassar" },
  { place: "MANADO", timeZone: "Asia/Makassar" },
  { place: "KUPANG", timeZone: "Asia/Makassar" },
  { place: "JAYAPURA", timeZone: "Asia/Jayapura" },
  { place: "AMBON", timeZone: "Asia/Jayapura" },
  { place: "SORONG", timeZone: "Asia/Jayapura" },
];
