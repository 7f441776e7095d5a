/** The shape of a Warta JSON export (warta-export.ts writes it), checked before anything is imported. */
import { z } from "zod";
import { blockSchema } from "../../content/body.schema.ts";
import { ARTICLE_STATUSES, CREDIT_ROLES, type ArticleStatus, type CreditRole } from "../../core/article.ts";
import { INDONESIAN_TIME_ZONES } from "../../core/time-zones.ts";
import { ImportError } from "../../importers/import-error.ts";
import { WARTA_EXPORT_VERSION, type WartaExport } from "./warta-export.ts";

const iso = z.iso.datetime();
const exportSchema = z.object({
  warta: z.object({
    version: z.literal(WARTA_EXPORT_VERSION),
    exportedAt: z.string(),
    sections: z.array(
      z.object({
        id: z.number().int(),
        slug: z.string(),
        name: z.string(),
        parent: z.number().int().nullable(),
        position: z.number().int(),
        description: z.string(),
      }),
    ),
    people: z.array(
      z.object({ slug: z.string(), name: z.string(), bio: z.string(), photo: z.string().nullable() }),
    ),
    tags: z.array(z.object({ slug: z.string(), name: z.string() })),
    media: z.array(
      z.object({
        file: z.string(),
        mimeType: z.string(),
        width: z.number(),
        height: z.number(),
        alt: z.string(),
        caption: z.string(),
        credit: z.string(),
        createdAt: iso,
        sha256: z
          .string()
          .regex(/^([0-9a-f]{64})?$/)
          .optional(),
        focalX: z.number().int().min(0).max(100).optional(),
        focalY: z.number().int().min(0).max(100).optional(),
        creator: z.string().max(300).optional(),
        keywords: z.array(z.string().max(100)).max(50).optional(),
        data: z.string(),
      }),
    ),
    articles: z.array(
      z.object({
        id: z.number().int(),
        slug: z.string(),
        headline: z.string(),
        lede: z.string(),
        section: z.number().int(),
        dateline: z.object({
          place: z.string(),
          outlet: z.string().nullable(),
          timeZone: z.enum(
            INDONESIAN_TIME_ZONES as [
              (typeof INDONESIAN_TIME_ZONES)[number],
              ...(typeof INDONESIAN_TIME_ZONES)[number][],
            ],
          ),
        }),
        body: z.object({ version: z.number(), blocks: z.array(blockSchema) }),
        hero: z.object({ media: z.string(), caption: z.string(), credit: z.string() }).nullable(),
        pendingHero: z
          .object({ url: z.string().nullable(), caption: z.string(), credit: z.string() })
          .nullable(),
        sources: z.array(z.object({ name: z.string(), url: z.string().optional() })),
        tags: z.array(z.string()),
        credits: z.array(
          z.object({ role: z.enum(CREDIT_ROLES as [CreditRole, ...CreditRole[]]), person: z.string() }),
        ),
        status: z.enum(ARTICLE_STATUSES as [ArticleStatus, ...ArticleStatus[]]),
        publishedAt: iso.nullable(),
        firstPublishedAt: iso.nullable(),
        updatedAt: iso.nullable(),
        createdAt: iso,
        modifiedAt: iso,
        importKey: z.string().nullable(),
      }),
    ),
  }),
});

/** The parsed export, or an ImportError naming the first invalid field. */
export function parseExport(text: string): WartaExport["warta"] {
  const parsed = exportSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue ? issue.path.join(".") : "?";
    throw new ImportError(
      "invalid_content",
      `Ekspor Warta tidak sah di ${at} (invalid Warta export at ${at}).`,
    );
  }
  return parsed.data.warta as WartaExport["warta"];
}
