/**
 * The allow-listed embed providers and the URLs each accepts (the body schema validates against
 * these; the admin uses them to recognise a pasted URL). No dependencies, so the admin can import it.
 */
export const EMBED_PROVIDERS = {
  youtube: /^https:\/\/(www\.)?(youtube\.com\/watch\?v=|youtu\.be\/)[\w-]{6,}/,
  x: /^https:\/\/(www\.)?(x|twitter)\.com\/\w{1,15}\/status\/\d+/,
  instagram: /^https:\/\/(www\.)?instagram\.com\/(p|reel)\/[\w-]+/,
  tiktok: /^https:\/\/(www\.)?tiktok\.com\/@[\w.]+\/video\/\d+/,
} as const;

export type EmbedProvider = keyof typeof EMBED_PROVIDERS;

/** The provider whose pattern a URL matches, or null when no allow-listed provider accepts it. */
export function embedProviderOf(url: string): EmbedProvider | null {
  const trimmed = url.trim();
  for (const provider of Object.keys(EMBED_PROVIDERS) as EmbedProvider[])
    if (EMBED_PROVIDERS[provider].test(trimmed)) return provider;
  return null;
}
