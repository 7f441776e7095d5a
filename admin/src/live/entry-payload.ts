import { wallClockToIso } from "../lib/time.ts";
import type { Zone } from "../lib/types.ts";
import type { EntryDraft } from "./live-types.ts";

/** Why the form cannot be sent yet, per field (keys of the message table). */
export type DraftProblem =
  "entryTextRequired" | "entryPhotoRequired" | "entryEmbedRequired" | "entryScheduleInvalid";

export type PayloadResult =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; fields: Partial<Record<"text" | "mediaId" | "embed" | "publishAt", DraftProblem>> };

/**
 * The entry as `POST /articles/:id/live-blog/entries` takes it: only the fields of its kind, the
 * schedule read in the desk's zone. Checks what the server would refuse, so most mistakes are
 * shown before a round trip (the server's own field errors are shown the same way).
 */
export function entryPayload(draft: EntryDraft, zone: Zone): PayloadResult {
  const fields: Extract<PayloadResult, { ok: false }>["fields"] = {};
  const text = draft.text.trim();
  const body: Record<string, unknown> = { kind: draft.kind };
  if (text) body.text = text;
  if (draft.pinned) body.pinned = true;
  if ((draft.kind === "text" || draft.kind === "quote") && !text) fields.text = "entryTextRequired";
  if (draft.kind === "quote" && draft.attribution.trim()) body.attribution = draft.attribution.trim();
  if (draft.kind === "image") {
    if (!draft.photo) fields.mediaId = "entryPhotoRequired";
    else body.mediaId = draft.photo.mediaId;
    if (draft.caption.trim()) body.caption = draft.caption.trim();
    if (draft.credit.trim()) body.credit = draft.credit.trim();
  }
  if (draft.kind === "embed") {
    if (!draft.embed) fields.embed = "entryEmbedRequired";
    else
      body.embed = {
        provider: draft.embed.provider,
        url: draft.embed.url,
        ...(draft.embed.title ? { title: draft.embed.title } : {}),
      };
  }
  if (draft.publishAt) {
    const at = wallClockToIso(draft.publishAt, zone);
    if (!at) fields.publishAt = "entryScheduleInvalid";
    else body.publishAt = at;
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, body };
}
