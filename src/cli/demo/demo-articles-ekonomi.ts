import { bold, bullets, heading, link, p, quote, related } from "./demo-blocks.ts";
import type { DemoArticle } from "./demo-content.types.ts";

const WIB = "Asia/Jakarta";
const WITA = "Asia/Makassar";

/** Ekonomi, Bisnis and Keuangan desk stories. */
export const EKONOMI_ARTICLES: DemoArticle[] = [
  {
    key: "bi-tahan-suku-bunga-november",
    headline: "Bank Indonesia Tahan Suku Bunga Acuan, Fokus Jaga Stabilitas Rupiah Jelang Akhir Tahun",
    section: "keuangan",
    lede: "Inflasi yang terkendali memberi ruang, tetapi ketidakpastian global membuat bank sentral memilih menunggu.",
    dateline: { place: "JAKARTA", outlet: "WARTA", timeZone: WIB },
    publishedAt: "2026-11-19T15:10:00+07:00",
    updatedAt: "2026-11-19T18:30:00+07:00",
    credits: [
      { role: "penulis", person: "dimas-prasetyo" },
      { role: "editor", person: "hendra-kusumawardana" },
    ],
    sources: [{ name: "Bank Indonesia", url: "https://www.bi.go.id" }],
    tags: ["Suku Bunga", "Inflasi"],
    hero: {
      image: "hero-grafik-ekonomi",
      caption: "Ilustrasi pergerakan indikator keuangan menjelang akhir tahun.",
      credit: "WARTA/Ilustrasi",
      alt: "Bentuk-bentuk geometris biru dan hijau yang menyerupai grafik naik turun",
    },
    body: [
      p(
        "Bank Indonesia memutuskan mempertahankan suku bunga acuan dalam rapat dewan gubernur bulanan yang berakhir Kamis. Keputusan itu sesuai dengan perkiraan sebagian besar ekonom.",
      ),
      p(
        "Bank sentral menilai inflasi tahunan yang berada di kisaran 2,4 persen masih dalam sasaran. Namun, tekanan terhadap nilai tukar rupiah akibat penguatan dolar Amerika Serikat membuat ruang pelonggaran perlu dihitung dengan hati-hati.",
      ),
      quote(
        "Kebijakan moneter tetap diarahkan untuk menjaga stabilitas, sementara kebijakan makroprudensial dan sistem pembayaran terus kami dorong untuk mendukung pertumbuhan.",
        "Pernyataan resmi Bank Indonesia",
      ),
      heading("Apa artinya bagi nasabah"),
      bullets(
        ["Bunga kredit pemilikan rumah dan kendaraan diperkirakan belum turun dalam waktu dekat."],
        ["Bunga deposito cenderung stabil hingga awal 2027."],
        ["Rupiah yang lebih stabil membantu menahan kenaikan harga barang impor."],
      ),
      p(
        'Ekonom sebuah bank swasta, Lestari Anindya, memperkirakan ruang penurunan suku bunga baru terbuka pada kuartal pertama 2027 jika tekanan global mereda. "Pasar akan memperhatikan arah kebijakan bank sentral Amerika pada Desember," katanya.',
      ),
      p(
        "Rilis lengkap hasil rapat dewan gubernur dapat dibaca di ",
        link("situs Bank Indonesia", "https://www.bi.go.id"),
        ". Rapat berikutnya dijadwalkan pertengahan Desember 2026.",
      ),
      related("harga-cabai-makassar-turun"),
      p(
        bold("Pembaruan: "),
        "Rupiah ditutup menguat tipis pada perdagangan sore setelah pengumuman, sementara indeks saham bergerak mendatar.",
      ),
    ],
  },
  {
    key: "harga-cabai-makassar-turun",
    headline: "Harga Cabai Rawit di Makassar Turun Jelang Akhir Tahun, Pedagang Sebut Pasokan Melimpah",
    section: "ekonomi",
    lede: "Panen di Jeneponto dan Gowa membuat harga cabai rawit turun hampir separuh dalam dua pekan. Harga bawang merah justru mulai merangkak naik.",
    dateline: { place: "MAKASSAR", outlet: "WARTA", timeZone: WITA },
    publishedAt: "2026-11-22T06:50:00+08:00",
    credits: [
      { role: "penulis", person: "andi-nurul-tenri" },
      { role: "editor", person: "hendra-kusumawardana" },
    ],
    sources: [
      { name: "Badan Pusat Statistik", url: "https://www.bps.go.id" },
      { name: "Dinas Perdagangan Kota Makassar" },
    ],
    tags: ["Harga Pangan", "Inflasi", "Pertanian"],
    hero: {
      image: "hero-pasar-cabai",
      caption: "Ilustrasi warna-warni komoditas pangan di pasar tradisional Makassar.",
      credit: "WARTA/Ilustrasi",
      alt: "Lingkaran-lingkaran merah, hijau, dan jingga yang saling bertumpuk",
    },
    body: [
      p(
        "Harga cabai rawit di sejumlah pasar tradisional di Makassar turun tajam dalam dua pekan terakhir. Di Pasar Terong, cabai rawit kini dijual Rp 28.000 per kilogram, turun dari Rp 52.000 pada awal November.",
      ),
      p(
        "Pedagang menyebut penurunan harga dipicu panen raya di Kabupaten Jeneponto dan Gowa. Pasokan yang masuk ke pasar induk meningkat hampir dua kali lipat dibandingkan bulan lalu.",
      ),
      quote(
        "Sekarang truk dari Jeneponto datang setiap pagi. Barang banyak, pembeli biasa saja, jadi harga harus turun supaya tidak busuk.",
        "Daeng Ngai, pedagang cabai di Pasar Terong",
      ),
      p(
        "Sebaliknya, harga bawang merah mulai naik menjadi Rp 38.000 per kilogram karena pasokan dari Enrekang berkurang akibat hujan. Dinas Perdagangan Kota Makassar memantau harga sembilan bahan pokok setiap hari menjelang Natal dan Tahun Baru.",
      ),
      p(
        "Data Badan Pusat Statistik menunjukkan kelompok makanan, minuman, dan tembakau masih menjadi penyumbang utama inflasi di Sulawesi Selatan. Penurunan harga cabai diperkirakan menahan laju inflasi pada November.",
      ),
      related("bi-tahan-suku-bunga-november"),
      p(
        "Pemerintah Kota Makassar berencana menggelar pasar murah di 15 kecamatan menjelang Natal. Selain cabai dan bawang, pasar murah juga akan menjual beras, gula, dan minyak goreng dengan harga di bawah harga pasar.",
      ),
      p(
        "Petani di Jeneponto berharap pemerintah membantu penyerapan hasil panen agar harga di tingkat petani tidak jatuh terlalu dalam. Sebagian petani mulai mengeringkan cabai untuk dijual ke industri pengolahan.",
      ),
    ],
  },
  {
    key: "qris-umkm-surabaya",
    headline: "Pedagang Pasar di Surabaya Ramai-ramai Pakai QRIS, Transaksi Nontunai Naik Tiga Kali Lipat",
    section: "bisnis",
    lede: "Pembeli muda tak lagi membawa uang tunai. Pedagang mengaku pencatatan lebih rapi, tetapi masih waswas dengan bukti transfer palsu.",
    dateline: { place: "SURABAYA", outlet: "WARTA", timeZone: WIB },
    publishedAt: "2026-11-16T10:00:00+07:00",
    credits: [
      { role: "penulis", person: "dimas-prasetyo" },
      { role: "penulis", person: "nadia-safitri" },
      { role: "editor", person: "sekar-ayuningtyas" },
    ],
    sources: [{ name: "Bank Indonesia", url: "https://www.bi.go.id" }],
    tags: ["UMKM", "Ekonomi Digital"],
    hero: {
      image: "hero-kota-surabaya",
      caption: "Kawasan perdagangan di Kota Surabaya pada sore hari.",
      credit: "WARTA/Ilustrasi",
      alt: "Siluet bangunan pertokoan dengan langit jingga keunguan",
    },
    body: [
      p(
        "Stiker kode QR kini menempel di hampir setiap lapak Pasar Genteng, Surabaya, mulai dari penjual sayur hingga penjual kue basah. Pembayaran dengan QRIS menjadi pemandangan sehari-hari di pasar yang dulu identik dengan uang receh.",
      ),
      p(
        "Bank Indonesia Kantor Perwakilan Jawa Timur mencatat nilai transaksi QRIS di pasar tradisional Surabaya naik tiga kali lipat dibandingkan tahun lalu. Sebagian besar pengguna adalah pembeli berusia di bawah 35 tahun.",
      ),
      quote(
        "Anak-anak muda itu kalau belanja tidak bawa dompet, cuma bawa ponsel. Kalau saya tidak pasang QRIS, mereka pindah ke lapak sebelah.",
        "Sutinah, penjual sayur di Pasar Genteng",
      ),
      p(
        "Selain praktis, pedagang mengaku pencatatan penjualan menjadi lebih rapi. Riwayat transaksi di aplikasi bisa dipakai sebagai bukti arus kas saat mengajukan kredit usaha rakyat ke bank.",
      ),
      p(
        "Namun, masih ada kekhawatiran soal penipuan. Beberapa pedagang melaporkan pembeli yang menunjukkan tangkapan layar bukti pembayaran palsu. Bank Indonesia mengimbau pedagang selalu memastikan notifikasi masuk di aplikasi, bukan sekadar melihat layar ponsel pembeli.",
      ),
      related("waspada-penipuan-undangan-digital"),
      p(
        "Pemerintah Kota Surabaya menargetkan seluruh pasar tradisional di kota itu menerima pembayaran nontunai pada pertengahan 2027, disertai pelatihan literasi keuangan bagi pedagang lanjut usia.",
      ),
    ],
  },
  {
    key: "peti-kemas-balikpapan-melonjak",
    headline: "Arus Peti Kemas di Pelabuhan Balikpapan Melonjak 18 Persen, Didorong Proyek Konstruksi",
    section: "bisnis",
    lede: "Bongkar muat material bangunan dan alat berat mendominasi. Operator pelabuhan menambah jam layanan hingga malam hari.",
    dateline: { place: "BALIKPAPAN", outlet: "WARTA", timeZone: WITA },
    publishedAt: "2026-11-24T11:25:00+08:00",
    credits: [
      { role: "penulis", person: "dimas-prasetyo" },
      { role: "editor", person: "hendra-kusumawardana" },
    ],
    sources: [{ name: "PT Pelabuhan Indonesia (Persero)", url: "https://www.pelindo.co.id" }],
    tags: ["Transportasi", "Kalimantan"],
    hero: {
      image: "hero-pelabuhan-balikpapan",
      caption: "Perairan Teluk Balikpapan, jalur keluar-masuk kapal peti kemas.",
      credit: "WARTA/Ilustrasi",
      alt: "Laut biru keabu-abuan dengan langit senja berwarna jingga",
    },
    body: [
      p(
        "Arus peti kemas di Pelabuhan Balikpapan, Kalimantan Timur, naik 18 persen sepanjang Januari hingga Oktober 2026 dibandingkan periode yang sama tahun lalu. Lonjakan itu terutama didorong pengiriman material bangunan untuk proyek konstruksi di kawasan sekitar.",
      ),
      p(
        "Operator pelabuhan mencatat rata-rata 1.900 boks peti kemas ukuran 20 kaki dibongkar muat setiap hari. Selain semen dan baja ringan, pengiriman alat berat dan panel surya juga meningkat.",
      ),
      quote(
        "Kami menambah jam layanan bongkar muat hingga pukul 23.00 WITA dan mengoperasikan dua unit derek tambahan agar kapal tidak antre terlalu lama.",
        "Rudi Hartanto, manajer operasional pelabuhan",
      ),
      p(
        "Waktu tunggu kapal di area labuh sempat mencapai dua hari pada September. Setelah jam layanan diperpanjang, waktu tunggu turun menjadi kurang dari 20 jam.",
      ),
      p(
        "Pengusaha logistik setempat menyambut baik perbaikan layanan, tetapi mengeluhkan kemacetan truk di jalan akses pelabuhan. Mereka meminta pemerintah daerah mempercepat pelebaran jalan dan menyiapkan kantong parkir truk.",
      ),
      related("qris-umkm-surabaya"),
      p(
        "Hingga akhir tahun, arus peti kemas diperkirakan tetap tinggi seiring percepatan sejumlah proyek sebelum musim hujan mencapai puncaknya.",
      ),
    ],
  },
];
