import { bold, figure, heading, italic, link, p, quote, related, steps } from "./demo-blocks.ts";
import type { DemoArticle } from "./demo-content.types.ts";

const WITA = "Asia/Makassar";
const WIT = "Asia/Jayapura";

/** Regional stories, mostly from eastern Indonesia (WITA and WIT desks). */
export const NUSANTARA_ARTICLES: DemoArticle[] = [
  {
    key: "simulasi-tsunami-ambon",
    headline: "Ribuan Warga Ambon Ikuti Simulasi Evakuasi Tsunami, Waktu Tempuh ke Bukit Dipangkas",
    section: "nusantara",
    lede: "Simulasi melibatkan sekolah, pasar, dan pelabuhan. Jalur evakuasi baru membuat warga pesisir tiba di titik kumpul dalam 14 menit.",
    dateline: { place: "AMBON", outlet: "WARTA", timeZone: WIT },
    publishedAt: "2026-11-21T09:15:00+09:00",
    updatedAt: "2026-11-21T14:30:00+09:00",
    credits: [
      { role: "penulis", person: "andi-nurul-tenri" },
      { role: "fotografer", person: "made-arya-putra" },
      { role: "editor", person: "sekar-ayuningtyas" },
    ],
    sources: [{ name: "Badan Nasional Penanggulangan Bencana", url: "https://bnpb.go.id" }],
    tags: ["Kesiapsiagaan Bencana", "Maluku", "Indonesia Timur"],
    hero: {
      image: "hero-teluk-ambon",
      caption: "Perairan Teluk Ambon pada pagi hari sebelum sirene simulasi dibunyikan, Sabtu (21/11/2026).",
      credit: "WARTA/I Made Arya Putra",
      alt: "Teluk berair biru dengan gelombang tenang dan perbukitan di kejauhan",
    },
    body: [
      p(
        "Sirene meraung di sepanjang pesisir Teluk Ambon tepat pukul 08.00 WIT, Sabtu. Dalam hitungan detik, siswa sekolah dasar, pedagang Pasar Mardika, dan pekerja pelabuhan bergerak menuju perbukitan mengikuti papan penunjuk jalur evakuasi.",
      ),
      p(
        "Simulasi evakuasi tsunami ini diikuti sekitar 4.500 warga dari enam kelurahan. Badan Penanggulangan Bencana Daerah Kota Ambon mencatat waktu tempuh rata-rata warga ke titik kumpul 14 menit, lebih cepat enam menit dibandingkan simulasi tahun lalu.",
      ),
      figure(
        "foto-jalur-evakuasi",
        "Jalur evakuasi menuju titik kumpul di perbukitan Kota Ambon.",
        "WARTA/I Made Arya Putra",
      ),
      p(
        "Percepatan itu terjadi setelah pemerintah kota membuka dua jalur evakuasi baru berupa tangga beton dari permukiman pesisir langsung ke lereng bukit. Sebelumnya, warga harus memutar melalui jalan raya yang kerap macet.",
      ),
      quote(
        "Ambon berada di zona gempa aktif. Kita tidak bisa memilih kapan gempa datang, tetapi kita bisa memilih untuk siap. Anak-anak sekolah hari ini menjadi guru bagi orang tua mereka di rumah.",
        "Marthen Latuheru, Kepala BPBD Kota Ambon",
      ),
      heading("Langkah saat gempa kuat terasa di pesisir"),
      steps(
        [bold("Lindungi diri"), " saat guncangan berlangsung: merunduk, berlindung, dan berpegangan."],
        ["Begitu guncangan berhenti, ", bold("segera menjauh dari pantai"), " tanpa menunggu sirene."],
        ["Ikuti papan jalur evakuasi menuju tempat tinggi dan jangan kembali sebelum ada pernyataan aman."],
      ),
      p(
        "Badan Nasional Penanggulangan Bencana menilai simulasi berkala penting karena tsunami lokal di Maluku dapat tiba kurang dari 20 menit setelah gempa. Panduan kesiapsiagaan keluarga tersedia di ",
        link("laman BNPB", "https://bnpb.go.id"),
        ".",
      ),
      related("dpr-anggaran-mitigasi-bencana"),
      p(
        "Evaluasi simulasi mencatat dua catatan: sirene di Kelurahan Benteng terdengar lemah, dan sebagian warga lanjut usia kesulitan menaiki tangga. BPBD berjanji memperbaiki sirene dan menambah pegangan tangan di jalur evakuasi sebelum akhir tahun.",
      ),
    ],
  },
  {
    key: "penerbangan-perintis-pegunungan-bintang",
    headline: "Rute Perintis Baru Hubungkan Jayapura dan Pegunungan Bintang Tiga Kali Sepekan",
    section: "nusantara",
    lede: "Harga tiket bersubsidi ditetapkan Rp 650.000. Warga berharap ongkos angkut bahan pokok ke distrik pedalaman ikut turun.",
    dateline: { place: "JAYAPURA", outlet: "WARTA", timeZone: WIT },
    publishedAt: "2026-11-23T10:40:00+09:00",
    credits: [
      { role: "penulis", person: "rahma-wulandari" },
      { role: "kontributor", person: "yohanes-rumaropen" },
      { role: "editor", person: "hendra-kusumawardana" },
    ],
    sources: [{ name: "Kementerian Perhubungan", url: "https://dephub.go.id" }],
    tags: ["Transportasi", "Papua", "Indonesia Timur"],
    hero: {
      image: "hero-pegunungan-papua",
      caption: "Deretan pegunungan di wilayah Papua yang dilalui rute penerbangan perintis.",
      credit: "WARTA/Yohanes Rumaropen",
      alt: "Lapisan pegunungan hijau kebiruan di bawah langit pagi",
    },
    body: [
      p(
        "Penerbangan perintis bersubsidi yang menghubungkan Bandar Udara Sentani, Jayapura, dengan Oksibil, Kabupaten Pegunungan Bintang, resmi beroperasi Senin. Pesawat berkapasitas 12 penumpang itu akan terbang tiga kali sepekan.",
      ),
      p(
        "Harga tiket ditetapkan Rp 650.000 sekali jalan, jauh di bawah tarif penerbangan sewa yang selama ini bisa mencapai Rp 3 juta. Selain penumpang, pesawat juga mengangkut kargo hingga 400 kilogram per penerbangan.",
      ),
      quote(
        "Dulu kalau mau bawa semen atau beras ke Oksibil, ongkosnya bisa dua kali harga barang. Dengan penerbangan rutin, kami bisa atur belanja dari Jayapura lebih teratur.",
        "Yakobus Uropmabin, pedagang di Oksibil",
      ),
      p(
        "Kementerian Perhubungan menyebut rute ini bagian dari program angkutan udara perintis di Papua yang tahun depan diperluas ke 12 distrik lain. Subsidi diberikan untuk menutup selisih antara biaya operasi dan tarif yang terjangkau warga.",
      ),
      p(
        "Cuaca menjadi tantangan utama. Kabut tebal yang kerap turun sejak siang membuat penerbangan ke bandara-bandara pegunungan umumnya dijadwalkan pagi hari. Operator menyatakan penerbangan yang batal karena cuaca akan dijadwalkan ulang keesokan harinya.",
      ),
      related("jayapura-sambut-tahun-baru-2026"),
      p(
        "Kepala Distrik Oksibil mengatakan kehadiran penerbangan rutin juga memudahkan rujukan pasien. Selama ini, warga yang sakit berat harus menunggu pesawat sewa yang jadwalnya tidak menentu.",
      ),
      p(
        "Pemerintah Kabupaten Pegunungan Bintang berharap kehadiran rute ini menekan harga bahan pokok yang saat ini dua hingga tiga kali lipat harga di Jayapura. Pemerintah daerah juga berencana membangun gudang penyangga di dekat bandara.",
      ),
    ],
  },
  {
    key: "jayapura-sambut-tahun-baru-2026",
    headline: "Doa Bersama dan Kembang Api di Tepi Teluk Youtefa, Jayapura Sambut Tahun Baru 2026",
    section: "nusantara",
    lede: "Ribuan warga memadati Jembatan Youtefa dan pantai sekitarnya. Kota Jayapura menjadi salah satu kota pertama di Indonesia yang memasuki tahun baru.",
    dateline: { place: "JAYAPURA", outlet: "WARTA", timeZone: WIT },
    publishedAt: "2025-12-31T23:30:00+09:00",
    credits: [
      { role: "penulis", person: "andi-nurul-tenri" },
      { role: "kontributor", person: "yohanes-rumaropen" },
      { role: "editor", person: "sekar-ayuningtyas" },
    ],
    sources: [{ name: "Polresta Jayapura Kota" }],
    tags: ["Papua", "Budaya", "Indonesia Timur"],
    hero: {
      image: "hero-teluk-youtefa",
      caption: "Langit malam di atas Teluk Youtefa menjelang pergantian tahun, Rabu (31/12/2025).",
      credit: "WARTA/Yohanes Rumaropen",
      alt: "Laut gelap berkilau di bawah langit malam ungu",
    },
    body: [
      p(
        "Menjelang pergantian tahun, ribuan warga Jayapura memadati kawasan Jembatan Youtefa dan Pantai Holtekamp, Rabu malam. Sejak pukul 20.00 WIT, keluarga-keluarga datang membawa tikar dan bekal untuk menunggu detik-detik tahun 2026.",
      ),
      p(
        "Acara dibuka dengan doa bersama lintas agama yang dipimpin tokoh gereja, masjid, dan adat setempat. Paduan suara pelajar kemudian membawakan lagu-lagu daerah Papua, disambut tepuk tangan warga yang memenuhi tepi jalan.",
      ),
      quote(
        "Kami ingin tahun baru disambut dengan syukur dan damai. Jayapura masuk tahun baru dua jam lebih dulu dari Jakarta, jadi kami membuka tahun untuk seluruh Indonesia.",
        "Ondoafi Kampung Enggros, dalam sambutannya",
      ),
      p(
        "Polresta Jayapura Kota menyiagakan sekitar 600 personel gabungan di sejumlah titik keramaian. Arus lalu lintas menuju jembatan dialihkan sejak pukul 21.00 WIT untuk memberi ruang bagi pejalan kaki.",
      ),
      p(
        "Pedagang kaki lima ikut merasakan ramainya malam tahun baru. Mama-mama penjual pinang dan papeda bungkus mengaku dagangan mereka habis sebelum pukul 23.00 WIT.",
      ),
      p(
        "Pesta kembang api dijadwalkan tepat pukul 00.00 WIT dari dua kapal yang berlabuh di tengah teluk. Panitia meminta warga tetap menjaga kebersihan dan tidak menyalakan petasan di tengah kerumunan.",
      ),
    ],
  },
  {
    key: "subak-sensor-tanah-bali",
    headline: "Petani Subak di Tabanan Mulai Pakai Sensor Tanah untuk Atur Giliran Air",
    section: "nusantara",
    lede: "Sensor kelembapan murah rakitan mahasiswa membantu pekaseh membagi air irigasi secara lebih adil saat musim kemarau panjang.",
    dateline: { place: "DENPASAR", outlet: "WARTA", timeZone: WITA },
    publishedAt: "2026-11-20T08:00:00+08:00",
    credits: [
      { role: "penulis", person: "nadia-safitri" },
      { role: "fotografer", person: "made-arya-putra" },
      { role: "editor", person: "hendra-kusumawardana" },
    ],
    sources: [{ name: "Universitas Udayana", url: "https://www.unud.ac.id" }],
    tags: ["Pertanian", "Budaya", "Pariwisata", "Lingkungan"],
    hero: {
      image: "hero-sawah-subak",
      caption: "Hamparan sawah berundak di Kabupaten Tabanan yang dikelola dengan sistem subak.",
      credit: "WARTA/I Made Arya Putra",
      alt: "Sawah berundak hijau bertingkat di lereng bukit",
    },
    body: [
      p(
        "Di tengah sawah berundak Kabupaten Tabanan, tongkat-tongkat kecil berujung panel surya kini tertancap di pematang. Alat itu adalah sensor kelembapan tanah yang membantu petani subak menentukan petak mana yang paling membutuhkan air.",
      ),
      p(
        "Sensor dirakit mahasiswa teknik dan pertanian Universitas Udayana dengan biaya sekitar Rp 350.000 per unit. Data kelembapan dikirim melalui jaringan radio jarak jauh ke telepon pintar pekaseh, sebutan bagi pemimpin organisasi subak.",
      ),
      quote(
        "Subak itu soal keadilan membagi air. Sensor ini tidak menggantikan musyawarah, tetapi membuat musyawarah kami punya data.",
        "I Nyoman Sudarta, pekaseh Subak Jatiluwih",
      ),
      p(
        "Selama kemarau panjang tahun ini, petani di hilir kerap mendapat air paling akhir. Dengan data sensor, jadwal giliran air bisa disusun ulang sehingga petak yang paling kering didahulukan.",
      ),
      p(
        "Sistem subak sendiri diakui sebagai ",
        italic("Warisan Budaya Dunia"),
        " oleh UNESCO sejak 2012. Para peneliti menegaskan teknologi hanya pelengkap bagi filosofi ",
        italic("Tri Hita Karana"),
        " yang menjadi dasar subak.",
      ),
      related("mahasiswa-bandung-ai-peringatan-banjir"),
      p(
        "Tahun depan, tim berencana memasang 120 sensor tambahan di empat subak lain. Mereka juga tengah menguji sensor ketinggian air di saluran utama untuk mendeteksi kebocoran lebih dini.",
      ),
    ],
  },
  {
    key: "kupang-tenun-ikat-pameran",
    headline: "Tenun Ikat NTT Jadi Primadona Pameran Kriya di Kupang, Transaksi Tembus Rp 2,1 Miliar",
    section: "budaya",
    lede: "Lebih dari 80 kelompok penenun dari 22 kabupaten ikut serta. Pembeli dari luar negeri memesan kain motif Sumba dan Rote dalam jumlah besar.",
    dateline: { place: "KUPANG", outlet: "WARTA", timeZone: WITA },
    publishedAt: "2026-11-17T13:20:00+08:00",
    credits: [
      { role: "penulis", person: "andi-nurul-tenri" },
      { role: "editor", person: "sekar-ayuningtyas" },
    ],
    sources: [{ name: "Dewan Kerajinan Nasional Daerah Nusa Tenggara Timur" }],
    tags: ["Budaya", "UMKM", "Indonesia Timur"],
    hero: {
      image: "hero-tenun-ikat",
      caption: "Motif geometris khas tenun ikat Nusa Tenggara Timur yang dipamerkan di Kupang.",
      credit: "WARTA/Ilustrasi",
      alt: "Pola geometris berwarna merah bata, nila, dan kuning kunyit",
    },
    body: [
      p(
        "Pameran kriya tahunan di Kupang ditutup Senin dengan catatan transaksi Rp 2,1 miliar selama lima hari. Tenun ikat dari berbagai kabupaten di Nusa Tenggara Timur menjadi produk paling dicari pengunjung.",
      ),
      p(
        "Sebanyak 84 kelompok penenun dari 22 kabupaten dan kota memamerkan karya mereka. Kain dengan pewarna alami dari akar mengkudu dan daun tarum dijual mulai Rp 750.000 hingga puluhan juta rupiah per lembar.",
      ),
      quote(
        "Satu kain bisa dikerjakan tiga sampai enam bulan. Kami senang sekarang pembeli mulai mengerti kenapa harganya tidak bisa disamakan dengan kain pabrik.",
        "Maria Goreti Ndun, ketua kelompok penenun dari Rote Ndao",
      ),
      p(
        "Sejumlah pembeli dari Jepang dan Australia memesan kain motif Sumba dan Rote untuk dijual kembali di galeri mereka. Panitia mencatat pesanan lanjutan senilai sekitar Rp 600 juta yang akan dipenuhi hingga pertengahan 2027.",
      ),
      p(
        "Meski begitu, penenun masih menghadapi persoalan regenerasi. Banyak anak muda memilih merantau ketimbang meneruskan keterampilan menenun yang diwariskan turun-temurun.",
      ),
      related("tinutuan-sarapan-kota-besar"),
      p(
        "Pemerintah provinsi berencana membuka kelas menenun di sekolah menengah kejuruan mulai tahun ajaran baru. Para penenun senior akan dilibatkan sebagai pengajar tamu.",
      ),
    ],
  },
  {
    key: "perahu-pustaka-maluku",
    headline: "Perahu Pustaka Antar Ribuan Buku ke Pulau-Pulau Kecil di Maluku Tenggara",
    section: "nusantara",
    lede: "Relawan berlayar dua pekan sekali membawa buku cerita dan alat tulis. Sekolah di pulau terpencil mencatat minat baca siswa naik.",
    dateline: { place: "AMBON", outlet: "WARTA", timeZone: WIT },
    publishedAt: "2026-11-25T13:00:00+09:00",
    credits: [
      { role: "penulis", person: "andi-nurul-tenri" },
      { role: "editor", person: "hendra-kusumawardana" },
    ],
    sources: [{ name: "Perpustakaan Nasional Republik Indonesia", url: "https://www.perpusnas.go.id" }],
    tags: ["Pendidikan", "Maluku", "Indonesia Timur"],
    hero: {
      image: "hero-perahu-pustaka",
      caption: "Laut tenang di perairan Kepulauan Kei, jalur pelayaran perahu pustaka.",
      credit: "WARTA/Ilustrasi",
      alt: "Laut toska dengan gelombang kecil di bawah langit cerah",
    },
    body: [
      p(
        "Sebuah perahu kayu bercat biru merapat di dermaga kecil Pulau Kur, Maluku Tenggara. Puluhan anak langsung berlari menyambut, bukan untuk menjemput keluarga, melainkan untuk meminjam buku.",
      ),
      p(
        "Perahu pustaka itu dikelola komunitas relawan di Ambon dan Tual. Dua pekan sekali, mereka berlayar ke tujuh pulau kecil membawa sekitar 1.500 buku cerita anak, buku pelajaran, dan alat tulis.",
      ),
      quote(
        "Di pulau-pulau ini tidak ada toko buku, perpustakaan sekolah pun seadanya. Anak-anak membaca ulang buku yang sama sampai sampulnya lepas.",
        "Fransina Rahanra, koordinator relawan perahu pustaka",
      ),
      p(
        "Para guru mencatat perubahan sejak perahu mulai rutin datang setahun terakhir. Di salah satu sekolah dasar, jumlah siswa kelas tiga yang lancar membaca naik dari 11 menjadi 19 dari 24 siswa.",
      ),
      p(
        "Perpustakaan Nasional menyumbang 3.000 judul buku dan pelatihan pengelolaan pojok baca bagi guru. Program serupa, menurut lembaga itu, dapat direplikasi di wilayah kepulauan lain. Informasi program literasi tersedia di ",
        link("laman Perpusnas", "https://www.perpusnas.go.id"),
        ".",
      ),
      related("simulasi-tsunami-ambon"),
      p(
        "Tantangan terbesar adalah cuaca. Pada musim angin timur, gelombang tinggi membuat pelayaran kerap ditunda berminggu-minggu. Relawan kini menitipkan peti buku di setiap pulau agar anak-anak tetap punya bacaan saat perahu tidak bisa datang.",
      ),
    ],
  },
];
