import { z } from "zod";
import { CREDIT_ROLES } from "../core/article.ts";
import { INDONESIAN_TIME_ZONES, type IndonesianTimeZone } from "../core/time-zones.ts";
import { bodyDocumentSchema } from "../content/body.schema.ts";

const timeZoneSchema = z.enum(INDONESIAN_TIME_ZONES as [IndonesianTimeZone, ...IndonesianTimeZone[]]);

/** What a newsroom sends to create or replace an article's content. */
export const articleInputSchema = z.object({
  headline: z
    .string()
    .trim()
    .min(1, "Judul wajib diisi.")
    .max(300, "Judul terlalu panjang (maksimal 300 karakter)."),
  slug: z.string().trim().max(120).optional(),
  lede: z.string().trim().max(1000).default(""),
  sectionId: z.number({ error: "Rubrik wajib dipilih." }).int().positive(),
  dateline: z
    .object({
      place: z.string().trim().max(100).default(""),
      outlet: z.string().trim().max(100).nullable().default(null),
      timeZone: timeZoneSchema.default("Asia/Jakarta"),
    })
    .default({ place: "", outlet: null, timeZone: "Asia/Jakarta" }),
  body: bodyDocumentSchema,
  hero: z
    .object({
      mediaId: z.number().int().positive(),
      caption: z.string().max(2000).default(""),
      credit: z.string().max(300).default(""),
    })
    .nullable()
    .default(null),
  sources: z
    .array(
      z.object({
        name: z.string().trim().min(1, "Nama sumber wajib diisi.").max(200),
        url: z
          .string()
          .url("URL sumber tidak valid.")
          .refine((u) => /^https?:/i.test(u), "URL sumber harus http(s).")
          .optional(),
      }),
    )
    .max(20)
    .default([]),
  tagIds: z.array(z.number().int().positive()).max(30).default([]),
  credits: z
    .array(
      z.object({
        role: z.enum(CREDIT_ROLES as ["penulis", ...typeof CREDIT_ROLES]),
        personId: z.number().int().positive(),
      }),
    )
    .max(30)
    .default([]),
});

export type ArticleInput = z.input<typeof articleInputSchema>;
export type ParsedArticleInput = z.output<typeof articleInputSchema>;
