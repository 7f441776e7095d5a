/** Common Indonesian words that say nothing about a story's subject. */
const STOPWORDS = new Set(
  (
    "yang dan di ke dari untuk dengan pada dalam ini itu adalah akan tidak juga telah sudah oleh atau " +
    "karena bahwa saat para lebih masih bisa dapat mereka kami kita anda sebagai secara setelah hingga " +
    "sejak antara namun tersebut menjadi tahun kata ujar hari kepada seperti belum harus sangat"
  ).split(" "),
);

/** The story's most frequent meaningful words, for Baca Juga suggestions. */
export function keywordsOf(text: string, count: number): string[] {
  const frequency = new Map<string, number>();
  for (const word of text.toLocaleLowerCase("id").match(/\p{L}{4,}/gu) ?? []) {
    if (STOPWORDS.has(word)) continue;
    frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  return [...frequency.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([word]) => word);
}
