import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { entryPayload } from "./entry-payload.ts";
import { EMPTY_DRAFT } from "./live-types.ts";

describe("a live entry as the console sends it", () => {
  it("sends only the fields of its kind, trimmed, with the schedule read in the desk's zone", () => {
    assert.deepEqual(
      entryPayload(
        { ...EMPTY_DRAFT, text: "  Hujan reda. ", attribution: "ignored", caption: "x", pinned: true },
        "Asia/Jakarta",
      ),
      { ok: true, body: { kind: "text", text: "Hujan reda.", pinned: true } },
    );
    assert.deepEqual(
      entryPayload(
        {
          ...EMPTY_DRAFT,
          kind: "quote",
          text: "Kami siaga.",
          attribution: " Kapolda ",
          publishAt: "2026-12-04T10:00",
        },
        "Asia/Makassar",
      ),
      {
        ok: true,
        body: {
          kind: "quote",
          text: "Kami siaga.",
          attribution: "Kapolda",
          publishAt: "2026-12-04T02:00:00.000Z",
        },
      },
    );
    assert.deepEqual(
      entryPayload(
        {
          ...EMPTY_DRAFT,
          kind: "image",
          photo: { mediaId: 7, alt: "a", src: "/m" },
          caption: "Posko",
          credit: "",
        },
        "Asia/Jakarta",
      ),
      { ok: true, body: { kind: "image", mediaId: 7, caption: "Posko" } },
    );
    assert.deepEqual(
      entryPayload(
        {
          ...EMPTY_DRAFT,
          kind: "embed",
          embed: { provider: "youtube", url: "https://youtu.be/x", title: null },
        },
        "Asia/Jakarta",
      ),
      { ok: true, body: { kind: "embed", embed: { provider: "youtube", url: "https://youtu.be/x" } } },
    );
  });

  it("names each missing or wrong field before sending", () => {
    assert.deepEqual(entryPayload({ ...EMPTY_DRAFT, text: "  " }, "Asia/Jakarta"), {
      ok: false,
      fields: { text: "entryTextRequired" },
    });
    assert.deepEqual(entryPayload({ ...EMPTY_DRAFT, kind: "image", publishAt: "besok" }, "Asia/Jakarta"), {
      ok: false,
      fields: { mediaId: "entryPhotoRequired", publishAt: "entryScheduleInvalid" },
    });
    assert.deepEqual(entryPayload({ ...EMPTY_DRAFT, kind: "embed" }, "Asia/Jakarta"), {
      ok: false,
      fields: { embed: "entryEmbedRequired" },
    });
  });
});
