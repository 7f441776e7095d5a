import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../core/errors.ts";
import type { Media } from "../../core/media.ts";
import { mediaPath } from "../../core/urls.ts";
import { MAX_IMAGE_BYTES } from "../../services/media.service.ts";
import type { Deps } from "../../app/deps.ts";
import { authorize, requireActor } from "../plugins/auth.plugin.ts";
import { problems } from "./api-schemas.ts";
import { decodeCursor, pageQuery, pageSchema, toPage } from "./pagination.ts";

const mediaSchema = z
  .object({
    id: z.number().int(),
    file: z.string(),
    url: z.string(),
    mimeType: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    alt: z.string(),
    caption: z.string(),
    credit: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Media" });

const present = (m: Media) => ({
  id: m.id,
  file: m.file,
  url: mediaPath(m.file),
  mimeType: m.mimeType,
  width: m.width,
  height: m.height,
  alt: m.alt,
  caption: m.caption,
  credit: m.credit,
  createdAt: m.createdAt.toISOString(),
});

/**
 * The media library. Upload is the raw image as the request body (`Content-Type: image/jpeg`,
 * `image/png`, `image/webp`, `image/avif`, `image/gif`) with metadata in the query string: the
 * simplest robust option (no multipart parser, streaming-friendly, works with `curl --data-binary`).
 */
export function mediaRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(
      /^image\//,
      { parseAs: "buffer", bodyLimit: MAX_IMAGE_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.get(
      "/media",
      {
        schema: {
          tags: ["media"],
          summary: "Pustaka media, terbaru dulu (pengguna redaksi)",
          querystring: z.object(pageQuery),
          response: { 200: pageSchema(mediaSchema), ...problems(401, 403, 422) },
        },
      },
      async (request) => {
        authorize(request.actor, "media.read");
        const { limit, cursor } = request.query;
        const after = decodeCursor(cursor);
        const rows = await deps.media.list({ beforeId: after?.id ?? null, limit: limit + 1 });
        const page = toPage(rows, limit, (m) => m.createdAt.toISOString());
        return { items: page.items.map(present), nextCursor: page.nextCursor };
      },
    );

    app.post(
      "/media",
      {
        bodyLimit: MAX_IMAGE_BYTES,
        schema: {
          tags: ["media"],
          summary: "Unggah gambar: isi permintaan = berkas gambar mentah, metadata di query",
          description:
            "Contoh: curl --data-binary @foto.jpg -H 'Content-Type: image/jpeg' '/api/v1/media?fileName=foto.jpg&alt=…'",
          querystring: z.object({
            fileName: z.string().min(1).max(255),
            alt: z.string().max(500).optional(),
            caption: z.string().max(2000).optional(),
            credit: z.string().max(300).optional(),
          }),
          response: { 201: mediaSchema, ...problems(401, 403, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(actor, "media.upload");
        const body = request.body as unknown;
        if (!Buffer.isBuffer(body) || body.byteLength === 0)
          throw new AppError(
            "validation_failed",
            "Kirim berkas gambar sebagai isi permintaan (Content-Type: image/*).",
            {
              details: [{ field: "body", message: "Tidak ada gambar." }],
            },
          );
        const media = await deps.media.storeImage({ ...request.query, bytes: body }, actor);
        return reply.code(201).send(present(media));
      },
    );
  };
}
