import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";

describe("taxonomy and media API", () => {
  let ctx: ApiTestContext;
  let redaktur: Session;
  let writer: Session;
  before(async () => {
    ctx = await createApiContext();
    redaktur = await ctx.login((await ctx.user("redaktur")).email);
    writer = await ctx.login((await ctx.user("penulis")).email);
  });
  after(() => ctx.close());

  const call = (method: "GET" | "POST" | "PATCH", url: string, session?: Session, payload?: object) =>
    ctx.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(payload ? { payload } : {}),
      headers: session ? session.write : {},
    });

  it("sections: public tree; only redaktur/admin create and update", async () => {
    assert.equal((await call("POST", "/sections", writer, { name: "Dunia" })).statusCode, 403);
    assert.equal((await call("POST", "/sections", undefined, { name: "Dunia" })).statusCode, 401);
    const dunia = await call("POST", "/sections", redaktur, { name: "Dunia" });
    assert.equal(dunia.statusCode, 201);
    const asia = await call("POST", "/sections", redaktur, { name: "Asia", parentId: dunia.json().id });
    assert.equal(asia.json().slug, "asia");
    const clash = await call("POST", "/sections", redaktur, { name: "Asia", parentId: dunia.json().id });
    assert.equal(clash.statusCode, 409);
    const renamed = await call("PATCH", `/sections/${asia.json().id}`, redaktur, {
      description: "Kawasan Asia",
    });
    assert.equal(renamed.statusCode, 200);
    assert.equal(renamed.json().name, "Asia", "fields not sent are kept");
    assert.equal(renamed.json().description, "Kawasan Asia");
    assert.equal((await call("PATCH", "/sections/999", redaktur, { name: "X" })).statusCode, 404);

    const tree = await call("GET", "/sections");
    assert.equal(tree.statusCode, 200);
    assert.deepEqual(
      tree
        .json()
        .items.map((s: { path: string; children: { path: string }[] }) => [
          s.path,
          s.children.map((c) => c.path),
        ]),
      [["dunia", ["dunia/asia"]]],
    );
  });

  it("people: newsroom list with cursor pages (readers see only people with a live story); redaktur creates and updates", async () => {
    for (const name of ["Citra", "Adi", "Budi"])
      assert.equal((await call("POST", "/people", redaktur, { name })).statusCode, 201);
    assert.equal((await call("POST", "/people", writer, { name: "Dedi" })).statusCode, 403);
    assert.deepEqual((await call("GET", "/people")).json().items, [], "no live story: not public");
    const first = await call("GET", "/people?limit=2", writer);
    assert.deepEqual(
      first.json().items.map((p: { name: string }) => p.name),
      ["Adi", "Budi"],
    );
    const second = await call("GET", `/people?limit=2&cursor=${first.json().nextCursor}`, writer);
    assert.deepEqual(
      second.json().items.map((p: { name: string }) => p.name),
      ["Citra"],
    );
    assert.equal(second.json().nextCursor, null);
    const adi = first.json().items[0];
    const updated = await call("PATCH", `/people/${adi.id}`, redaktur, { bio: "Wartawan ekonomi." });
    assert.equal(updated.statusCode, 200);
    assert.deepEqual(
      { name: updated.json().name, slug: updated.json().slug, bio: updated.json().bio },
      {
        name: "Adi",
        slug: "adi",
        bio: "Wartawan ekonomi.",
      },
    );
    const taken = await call("PATCH", `/people/${adi.id}`, redaktur, { slug: "budi" });
    assert.equal(taken.statusCode, 409);
  });

  it("tags: any newsroom user creates; duplicates conflict", async () => {
    const tag = await call("POST", "/tags", writer, { name: "Pemilu 2024" });
    assert.equal(tag.statusCode, 201);
    assert.equal(tag.json().slug, "pemilu-2024");
    assert.equal((await call("POST", "/tags", writer, { name: "pemilu 2024" })).statusCode, 409);
    assert.equal((await call("POST", "/tags", undefined, { name: "Anonim" })).statusCode, 401);
    assert.deepEqual(
      (await call("GET", "/tags", writer)).json().items.map((t: { slug: string }) => t.slug),
      ["pemilu-2024"],
    );
    assert.deepEqual((await call("GET", "/tags")).json().items, [], "no live story: not public");
  });

  it("media: raw image upload with metadata, listed newest first, staff only", async () => {
    const png = await sharp({ create: { width: 8, height: 6, channels: 3, background: "#0b5cad" } })
      .png()
      .toBuffer();
    const upload = (query: string, body: Buffer, type = "image/png", session: Session | null = writer) =>
      ctx.app.inject({
        method: "POST",
        url: `/api/v1/media${query}`,
        payload: body,
        headers: { ...(session ? session.write : {}), "content-type": type },
      });
    const created = await upload("?fileName=Banjir%20Jakarta.png&alt=Banjir&credit=Warta", png);
    assert.equal(created.statusCode, 201);
    assert.equal(created.json().width, 8);
    assert.equal(created.json().mimeType, "image/png");
    assert.equal(created.json().credit, "Warta");
    assert.match(created.json().url, /^\/media\/\d+\/[0-9a-f]{16}-50-50\/w-8\.jpg$/);
    assert.match(created.json().file, /^originals\/[0-9a-f]{2}\/[0-9a-f]{64}\.png$/, "no client-chosen path");
    const junk = await upload("?fileName=x.png", Buffer.from("bukan gambar"));
    assert.equal(junk.statusCode, 422);
    assert.equal(junk.json().errors[0].field, "file");
    const again = await upload("", png);
    assert.equal(again.statusCode, 200, "the same bytes again: the existing image");
    assert.equal(again.json().duplicate, true);
    assert.equal(again.json().id, created.json().id);
    assert.equal((await upload("?fileName=x.png", png, "image/png", null)).statusCode, 401);

    assert.equal(
      (await call("GET", "/media")).statusCode,
      401,
      "unused uploads may be embargoed: staff only",
    );
    const list = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/media",
      headers: { cookie: writer.cookie },
    });
    assert.deepEqual(
      list.json().items.map((m: { id: number }) => m.id),
      [created.json().id],
    );
  });
});
