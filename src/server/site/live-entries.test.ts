import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import type { Article } from "../../core/article.ts";
import { SYSTEM_ACTOR } from "../../core/actor.ts";
import { derivativePath, type Media } from "../../core/media.ts";
import { createDeps } from "../../app/deps.ts";
import { jsonLdBlocks } from "../../distribution/fixtures/validators.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";
import { buildArticle, buildSection } from "../../testing/factories.ts";
import { solidJpeg } from "../../testing/image-fixtures.ts";
import { openStream } from "./sse-client.test-support.ts";

const NOW = new Date("2026-11-26T05:00:00Z");
const LATER = new Date("2026-11-26T06:00:00Z");
const VIDEO = "https://www.youtube.com/watch?v=abcdefghijk";

/** The `liveBlogUpdate` of the page's LiveBlogPosting. */
function updatesOf(body: string): Record<string, unknown>[] {
  const live = jsonLdBlocks(body).find((b) => b["@type"] === "LiveBlogPosting");
  return (live?.liveBlogUpdate ?? []) as Record<string, unknown>[];
}

describe("Live blog entries of every kind, and scheduled entries", () => {
  let ctx: ApiTestContext;
  let editor: Session;
  let story: Article;
  let photo: Media;
  let secretPhoto: Media;
  let url: string;
  let origin: string;
  const get = (path: string) => ctx.app.inject({ method: "GET", url: path });
  const post = (payload: Record<string, unknown>): Promise<LightMyRequestResponse> =>
    ctx.app.inject({
      method: "POST",
      url: `/api/v1/articles/${story.id}/live-blog/entries`,
      headers: editor.write,
      payload,
    });
  /** The `<img src>` of the picture inside an entry's markup. */
  const imageSrc = (markup: string, anchor: string): string => {
    const entry = markup.slice(markup.indexOf(`id="${anchor}"`));
    const src = /<img src="([^"]+)"/.exec(entry)?.[1];
    assert.ok(src, `an <img> in ${anchor}`);
    return src;
  };

  before(async () => {
    ctx = await createApiContext({ now: NOW });
    const section = await buildSection(ctx.deps, { name: "Nasional", slug: "nasional" });
    editor = await ctx.login((await ctx.user("editor")).email);
    story = await buildArticle(ctx.deps, {
      headline: "Langsung: Banjir Rob di Pesisir Utara",
      lede: "Pantauan banjir rob dari Jakarta hingga Semarang.",
      sectionId: section.id,
      publishedAt: new Date("2026-11-26T00:00:00Z"),
    });
    photo = await ctx.deps.media.storeImage(
      { bytes: await solidJpeg(1200, 800, "#1e6091"), alt: "Air setinggi lutut di Muara Baru" },
      SYSTEM_ACTOR,
    );
    secretPhoto = await ctx.deps.media.storeImage(
      { bytes: await solidJpeg(1200, 800, "#8a2be2"), alt: "Tanggul jebol di Tambak Lorok" },
      SYSTEM_ACTOR,
    );
    await ctx.deps.reader.liveBlogs.start(story.id, {}, SYSTEM_ACTOR);
    url = (await ctx.deps.reading.articlePage(story.id))?.url ?? "";
    origin = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
  });

  after(() => ctx.close());

  it("refuses an image entry without a known photo and an embed of another site, in Indonesian", async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: "image", caption: "Tanpa foto" }, "body.mediaId", "Entri foto butuh id media."],
      [{ kind: "image", mediaId: 987654 }, "mediaId", "Media tidak ditemukan."],
      [{ kind: "embed", text: "Video" }, "body.embed", "Entri sematan butuh provider dan url."],
      [
        { kind: "embed", embed: { provider: "youtube", url: "https://vimeo.com/1234" } },
        "body.embed.url",
        "URL tidak cocok dengan penyedia sematan yang dipilih.",
      ],
    ];
    for (const [payload, field, message] of cases) {
      const response = await post(payload);
      assert.equal(response.statusCode, 422, JSON.stringify(payload));
      assert.deepEqual(
        (response.json().errors as { field: string; message: string }[]).find((e) => e.field === field),
        { field, message },
      );
    }
  });

  it("posts a photo from the media library and an embed: a <picture> like article images, over SSE too, in JSON-LD", async () => {
    const stream = await openStream(origin, `/_langsung/${story.id}`);
    const second = await openStream(origin, `/_langsung/${story.id}`); // two readers of one blog
    try {
      const image = await post({
        kind: "image",
        mediaId: photo.id,
        text: "Air masuk ke permukiman nelayan.",
        caption: "Warga Muara Baru menerobos genangan",
        credit: "Warta/Rina",
      });
      assert.equal(image.statusCode, 201, image.body);
      assert.equal(image.json().mediaId, photo.id);
      assert.equal(image.json().caption, "Warga Muara Baru menerobos genangan");
      const anchor = `entri-${image.json().id}`;
      const sent = await stream.next("entry", 1000);
      assert.deepEqual(await second.next("entry", 1000), sent, "the same event on every stream");
      assert.equal(sent.anchor, anchor);
      assert.match(
        String(sent.html),
        /<figure class="inline-image"><picture><source type="image\/avif" srcset="[^"]+" sizes="[^"]+"><source type="image\/webp"[^>]*><img [^>]*alt="Air setinggi lutut di Muara Baru" loading="lazy"[^>]*><\/picture><figcaption>Warga Muara Baru menerobos genangan <span class="credit">\(Sumber: Warta\/Rina\)<\/span><\/figcaption><\/figure>/,
      );

      const embed = await post({
        kind: "embed",
        text: "Rekaman warga saat air naik.",
        embed: { provider: "youtube", url: VIDEO, title: "Air naik di Muara Baru" },
      });
      assert.equal(embed.statusCode, 201, embed.body);
      const embedded = await stream.next("entry", 1000);
      assert.match(
        String(embedded.html),
        /<figure class="embed embed-youtube"><iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/abcdefghijk" title="Air naik di Muara Baru"/,
      );

      const page = await get(url);
      assert.match(page.body, new RegExp(`id="${anchor}"[\\s\\S]*?<picture>[\\s\\S]*?Warga Muara Baru`));
      assert.match(page.body, /Rekaman warga saat air naik\.[\s\S]*?youtube-nocookie/);
      const src = imageSrc(page.body, anchor);
      assert.equal((await get(src)).statusCode, 200, "the photo is public with its entry");

      const updates = updatesOf(page.body);
      const withImage = updates.find((u) => String(u.url).endsWith(`#${anchor}`));
      const image$ = withImage?.image as Record<string, unknown> | undefined;
      assert.equal(image$?.["@type"], "ImageObject");
      assert.match(String(image$?.url), /^https:\/\/warta\.test\//);
      assert.equal(image$?.caption, "Warga Muara Baru menerobos genangan");
      const withEmbed = updates.find((u) => String(u.url).endsWith(`#entri-${embed.json().id}`));
      assert.deepEqual(withEmbed?.sharedContent, { "@type": "WebPage", url: VIDEO });

      const usage = await ctx.deps.media.usage(photo.id);
      assert.deepEqual(
        usage.articles.map((a) => a.id),
        [story.id],
        "the library lists the story among the photo's uses",
      );
    } finally {
      stream.close();
      second.close();
    }
  });

  it("keeps a scheduled entry nowhere before its time: page, stream, JSON-LD, feeds, sitemaps, its photo", async () => {
    const stream = await openStream(origin, `/_langsung/${story.id}`);
    try {
      assert.equal((await get(url)).statusCode, 200);
      const scheduled = await post({
        kind: "image",
        mediaId: secretPhoto.id,
        text: "Tanggul Tambak Lorok jebol pukul 13.00.",
        caption: "Tanggul jebol",
        pinned: true,
        publishAt: LATER.toISOString(),
      });
      assert.equal(scheduled.statusCode, 201, scheduled.body);
      assert.equal(scheduled.json().scheduled, true);
      assert.equal(scheduled.json().publishedAt, LATER.toISOString());
      const staff = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/articles/${story.id}/live-blog`,
        headers: { cookie: editor.cookie },
      });
      assert.ok(
        (staff.json().entries as { id: number; scheduled: boolean }[]).some(
          (e) => e.id === scheduled.json().id && e.scheduled,
        ),
        "the newsroom sees it, scheduled",
      );

      await assert.rejects(stream.next("entry", 400), /no "entry" event/, "open pages are not told");
      const page = await get(url);
      assert.doesNotMatch(page.body, /Tambak Lorok|Tanggul jebol/);
      assert.doesNotMatch(JSON.stringify(updatesOf(page.body)), /Tambak Lorok/);
      const sitemaps = [
        "/sitemap.xml",
        ...[...(await get("/sitemap.xml")).body.matchAll(/<loc>https:\/\/warta\.test([^<]+)<\/loc>/g)].map(
          (m) => m[1] as string,
        ),
      ];
      for (const path of ["/", "/feed/rss.xml", "/feed/feed.json?lengkap=1", "/indeks", ...sitemaps])
        assert.doesNotMatch((await get(path)).body, /Tambak Lorok|Tanggul jebol/, path);
      assert.equal(
        (await get(derivativePath(secretPhoto, { crop: "w", width: 640, format: "webp" }))).statusCode,
        404,
        "its photo is not public yet",
      );
      assert.deepEqual(
        await ctx.deps.reader.liveBlogs.releaseDue(),
        { released: [], nextAt: LATER },
        "nothing is due yet; the next release is at its time",
      );

      await ctx.deps.startEventDelivery(); // the other node's release reaches this node's stream
      ctx.setNow(new Date(LATER.getTime() + 1_000));
      const before = await get(url);
      const other = await createDeps(ctx.deps.config, {
        clock: () => new Date(LATER.getTime() + 1_000),
        backgroundWork: false,
      });
      try {
        // Both nodes at once (this node's own timer may have been first: then neither releases).
        const runs = await Promise.all([
          ctx.deps.reader.liveBlogs.releaseDue(),
          other.reader.liveBlogs.releaseDue(),
        ]);
        const released = runs.flatMap((run) => run.released.map((e) => e.id));
        assert.ok(released.length <= 1, "released once, by one node");
        assert.deepEqual(
          runs.map((run) => run.nextAt),
          [null, null],
        );
      } finally {
        await other.close();
      }
      const told = await stream.next("entry", 1000);
      assert.equal(told.anchor, `entri-${scheduled.json().id}`);
      assert.equal(told.pinned, true);
      const after = await get(url);
      assert.equal(after.headers["x-cache"], "MISS", "its release purges the cached page");
      assert.notEqual(after.body, before.body);
      assert.match(after.body, /<h2 id="ringkasan">Ringkasan<\/h2>[\s\S]*Tanggul Tambak Lorok jebol/);
      assert.match(JSON.stringify(updatesOf(after.body)), /Tanggul Tambak Lorok jebol/);
      assert.equal((await get(imageSrc(after.body, `entri-${scheduled.json().id}`))).statusCode, 200);
    } finally {
      stream.close();
      ctx.setNow(NOW);
    }
  });

  it("ends the open streams of a story that is withdrawn; a reconnect finds nothing", async () => {
    const stream = await openStream(origin, `/_langsung/${story.id}`);
    await ctx.deps.articles.transition(story.id, "unpublish", SYSTEM_ACTOR);
    await stream.ended;
    assert.equal((await get(`/_langsung/${story.id}`)).statusCode, 404);
  });
});
