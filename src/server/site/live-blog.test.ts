import assert from "node:assert/strict";
import { connect } from "node:net";
import { after, before, describe, it } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import type { Article } from "../../core/article.ts";
import { SYSTEM_ACTOR } from "../../core/actor.ts";
import { createDeps } from "../../app/deps.ts";
import { jsonLdBlocks } from "../../distribution/fixtures/validators.ts";
import { buildArticle, buildSection } from "../../testing/factories.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";
import { openStream } from "./sse-client.test-support.ts";

const NOW = new Date("2026-11-26T05:00:00Z");

/** Everything the server sends to a HEAD request, read until it closes the connection. */
function rawHead(origin: string, path: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.write(`HEAD ${path} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`),
    );
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (received += chunk));
    socket.on("end", () => resolve(received));
    socket.on("error", reject);
    // A bound for a stream that never ends (the failure this looks for), not a speed check.
    socket.setTimeout(5000, () => socket.destroy(new Error(`no end; got ${JSON.stringify(received)}`)));
  });
}

describe("Live blog: entries by API, a page complete without JavaScript, Server-Sent Events", () => {
  let ctx: ApiTestContext;
  let editor: Session;
  let writer: Session;
  let story: Article;
  let embargoed: Article;
  let url: string;
  let origin: string;
  const get = (path: string) => ctx.app.inject({ method: "GET", url: path });
  const send = (
    session: Session,
    method: "POST" | "PATCH" | "PUT" | "DELETE",
    path: string,
    payload?: Record<string, unknown>,
  ): Promise<LightMyRequestResponse> =>
    ctx.app.inject({
      method,
      url: `/api/v1${path}`,
      headers: session.write,
      ...(payload ? { payload } : {}),
    });

  before(async () => {
    ctx = await createApiContext({ now: NOW });
    const section = await buildSection(ctx.deps, { name: "Nasional", slug: "nasional" });
    editor = await ctx.login((await ctx.user("editor")).email);
    writer = await ctx.login((await ctx.user("penulis")).email);
    story = await buildArticle(ctx.deps, {
      headline: "Langsung: Pemilihan Kepala Daerah Serentak",
      lede: "Pantauan pemungutan suara di seluruh provinsi.",
      sectionId: section.id,
      publishedAt: new Date("2026-11-26T00:00:00Z"),
    });
    embargoed = await buildArticle(ctx.deps, {
      headline: "Langsung: Embargo Belum Boleh Tampil",
      sectionId: section.id,
      status: "scheduled",
      publishedAt: new Date("2026-11-27T00:00:00Z"),
    });
    const model = await ctx.deps.reading.articlePage(story.id);
    assert.ok(model);
    url = model.url;
    origin = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
  });

  after(() => ctx.close());

  it("lets editors start a live blog and post entries through the API; writers may not; errors in Indonesian", async () => {
    assert.equal((await send(writer, "PUT", `/articles/${story.id}/live-blog`, {})).statusCode, 403);
    const started = await send(editor, "PUT", `/articles/${story.id}/live-blog`, {
      coverageStart: "2026-11-26T07:00:00+07:00",
    });
    assert.equal(started.statusCode, 200, started.body);
    assert.equal(started.json().open, true);
    const bad = await send(editor, "POST", `/articles/${story.id}/live-blog/entries`, {
      text: " ",
      kind: "video",
    });
    assert.equal(bad.statusCode, 422);
    const fields = new Map(
      (bad.json().errors as { field: string; message: string }[]).map((e) => [e.field, e.message]),
    );
    assert.equal(fields.get("body.kind"), "Jenis entri harus text, quote, image atau embed.");
    const empty = await send(editor, "POST", `/articles/${story.id}/live-blog/entries`, { text: " " });
    assert.equal(empty.statusCode, 422);
    assert.deepEqual(empty.json().errors, [{ field: "body.text", message: "Isi entri wajib diisi." }]);

    ctx.setNow(new Date("2026-11-26T01:00:00Z"));
    const first = await send(editor, "POST", `/articles/${story.id}/live-blog/entries`, {
      text: "TPS dibuka pukul 07.00 WIB.\n\nAntrean mulai terlihat di Jakarta.",
    });
    assert.equal(first.statusCode, 201, first.body);
    ctx.setNow(new Date("2026-11-26T02:00:00Z"));
    const quote = await send(editor, "POST", `/articles/${story.id}/live-blog/entries`, {
      kind: "quote",
      text: "Partisipasi pagi ini di atas perkiraan.",
      attribution: "Ketua KPU",
    });
    assert.equal(quote.statusCode, 201);
    ctx.setNow(new Date("2026-11-26T03:00:00Z"));
    const summary = await send(editor, "POST", `/articles/${story.id}/live-blog/entries`, {
      text: "Ringkasan: pemungutan suara berjalan lancar di 37 provinsi.",
      pinned: true,
    });
    assert.equal(summary.statusCode, 201);
    const corrected = await send(
      editor,
      "PATCH",
      `/articles/${story.id}/live-blog/entries/${first.json().id}`,
      {
        text: "TPS dibuka pukul 07.00 waktu setempat.\n\nAntrean mulai terlihat di Jakarta.",
        correction: "Sebelumnya tertulis 07.00 WIB untuk semua TPS.",
      },
    );
    assert.equal(corrected.statusCode, 200, corrected.body);
    ctx.setNow(NOW);
    assert.equal(
      (await send(editor, "POST", `/articles/999999/live-blog/entries`, { text: "x" })).statusCode,
      404,
    );
    const doc = (await get("/api/v1/openapi.json")).json() as { paths: Record<string, unknown> };
    assert.ok(doc.paths["/api/v1/articles/{id}/live-blog/entries"]);
  });

  it("renders the page complete without JavaScript: notice, Perbarui, Ringkasan, entries newest first, correction", async () => {
    const page = await get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Liputan langsung sedang berlangsung/);
    assert.match(page.body, new RegExp(`<a class="button" href="${url}">Perbarui</a>`));
    assert.match(page.body, /<h2 id="ringkasan">Ringkasan<\/h2>[\s\S]*berjalan lancar di 37 provinsi/);
    const stream =
      /<ol class="live-entries" data-live-stream="\/_langsung\/\d+"[^>]*>([\s\S]*?)<\/ol>/.exec(
        page.body,
      )?.[1] ?? "";
    const order = ["Partisipasi pagi ini", "TPS dibuka pukul 07.00 waktu setempat"].map((text) =>
      stream.indexOf(text),
    );
    assert.ok(order[0]! >= 0 && order[1]! > order[0]!, "newest first");
    assert.match(
      stream,
      /<blockquote><p>Partisipasi pagi ini di atas perkiraan\.<\/p><footer>— Ketua KPU<\/footer><\/blockquote>/,
    );
    assert.match(stream, /<strong>Koreksi:<\/strong> Sebelumnya tertulis 07\.00 WIB/);
    assert.match(stream, /<time datetime="2026-11-26T09:00:00\+07:00">/);
    assert.match(page.body, /<script src="\/aset\/live-blog\.[0-9a-f]+\.js" defer><\/script>/);
    const home = await get("/");
    assert.match(
      home.body,
      /<span class="label label-live">Langsung<\/span> <a href="[^"]+">Langsung: Pemilihan/,
    );
  });

  it("publishes LiveBlogPosting JSON-LD with liveBlogUpdate and coverageStartTime", async () => {
    const blocks = jsonLdBlocks((await get(url)).body);
    const live = blocks.find((b) => b["@type"] === "LiveBlogPosting");
    assert.ok(live, "LiveBlogPosting");
    for (const key of [
      "headline",
      "datePublished",
      "coverageStartTime",
      "liveBlogUpdate",
      "publisher",
      "url",
    ])
      assert.ok(live[key], key);
    assert.equal(live.coverageStartTime, "2026-11-26T07:00:00+07:00");
    assert.equal(live.coverageEndTime, undefined, "still running");
    const updates = live.liveBlogUpdate as Record<string, unknown>[];
    assert.equal(updates.length, 3);
    for (const update of updates) {
      assert.equal(update["@type"], "BlogPosting");
      for (const key of ["headline", "datePublished", "articleBody", "url"]) assert.ok(update[key], key);
    }
  });

  it("sends a new entry to an open page over SSE within a second, and has it on the page after a reload", async () => {
    assert.equal((await get(url)).headers["x-cache"], "HIT");
    const stream = await openStream(origin, `/_langsung/${story.id}`);
    try {
      assert.equal(stream.response.statusCode, 200);
      assert.match(String(stream.response.headers["content-type"]), /^text\/event-stream/);
      assert.equal(stream.response.headers["set-cookie"], undefined);
      const posted = await send(editor, "POST", `/articles/${story.id}/live-blog/entries`, {
        text: "Penghitungan suara dimulai di TPS.",
      });
      assert.equal(posted.statusCode, 201);
      const started = Date.now();
      const data = await stream.next("entry", 1000);
      assert.ok(Date.now() - started < 1000);
      assert.equal(data.anchor, `entri-${posted.json().id}`);
      assert.match(
        String(data.html),
        /<li id="entri-\d+" class="live-entry">[\s\S]*Penghitungan suara dimulai/,
      );

      await send(editor, "DELETE", `/articles/${story.id}/live-blog/entries/${posted.json().id}`);
      assert.deepEqual(await stream.next("removed"), { anchor: `entri-${posted.json().id}` });
    } finally {
      stream.close();
    }
    const again = await send(editor, "POST", `/articles/${story.id}/live-blog/entries`, {
      text: "Hasil hitung cepat mulai masuk.",
    });
    assert.equal(again.statusCode, 201);
    const reloaded = await get(url);
    assert.equal(reloaded.headers["x-cache"], "MISS", "each entry purges the cached page");
    assert.match(reloaded.body, /Hasil hitung cepat mulai masuk/);
    assert.ok(!reloaded.body.includes("Penghitungan suara dimulai"), "a removed entry is gone");
  });

  it("sends the stream with the site's security headers, and counts it in /metrics", async () => {
    const page = await fetch(`${origin}${url}`);
    assert.equal(page.status, 200);
    const twoHundreds = async () => {
      const body = await (await fetch(`${origin}/metrics`)).text();
      return Number(/^warta_http_responses_total\{[^}]*class="2xx"[^}]*\} (\d+)$/m.exec(body)?.[1]);
    };
    const before = await twoHundreds();
    const streams = await Promise.all([1, 2, 3].map(() => openStream(origin, `/_langsung/${story.id}`)));
    try {
      const head = streams[0]!.response.headers;
      assert.match(String(head["content-type"]), /^text\/event-stream/);
      assert.equal(head["cache-control"], "no-store");
      for (const name of [
        "content-security-policy",
        "x-content-type-options",
        "x-frame-options",
        "referrer-policy",
        "cross-origin-opener-policy",
      ]) {
        assert.ok(page.headers.get(name), `the page has ${name}`);
        assert.equal(head[name], page.headers.get(name), name);
      }
      const headOnly = await rawHead(origin, `/_langsung/${story.id}`);
      assert.match(headOnly, /^HTTP\/1\.1 200 /);
      assert.ok(headOnly.includes(`content-security-policy: ${page.headers.get("content-security-policy")}`));
      assert.ok(headOnly.endsWith("\r\n\r\n"), "a HEAD request gets the head only, no stream");
      // Only the first /metrics response finished in between: the rest are the three streams.
      assert.ok((await twoHundreds()) - before >= 3, "the streams are counted");
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  it("closes: open pages are told and the stream ends, the page says so, coverageEndTime, no more entries", async () => {
    const stream = await openStream(origin, `/_langsung/${story.id}`);
    ctx.setNow(new Date("2026-11-26T12:00:00Z"));
    try {
      const closed = await send(editor, "POST", `/articles/${story.id}/live-blog/close`);
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(closed.json().open, false);
      const data = await stream.next("closed");
      assert.match(String(data.html), /Liputan langsung ini telah berakhir/);
      await stream.ended;
      const page = await get(url);
      assert.match(
        page.body,
        /Liputan langsung ini telah berakhir \(<time datetime="2026-11-26T19:00:00\+07:00">/,
      );
      assert.ok(!page.body.includes("data-live-stream"), "no stream once closed");
      assert.ok(!/live-blog\.[0-9a-f]+\.js/.test(page.body), "nor the script");
      const live = jsonLdBlocks(page.body).find((b) => b["@type"] === "LiveBlogPosting");
      assert.equal(live?.coverageEndTime, "2026-11-26T19:00:00+07:00");
      assert.equal((await get(`/_langsung/${story.id}`)).statusCode, 204, "EventSource stops reconnecting");
      const late = await send(editor, "POST", `/articles/${story.id}/live-blog/entries`, {
        text: "Terlambat.",
      });
      assert.equal(late.statusCode, 409);
      const home = await get("/");
      assert.match(home.body, /<span class="label label-closed">Liputan langsung<\/span>/);
    } finally {
      stream.close();
      ctx.setNow(NOW);
    }
  });

  it("shows nothing of a scheduled live blog before its time", async () => {
    assert.equal((await send(editor, "PUT", `/articles/${embargoed.id}/live-blog`, {})).statusCode, 200);
    assert.equal(
      (await send(editor, "POST", `/articles/${embargoed.id}/live-blog/entries`, { text: "Rahasia." }))
        .statusCode,
      201,
    );
    assert.equal((await get(`/_langsung/${embargoed.id}`)).statusCode, 404);
    const home = await get("/");
    assert.ok(!home.body.includes("Embargo Belum Boleh"));
  });

  it("fans out an entry posted through another node within a second, through the outbox", async () => {
    const other = await createDeps(ctx.deps.config, { clock: () => new Date(NOW), viewFlushEveryMs: 0 });
    await ctx.deps.startEventDelivery(); // as `warta serve` does: this node follows the outbox
    try {
      const section = (await ctx.deps.sections.directory()).children(null)[0];
      assert.ok(section);
      const second = await buildArticle(ctx.deps, {
        headline: "Langsung: Rapat Paripurna Anggaran",
        sectionId: section.id,
        publishedAt: new Date("2026-11-26T01:00:00Z"),
      });
      await ctx.deps.reader.liveBlogs.start(second.id, {}, SYSTEM_ACTOR);
      const stream = await openStream(origin, `/_langsung/${second.id}`);
      try {
        const entry = await other.reader.liveBlogs.post(
          second.id,
          { text: "Sidang dibuka ketua DPR." },
          SYSTEM_ACTOR,
        );
        const data = await stream.next("entry", 1000);
        assert.equal(data.anchor, `entri-${entry.id}`);
        assert.match(String(data.html), /Sidang dibuka ketua DPR\./);
        await other.reader.liveBlogs.close(second.id, SYSTEM_ACTOR);
        await stream.next("closed", 1000);
      } finally {
        stream.close();
      }
    } finally {
      await other.close();
    }
  });
});
