import { bold, italic, link, p, quote, related } from "./demo-blocks.ts";
import type { DemoArticle } from "./demo-content.types.ts";

const WIB = "Asia/Jakarta";
const WITA = "Asia/Makassar";

/** Dunia (Asia, Eropa) and Olahraga desk stories. Foreign datelines use the Jakarta desk's zone. */
export const DUNIA_OLAHRAGA_ARTICLES: DemoArticle[] = [
  {
    key: "asean-patroli-sampah-laut",
    headline: "Negara ASEAN Sepakati Pemantauan Bersama Sampah Plastik di Laut",
    section: "asia",
    lede: "Kesepakatan mencakup pertukaran data satelit dan titik pantau di selat-selat tersibuk. Indonesia menawarkan pusat data di Bitung.",
    dateline: { place: "KUALA LUMPUR", outlet: "WARTA", timeZone: WIB },
    publishedAt: "2026-11-20T19:30:00+07:00",
    credits: [
      { role: "penulis", person: "rahma-wulandari" },
      { role: "editor", person: "sekar-ayuningtyas" },
    ],
    sources: [{ name: "Sekretariat ASEAN", url: "https://asean.org" }],
    tags: ["ASEAN", "Lingkungan"],
    hero: {
      image: "hero-laut-biru",
      caption: "Perairan Asia Tenggara, salah satu kawasan dengan lalu lintas kapal terpadat di dunia.",
      credit: "WARTA/Ilustrasi",
      alt: "Gelombang laut biru tua berlapis di bawah langit cerah",
    },
    body: [
      p(
        "Para menteri lingkungan hidup negara-negara Asia Tenggara menyepakati mekanisme pemantauan bersama sampah plastik di laut dalam pertemuan tingkat menteri di Kuala Lumpur, Jumat. Kesepakatan ini menjadi langkah lanjutan dari rencana aksi regional yang disusun beberapa tahun terakhir.",
      ),
      p(
        "Mekanisme itu mencakup pertukaran data citra satelit, pemasangan titik pantau di selat-selat tersibuk, dan metode penghitungan sampah yang seragam. Selama ini tiap negara memakai metode berbeda sehingga data sulit dibandingkan.",
      ),
      quote(
        "Sampah tidak mengenal batas negara. Plastik yang dibuang di satu sungai bisa terdampar di pantai negara tetangga dalam hitungan minggu.",
        "Delegasi Indonesia dalam sidang pleno",
      ),
      p(
        "Indonesia menawarkan Bitung, Sulawesi Utara, sebagai lokasi pusat data regional karena dekat dengan jalur arus lintas Indonesia. Usulan itu akan dibahas lebih lanjut dalam pertemuan pejabat senior awal tahun depan.",
      ),
      p(
        "Organisasi lingkungan menyambut kesepakatan tersebut, tetapi mengingatkan bahwa pemantauan harus diikuti pengurangan produksi plastik sekali pakai. Informasi resmi pertemuan dapat dilihat di ",
        link("situs ASEAN", "https://asean.org"),
        ".",
      ),
      related("perahu-pustaka-maluku"),
      p(
        "Bagi Indonesia, kesepakatan ini penting karena garis pantai yang panjang membuat banyak daerah menerima sampah kiriman dari laut lepas. Pemerintah daerah di pesisir Sulawesi Utara dan Maluku selama ini kerap menanggung biaya pembersihan pantai sendiri.",
      ),
    ],
  },
  {
    key: "eropa-salju-awal-kereta-terganggu",
    headline: "Salju Turun Lebih Awal di Eropa Tengah, Ratusan Perjalanan Kereta Dibatalkan",
    section: "eropa",
    lede: "Suhu anjlok hingga minus 12 derajat Celsius. Warga Indonesia di Jerman dan Austria diimbau memantau informasi perjalanan.",
    dateline: { place: "BERLIN", outlet: null, timeZone: WIB },
    publishedAt: "2026-11-22T21:05:00+07:00",
    credits: [
      { role: "penulis", person: "nadia-safitri" },
      { role: "editor", person: "hendra-kusumawardana" },
    ],
    sources: [
      { name: "Deutscher Wetterdienst", url: "https://www.dwd.de" },
      { name: "Deutsche Bahn", url: "https://www.bahn.de" },
    ],
    tags: ["Cuaca", "Transportasi"],
    hero: {
      image: "hero-salju-eropa",
      caption: "Pegunungan berselimut salju di kawasan Eropa Tengah.",
      credit: "WARTA/Ilustrasi",
      alt: "Pegunungan putih kebiruan di bawah langit pucat musim dingin",
    },
    body: [
      p(
        "Salju lebat turun lebih awal dari biasanya di sebagian besar Jerman selatan dan Austria sejak Sabtu malam. Layanan cuaca Jerman mencatat suhu di beberapa kota pegunungan anjlok hingga minus 12 derajat Celsius.",
      ),
      p(
        "Operator kereta nasional Jerman membatalkan lebih dari 300 perjalanan regional dan jarak jauh karena pohon tumbang dan wesel yang membeku. Sejumlah ruas jalan tol juga ditutup sementara untuk pembersihan salju.",
      ),
      quote(
        "Massa udara dingin dari Skandinavia datang lebih cepat dan lebih kuat dari perkiraan awal. Kami memperkirakan kondisi ini bertahan hingga pertengahan pekan.",
        "Juru bicara layanan cuaca Jerman",
      ),
      p(
        "Perhimpunan pelajar Indonesia di Muenchen meminta anggotanya menyiapkan pakaian musim dingin dan memantau informasi perjalanan sebelum bepergian. Kedutaan Besar RI di Berlin membuka layanan pengaduan bagi warga negara Indonesia yang terdampak.",
      ),
      p(
        "Fenomena salju awal bukan hal baru, tetapi para ahli iklim mencatat pola cuaca ekstrem di Eropa kian sulit diprediksi. ",
        italic("Musim dingin yang tidak menentu"),
        " menjadi tantangan bagi perencanaan transportasi dan energi.",
      ),
      related("bmkg-hujan-lebat-akhir-november"),
      p(
        "Operator kereta menyatakan sebagian besar perjalanan jarak jauh diharapkan kembali normal pada Selasa, sementara layanan regional di daerah pegunungan masih bergantung pada hasil pembersihan jalur.",
      ),
    ],
  },
  {
    key: "timnas-u23-coret-tiga-pemain",
    headline: "Timnas U-23 Tuntaskan Pemusatan Latihan, Pelatih Coret Tiga Pemain Jelang Turnamen Regional",
    section: "sepak-bola",
    lede: "Skuad final berisi 23 pemain diumumkan Senin malam. Dua pemain muda dari akademi di Papua dan Maluku masuk daftar.",
    dateline: { place: "JAKARTA", outlet: "WARTA", timeZone: WIB },
    publishedAt: "2026-11-23T20:15:00+07:00",
    updatedAt: "2026-11-23T22:40:00+07:00",
    credits: [
      { role: "penulis", person: "rahma-wulandari" },
      { role: "fotografer", person: "made-arya-putra" },
      { role: "editor", person: "hendra-kusumawardana" },
    ],
    sources: [{ name: "Persatuan Sepak Bola Seluruh Indonesia", url: "https://www.pssi.org" }],
    tags: ["Timnas", "Atlet Muda"],
    hero: {
      image: "hero-stadion",
      caption: "Lapangan latihan tim nasional U-23 di Jakarta, Senin (23/11/2026).",
      credit: "WARTA/I Made Arya Putra",
      alt: "Rumput lapangan sepak bola bergaris hijau tua dan hijau muda",
    },
    body: [
      p(
        "Pelatih tim nasional U-23 mencoret tiga pemain setelah pemusatan latihan selama tiga pekan di Jakarta. Skuad final berisi 23 pemain diumumkan Senin malam, sepekan sebelum turnamen regional dimulai.",
      ),
      p(
        "Dua dari tiga pemain yang dicoret berposisi gelandang. Pelatih menyebut keputusan diambil berdasarkan kebugaran dan kecocokan dengan pola permainan menekan yang diterapkan tim.",
      ),
      quote(
        "Ini keputusan paling berat dalam pemusatan latihan. Semua pemain bekerja keras, tetapi kami harus memilih yang paling siap untuk gaya bermain kami.",
        "Pelatih tim nasional U-23",
      ),
      p(
        "Dua pemain muda dari akademi sepak bola di Jayapura dan Ambon masuk skuad final. Keduanya tampil menonjol dalam tiga laga uji coba, termasuk mencetak gol penentu kemenangan saat melawan tim tamu dari Thailand.",
      ),
      p(
        "Timnas U-23 dijadwalkan bertolak pada Sabtu. Pada laga pembuka, Indonesia akan menghadapi juara bertahan yang tahun lalu mengalahkan tim Garuda Muda di semifinal.",
      ),
      related("pebulu-tangkis-manado-juara-sirnas"),
      p(
        "Sejumlah pengamat menilai keputusan memanggil pemain dari akademi daerah menjadi sinyal positif bagi pembinaan usia muda. Selama ini, sebagian besar pemain tim nasional kelompok umur berasal dari klub-klub di Pulau Jawa.",
      ),
      p(
        bold("Pembaruan pukul 22.40 WIB: "),
        "PSSI mengonfirmasi satu pemain yang sebelumnya cedera pergelangan kaki dinyatakan pulih dan tetap masuk skuad final.",
      ),
    ],
  },
  {
    key: "pebulu-tangkis-manado-juara-sirnas",
    headline: "Pebulu Tangkis Remaja Manado Juara Sirkuit Nasional, Kalahkan Unggulan Pertama",
    section: "bulu-tangkis",
    lede: "Gadis berusia 16 tahun itu menang rubber game dalam 71 menit. Klub kecil di Tomohon menjadi tempatnya ditempa sejak usia tujuh tahun.",
    dateline: { place: "MANADO", outlet: "WARTA", timeZone: WITA },
    publishedAt: "2026-11-18T21:40:00+08:00",
    credits: [
      { role: "penulis", person: "andi-nurul-tenri" },
      { role: "editor", person: "sekar-ayuningtyas" },
    ],
    sources: [{ name: "Persatuan Bulu Tangkis Seluruh Indonesia", url: "https://pbsi.id" }],
    tags: ["Atlet Muda", "Indonesia Timur"],
    hero: {
      image: "hero-lapangan-bulu-tangkis",
      caption: "Lapangan pertandingan sirkuit nasional bulu tangkis di Manado.",
      credit: "WARTA/Ilustrasi",
      alt: "Lantai lapangan berwarna hijau dengan garis-garis putih",
    },
    body: [
      p(
        "Pebulu tangkis remaja asal Manado, Grace Wowor, menjuarai nomor tunggal putri remaja sirkuit nasional setelah mengalahkan unggulan pertama di final, Rabu malam. Grace menang rubber game 19-21, 21-17, 21-18 dalam 71 menit.",
      ),
      p(
        "Grace, yang baru berusia 16 tahun, tertinggal 14-17 pada gim penentuan sebelum mencetak enam poin beruntun. Ratusan penonton di gelanggang olahraga Manado berdiri memberikan tepuk tangan panjang setelah poin terakhir.",
      ),
      quote(
        "Saya cuma pikir satu poin demi satu poin. Pelatih bilang jangan lihat papan skor, lihat lawan.",
        "Grace Wowor, juara tunggal putri remaja",
      ),
      p(
        "Grace berlatih di sebuah klub kecil di Tomohon sejak berusia tujuh tahun. Pelatihnya, mantan atlet daerah, melatih 30 anak di gedung serbaguna milik gereja yang disewa tiga kali sepekan.",
      ),
      p(
        "Gelar ini membuka peluang Grace mengikuti seleksi pelatnas pratama tahun depan. Pengurus daerah berharap prestasinya mendorong lahirnya lebih banyak atlet bulu tangkis dari Sulawesi Utara.",
      ),
      related("timnas-u23-coret-tiga-pemain"),
      p(
        "Sirkuit nasional seri berikutnya akan digelar di Surabaya pada Desember. Grace dipastikan tampil sebagai unggulan di kelompok usianya.",
      ),
    ],
  },
];
