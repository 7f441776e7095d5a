import { bold, heading, italic, link, p, quote, related, steps } from "./demo-blocks.ts";
import type { DemoArticle } from "./demo-content.types.ts";

const WIB = "Asia/Jakarta";
const WITA = "Asia/Makassar";

/** Teknologi and Gaya Hidup desk stories. */
export const TEKNOLOGI_GAYA_ARTICLES: DemoArticle[] = [
  {
    key: "mahasiswa-bandung-ai-peringatan-banjir",
    headline: "Mahasiswa Bandung Kembangkan Peringatan Dini Banjir Berbasis Kecerdasan Buatan",
    section: "teknologi",
    lede: "Model dilatih dengan data curah hujan dan tinggi muka air Sungai Citarum. Warga di bantaran menerima peringatan lewat pesan singkat.",
    dateline: { place: "BANDUNG", outlet: "WARTA", timeZone: WIB },
    publishedAt: "2026-11-17T09:30:00+07:00",
    credits: [
      { role: "penulis", person: "nadia-safitri" },
      { role: "editor", person: "sekar-ayuningtyas" },
    ],
    sources: [{ name: "Institut Teknologi Bandung", url: "https://www.itb.ac.id" }],
    tags: ["Kecerdasan Buatan", "Kesiapsiagaan Bencana", "Pendidikan", "Cuaca"],
    hero: {
      image: "hero-sungai-bandung",
      caption: "Perbukitan di hulu Sungai Citarum, Kabupaten Bandung, saat musim hujan.",
      credit: "WARTA/Ilustrasi",
      alt: "Perbukitan hijau berlapis dengan kabut tipis di pagi hari",
    },
    body: [
      p(
        "Sekelompok mahasiswa di Bandung mengembangkan sistem peringatan dini banjir yang memanfaatkan kecerdasan buatan untuk memperkirakan kenaikan muka air Sungai Citarum hingga enam jam ke depan.",
      ),
      p(
        "Model tersebut dilatih menggunakan data curah hujan dan tinggi muka air selama sepuluh tahun terakhir. Data diperbarui setiap 15 menit dari pos pengamatan di hulu sungai dan stasiun cuaca milik BMKG.",
      ),
      quote(
        "Warga di bantaran sungai biasanya baru sadar saat air sudah masuk rumah. Kami ingin memberi mereka waktu, walau hanya dua atau tiga jam, untuk menyelamatkan barang dan keluarga.",
        "Raka Aditya, ketua tim pengembang",
      ),
      p(
        "Dalam uji coba selama musim hujan tahun lalu, sistem itu memperkirakan tujuh dari delapan kejadian banjir di Kecamatan Dayeuhkolot dengan selisih waktu kurang dari satu jam. Peringatan dikirim melalui pesan singkat ke ketua RT yang kemudian meneruskannya lewat pengeras suara masjid.",
      ),
      p(
        "Dosen pembimbing tim menekankan bahwa model ",
        italic("machine learning"),
        " hanya seakurat data yang diterimanya. Karena itu, tim bekerja sama dengan pemerintah daerah untuk merawat sensor di lapangan. Informasi riset kampus tersedia di ",
        link("situs ITB", "https://www.itb.ac.id"),
        ".",
      ),
      related("bmkg-hujan-lebat-akhir-november"),
      p(
        "Warga Dayeuhkolot yang terlibat dalam uji coba mengaku terbantu. Mereka kini memindahkan barang berharga ke lantai atas begitu menerima pesan peringatan, tanpa harus berjaga sepanjang malam memantau sungai.",
      ),
      p(
        "Tim berencana memperluas uji coba ke dua daerah aliran sungai lain di Jawa Barat pada awal 2027 dan membuka kode sumber sistem agar dapat dipakai pemerintah daerah lain.",
      ),
    ],
  },
  {
    key: "waspada-penipuan-undangan-digital",
    headline: "Waspadai Penipuan Berkedok Undangan Pernikahan Digital, Begini Cara Mengenalinya",
    section: "teknologi",
    lede: "Berkas aplikasi yang dikirim lewat pesan singkat bisa mencuri kode OTP dan menguras rekening. Kenali tanda-tandanya sebelum membuka lampiran.",
    dateline: { place: "JAKARTA", outlet: "WARTA", timeZone: WIB },
    publishedAt: "2026-11-25T16:00:00+07:00",
    credits: [
      { role: "penulis", person: "nadia-safitri" },
      { role: "editor", person: "hendra-kusumawardana" },
    ],
    sources: [{ name: "Badan Siber dan Sandi Negara", url: "https://www.bssn.go.id" }],
    tags: ["Keamanan Siber", "Ekonomi Digital"],
    hero: {
      image: "hero-jaringan-digital",
      caption: "Ilustrasi jaringan digital dan ancaman penipuan daring.",
      credit: "WARTA/Ilustrasi",
      alt: "Titik-titik dan garis bercahaya hijau toska di atas latar biru gelap",
    },
    body: [
      p(
        "Modus penipuan dengan berkas aplikasi yang menyamar sebagai undangan pernikahan digital kembali marak menjelang akhir tahun. Korban menerima pesan dari nomor tak dikenal berisi lampiran berakhiran ",
        bold(".apk"),
        ' dengan nama seperti "Undangan Pernikahan" atau "Foto Prewedding".',
      ),
      p(
        "Begitu dipasang, aplikasi tersebut meminta izin membaca pesan singkat. Dengan izin itu, pelaku dapat mencuri kode sekali pakai (OTP) dan mengambil alih akun perbankan maupun dompet digital korban.",
      ),
      quote(
        "Undangan pernikahan yang asli tidak pernah meminta Anda memasang aplikasi. Kalau lampirannya berupa aplikasi, hapus dan jangan dibuka.",
        "Badan Siber dan Sandi Negara",
      ),
      heading("Langkah melindungi diri"),
      steps(
        ["Jangan memasang aplikasi dari luar toko aplikasi resmi, apa pun alasannya."],
        [
          "Periksa ekstensi berkas; undangan biasanya berupa tautan situs atau gambar, bukan ",
          bold(".apk"),
          ".",
        ],
        ["Aktifkan verifikasi dua langkah dan jangan pernah membagikan kode OTP kepada siapa pun."],
        [
          "Jika terlanjur memasang, matikan data seluler, hubungi bank, dan ganti kata sandi dari perangkat lain.",
        ],
      ),
      p(
        "Badan Siber dan Sandi Negara mencatat modus ini menyasar pengguna berusia di atas 40 tahun yang kerap menerima undangan lewat aplikasi pesan. Panduan keamanan siber untuk masyarakat tersedia di ",
        link("laman BSSN", "https://www.bssn.go.id"),
        ".",
      ),
      related("kejaksaan-sita-aset-investasi-ilegal"),
      p(
        "Bank-bank juga mulai mengirim peringatan melalui aplikasi dan pesan resmi agar nasabah tidak memasang berkas dari sumber tak dikenal. Sejumlah operator seluler menyatakan tengah menyaring pesan berisi lampiran aplikasi yang dikirim massal dari nomor baru.",
      ),
      p(
        "Korban penipuan daring dapat melapor ke bank penerbit rekening dan kepolisian. Semakin cepat laporan dibuat, semakin besar peluang dana diblokir sebelum dipindahkan pelaku.",
      ),
    ],
  },
  {
    key: "tinutuan-sarapan-kota-besar",
    headline: "Tinutuan, Bubur Sayur Khas Manado yang Kini Jadi Menu Sarapan di Kota Besar",
    section: "gaya-hidup",
    lede: "Dari warung di Jalan Wakeke hingga kedai di Jakarta Selatan, bubur berisi labu, jagung, dan kangkung ini memikat penikmat sarapan sehat.",
    dateline: { place: "MANADO", outlet: "WARTA", timeZone: WITA },
    publishedAt: "2026-11-21T07:10:00+08:00",
    credits: [
      { role: "penulis", person: "nadia-safitri" },
      { role: "kontributor", person: "andi-nurul-tenri" },
      { role: "editor", person: "sekar-ayuningtyas" },
    ],
    sources: [{ name: "Dinas Pariwisata Kota Manado" }],
    tags: ["Kuliner", "UMKM", "Pariwisata"],
    hero: {
      image: "hero-kuliner-manado",
      caption: "Ilustrasi warna-warni bahan tinutuan: labu kuning, jagung, dan sayuran hijau.",
      credit: "WARTA/Ilustrasi",
      alt: "Bentuk-bentuk bundar berwarna kuning, jingga, dan hijau daun",
    },
    body: [
      p(
        "Pukul enam pagi, kedai-kedai di kawasan kuliner Jalan Wakeke, Manado, sudah dipenuhi pembeli. Menu utamanya satu: tinutuan, bubur beras yang dimasak bersama labu kuning, jagung, ubi, kangkung, dan daun gedi.",
      ),
      p(
        "Tinutuan biasa disantap dengan sambal roa, perkedel nike, dan ikan cakalang fufu. Perpaduan rasa gurih, pedas, dan segar membuat bubur ini menjadi identitas kuliner Kota Manado.",
      ),
      quote(
        "Resepnya dari oma saya. Rahasianya sederhana: sayurnya harus segar dan dimasukkan paling akhir supaya warnanya tetap hijau.",
        "Ivonne Lumintang, pemilik kedai tinutuan di Jalan Wakeke",
      ),
      p(
        "Beberapa tahun terakhir, tinutuan merambah kota besar. Di Jakarta Selatan dan Surabaya, sejumlah kedai menyajikan tinutuan sebagai pilihan sarapan sehat bagi pekerja kantoran, lengkap dengan pilihan lauk khas Minahasa.",
      ),
      p(
        "Dinas Pariwisata Kota Manado memasukkan tur kuliner tinutuan ke dalam paket wisata kota. Wisatawan diajak berbelanja bahan di pasar tradisional, lalu memasak bersama pemilik kedai.",
      ),
      related("kupang-tenun-ikat-pameran"),
      p(
        "Bagi perantau asal Sulawesi Utara, semangkuk tinutuan adalah obat rindu kampung halaman. ",
        italic('"Makan tinutuan di Jakarta rasanya seperti pulang sebentar,"'),
        " kata Meike (34), pelanggan sebuah kedai di Kebayoran Baru.",
      ),
    ],
  },
];
