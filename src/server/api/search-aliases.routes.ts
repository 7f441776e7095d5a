import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../app/deps.ts";
import { authorize, requireActor, type UserActor } from "../plugins/auth.plugin.ts";
import { idParams, problems } from "./api-schemas.ts";

const aliasSchema = z
  .object({
    id: z.number().int(),
    term: z.string().describe("Istilah yang diketik pembaca, mis. Korut"),
    expansion: z
      .string()
      .describe("Padanannya, mis. Korea Utara; pencarian salah satunya menemukan keduanya"),
  })
  .meta({ id: "SearchAlias" });

const aliasBody = z.object({
  term: z.string().max(200),
  expansion: z.string().max(400),
});

/** Search aliases (synonyms both ways): redaktur and admin, through `searchAlias.manage`. */
function manager(request: FastifyRequest): UserActor {
  const actor = requireActor(request);
  authorize(actor, "searchAlias.manage");
  return actor;
}

/** The aliases every search expands (`Korut` = `Korea Utara`), edited by the newsroom. */
export function searchAliasesRoutes(deps: Deps): FastifyPluginAsyncZod {
  const aliases = deps.searchAliases;
  const audit = (request: FastifyRequest, action: string, id: number, detail = {}) =>
    deps.audit.record({
      actor: request.actor,
      action,
      resourceType: "searchAlias",
      resourceId: id,
      detail,
      ip: request.ip,
    });

  return async (app) => {
    app.get(
      "/search-aliases",
      {
        schema: {
          tags: ["search"],
          summary: "Daftar alias pencarian, urut istilah (redaktur, admin)",
          response: { 200: z.object({ items: z.array(aliasSchema) }), ...problems(401, 403) },
        },
      },
      async (request) => {
        manager(request);
        return { items: await aliases.list() };
      },
    );

    app.post(
      "/search-aliases",
      {
        schema: {
          tags: ["search"],
          summary: "Tambah alias pencarian (redaktur, admin); istilah yang sudah ada ditolak (409)",
          body: aliasBody,
          response: { 201: aliasSchema, ...problems(401, 403, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = manager(request);
        const created = await aliases.create(request.body, actor);
        await audit(request, "searchAlias.create", created.id, request.body);
        return reply.code(201).send(created);
      },
    );

    app.patch(
      "/search-aliases/:id",
      {
        schema: {
          tags: ["search"],
          summary: "Ubah alias pencarian (redaktur, admin); kolom yang tidak dikirim tetap",
          params: idParams,
          body: aliasBody.partial(),
          response: { 200: aliasSchema, ...problems(401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const actor = manager(request);
        const updated = await aliases.update(request.params.id, request.body, actor);
        await audit(request, "searchAlias.update", updated.id, request.body);
        return updated;
      },
    );

    app.delete(
      "/search-aliases/:id",
      {
        schema: {
          tags: ["search"],
          summary: "Hapus alias pencarian (redaktur, admin)",
          params: idParams,
          response: { 204: z.null(), ...problems(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const actor = manager(request);
        await aliases.remove(request.params.id, actor);
        await audit(request, "searchAlias.delete", request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
