import type { CreditRole } from "../../core/article.ts";

/** The site's user-facing text: Indonesian first, English second (DESIGN.md §5.12). */
export const MESSAGES = {
  id: {
    siteTagline: "Berita terkini, jernih dan tepercaya",
    skipToContent: "Langsung ke isi",
    mainNav: "Navigasi utama",
    home: "Beranda",
    latest: "Terbaru",
    readMore: "Selengkapnya",
    search: "Cari",
    searchPlaceholder: "Cari berita…",
    breadcrumb: "Jejak navigasi",
    updated: "Diperbarui",
    correction: "Koreksi",
    erratum: "Ralat",
    readingTime: (minutes: number) => `${minutes} menit baca`,
    source: "Sumber",
    photoSource: "Sumber",
    tags: "Tag",
    subsections: "Subrubrik",
    previous: "← Sebelumnya",
    next: "Berikutnya →",
    pageOf: (page: number, count: number) => `Halaman ${page} dari ${count}`,
    noArticles: "Belum ada berita di sini.",
    articlesBy: (name: string) => `Berita oleh ${name}`,
    articlesTagged: (name: string) => `Berita dengan tag ${name}`,
    notFoundTitle: "Halaman tidak ditemukan",
    notFoundBody: "Maaf, halaman yang Anda cari tidak ada atau sudah dipindahkan.",
    serverErrorTitle: "Terjadi kesalahan",
    serverErrorBody: "Maaf, ada gangguan di server kami. Silakan coba lagi sebentar lagi.",
    busyTitle: "Sedang sibuk",
    busyBody: "Maaf, server sedang sibuk menyimpan data lain. Silakan muat ulang dalam beberapa detik.",
    badRequestTitle: "Permintaan tidak valid",
    badRequestBody: "Maaf, permintaan Anda tidak bisa kami proses. Periksa alamatnya lalu coba lagi.",
    backHome: "Kembali ke beranda",
    footer: "Warta — perangkat lunak redaksi sumber terbuka.",
    roles: {
      penulis: "Penulis",
      editor: "Editor",
      fotografer: "Fotografer",
      kontributor: "Kontributor",
    } satisfies Record<CreditRole, string>,
  },
} as const;

export const t = MESSAGES.id;
