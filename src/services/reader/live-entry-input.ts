import { z } from "zod";
import { EMBED_PROVIDERS, type EmbedProvider } from "../../content/embed-providers.ts";
import { AppError, type FieldIssue } from "../../core/errors.ts";
import { LIVE_ENTRY_KINDS, type LiveEntryContent, type LiveEntryKind } from "../../core/live-blog.ts";

const PROVIDERS = Object.keys(EMBED_PROVIDERS) as [EmbedProvider, ...EmbedProvider[]];

const embedFieldsSchema = z
  .object({
    provider: z.enum(PROVIDERS, {
      error: `Penyedia sematan harus salah satu dari: ${PROVIDERS.join(", ")}.`,
    }),
    url: z.url({ protocol: /^https$/, error: "URL sematan harus berupa URL https." }),
    title: z.string().trim().max(300, "Judul sematan paling banyak 300 karakter.").optional(),
  })
  .refine((embed) => EMBED_PROVIDERS[embed.provider].test(embed.url), {
    message: "URL tidak cocok dengan penyedia sematan yang dipilih.",
    path: ["url"],
  });

/** The fields an entry may have (each kind uses some of them). */
const liveEntryBaseSchema = z.object({
  kind: z.enum(LIVE_ENTRY_KINDS, { error: "Jenis entri harus text, quote, image atau embed." }).optional(),
  text: z.string().trim().max(5000, "Isi entri paling banyak 5000 karakter.").optional(),
  attribution: z.string().trim().max(200, "Sumber kutipan paling banyak 200 karakter.").optional(),
  mediaId: z.number().int().positive("Id media tidak valid.").optional(),
  caption: z.string().trim().max(2000, "Keterangan foto paling banyak 2000 karakter.").optional(),
  credit: z.string().trim().max(300, "Sumber foto paling banyak 300 karakter.").optional(),
  embed: embedFieldsSchema.optional(),
  pinned: z.boolean().optional(),
  publishAt: z.iso.datetime({ offset: true, error: "Waktu tayang harus berupa waktu ISO 8601." }).optional(),
});

/**
 * A new entry as sent (the API documents and checks these): text and quote need their text, an
 * image its `mediaId` (text, caption and credit optional), an embed its `embed` (text optional).
 * `publishAt` later than now schedules the entry.
 */
export const liveEntryFieldsSchema = liveEntryBaseSchema.superRefine((fields, ctx) => {
  const kind = fields.kind ?? "text";
  if ((kind === "text" || kind === "quote") && !fields.text)
    ctx.addIssue({ code: "custom", path: ["text"], message: "Isi entri wajib diisi." });
  if (kind === "image" && fields.mediaId === undefined)
    ctx.addIssue({ code: "custom", path: ["mediaId"], message: "Entri foto butuh id media." });
  if (kind === "embed" && !fields.embed)
    ctx.addIssue({ code: "custom", path: ["embed"], message: "Entri sematan butuh provider dan url." });
});

/** An entry with the time it was posted elsewhere (the demo, an import): no `publishAt`. */
export const pastEntryFieldsSchema = liveEntryBaseSchema.omit({ publishAt: true });

export type LiveEntryFields = z.infer<typeof liveEntryBaseSchema>;

/**
 * An edit: the fields sent change, and a correction note tells readers what was corrected.
 * `publishAt` moves a scheduled entry to a later time, or posts it now when null.
 */
export const liveEntryPatchSchema = pastEntryFieldsSchema.extend({
  publishAt: z.iso
    .datetime({ offset: true, error: "Waktu tayang harus berupa waktu ISO 8601 atau null." })
    .nullable()
    .optional(),
  correction: z
    .string()
    .trim()
    .min(1, "Catatan koreksi tidak boleh kosong.")
    .max(500, "Catatan koreksi paling banyak 500 karakter.")
    .nullable()
    .optional(),
});

export const liveBlogFieldsSchema = z.object({
  coverageStart: z.iso
    .datetime({ offset: true, error: "Waktu mulai harus berupa waktu ISO 8601." })
    .optional(),
});

const invalid = (details: FieldIssue[]): AppError =>
  new AppError("validation_failed", "Data yang dikirim tidak valid.", { details });

/**
 * The content of an entry of `kind` from the fields sent (over the current content for an edit,
 * whose kind may change): what the kind needs must be there (see `liveEntryFieldsSchema`); fields
 * of another kind are dropped.
 */
export function entryContent(
  kind: LiveEntryKind,
  fields: Omit<LiveEntryFields, "kind" | "pinned" | "publishAt">,
  current?: LiveEntryContent,
): LiveEntryContent {
  const text = fields.text ?? current?.text ?? "";
  switch (kind) {
    case "text":
    case "quote": {
      if (!text) throw invalid([{ field: "text", message: "Isi entri wajib diisi." }]);
      const attribution = fields.attribution ?? current?.attribution;
      return kind === "quote" && attribution ? { text, attribution } : { text };
    }
    case "image": {
      const mediaId = fields.mediaId ?? current?.image?.mediaId;
      if (!mediaId) throw invalid([{ field: "mediaId", message: "Entri foto butuh id media." }]);
      const caption = fields.caption ?? current?.image?.caption;
      const credit = fields.credit ?? current?.image?.credit;
      return {
        text,
        image: { mediaId, ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) },
      };
    }
    case "embed": {
      const embed = fields.embed ?? current?.embed;
      if (!embed) throw invalid([{ field: "embed", message: "Entri sematan butuh provider dan url." }]);
      return {
        text,
        embed: { provider: embed.provider, url: embed.url, ...(embed.title ? { title: embed.title } : {}) },
      };
    }
  }
}
