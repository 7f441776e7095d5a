import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { unlink } from "node:fs/promises";
import { z } from "zod";
import { AppError } from "../../core/errors.ts";
import { derivativePath, ladderOf, mediaVersion, type Media } from "../../core/media.ts";
import { MAX_IMAGE_BYTES, type ImageUpload } from "../../services/media.service.ts";
import type { Deps } from "../../app/deps.ts";
import { authorize, requireActor } from "../plugins/auth.plugin.ts";
import { idParams, problems } from "./api-schemas.ts";
import { decodeCursor, pageQuery, pageSchema, toPage } from "./pagination.ts";
import { receiveMultipart, receiveRaw, type ReceivedFile } from "./upload-stream.ts";

const mediaSchema = z
  .object({
    id: z.number().int(),
    file: z.string(),
    url: z.string().describe("JPEG selebar mungkin (≤ 1600 px) dalam rasio aslinya."),
    socialUrl: z.string().describe("Kartu 1200×630 untuk OpenGraph (titik fokus dipakai)."),
    version: z.string().describe("Bagian URL turunan: hash isi + titik fokus."),
    mimeType: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    byteSize: z.number().int(),
    sha256: z.string(),
    alt: z.string(),
    caption: z.string(),
    credit: z.string(),
    creator: z.string(),
    keywords: z.array(z.string()),
    focalX: z.number().int(),
    focalY: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "Media" });

const uploadResultSchema = mediaSchema
  .extend({
    duplicate: z.boolean().describe("True: berkas yang sama sudah ada; gambar itu yang dikembalikan."),
  })
  .meta({ id: "MediaUploadResult" });

const usageSchema = z
  .object({
    articles: z.array(
      z.object({
        id: z.number().int(),
        headline: z.string(),
        status: z.string(),
        publishedAt: z.string().nullable(),
      }),
    ),
    people: z.array(z.object({ id: z.number().int(), name: z.string(), slug: z.string() })),
  })
  .meta({ id: "MediaUsage" });

const present = (m: Media) => ({
  id: m.id,
  file: m.file,
  url: derivativePath(m, { crop: "w", width: ladderOf(m, "w").at(-1) ?? m.width, format: "jpg" }),
  socialUrl: derivativePath(m, { crop: "social", width: 1200, format: "jpg" }),
  version: mediaVersion(m),
  mimeType: m.mimeType,
  width: m.width,
  height: m.height,
  byteSize: m.byteSize,
  sha256: m.sha256,
  alt: m.alt,
  caption: m.caption,
  credit: m.credit,
  creator: m.creator,
  keywords: m.keywords,
  focalX: m.focalX,
  focalY: m.focalY,
  createdAt: m.createdAt.toISOString(),
});

const fieldsSchema = z.object({
  alt: z.string().max(500).optional(),
  caption: z.string().max(2000).optional(),
  credit: z.string().max(300).optional(),
  creator: z.string().max(300).optional(),
  keywords: z.array(z.string().max(100)).max(50).optional(),
  focalX: z.number().int().min(0).max(100).optional(),
  focalY: z.number().int().min(0).max(100).optional(),
});

/** Metadata sent as text (query string or multipart fields): keywords comma-separated, focal as numbers. */
const textFieldsSchema = z.object({
  fileName: z.string().max(255).optional(),
  alt: z.string().max(500).optional(),
  caption: z.string().max(2000).optional(),
  credit: z.string().max(300).optional(),
  creator: z.string().max(300).optional(),
  keywords: z.string().max(4000).optional().describe("Kata kunci dipisah koma."),
  focalX: z.coerce.number().int().min(0).max(100).optional(),
  focalY: z.coerce.number().int().min(0).max(100).optional(),
});

function metaFromText(
  input: Record<string, unknown>,
): Omit<ImageUpload, "bytes" | "path" | "sha256" | "size"> {
  const parsed = textFieldsSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError("validation_failed", "Data gambar tidak valid.", {
      details: parsed.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message })),
    });
  const { keywords, ...rest } = parsed.data;
  const list = keywords
    ?.split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "");
  return { ...rest, ...(list && list.length > 0 ? { keywords: list } : {}) };
}

const noFile = () =>
  new AppError("validation_failed", "Tidak ada berkas gambar dalam permintaan.", {
    details: [
      {
        field: "file",
        message: 'Kirim gambar di kolom "file" (multipart) atau sebagai isi permintaan image/*.',
      },
    ],
  });

const UPLOAD_DESCRIPTION =
  "multipart/form-data: kolom `file` (berkas) dan kolom teks alt, caption, credit, creator, keywords " +
  "(dipisah koma), focalX, focalY (0–100). Atau isi permintaan = gambar mentah (Content-Type: image/*) " +
  "dengan metadata di query. Jenis gambar ditentukan dari isinya (JPEG, PNG, WebP, AVIF, GIF satu bingkai), " +
  "bukan dari nama atau header. Maksimal 25 MB dan 60 juta piksel. Kolom kosong diisi dari IPTC/XMP berkas.";

/**
 * The media library. Uploads are authorized before a byte of the body is read (the body parsers
 * below leave the stream alone), then streamed to a temporary file with a size limit and hashed on
 * the way (docs/media.md).
 */
