import fastifyCookie from "@fastify/cookie";
import fastifySwagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
} from "fastify-type-provider-zod";
import type { Deps } from "../../app/deps.ts";
import { registerAuth, SESSION_COOKIE } from "../plugins/auth.plugin.ts";
import { articlesRoutes } from "./articles.routes.ts";
import { previewRoutes, type StoryPreviewer } from "./preview.routes.ts";
import { auditRoutes } from "./audit.routes.ts";
import { authRoutes } from "./auth.routes.ts";
import { contentApiRoutes } from "./content-api.routes.ts";
import { renderDocsPage } from "./docs-page.ts";
import { factChecksRoutes } from "./fact-checks.routes.ts";
import { topicsRoutes } from "./topics.routes.ts";
import { liveBlogsRoutes } from "./live-blogs.routes.ts";
import { apiValidatorCompiler, problemErrorHandler, problemNotFoundHandler } from "./problem.ts";
import { taxonomyRoutes } from "./taxonomy.routes.ts";
import { tokensRoutes } from "./tokens.routes.ts";
import { usersRoutes } from "./users.routes.ts";
import { searchApiRoutes } from "./search.routes.ts";
import { searchAliasesRoutes } from "./search-aliases.routes.ts";
import { newsroomSearchRoutes } from "./newsroom-search.routes.ts";
import { webhooksRoutes } from "./webhooks.routes.ts";

export const API_PREFIX = "/api/v1";

/**
 * The JSON API under /api/v1 (register with `{ prefix: API_PREFIX }`): its own error and
 * not-found handlers (problem+json, never the site's HTML), zod validation and serialization,
 * actor resolution + CSRF (plugins/auth.plugin.ts), OpenAPI 3.1 at /openapi.json and a docs page
 * at /docs. Schema ids (`.meta({ id })`) must not end in `Input`: the OpenAPI transform names
 * input variants `<id>Input` and fails on a collision (problem.test.ts checks the document). Route files export `xRoutes(deps)` returning a `FastifyPluginAsyncZod`; add one line
 * below to mount a new one.
 */
export function apiPlugin(deps: Deps, previewer: StoryPreviewer) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.setValidatorCompiler(apiValidatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.setErrorHandler(problemErrorHandler);
    app.setNotFoundHandler(problemNotFoundHandler);
    // API responses are per-user and never cached by shared caches.
    app.addHook("onSend", async (_request, reply, payload) => {
      if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
      return payload;
    });

    await app.register(fastifyCookie);
    await app.register(fastifySwagger, {
      openapi: {
        openapi: "3.1.0",
        info: {
          title: `${deps.config.siteName} API`,
          version: "1",
          description:
            "API ruang redaksi Warta. Kesalahan berupa application/problem+json; koleksi memakai paginasi kursor " +
            "({ items, nextCursor }); tulis dengan cookie sesi memerlukan header X-CSRF-Token.",
        },
        servers: [{ url: deps.config.siteUrl }],
        components: {
          securitySchemes: {
            session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
            bearer: { type: "http", scheme: "bearer", description: "Token API `wt_…`" },
          },
        },
        security: [{ session: [] }, { bearer: [] }],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    registerAuth(app, deps, { prefix: API_PREFIX });

    // The site has a catch-all route; this keeps unknown /api paths in the API's problem+json 404.
    app.all("/*", { schema: { hide: true } }, problemNotFoundHandler);

    app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
    let docs: string | null = null;
    app.get("/docs", { schema: { hide: true } }, async (_request, reply) => {
      docs ??= renderDocsPage(
        app.swagger() as Parameters<typeof renderDocsPage>[0],
        `${API_PREFIX}/openapi.json`,
      );
      return reply.header("content-type", "text/html; charset=utf-8").send(docs);
    });

    await app.register(authRoutes(deps));
    await app.register(usersRoutes(deps));
    await app.register(tokensRoutes(deps));
    await app.register(auditRoutes(deps));
    await app.register(taxonomyRoutes(deps));
    await app.register(articlesRoutes(deps));
    await app.register(previewRoutes(deps, previewer));
    await app.register(contentApiRoutes(deps));
    await app.register(webhooksRoutes(deps));
    await app.register(searchApiRoutes(deps));
    await app.register(searchAliasesRoutes(deps));
    await app.register(newsroomSearchRoutes(deps));
    await app.register(factChecksRoutes(deps));
    await app.register(topicsRoutes(deps));
    await app.register(liveBlogsRoutes(deps));
  };
}
