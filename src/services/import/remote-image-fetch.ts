import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { guardedLookup, targetProblem, type TargetPolicy } from "../webhooks/webhook-target.ts";
import { MEDIA_LIMITS } from "../../media/image-intake.ts";
import { SNIFF_BYTES, sniffImageType } from "../../media/image-sniff.ts";

/**
 * Fetches a photo an import found at a remote URL, as a request the server makes on an importer's
 * behalf: the same SSRF guard as webhooks (webhook-target.ts) — the URL as written, every address
 * its host resolves to, and the very address each socket connects to; every redirect is checked
 * again the same way. The body is cut off past the upload limit, and it must be an image by its
 * magic bytes (never by `Content-Type`). Decoding, the pixel limit and metadata stripping are the
 * media pipeline's (`storeImage`).
 */
export interface RemoteFetchOptions {
  /** Which internal addresses are allowed (none by default) and how names resolve. */
  policy: TargetPolicy;
  maxBytes?: number;
  /** For the whole fetch, redirects included (default 20 s). */
  timeoutMs?: number;
  maxRedirects?: number;
}

export type RemoteFetchResult =
  | { ok: true; bytes: Buffer; url: string }
  /** `permanent`: trying again gives the same answer (refused address, 404, not an image, too big). */
  | { ok: false; error: string; permanent: boolean };

class FetchFailure extends Error {
  readonly permanent: boolean;
  constructor(message: string, permanent: boolean) {
    super(message);
    this.permanent = permanent;
  }
}

function get(url: URL, policy: TargetPolicy, signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: "GET",
        headers: { accept: "image/avif,image/webp,image/*;q=0.8", "user-agent": "Warta-import/1" },
        lookup: guardedLookup(policy),
        signal,
      },
      resolve,
    );
    outgoing.on("error", reject);
    outgoing.end();
  });
}

async function readLimited(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers["content-length"] ?? NaN);
  if (declared > maxBytes) {
    response.destroy();
    throw new FetchFailure(`berkas lebih dari ${maxBytes / 1_000_000} MB`, true);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let sniffed = false;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      response.destroy();
      throw new FetchFailure(`berkas lebih dari ${maxBytes / 1_000_000} MB`, true);
    }
    chunks.push(chunk);
    if (!sniffed && size >= SNIFF_BYTES) {
      sniffed = true;
      if (sniffImageType(Buffer.concat(chunks)) === null) {
        response.destroy();
        throw new FetchFailure("isinya bukan gambar (JPEG, PNG, GIF, WebP atau AVIF)", true);
      }
    }
  }
  const bytes = Buffer.concat(chunks);
  if (sniffImageType(bytes) === null)
    throw new FetchFailure("isinya bukan gambar (JPEG, PNG, GIF, WebP atau AVIF)", true);
  return bytes;
}

async function follow(start: string, options: RemoteFetchOptions, signal: AbortSignal) {
  const maxRedirects = options.maxRedirects ?? 5;
  let url = start;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const problem = await targetProblem(url, options.policy, "refuse");
    if (problem) throw new FetchFailure(hop === 0 ? problem : `dialihkan ke ${url}: ${problem}`, true);
    const response = await get(new URL(url), options.policy, signal).catch((error: unknown) => {
      const code = (error as { code?: string }).code;
      if (code === "EBLOCKEDADDRESS")
        throw new FetchFailure(`alamat ${new URL(url).hostname} berada di jaringan internal`, true);
      throw error;
    });
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      url = new URL(response.headers.location, url).toString();
      continue;
    }
    if (status !== 200) {
      response.resume();
      throw new FetchFailure(
        `server menjawab HTTP ${status}`,
        status >= 400 && status < 500 && status !== 429,
      );
    }
    return { bytes: await readLimited(response, options.maxBytes ?? MEDIA_LIMITS.maxBytes), url };
  }
  throw new FetchFailure(`lebih dari ${maxRedirects} pengalihan`, true);
}

export async function fetchRemoteImage(url: string, options: RemoteFetchOptions): Promise<RemoteFetchResult> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? 20_000);
  try {
    const { bytes, url: finalUrl } = await follow(url, options, signal);
    return { ok: true, bytes, url: finalUrl };
  } catch (error) {
    if (error instanceof FetchFailure) return { ok: false, error: error.message, permanent: error.permanent };
    const message = signal.aborted ? "waktu habis" : error instanceof Error ? error.message : String(error);
    return { ok: false, error: `gagal mengunduh: ${message}`, permanent: false };
  }
}
