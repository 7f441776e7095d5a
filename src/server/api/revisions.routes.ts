import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Revision } from "../../core/revision.ts";
import type { Deps } from "../../app/deps.ts";
import { authorize, requireActor } from "../plugins/auth.plugin.ts";
import { actorNames } from "./actor-names.ts";
import { idParams, problems } from "./api-schemas.ts";
import { articleResource, articleSchema, expectedVersion, presentArticle } from "./articles.schemas.ts";
import { versionEtag } from "./etag.ts";

const revisionSchema = z
  .object({
    number: z.number().int(),
    kind: z.enum(["create", "save", "staged", "restore"]),
    restoredFrom: z.number().int().nullable(),
    changed: z.array(z.string()).describe("Kolom yang berubah dari revisi sebelumnya."),
    actorUserId: z.number().int().nullable(),
    actor: z.string(),
    actorName: z.string().nullable().describe("Nama pengguna itu (null bila sistem atau tidak dikenal)."),
    createdAt: z.string(),
  })
  .meta({ id: "Revision" });

const revParams = idParams.extend({ rev: z.coerce.number().int().positive("Nomor revisi tidak valid.") });
const diffParams = idParams.extend({
  a: z.coerce.number().int().positive("Nomor revisi tidak valid."),
  b: z.coerce.number().int().positive("Nomor revisi tidak valid."),
});

const wordSchema = z.object({ op: z.enum(["equal", "insert", "delete"]), text: z.string() });
const diffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    bodyChanged: z.boolean(),
    body: z.array(
      z.union([
        z.object({ op: z.enum(["equal", "insert", "delete"]), text: z.string() }),
        z.object({ op: z.literal("change"), words: z.array(wordSchema) }),
      ]),
    ),
  })
  .meta({ id: "RevisionDiff" });

const present = (r: Revision, names: ReadonlyMap<number, string> = new Map()) => ({
  number: r.number,
  kind: r.kind,
  restoredFrom: r.restoredFrom,
  changed: r.changed,
  actorUserId: r.actorUserId,
  actor: r.actorLabel,
  actorName: r.actorUserId === null ? null : (names.get(r.actorUserId) ?? null),
  createdAt: r.createdAt.toISOString(),
});

/** Revision history of an article: list, one revision, diff of two, restore (a new revision). */
export function revisionsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const revisions = deps.newsroom.revisions;

    app.get(
      "/articles/:id/revisions",
      {
        schema: {
          tags: ["revisions"],
          summary: "Riwayat revisi, terbaru dulu",
          params: idParams,
          response: { 200: z.object({ items: z.array(revisionSchema) }), ...problems(401, 403, 404) },
        },
      },
      async (request) => {
        authorize(requireActor(request), "article.read");
        const items = await revisions.list(request.params.id);
        const names = await actorNames(
          deps,
          items.map((r) => r.actorUserId),
        );
        return { items: items.map((r) => present(r, names)) };
      },
    );

    app.get(
      "/articles/:id/revisions/:rev",
      {
        schema: {
          tags: ["revisions"],
          summary: "Satu revisi dengan isi lengkapnya",
          params: revParams,
          response: {
            200: revisionSchema.extend({ snapshot: z.record(z.string(), z.unknown()) }),
            ...problems(401, 403, 404),
          },
        },
      },
      async (request) => {
        authorize(requireActor(request), "article.read");
        const revision = await revisions.get(request.params.id, request.params.rev);
        const names = await actorNames(deps, [revision.actorUserId]);
        return { ...present(revision, names), snapshot: { ...revision.snapshot } };
      },
    );

    app.get(
      "/articles/:id/revisions/:a/diff/:b",
      {
        schema: {
          tags: ["revisions"],
          summary: "Perbedaan dua revisi: kolom dan teks isi (per paragraf, lalu per kata)",
          params: diffParams,
          response: { 200: diffSchema, ...problems(401, 403, 404) },
        },
      },
      async (request) => {
        authorize(requireActor(request), "article.read");
        const { id, a, b } = request.params;
        return revisions.diff(id, a, b);
      },
    );

    app.post(
      "/articles/:id/revisions/:rev/restore",
      {
        schema: {
          tags: ["revisions"],
          summary:
            "Pulihkan revisi lama sebagai revisi baru (riwayat tidak dihapus; tertunda bila artikel terbit)",
          params: revParams,
          body: z.object({ version: z.number().int().positive().optional() }).optional(),
          response: { 200: articleSchema, ...problems(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { id, rev } = request.params;
        const article = await deps.articles.get(id);
        authorize(actor, "article.update", await articleResource(deps, article));
        const expected = expectedVersion(request, request.body?.version);
        const copy = await revisions.restore(id, rev, actor, { expectedVersion: expected });
        reply.header("etag", versionEtag(copy.article.version));
        return presentArticle(copy, await deps.sections.directory(), deps.clock());
      },
    );
  };
}
