import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../app/deps.ts";
import { authorize } from "../plugins/auth.plugin.ts";
import { problems } from "./api-schemas.ts";
import { decodeCursor, pageQuery, pageSchema, toPage } from "./pagination.ts";

const entrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorKind: z.enum(["user", "system", "anonymous"]),
    actorId: z.number().int().nullable(),
    action: z.string(),
    resourceType: z.string(),
    resourceId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
  })
  .meta({ id: "AuditEntry" });

const instant = z.iso.datetime({ offset: true, error: "Gunakan waktu ISO 8601, mis. 2024-10-25T01:00:00Z." });

/** The audit log, newest first (admin only). */
export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/audit",
      {
        schema: {
          tags: ["audit"],
          summary: "Log audit (admin): siapa melakukan apa, kapan, dari mana",
          querystring: z.object({
            ...pageQuery,
            actorId: z.coerce.number().int().positive().optional(),
            action: z
              .string()
              .max(100)
              .optional()
              .describe("Tindakan persis, atau awalan berakhiran titik: `user.`"),
            resourceType: z.string().max(50).optional(),
            resourceId: z.string().max(100).optional(),
            from: instant.optional().describe("Sejak (inklusif)"),
            to: instant.optional().describe("Sampai (eksklusif)"),
          }),
          response: { 200: pageSchema(entrySchema), ...problems(401, 403, 422) },
        },
      },
      async (request) => {
        authorize(request.actor, "audit.read");
        const { limit, cursor, from, to, ...filter } = request.query;
        const after = decodeCursor(cursor);
        const rows = await deps.audit.list({
          ...filter,
          from: from ? new Date(from) : undefined,
          to: to ? new Date(to) : undefined,
          beforeId: after?.id,
          limit: limit + 1,
        });
        const page = toPage(rows, limit, (e) => e.at.toISOString());
        return {
          items: page.items.map((e) => ({ ...e, at: e.at.toISOString() })),
          nextCursor: page.nextCursor,
        };
      },
    );
  };
}
