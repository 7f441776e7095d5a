import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import type { Article } from "../../core/article.ts";
import { SYSTEM_ACTOR } from "../../core/actor.ts";
import { createDeps, type Deps } from "../../app/deps.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";
import { buildArticle, buildSection } from "../../testing/factories.ts";
import { openStream } from "./sse-client.test-support.ts";

const NOW = new Date("2026-11-26T05:00:00Z");
const LATER = new Date("2026-11-26T06:00:00Z");
const LATER_STILL = new Date("2026-11-26T08:00:00Z");
/** The clock of the other nodes: past LATER, before LATER_STILL. */
const AFTER_LATER = new Date("2026-11-26T06:00:01Z");

describe("Moving a scheduled live entry (PATCH publishAt): later, or now; released or moved once", () => {
  let ctx: ApiTestContext;
  let editor: Session;
  let writer: Session;
  let story: Article;
  let url: string;
  let summaryId: number;
  let origin: string;
  /** Two more nodes on the same store, their clocks past LATER, no background work. */
  let nodes: Deps[] = [];
  const get = (path: string) => ctx.app.inject({ method: "GET", url: path });
  const send = (
    session: Session,
    method: "POST" | "PATCH",
    path: string,
    payload: Record<string, unknown>,
  ): Promise<LightMyRequestResponse> =>
    ctx.app.inject({ method, url: `/api/v1${path}`, headers: session.write, payload });
  const schedule = async (text: string, at: Date, extra: Record<string, unknown> = {}): Promise<number> => {
    const posted = await send(editor, "POST", `/articles/${story.id}/live-blog/entries`, {
      text,
      publishAt: at.toISOString(),
      ...extra,
    });
    assert.equal(posted.statusCode, 201, posted.body);
    assert.equal(posted.json().scheduled, true);
    return posted.json().id as number;
  };
  const move = (entryId: number, payload: Record<string, unknown>, session = editor) =>
    send(session, "PATCH", `/articles/${story.id}/live-blog/entries/${entryId}`, payload);
  const errorsOf = (response: LightMyRequestResponse) =>
    response.json().errors as { field: string; message: string }[];

  before(async () => {
    ctx = await createApiContext({ now: NOW });
    const section = await buildSection(ctx.deps, { name: "Nasional", slug: "nasional" });
    editor = await ctx.login((await ctx.user("editor")).email);
    writer = await ctx.login((await ctx.user("penulis")).email);
    story = await buildArticle(ctx.deps, {
      headline: "Langsung: Debat Calon Gubernur",
      sectionId: section.id,
      publishedAt: new Date("2026-11-26T00:00:00Z"),
    });
    await ctx.deps.reader.liveBlogs.start(story.id, {}, SYSTEM_ACTOR);
    summaryId = (
      await ctx.deps.reader.liveBlogs.post(story.id, { text: "Ringkasan awal.", pinned: true }, SYSTEM_ACTOR)
    ).id;
    url = (await ctx.deps.reading.articlePage(story.id))?.url ?? "";
    origin = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    await ctx.deps.startEventDelivery(); // other nodes' changes reach this node's streams
    for (let i = 0; i < 2; i++)
      nodes.push(
        await createDeps(ctx.deps.config, { clock: () => new Date(AFTER_LATER), backgroundWork: false }),
      );
  });

  after(async () => {
    for (const node of nodes) await node.close();
    nodes = [];
    await ctx.close();
  });

  it("moves a scheduled entry to a later time; it stays nowhere, the release follows the new time", async () => {
    const id = await schedule("Debat dimulai pukul 19.00.", LATER);
    const moved = await move(id, {
      publishAt: LATER_STILL.toISOString(),
      text: "Debat dimulai pukul 21.00.",
    });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().publishedAt, LATER_STILL.toISOString());
    assert.equal(moved.json().scheduled, true);
    assert.doesNotMatch((await get(url)).body, /Debat dimulai/);
    // Past the old time, before the new one: nothing to release, the next release is the new time.
    assert.deepEqual(await nodes[0]!.reader.liveBlogs.releaseDue(), { released: [], nextAt: LATER_STILL });
    const doc = (await get("/api/v1/openapi.json")).json() as {
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    assert.ok(doc.components.schemas.LiveEntryPatch?.properties.publishAt, "in the OpenAPI document");
    const patch = (doc as unknown as { paths: Record<string, { patch?: { responses: object } }> }).paths[
      "/api/v1/articles/{id}/live-blog/entries/{entryId}"
    ]?.patch;
    assert.ok(patch && "409" in patch.responses && "422" in patch.responses);
  });

  it("answers problem+json in Indonesian: a time not after now 422, an entry readers see 409, a writer 403", async () => {
    const id = await schedule("Jeda iklan.", LATER_STILL);
    for (const at of [new Date(NOW.getTime() - 60_000), NOW]) {
      const past = await move(id, { publishAt: at.toISOString() });
      assert.equal(past.statusCode, 422, at.toISOString());
      assert.match(String(past.headers["content-type"]), /^application\/problem\+json/);
      assert.deepEqual(errorsOf(past), [
        {
          field: "publishAt",
          message: "Waktu tayang harus setelah sekarang; kirim null untuk menayangkan entri sekarang.",
        },
      ]);
    }
    const garbled = await move(id, { publishAt: "besok pagi" });
    assert.equal(garbled.statusCode, 422);
    assert.equal(errorsOf(garbled)[0]?.field, "body.publishAt");
    assert.equal((await move(id, { publishAt: null }, writer)).statusCode, 403);

    const shown = await ctx.deps.reader.liveBlogs.post(story.id, { text: "Sudah tayang." }, SYSTEM_ACTOR);
    const refused = await move(shown.id, { publishAt: LATER.toISOString() });
    assert.equal(refused.statusCode, 409);
    assert.deepEqual(errorsOf(refused), [
      { field: "publishAt", message: "Hanya entri terjadwal yang bisa dipindah waktunya." },
    ]);
    assert.match((await get(url)).body, /Sudah tayang\./, "it keeps its place");
  });

  it("posts a scheduled entry now (publishAt: null): on the page, to open streams, the new Ringkasan", async () => {
    const id = await schedule("Ringkasan: debat berlangsung tertib.", LATER_STILL, { pinned: true });
    await get(url);
    assert.equal((await get(url)).headers["x-cache"], "HIT");
    const stream = await openStream(origin, `/_langsung/${story.id}`);
    try {
      const now = await move(id, { publishAt: null });
      assert.equal(now.statusCode, 200, now.body);
      assert.equal(now.json().scheduled, false);
      assert.equal(now.json().publishedAt, NOW.toISOString());
      // Open pages are told of the new Ringkasan and of the old one, unpinned.
      const told = new Map<unknown, unknown>();
      for (let i = 0; i < 2; i++) {
        const data = await stream.next("entry", 1000);
        told.set(data.anchor, data.pinned);
      }
      assert.deepEqual(
        told,
        new Map([
          [`entri-${summaryId}`, false],
          [`entri-${id}`, true],
        ]),
      );
      const page = await get(url);
      assert.equal(page.headers["x-cache"], "MISS", "the cached page was purged");
      assert.match(page.body, /<h2 id="ringkasan">Ringkasan<\/h2>[\s\S]*debat berlangsung tertib/);
      const blog = (
        await ctx.app.inject({
          method: "GET",
          url: `/api/v1/articles/${story.id}/live-blog`,
          headers: { cookie: editor.cookie },
        })
      ).json() as { entries: { id: number; pinned: boolean }[] };
      assert.deepEqual(
        blog.entries.filter((e) => e.pinned).map((e) => e.id),
        [id],
        "one Ringkasan",
      );
      // Posted now, it is no longer scheduled: nothing left to release, nor to move.
      assert.equal((await move(id, { publishAt: LATER_STILL.toISOString() })).statusCode, 409);
    } finally {
      stream.close();
    }
  });

  it("releases a due entry exactly once when two nodes look at the same time", async () => {
    const id = await schedule("Sesi tanya jawab dimulai.", LATER);
    const runs = await Promise.all(nodes.map((node) => node.reader.liveBlogs.releaseDue()));
    assert.deepEqual(
      runs.flatMap((run) => run.released.map((e) => e.id)),
      [id],
    );
  });

  it("either releases or moves an entry due while it is moved, never both", async () => {
    for (let i = 0; i < 3; i++) {
      const id = await schedule(`Giliran penanya ${i + 1}.`, LATER);
      const [moved, run] = await Promise.all([
        move(id, { publishAt: LATER_STILL.toISOString() }),
        nodes[0]!.reader.liveBlogs.releaseDue(),
      ]);
      const released = run.released.map((e) => e.id);
      const after = await nodes[1]!.reader.liveBlogs.releaseDue();
      if (moved.statusCode === 200) {
        assert.deepEqual(released, [], "moved first: not released");
        assert.deepEqual(after, { released: [], nextAt: LATER_STILL }, "it waits for its new time");
      } else {
        assert.equal(moved.statusCode, 409, moved.body);
        assert.deepEqual(released, [id], "released first: the move is refused");
        assert.deepEqual(after.released, []);
      }
    }
  });
});
