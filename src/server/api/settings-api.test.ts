import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildArticle } from "../../testing/factories.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";

/** The endpoints the admin's settings screens added: deleting a section, editing search aliases. */
describe("settings API: section delete and search aliases", () => {
  let ctx: ApiTestContext;
  let redaktur: Session;
  let editor: Session;
  before(async () => {
    ctx = await createApiContext();
    redaktur = await ctx.login((await ctx.user("redaktur")).email);
    editor = await ctx.login((await ctx.user("editor")).email);
  });
  after(() => ctx.close());

  const call = (
    method: "GET" | "POST" | "PATCH" | "DELETE",
    url: string,
    session?: Session,
    payload?: object,
  ) =>
    ctx.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(payload ? { payload } : {}),
      headers: session ? session.write : {},
    });

  it("deletes an empty section; refuses one with subsections or stories, in Indonesian", async () => {
    const parent = (await call("POST", "/sections", redaktur, { name: "Daerah" })).json();
    const child = (await call("POST", "/sections", redaktur, { name: "Bali", parentId: parent.id })).json();
    await buildArticle(ctx.deps, { headline: "Nyepi di Denpasar", sectionId: child.id });

    assert.equal((await call("DELETE", `/sections/${child.id}`, editor)).statusCode, 403);
    assert.equal((await call("DELETE", `/sections/${child.id}`)).statusCode, 401);

    const withChild = await call("DELETE", `/sections/${parent.id}`, redaktur);
    assert.equal(withChild.statusCode, 409);
    assert.equal(withChild.headers["content-type"], "application/problem+json; charset=utf-8");
    assert.match(withChild.json().detail, /subrubrik/);

    const withStory = await call("DELETE", `/sections/${child.id}`, redaktur);
    assert.equal(withStory.statusCode, 409);
    assert.match(withStory.json().detail, /berisi 1 berita/);

    const empty = (await call("POST", "/sections", redaktur, { name: "Kosong", parentId: parent.id })).json();
    assert.equal((await call("DELETE", `/sections/${empty.id}`, redaktur)).statusCode, 204);
    assert.equal((await call("DELETE", `/sections/${empty.id}`, redaktur)).statusCode, 404);
    const tree = (await call("GET", "/sections")).json();
    const daerah = tree.items.find((s: { id: number }) => s.id === parent.id);
    assert.deepEqual(
      daerah.children.map((s: { name: string }) => s.name),
      ["Bali"],
      "the deleted section is gone from the tree at once",
    );
  });

  it("search aliases: list, add (a taken term refused), edit, delete; redaktur and admin only", async () => {
    assert.equal((await call("GET", "/search-aliases", editor)).statusCode, 403);
    assert.equal((await call("GET", "/search-aliases")).statusCode, 401);
    const seeded = (await call("GET", "/search-aliases", redaktur)).json().items;
    assert.ok(
      seeded.some((a: { term: string }) => a.term === "Korut"),
      "migration 004's defaults are listed",
    );

    const added = await call("POST", "/search-aliases", redaktur, {
      term: "Sulsel",
      expansion: "Sulawesi Selatan",
    });
    assert.equal(added.statusCode, 201);
    const id = added.json().id;
    assert.deepEqual(added.json(), { id, term: "Sulsel", expansion: "Sulawesi Selatan" });

    const taken = await call("POST", "/search-aliases", redaktur, { term: "sulsel", expansion: "Sulawesi" });
    assert.equal(taken.statusCode, 409);
    assert.deepEqual(taken.json().errors, [{ field: "term", message: "Sudah ada; ubah alias yang ada." }]);

    const invalid = await call("POST", "/search-aliases", redaktur, { term: " ", expansion: "" });
    assert.equal(invalid.statusCode, 422);
    assert.deepEqual(
      invalid.json().errors.map((e: { field: string }) => e.field),
      ["term", "expansion"],
    );

    const edited = await call("PATCH", `/search-aliases/${id}`, redaktur, {
      expansion: "Provinsi Sulawesi Selatan",
    });
    assert.equal(edited.statusCode, 200);
    assert.deepEqual(edited.json(), { id, term: "Sulsel", expansion: "Provinsi Sulawesi Selatan" });
    const clash = await call("PATCH", `/search-aliases/${id}`, redaktur, { term: "Korut" });
    assert.equal(clash.statusCode, 409);
    assert.equal((await call("PATCH", "/search-aliases/99999", redaktur, { term: "X" })).statusCode, 404);

    assert.equal((await call("DELETE", `/search-aliases/${id}`, editor)).statusCode, 403);
    assert.equal((await call("DELETE", `/search-aliases/${id}`, redaktur)).statusCode, 204);
    assert.equal((await call("DELETE", `/search-aliases/${id}`, redaktur)).statusCode, 404);
    const after = (await call("GET", "/search-aliases", redaktur)).json().items;
    assert.equal(
      after.some((a: { term: string }) => a.term === "Sulsel"),
      false,
    );
    const audit = await ctx.deps.audit.list({ resourceType: "searchAlias", limit: 10 });
    assert.deepEqual(audit.map((e: { action: string }) => e.action).sort(), [
      "searchAlias.create",
      "searchAlias.delete",
      "searchAlias.update",
    ]);
  });
});
