/**
 * Text of the reader features (Indeks, Cek Fakta, Topik Pilihan, Terpopuler, live blogs):
 * Indonesian first, English second (DESIGN.md §5.12).
 */
export const READER_MESSAGES = {
  id: {
    footerNav: "Tautan situs",
    homeDescription:
      "Berita terkini, jernih dan tepercaya: nasional, ekonomi, dunia, olahraga, teknologi dan gaya hidup, diperbarui setiap hari.",
    index: "Indeks",
    indexTitle: "Indeks Berita",
    indexTitleOf: (label: string) => `Indeks Berita ${label}`,
    indexDescription: (label: string) => `Semua berita yang terbit pada ${label}, per rubrik.`,
    indexCount: (n: number) => (n === 0 ? "Tidak ada berita yang terbit pada hari ini." : `${n} berita`),
    pickDate: "Pilih tanggal",
    show: "Tampilkan",
    previousDay: "← Hari sebelumnya",
    nextDay: "Hari berikutnya →",
    dayNav: "Hari lain",
    liveLabel: "Langsung",
    liveClosedLabel: "Liputan langsung",
    factCheck: "Cek Fakta",
    factCheckTitle: "Cek Fakta",
    factCheckDescription:
      "Hasil pemeriksaan fakta redaksi atas klaim yang beredar: benar, sebagian benar, menyesatkan, salah atau hoaks.",
    claim: "Klaim",
    claimant: "Pembuat klaim",
    appearance: "Muncul di",
    verdict: "Putusan",
    factCheckBox: "Hasil cek fakta",
    topics: "Topik Pilihan",
    topicsDescription: "Topik pilihan redaksi: ikuti perkembangan sebuah peristiwa dari waktu ke waktu.",
    topicLabel: "Topik",
    topicPinned: "Sorotan",
    topicTimeline: "Perjalanan berita",
    topicFollow: "Ikuti perkembangan",
    topicEmpty: "Belum ada berita dalam topik ini.",
    topicsEmpty: "Belum ada topik pilihan.",
    topicUpdated: "Diperbarui",
    topicStories: (n: number) => `${n} berita`,
    liveNow: "Liputan langsung sedang berlangsung",
    liveSince: "dimulai",
    liveEnded: "Liputan langsung ini telah berakhir",
    liveRefresh: "Perbarui",
    liveSummary: "Ringkasan",
    liveEntries: "Kabar terkini",
    liveNoEntries: "Belum ada kabar. Halaman ini diperbarui begitu ada perkembangan.",
    liveNewEntry: "Kabar terbaru ditambahkan di atas.",
    liveCorrection: "Koreksi",
    liveUpdated: "Diperbarui",
    popular: "Terpopuler",
    popularIn: (section: string) => `Terpopuler di ${section}`,
    popularRanges: { "24j": "24 jam terakhir", "7h": "7 hari terakhir" },
  },
} as const;

export const rt = READER_MESSAGES.id;
