/**
 * Text of the reader features (Indeks, Cek Fakta, Topik Pilihan, Terpopuler, live blogs):
 * Indonesian first, English second (DESIGN.md §5.12).
 */
export const READER_MESSAGES = {
  id: {
    footerNav: "Tautan situs",
    homeDescription:
      "Berita terkini, jernih dan tepercaya: nasional, ekonomi, dunia, olahraga, teknologi dan gaya hidup, diperbarui setiap hari.",
  },
} as const;

export const rt = READER_MESSAGES.id;
