/**
 * Page chrome: the words around an article that are not the article. Trailers end the body
 * (everything after them is navigation); prompts are single lines dropped in place.
 */
const TRAILER =
  /^(terbaru|terpopuler|terkini|berita terkait|artikel terkait|berita lainnya|baca berita lainnya|berita pilihan|rekomendasi|rekomendasi untuk anda|video terkait|video pilihan|most popular|related)\b/iu;

const PROMPTS: readonly RegExp[] = [
  /^(bagikan|share)\b/iu,
  /\b(di|on|via|lewat)\s+google news\b/iu,
  /^simak (breaking news|berita|video|juga)/iu,
  /\b(whatsapp|telegram)\s+channel\b/iu,
  /^(ikuti|follow)\b.*\b(kami|kanal|channel|instagram|twitter|tiktok|youtube|facebook|whatsapp|telegram)\b/iu,
  /^(berlangganan|langganan|subscribe|daftar(kan)?\s+(diri|email)|dapatkan\s+(update|informasi|berita))\b/iu,
  /^(download|unduh)\s+(aplikasi|app)/iu,
  /^(klik|ketuk)\s+(di\s+)?sini/iu,
  /^scroll\s+(to|untuk)\s+(continue|lanjut)/iu,
  /^(advertisement|iklan|adv)$/iu,
  /^(copy link|salin tautan|salin link|link disalin)$/iu,
  /^gabung\b.*\b(kanal|channel|grup|komunitas)\b/iu,
  /^dengarkan\s+(artikel|berita)/iu,
  /^(lihat juga|tonton juga)\s*:?\s*video\b/iu,
  /^(saksikan|simak|tonton|cek|lihat)\s+(juga\s+)?video\b.{0,80}$/iu,
  /^#[\p{L}\d_]+$/u,
  // `Follow detikcom  Like  Like`: a follow button with its widget labels.
  /^(follow|ikuti)\s+@?[\p{L}\d._]+(\s+(like|share|tweet|follow|suka))*$/iu,
];

/** True when the line starts the page's trailing navigation (`TERBARU`, `Berita Terkait`, ...). */
export function isTrailer(line: string): boolean {
  const text = line.trim();
  if (text.length > 80) return false;
  const match = TRAILER.exec(text);
  if (match === null) return false;
  // The label alone, the label in capitals (`TERBARU`, even glued to the next item), or an explicit
  // "read more" line; never an ordinary sentence that happens to start with "Terbaru,".
  const rest = text.slice(match[0].length);
  return /^\s*:?\s*$/u.test(rest) || match[0] === match[0].toUpperCase() || /^baca berita/iu.test(text);
}

/** True for share/follow/subscribe prompts and similar one-line chrome. */
export function isPrompt(line: string): boolean {
  const text = line.trim();
  return text.length <= 200 && PROMPTS.some((pattern) => pattern.test(text));
}

/**
 * `Baca Juga: <headline>` (any case, `:` or a dash), and Tempo's `Pilihan Editor: <headline>`.
 * Returns the referenced headline or null.
 */
export function matchRelated(line: string): string | null {
  const match = /^(?:baca juga|baca pula|pilihan editor)\s*[:\-–—]\s*(.+)$/iu.exec(line.trim());
  const headline = match?.[1]?.trim() ?? "";
  return headline === "" ? null : headline;
}
