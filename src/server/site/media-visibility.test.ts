import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../../core/actor.ts";
import type { Article } from "../../core/article.ts";
import { derivativePath, ladderOf, type Media } from "../../core/media.ts";
import { AppError } from "../../core/errors.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";
import { bodyOf, buildArticle, buildSection } from "../../testing/factories.ts";
import { solidJpeg, twoToneJpeg } from "../../testing/image-fixtures.ts";

const HOUR = 3_600_000;

/**
 * Nothing public before its story: the photo of an embargoed story is a 404 to readers (staff see
 * it) until the story goes live, and again after an unpublish; purges tell caches each time.
 */
describe("who may see an image", () => {
  let ctx: ApiTestContext;
  let staff: Session;
  let hero: Media;
  let inline: Media;
  let story: Article;
  let storyUrl: string;
  const t0 = new Date("2026-11-20T03:00:00.000Z");
  const purged: string[] = [];

  before(async () => {
    ctx = await createApiContext({ now: t0 });
    staff = await ctx.login((await ctx.user("editor")).email);
    ctx.deps.purges.add((keys) => void purged.push(...keys));
    hero = await ctx.deps.media.storeImage(
      {
        bytes: await twoToneJpeg(1400, 1000, "#1e6091", "#d9ed92"),
        alt: "Kapal feri bersandar di Merak",
        caption: "Pelabuhan Merak",
      },
      SYSTEM_ACTOR,
    );
    inline = await ctx.deps.media.storeImage(
      { bytes: await solidJpeg(700, 400, "#8a2be2"), alt: "Grafik penumpang mudik" },
      SYSTEM_ACTOR,
    );
    const section = await buildSection(ctx.deps, { name: "Nasional", slug: "nasional" });
    story = await buildArticle(ctx.deps, {
      sectionId: section.id,
      headline: "Arus mudik di Merak memuncak",
      hero: { mediaId: hero.id, caption: "Pelabuhan Merak", credit: "Warta" },
      body: {
        version: 1,
        blocks: [
          ...bodyOf("Paragraf pembuka.").blocks,
          { type: "image", mediaId: inline.id, caption: "Jumlah penumpang", credit: "Kemenhub" },
          ...bodyOf("Paragraf penutup.").blocks,
        ],
      },
      status: "scheduled",
      publishedAt: new Date(t0.getTime() + HOUR),
    });
    storyUrl = `/nasional/${story.id}/${story.slug}`;
  });
  after(async () => ctx.close());

  const heroUrl = (format: "avif" | "webp" | "jpg" = "avif") =>
    derivativePath(hero, { crop: "hero", width: ladderOf(hero, "hero").at(-1) as number, format });
  const inlineUrl = () => derivativePath(inline, { crop: "w", width: 640, format: "webp" });
  const get = (url: string, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: "GET", url, headers });

  const assertWithheld = async (label: string) => {
    for (const url of [heroUrl(), heroUrl("jpg"), inlineUrl(), `/media/${hero.file}`]) {
      const reader = await get(url);
      assert.equal(reader.statusCode, 404, `${label}: ${url}`);
      assert.equal(reader.headers["cache-control"], "no-store", `${label}: no cache keeps the 404`);
    }
    const page = await get(storyUrl);
    assert.equal(page.statusCode, 404, `${label}: the story page`);
  };

  it("before its time: readers get 404s, staff (session) see the files privately", async () => {
    await assertWithheld("embargoed");
    const seen = await get(heroUrl(), { cookie: staff.cookie });
    assert.equal(seen.statusCode, 200);
    assert.equal(seen.headers["content-type"], "image/avif");
    assert.equal(seen.headers["cache-control"], "private, no-store");
    assert.equal(seen.headers["surrogate-key"], undefined);
    const owner = await ctx.user("penulis");
    const { token } = await ctx.deps.accounts.tokens.create(
      owner,
      { name: "aplikasi", scopes: ["content:read"] },
      SYSTEM_ACTOR,
    );
    const byToken = await get(heroUrl("webp"), { authorization: `Bearer ${token}` });
    assert.equal(byToken.statusCode, 200, "staff by API token");
    assert.equal(byToken.headers["cache-control"], "private, no-store");
    assert.equal((await get(heroUrl(), { authorization: "Bearer wrt_palsu" })).statusCode, 404);
  });

  it("at its time the scheduler publishes it: the files turn public and caches are told", async () => {
    ctx.setNow(new Date(t0.getTime() + HOUR));
    purged.length = 0;
    const published = await ctx.deps.newsroom.scheduler.tick();
    assert.deepEqual(
      published.map((p) => p.articleId),
      [story.id],
    );
    assert.ok(purged.includes(`media:${hero.id}`) && purged.includes(`media:${inline.id}`), purged.join(" "));
    for (const url of [heroUrl(), heroUrl("webp"), heroUrl("jpg"), inlineUrl(), `/media/${hero.file}`]) {
      const reader = await get(url);
      assert.equal(reader.statusCode, 200, url);
      assert.equal(reader.headers["cache-control"], "public, max-age=3600, s-maxage=2592000");
      assert.doesNotMatch(String(reader.headers["cache-control"]), /immutable/);
    }
    assert.equal((await get(heroUrl())).headers["surrogate-key"], `media:${hero.id}`);
    assert.equal((await get(storyUrl)).statusCode, 200);
    assert.equal((await get(storyUrl)).headers["x-cache"], "HIT");
  });

  it("after an unpublish: 404 again, through the page cache too", async () => {
    ctx.setNow(new Date(t0.getTime() + 2 * HOUR));
    purged.length = 0;
    await ctx.deps.articles.transition(story.id, "unpublish", SYSTEM_ACTOR);
    assert.ok(purged.includes(`media:${hero.id}`), purged.join(" "));
    await assertWithheld("unpublished");
    assert.equal((await get(heroUrl(), { cookie: staff.cookie })).statusCode, 200, "staff still see it");
  });

  it("an old URL (moved focal point) points readers at the current one; unknown sizes are 404s", async () => {
    await ctx.deps.articles.transition(story.id, "publish", SYSTEM_ACTOR);
    const before = heroUrl("jpg");
    const moved = await ctx.deps.media.update(hero.id, { focalX: 20, focalY: 30 }, SYSTEM_ACTOR);
    const redirect = await get(before);
    assert.equal(redirect.statusCode, 302);
    assert.equal(
      redirect.headers.location,
      derivativePath(moved, { crop: "hero", width: 1280, format: "jpg" }),
    );
    assert.equal((await get(String(redirect.headers.location))).statusCode, 200);
    assert.equal(
      (await get(derivativePath(moved, { crop: "hero", width: 1600, format: "jpg" }))).statusCode,
      404,
    );
    assert.equal((await get(`/media/${hero.id}/0000000000000000-50-50/hero-320.svg`)).statusCode, 404);
  });

  it("publishing refuses an image without alt text, naming it", async () => {
    const bare = await ctx.deps.media.storeImage(
      { bytes: await solidJpeg(50, 50, "#101010"), caption: "Antrean kendaraan di gerbang tol" },
      SYSTEM_ACTOR,
    );
    const draft = await buildArticle(ctx.deps, {
      headline: "Antrean tol",
      hero: { mediaId: bare.id, caption: "Antrean", credit: "" },
      status: "draft",
    });
    await assert.rejects(ctx.deps.articles.transition(draft.id, "publish", SYSTEM_ACTOR), (error) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, "validation_failed");
      assert.match(error.message, /teks alternatif/);
      assert.match(error.message, /"Antrean kendaraan di gerbang tol" \(id \d+\)/);
      assert.deepEqual(
        error.details.map((d) => d.field),
        ["hero.mediaId"],
      );
      return true;
    });
    const response = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/articles/${draft.id}/transitions`,
      headers: staff.write,
      payload: { action: "publish" },
    });
    assert.equal(response.statusCode, 422, response.body);
    assert.match(response.json().detail, /Antrean kendaraan di gerbang tol/);
    assert.equal(response.json().errors[0].field, "hero.mediaId");
    await ctx.deps.media.update(bare.id, { alt: "Deretan mobil mengantre di gerbang tol" }, SYSTEM_ACTOR);
    const live = await ctx.deps.articles.transition(draft.id, "publish", SYSTEM_ACTOR);
    assert.equal(live.status, "published");
  });
});
