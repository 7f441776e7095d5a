import type { DemoImage, DemoScene } from "./demo-content.types.ts";
import { demoImageSvg } from "./demo-image-svg.ts";

const HERO = { width: 1200, height: 675 } as const;
const PHOTO = { width: 400, height: 400 } as const;

function hero(
  key: string,
  scene: DemoScene,
  palette: DemoImage["palette"],
  seed: number,
  alt: string,
): DemoImage {
  return { key, ...HERO, scene, palette, seed, alt };
}

function portrait(key: string, palette: DemoImage["palette"], seed: number, name: string): DemoImage {
  return { key, ...PHOTO, scene: "portrait", palette, seed, alt: `Foto profil ${name}` };
}

/** Every illustration the demo content refers to, by key. Palettes: sky top, sky bottom, accent, ground. */
export const DEMO_IMAGES: DemoImage[] = [
  hero(
    "hero-hujan-jakarta",
    "rain",
    ["#3b4a5a", "#8a98a8", "#f4d58d", "#1f2a36"],
    11,
    "Hujan di atas gedung-gedung kota",
  ),
  hero(
    "hero-stasiun-kota",
    "city",
    ["#2e3a87", "#f6a65a", "#ffe08a", "#1c1f3b"],
    12,
    "Siluet kota saat fajar",
  ),
  hero(
    "hero-gedung-parlemen",
    "city",
    ["#6fa8dc", "#d9ecf7", "#fff2b3", "#2d4a66"],
    13,
    "Siluet gedung di bawah langit biru",
  ),
  hero(
    "hero-gedung-kejaksaan",
    "city",
    ["#4b2e5a", "#e98a6b", "#ffd27f", "#221628"],
    14,
    "Gedung perkantoran saat senja",
  ),
  hero(
    "hero-kota-surabaya",
    "city",
    ["#5a3d7a", "#f3b27a", "#ffe6a8", "#2a1f3d"],
    15,
    "Siluet pertokoan saat senja",
  ),
  hero(
    "hero-teluk-ambon",
    "sea",
    ["#7cc6e8", "#e6f5fb", "#ffd166", "#0f5e86"],
    21,
    "Teluk dengan perbukitan di kejauhan",
  ),
  hero(
    "hero-teluk-youtefa",
    "sea",
    ["#1a1440", "#5b3f8c", "#f7d9a8", "#0d1b3a"],
    22,
    "Laut di bawah langit malam",
  ),
  hero("hero-laut-biru", "sea", ["#4fa3d9", "#cfeaf7", "#fff1b8", "#0b3d6b"], 23, "Gelombang laut biru"),
  hero(
    "hero-perahu-pustaka",
    "sea",
    ["#8fd3e8", "#f2fbff", "#ffcf70", "#128a8a"],
    24,
    "Laut toska yang tenang",
  ),
  hero(
    "hero-pelabuhan-balikpapan",
    "sea",
    ["#f08a4b", "#fbd1a2", "#fff0c2", "#3d5a73"],
    25,
    "Laut saat senja",
  ),
  hero(
    "hero-pegunungan-papua",
    "mountains",
    ["#9ad0ec", "#eaf6fb", "#ffe29a", "#1f5f4a"],
    31,
    "Lapisan pegunungan hijau",
  ),
  hero(
    "hero-salju-eropa",
    "mountains",
    ["#b8c7d9", "#eef2f7", "#ffffff", "#5b7089"],
    32,
    "Pegunungan bersalju",
  ),
  hero(
    "hero-sungai-bandung",
    "mountains",
    ["#a7c4a0", "#e9f1e4", "#f9f3c9", "#2f5d3a"],
    33,
    "Perbukitan berkabut",
  ),
  hero("hero-sawah-subak", "terraces", ["#8ecae6", "#e0f3fa", "#b5d96b", "#3f7d3a"], 41, "Sawah berundak"),
  hero(
    "hero-tenun-ikat",
    "abstract",
    ["#f3e3c3", "#e9cf9f", "#b5452c", "#243b6b"],
    51,
    "Pola geometris tenun",
  ),
  hero(
    "hero-grafik-ekonomi",
    "abstract",
    ["#e8f1f8", "#cfe2f0", "#2a9d8f", "#1d3557"],
    52,
    "Bentuk geometris biru dan hijau",
  ),
  hero(
    "hero-pasar-cabai",
    "abstract",
    ["#fff4e0", "#ffe1b8", "#d62828", "#2a7f3e"],
    53,
    "Lingkaran merah dan hijau",
  ),
  hero(
    "hero-jaringan-digital",
    "abstract",
    ["#0b1d33", "#14324f", "#3ddbd9", "#6c63ff"],
    54,
    "Titik dan garis bercahaya",
  ),
  hero(
    "hero-kuliner-manado",
    "abstract",
    ["#fff8e6", "#fde9b9", "#f4a259", "#5b8e3e"],
    55,
    "Bentuk bundar kuning dan hijau",
  ),
  hero("hero-stadion", "pitch", ["#1e6b34", "#2f8a46", "#ffffff", "#17522a"], 61, "Lapangan sepak bola"),
  hero(
    "hero-lapangan-bulu-tangkis",
    "pitch",
    ["#1f7a6b", "#2a9482", "#ffffff", "#175c51"],
    62,
    "Lapangan bulu tangkis",
  ),
  {
    key: "foto-jalur-evakuasi",
    width: 1200,
    height: 800,
    scene: "mountains",
    palette: ["#ffd9a0", "#fff3df", "#ff8c42", "#3d6b45"],
    seed: 71,
    alt: "Perbukitan hijau tujuan jalur evakuasi",
  },
  hero(
    "hero-sungai-kapuas",
    "sea",
    ["#9cc9e8", "#e6f2fa", "#f2c14e", "#35603a"],
    91,
    "Ilustrasi sungai lebar di bawah langit cerah",
  ),
  portrait("foto-rahma-wulandari", ["#f7c6c7", "#fbe3d6", "#ffffff", "#7a3e48"], 81, "Rahma Wulandari"),
  portrait("foto-dimas-prasetyo", ["#b9d7ea", "#e3f0f8", "#ffffff", "#2c4a63"], 82, "Dimas Prasetyo"),
  portrait("foto-nadia-safitri", ["#d5c6f2", "#efe8fb", "#ffffff", "#4a3a78"], 83, "Nadia Safitri"),
  portrait("foto-andi-nurul-tenri", ["#f9dca4", "#fdf0d5", "#ffffff", "#8a5a1f"], 84, "Andi Nurul Tenri"),
  portrait("foto-yohanes-rumaropen", ["#bfe3c0", "#e6f5e6", "#ffffff", "#2f5e36"], 85, "Yohanes Rumaropen"),
  portrait("foto-sekar-ayuningtyas", ["#f5c2de", "#fde6f1", "#ffffff", "#7a2f5b"], 86, "Sekar Ayuningtyas"),
  portrait("foto-made-arya-putra", ["#a9e0dc", "#e0f5f3", "#ffffff", "#1f5e5a"], 87, "I Made Arya Putra"),
];

/** Draws one illustration as JPEG. Same spec, same bytes. */
export async function renderDemoImage(spec: DemoImage): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  return sharp(Buffer.from(demoImageSvg(spec)))
    .resize(spec.width, spec.height, { fit: "fill" })
    .jpeg({ quality: 80 })
    .toBuffer();
}
