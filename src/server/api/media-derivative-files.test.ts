import assert from "node:assert/strict";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { derivativePath, mediaVersion, type Media } from "../../core/media.ts";
import { prewarmSpecs } from "../../media/derivative-prewarm.ts";
import { derivativeKey } from "../../media/derivatives.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";
import { multipartBody, noisyJpeg, solidJpeg } from "../../testing/image-fixtures.ts";

describe("derivative files: made in the background after an upload, removed with their image", () => {
  let ctx: ApiTestContext;
  let writer: Session;
  let editor: Session;
  let mediaDir: string;

  before(async () => {
    ctx = await createApiContext({ prewarmMedia: true });
    writer = await ctx.login((await ctx.user("penulis")).email);
    editor = await ctx.login((await ctx.user("editor")).email);
    mediaDir = ctx.deps.config.mediaDir;
  });
  after(async () => ctx.close());

  const send = (method: "POST" | "PUT", url: string, bytes: Buffer, session: Session) => {
    const { body, contentType } = multipartBody({}, { fileName: "foto.jpg", type: "image/jpeg", bytes });
    return ctx.app.inject({
      method,
      url: `/api/v1${url}`,
      payload: body,
      headers: { ...session.write, "content-type": contentType },
    });
  };
  const exists = async (key: string) =>
    (await stat(join(mediaDir, key)).catch(() => null))?.isFile() ?? false;
  /** The version folders kept for a content hash (any focal point). */
  const versionsOf = async (media: Media) => {
    const hash = mediaVersion(media).split("-")[0] as string;
    const names = await readdir(join(mediaDir, "derivatives", hash.slice(0, 2))).catch(() => []);
    return names.filter((name) => name.startsWith(`${hash}-`));
  };

  it("an upload answers at once; the social card and hero ladder (AVIF, WebP, JPEG) are then made, each once, sharing encodes with readers' requests", async () => {
    await ctx.deps.mediaPrewarm.settled();
    const madeBefore = ctx.deps.derivatives.made;
    const response = await send("POST", "/media", await noisyJpeg(1600, 900), writer);
    assert.equal(response.statusCode, 201, response.body);
    const media = response.json() as Media;
    const specs = prewarmSpecs(media);
    assert.equal(specs.length, 1 + 5 * 3, "social card + five widths in three formats");
    assert.ok(ctx.deps.mediaPrewarm.pending > 0, "the upload did not wait for its derivatives");
    const missingAtResponse = (await Promise.all(specs.map((s) => exists(derivativeKey(media, s))))).filter(
      (made) => !made,
    );
    assert.ok(missingAtResponse.length > 0);

    // Readers (staff here: the photo is in no live story) ask for some while the queue works.
    const asked = specs.filter((s) => s.format === "jpg");
    const responses = await Promise.all(
      asked.map((spec) =>
        ctx.app.inject({
          method: "GET",
          url: derivativePath(media, spec),
          headers: { cookie: writer.cookie },
        }),
      ),
    );
    for (const r of responses) assert.equal(r.statusCode, 200);

    await ctx.deps.mediaPrewarm.settled();
    for (const spec of specs) assert.ok(await exists(derivativeKey(media, spec)), JSON.stringify(spec));
    assert.equal(ctx.deps.derivatives.made - madeBefore, specs.length, "no derivative was encoded twice");
    assert.equal(ctx.deps.mediaPrewarm.pending, 0);
  });

  it("a moved focal point, a replaced file and a deletion remove the files nothing serves any more", async () => {
    const created = await send("POST", "/media", await solidJpeg(640, 360, "#335577"), writer);
    assert.equal(created.statusCode, 201, created.body);
    const first = created.json() as Media;
    await ctx.deps.mediaPrewarm.settled();
    assert.deepEqual(await versionsOf(first), [mediaVersion(first)]);

    // A new focal point: new URLs; the old version's files go, the new ones are made.
    const moved = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/media/${first.id}`,
      payload: { focalX: 20, focalY: 40 },
      headers: writer.write,
    });
    assert.equal(moved.statusCode, 200, moved.body);
    const focused = moved.json() as Media;
    await ctx.deps.mediaPrewarm.settled();
    assert.deepEqual(await versionsOf(first), [mediaVersion(focused)]);

    // A new file: the old original and every derivative of the old content go.
    const replaced = await send(
      "PUT",
      `/media/${first.id}/file`,
      await solidJpeg(800, 450, "#aa3300"),
      editor,
    );
    assert.equal(replaced.statusCode, 200, replaced.body);
    const second = replaced.json() as Media;
    assert.notEqual(second.file, first.file);
    assert.equal(await exists(first.file), false, "old original removed");
    assert.deepEqual(await versionsOf(first), [], "old derivatives removed");
    await ctx.deps.mediaPrewarm.settled();
    assert.ok(await exists(second.file));
    assert.deepEqual(await versionsOf(second), [mediaVersion(second)]);

    // Deleted (unused): the original and its derivatives go.
    const deleted = await ctx.app.inject({
      method: "DELETE",
      url: `/api/v1/media/${first.id}`,
      headers: editor.write,
    });
    assert.equal(deleted.statusCode, 204, deleted.body);
    await ctx.deps.mediaPrewarm.settled();
    assert.equal(await exists(second.file), false);
    assert.deepEqual(await versionsOf(second), []);
  });
});
