import { bold, bullets, heading, italic, link, p, quote, related } from "./demo-blocks.ts";
import type { DemoArticle } from "./demo-content.types.ts";

const WIB = "Asia/Jakarta";

/** Nasional, Politik and Hukum desk stories. */
export const NASIONAL_ARTICLES: DemoArticle[] = [
  {
    key: "bmkg-hujan-lebat-akhir-november",
    headline: "BMKG Peringatkan Hujan Lebat di Sejumlah Wilayah hingga Akhir November",
    section: "nasional",
    lede: "Puncak musim hujan datang lebih cepat. BMKG meminta warga di 14 provinsi mewaspadai hujan lebat disertai angin kencang dan petir dalam sepekan ke depan.",
    dateline: { place: "JAKARTA", outlet: "WARTA", timeZone: WIB },
    publishedAt: "2026-11-25T07:30:00+07:00",
    updatedAt: "2026-11-25T11:10:00+07:00",
    credits: [
      { role: "penulis", person: "rahma-wulandari" },
      { role: "editor", person: "sekar-ayuningtyas" },
    ],
    sources: [{ name: "Badan Meteorologi, Klimatologi, dan Geofisika", url: "https://www.bmkg.go.id" }],
    tags: ["Cuaca", "BMKG", "Kesiapsiagaan Bencana", "Jakarta"],
    hero: {
      image: "hero-hujan-jakarta",
      caption: "Awan hujan menggantung di atas kawasan perkantoran Jakarta Pusat, Selasa (24/11/2026) sore.",
      credit: "WARTA/Ilustrasi",
      alt: "Langit kelabu dan garis-garis hujan di atas deretan gedung tinggi",
    },
    body: [
      p(
        "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) mengeluarkan peringatan dini cuaca ekstrem untuk sebagian besar wilayah Indonesia bagian barat dan tengah. Hujan dengan intensitas lebat hingga sangat lebat diperkirakan turun hingga akhir November 2026.",
      ),
      p(
        "Menurut BMKG, aktifnya gelombang atmosfer ",
        italic("Madden-Julian Oscillation"),
        " bersamaan dengan suhu muka laut yang hangat di perairan selatan Jawa meningkatkan pembentukan awan hujan. Kondisi itu membuat hujan bisa turun sejak siang dan berlangsung hingga malam hari.",
      ),
      quote(
        "Kami minta masyarakat tidak menunggu banjir datang. Bersihkan saluran air di lingkungan masing-masing dan pantau peringatan dini yang kami perbarui setiap tiga jam.",
        "Ratna Dewi Anggraini, Deputi Bidang Meteorologi BMKG",
      ),
      heading("Wilayah yang diminta waspada"),
      p("Peringatan dini berlaku di wilayah berikut hingga Senin (30/11/2026):"),
      bullets(
        ["Jabodetabek, Jawa Barat bagian tengah dan selatan, serta Banten"],
        ["Jawa Tengah dan Daerah Istimewa Yogyakarta"],
        ["Sumatera Barat, Bengkulu, dan Lampung"],
        ["Kalimantan Barat dan Kalimantan Tengah"],
        ["Sulawesi Selatan dan Nusa Tenggara Barat"],
      ),
      p(
        "Warga dapat memantau prakiraan cuaca hingga tingkat kecamatan melalui ",
        link("laman resmi BMKG", "https://www.bmkg.go.id"),
        " dan aplikasi Info BMKG. Badan Nasional Penanggulangan Bencana juga meminta pemerintah daerah menyiagakan posko dan pompa air di titik rawan genangan.",
      ),
      related("simulasi-tsunami-ambon"),
      p(
        "Di Jakarta, Badan Penanggulangan Bencana Daerah mencatat sedikitnya 32 RT sempat tergenang setelah hujan deras pada Selasa sore. Genangan setinggi 20 hingga 50 sentimeter surut dalam waktu kurang dari enam jam.",
      ),
      p(
        bold("Pembaruan pukul 11.10 WIB: "),
        "BMKG menambahkan Kalimantan Tengah ke dalam daftar wilayah waspada setelah citra radar menunjukkan pertumbuhan awan konvektif di wilayah tersebut.",
      ),
    ],
  },
  {
    key: "krl-tambah-perjalanan-desember",
    headline: "KRL Tambah 24 Perjalanan Mulai Desember, Waktu Tunggu Jam Sibuk Dipangkas",
    section: "nasional",
    lede: "Grafik perjalanan baru berlaku 1 Desember 2026. Penumpang lintas Bogor dan Bekasi disebut paling merasakan perubahan pada jam berangkat kerja.",
    dateline: { place: "JAKARTA", outlet: "WARTA", timeZone: WIB },
    publishedAt: "2026-11-24T00:20:00+07:00",
    credits: [
      { role: "penulis", person: "rahma-wulandari" },
      { role: "penulis", person: "dimas-prasetyo" },
      { role: "editor", person: "hendra-kusumawardana" },
    ],
    sources: [{ name: "Kementerian Perhubungan", url: "https://dephub.go.id" }],
    tags: ["Transportasi", "Jakarta"],
    hero: {
      image: "hero-stasiun-kota",
      caption: "Penumpang menunggu kereta rel listrik di peron pada jam berangkat kerja.",
      credit: "WARTA/Ilustrasi",
      alt: "Siluet deretan bangunan kota saat fajar dengan langit jingga",
    },
    body: [
      p(
        "Operator kereta rel listrik (KRL) Jabodetabek akan menambah 24 perjalanan per hari mulai 1 Desember 2026. Penambahan ini diumumkan Senin malam setelah uji coba grafik perjalanan baru selama dua pekan dinyatakan lancar.",
      ),
      p(
        "Dengan tambahan itu, jumlah perjalanan harian naik menjadi lebih dari 1.100. Waktu tunggu kereta pada jam sibuk pagi di lintas Bogor dipangkas dari rata-rata tujuh menit menjadi lima menit, sedangkan di lintas Bekasi dari sepuluh menit menjadi delapan menit.",
      ),
      quote(
        "Kepadatan di peron Manggarai dan Tanah Abang pada pukul enam sampai delapan pagi masih menjadi pekerjaan rumah terbesar kami. Penambahan perjalanan ini kami fokuskan di jam-jam itu.",
        "Yusuf Hamdani, juru bicara operator KRL",
      ),
      p(
        "Kementerian Perhubungan menyatakan penambahan perjalanan dimungkinkan setelah rampungnya perbaikan persinyalan di sejumlah petak jalan. Sistem persinyalan baru memungkinkan jarak antarkereta dipersingkat tanpa mengurangi keselamatan.",
      ),
      related("dpr-anggaran-mitigasi-bencana"),
      p(
        "Selain menambah perjalanan, operator juga akan memperpanjang peron di tiga stasiun transit agar rangkaian 12 kereta dapat berhenti dengan aman. Pekerjaan itu ditargetkan rampung pada Maret 2027.",
      ),
      p(
        "Penumpang diimbau memeriksa jadwal terbaru sebelum berangkat karena sejumlah kereta mengalami pergeseran waktu keberangkatan satu hingga tiga menit. Jadwal lengkap dipasang di setiap stasiun dan di kanal resmi operator.",
      ),
      p(
        "Sejumlah penumpang menyambut baik rencana itu. Dewi (29), karyawan swasta yang setiap hari berangkat dari Stasiun Citayam, berharap penambahan perjalanan benar-benar mengurangi desakan di dalam gerbong. ",
        italic('"Asal tidak ada gangguan di jalur, lima menit sekali sudah sangat membantu,"'),
        " ujarnya.",
      ),
    ],
  },
  {
    key: "dpr-anggaran-mitigasi-bencana",
    headline: "Komisi DPR Minta Anggaran Mitigasi Bencana 2027 Diprioritaskan untuk Sistem Peringatan Dini",
    section: "politik",
    lede: "Rapat dengar pendapat menyoroti sirene tsunami yang rusak dan alat pemantau cuaca yang belum merata di wilayah timur.",
    dateline: { place: "JAKARTA", outlet: "WARTA", timeZone: WIB },
    publishedAt: "2026-11-19T14:45:00+07:00",
    credits: [
      { role: "penulis", person: "rahma-wulandari" },
      { role: "editor", person: "sekar-ayuningtyas" },
    ],
    sources: [{ name: "Dewan Perwakilan Rakyat Republik Indonesia", url: "https://www.dpr.go.id" }],
    tags: ["Kesiapsiagaan Bencana", "BMKG"],
    hero: {
      image: "hero-gedung-parlemen",
      caption: "Suasana kompleks parlemen di Senayan menjelang rapat dengar pendapat, Kamis (19/11/2026).",
      credit: "WARTA/Ilustrasi",
      alt: "Siluet gedung-gedung besar dengan langit biru muda",
    },
    body: [
      p(
        "Komisi di Dewan Perwakilan Rakyat yang membidangi kebencanaan meminta pemerintah memprioritaskan anggaran mitigasi tahun 2027 untuk perbaikan dan perluasan sistem peringatan dini. Permintaan itu disampaikan dalam rapat dengar pendapat dengan BMKG dan Badan Nasional Penanggulangan Bencana, Kamis.",
      ),
      p(
        "Dalam rapat tersebut terungkap bahwa sebagian sirene peringatan tsunami di pesisir selatan Jawa dan di Maluku tidak berfungsi optimal karena usia perangkat dan keterbatasan biaya perawatan. Sejumlah stasiun pengamatan cuaca otomatis di Papua juga dilaporkan belum terhubung secara waktu nyata.",
      ),
      quote(
        "Peringatan dini yang terlambat lima menit bisa berarti ratusan nyawa. Kami tidak ingin anggaran habis untuk kegiatan seremonial, sementara sirene di kampung-kampung pesisir diam.",
        "Sri Mulyaningsih, anggota Komisi DPR",
      ),
      p(
        "Pemerintah mengusulkan tambahan anggaran untuk pengadaan sensor seismik dan pemeliharaan sirene. Namun, sejumlah anggota komisi meminta rincian yang lebih jelas, termasuk jadwal pemasangan per provinsi dan skema perawatan jangka panjang.",
      ),
      related("simulasi-tsunami-ambon"),
      p(
        "BMKG dalam paparannya menyebut kecepatan penyebaran informasi gempa bumi kini rata-rata di bawah lima menit. Tantangan terbesar justru berada di ",
        bold("mil terakhir"),
        ", yakni memastikan peringatan sampai ke warga di daerah yang sinyal telepon selulernya lemah.",
      ),
      related("draf-tarif-kereta-trans-sulawesi"),
      p(
        "Komisi menjadwalkan rapat lanjutan pada pekan pertama Desember untuk membahas rincian usulan anggaran sebelum dibawa ke rapat kerja dengan Badan Anggaran.",
      ),
    ],
  },
  {
    key: "kejaksaan-sita-aset-investasi-ilegal",
    headline: "Kejaksaan Sita Aset Rp 48 Miliar dari Kasus Investasi Ilegal Berkedok Aplikasi Tabungan Emas",
    section: "hukum",
    lede: "Sekitar 3.200 orang di Jawa Timur melapor menjadi korban. Penyidik menelusuri aliran dana ke sejumlah rekening atas nama kerabat tersangka.",
    dateline: { place: "SURABAYA", outlet: "WARTA", timeZone: WIB },
    publishedAt: "2026-11-18T16:05:00+07:00",
    updatedAt: "2026-11-19T09:00:00+07:00",
    credits: [
      { role: "penulis", person: "dimas-prasetyo" },
      { role: "editor", person: "hendra-kusumawardana" },
    ],
    sources: [
      { name: "Kejaksaan Negeri Surabaya" },
      { name: "Otoritas Jasa Keuangan", url: "https://www.ojk.go.id" },
    ],
    tags: ["Keamanan Siber", "Ekonomi Digital"],
    hero: {
      image: "hero-gedung-kejaksaan",
      caption:
        "Gedung perkantoran di pusat Kota Surabaya, tempat penyidik memeriksa saksi kasus investasi ilegal.",
      credit: "WARTA/Ilustrasi",
      alt: "Siluet gedung perkantoran dengan jendela menyala pada senja hari",
    },
    body: [
      p(
        "Kejaksaan Negeri Surabaya menyita aset senilai sekitar Rp 48 miliar dari pengelola aplikasi tabungan emas yang diduga menghimpun dana masyarakat tanpa izin. Aset yang disita berupa tiga rumah, tujuh kendaraan, dan sejumlah rekening bank.",
      ),
      p(
        "Aplikasi tersebut menjanjikan imbal hasil tetap 4 persen per bulan bagi pengguna yang membeli emas digital dan menahannya minimal enam bulan. Belakangan, pengguna tidak dapat menarik dana maupun emas mereka sejak Agustus 2026.",
      ),
      quote(
        "Emas yang dijanjikan ternyata tidak pernah dibeli. Dana nasabah baru dipakai untuk membayar imbal hasil nasabah lama. Ini pola skema Ponzi yang klasik.",
        "Agus Santoso, Kepala Seksi Tindak Pidana Khusus Kejaksaan Negeri Surabaya",
      ),
      p(
        "Dua orang telah ditetapkan sebagai tersangka, yaitu direktur dan manajer keuangan perusahaan pengelola aplikasi. Keduanya dijerat dengan pasal tindak pidana perbankan dan tindak pidana pencucian uang.",
      ),
      p(
        "Otoritas Jasa Keuangan mengingatkan masyarakat untuk selalu memeriksa izin entitas investasi sebelum menanamkan uang. Daftar entitas berizin dan yang dihentikan dapat dicek melalui ",
        link("situs OJK", "https://www.ojk.go.id"),
        " atau kontak layanan konsumen OJK 157.",
      ),
      related("waspada-penipuan-undangan-digital"),
      p(
        "Para korban yang tergabung dalam paguyuban berharap aset sitaan dapat dikembalikan secara proporsional. Kejaksaan menyatakan pengembalian aset akan menunggu putusan pengadilan yang berkekuatan hukum tetap.",
      ),
      p(
        italic(
          "Artikel ini diperbarui pada Kamis (19/11/2026) pagi dengan jumlah pelapor terbaru dari paguyuban korban.",
        ),
      ),
    ],
  },
];
