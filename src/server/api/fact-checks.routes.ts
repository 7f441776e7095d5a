import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../core/errors.ts";
import { FACT_CHECK_VERDICTS, type FactCheck } from "../../core/fact-check.ts";
import type { Deps } from "../../app/deps.ts";
import { authorize, requireActor } from "../plugins/auth.plugin.ts";
import { idParams, problems } from "./api-schemas.ts";
import { articleResource } from "./articles.schemas.ts";
import { factCheckFieldsSchema } from "../../services/reader/fact-checks.service.ts";

const factCheckSchema = z
  .object({
    articleId: z.number().int(),
    claim: z.string(),
    claimant: z.string(),
    appearance: z.string(),
    appearanceUrl: z.string().nullable(),
    claimDate: z.string().nullable(),
    verdict: z.enum(FACT_CHECK_VERDICTS),
    updatedAt: z.string(),
  })
  .meta({ id: "FactCheck" });

const ofArticlesQuery = z.object({
  articleId: z
    .union([
      z.coerce.number().int().positive("Id artikel tidak valid."),
      z.array(z.coerce.number().int().positive("Id artikel tidak valid.")),
    ])
    .transform((ids) => [ids].flat())
    .refine((ids) => ids.length <= 100, "Paling banyak 100 artikel sekali tanya.")
    .describe("Id artikel (ulang parameter, paling banyak 100)."),
});

const factCheckBody = factCheckFieldsSchema.meta({ id: "FactCheckFields" });

const present = (check: FactCheck) => ({
  ...check,
  claimDate: check.claimDate?.toISOString() ?? null,
  updatedAt: check.updatedAt.toISOString(),
});

/** Cek Fakta: the claim, its maker, where it appeared and the verdict of a story. */
export function factChecksRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const { factChecks } = deps.reader;

    app.get(
      "/fact-checks",
      {
        schema: {
          tags: ["articles"],
          summary:
            "Cek fakta di antara artikel-artikel ini (artikel biasa tidak muncul; tanpa 404 untuk penyunting)",
          querystring: ofArticlesQuery,
          response: { 200: z.object({ items: z.array(factCheckSchema) }), ...problems(401, 403, 422) },
        },
      },
      async (request) => {
        authorize(requireActor(request), "article.read");
        return { items: (await factChecks.ofArticles(request.query.articleId)).map(present) };
      },
    );

    app.get(
      "/articles/:id/fact-check",
      {
        schema: {
          tags: ["articles"],
          summary: "Cek fakta sebuah artikel (klaim, pembuat klaim, putusan)",
          params: idParams,
          response: { 200: factCheckSchema, ...problems(401, 403, 404) },
        },
      },
      async (request) => {
        authorize(requireActor(request), "article.read");
        await deps.articles.get(request.params.id);
        const check = await factChecks.get(request.params.id);
        if (!check) throw notAFactCheck();
        return present(check);
      },
    );

    app.put(
      "/articles/:id/fact-check",
      {
        schema: {
          tags: ["articles"],
          summary: "Jadikan artikel cek fakta, atau ubah klaim dan putusannya",
          params: idParams,
          body: factCheckBody,
          response: { 200: factCheckSchema, ...problems(401, 403, 404, 422) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorize(
          actor,
          "factCheck.update",
          await articleResource(deps, await deps.articles.get(request.params.id)),
        );
        return present(await factChecks.set(request.params.id, request.body, actor));
      },
    );

    app.delete(
      "/articles/:id/fact-check",
      {
        schema: {
          tags: ["articles"],
          summary: "Jadikan artikel cek fakta berita biasa lagi",
          params: idParams,
          response: { 204: z.null(), ...problems(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(
          actor,
          "factCheck.update",
          await articleResource(deps, await deps.articles.get(request.params.id)),
        );
        await factChecks.remove(request.params.id, actor);
        return reply.code(204).send(null);
      },
    );
  };
}

const notAFactCheck = () => new AppError("not_found", "Artikel ini bukan cek fakta.");