export function mediaRoutes(deps: Deps): FastifyPluginAsyncZod {
  /** Streams the request's image to a temp file; the metadata from the fields or the query. */
  async function receive(
    request: FastifyRequest,
  ): Promise<{ file: ReceivedFile; meta: ReturnType<typeof metaFromText> }> {
    const type = request.headers["content-type"] ?? "";
    const temp = deps.storage.tempPath();
    if (/^multipart\/form-data/i.test(type)) {
      const { file, fields } = await receiveMultipart(request.raw, temp, MAX_IMAGE_BYTES);
      if (!file) throw noFile();
      try {
        return { file, meta: metaFromText({ fileName: file.fileName, ...fields }) };
      } catch (error) {
        await unlink(file.path).catch(() => undefined);
        throw error;
      }
    }
    if (/^image\//i.test(type)) {
      const meta = metaFromText(request.query as Record<string, unknown>);
      const file = await receiveRaw(request.raw, temp, MAX_IMAGE_BYTES, meta.fileName ?? "");
      return { file, meta };
    }
    throw new AppError("validation_failed", "Jenis isi (Content-Type) tidak didukung.", {
      details: [{ field: "Content-Type", message: "Gunakan multipart/form-data atau image/*." }],
    });
  }

  async function withUpload<T>(
    request: FastifyRequest,
    use: (upload: ImageUpload) => Promise<T>,
  ): Promise<T> {
    const { file, meta } = await receive(request);
    try {
      return await use({ ...meta, path: file.path, sha256: file.sha256, size: file.size });
    } finally {
      await unlink(file.path).catch(() => undefined);
    }
  }

  return async (app) => {
    // Leave the body unread: the handler authorizes first, then streams it (never buffered whole).
    app.addContentTypeParser(/^(multipart\/form-data|image\/)/i, (_request, _payload, done) => done(null));

    readRoutes(app, deps);

    app.post(
      "/media",
      {
        schema: {
          tags: ["media"],
          summary: "Unggah gambar (multipart atau isi mentah image/*)",
          description: UPLOAD_DESCRIPTION,
          querystring: textFieldsSchema,
          response: { 200: uploadResultSchema, 201: uploadResultSchema, ...problems(401, 403, 413, 422) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(actor, "media.upload");
        const media = await withUpload(request, (upload) => deps.media.storeImage(upload, actor));
        return reply
          .code(media.duplicate ? 200 : 201)
          .send({ ...present(media), duplicate: media.duplicate });
      },
    );

    app.patch(
      "/media/:id",
      {
        schema: {
          tags: ["media"],
          summary: "Ubah alt, keterangan, kredit, fotografer, kata kunci atau titik fokus",
          params: idParams,
          body: fieldsSchema,
          response: { 200: mediaSchema, ...problems(401, 403, 404, 422) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorize(actor, "media.update");
        return present(await deps.media.update(request.params.id, request.body, actor));
      },
    );

    app.put(
      "/media/:id/file",
      {
        schema: {
          tags: ["media"],
          summary: "Ganti berkas gambar; semua artikel dan profil yang memakainya ikut berganti",
          description: UPLOAD_DESCRIPTION,
          params: idParams,
          querystring: textFieldsSchema,
          response: { 200: mediaSchema, ...problems(401, 403, 404, 413, 422) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorize(actor, "media.replace");
        await deps.media.get(request.params.id);
        return present(
          await withUpload(request, (upload) => deps.media.replaceFile(request.params.id, upload, actor)),
        );
      },
    );

    app.delete(
      "/media/:id",
      {
        schema: {
          tags: ["media"],
          summary: "Hapus gambar yang tidak dipakai di mana pun",
          params: idParams,
          response: { 204: z.null(), ...problems(401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(actor, "media.delete");
        await deps.media.remove(request.params.id, actor);
        return reply.code(204).send(null);
      },
    );
  };
}

type App = Parameters<FastifyPluginAsyncZod>[0];

/** The library's list, one item, and its uses. */
function readRoutes(app: App, deps: Deps): void {
  app.get(
    "/media",
    {
      schema: {
        tags: ["media"],
        summary: "Pustaka media, terbaru dulu; q mencari di keterangan, kredit, alt, fotografer, kata kunci",
        querystring: z.object({ ...pageQuery, q: z.string().max(200).optional() }),
        response: { 200: pageSchema(mediaSchema), ...problems(401, 403, 422) },
      },
    },
    async (request) => {
      authorize(request.actor, "media.read");
      const { limit, cursor, q } = request.query;
      const after = decodeCursor(cursor);
      const rows = await deps.media.list({
        beforeId: after?.id ?? null,
        limit: limit + 1,
        ...(q ? { query: q } : {}),
      });
      const page = toPage(rows, limit, (m) => m.createdAt.toISOString());
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/media/:id",
    {
      schema: {
        tags: ["media"],
        summary: "Satu gambar",
        params: idParams,
        response: { 200: mediaSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      authorize(request.actor, "media.read");
      return present(await deps.media.get(request.params.id));
    },
  );

  app.get(
    "/media/:id/usage",
    {
      schema: {
        tags: ["media"],
        summary: "Di mana gambar dipakai (artikel: foto utama atau isi; foto profil)",
        params: idParams,
        response: { 200: usageSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      authorize(request.actor, "media.read");
      return deps.media.usage(request.params.id);
    },
  );
}
