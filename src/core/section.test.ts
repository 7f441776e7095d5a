import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildSectionDirectory, sectionUrlPath, type Section } from "./section.ts";

const section = (id: number, slug: string, parentId: number | null, position = 0): Section => ({
  id,
  slug,
  name: slug.toUpperCase(),
  parentId,
  position,
  description: "",
});

describe("section directory", () => {
  const directory = buildSectionDirectory([
    section(1, "dunia", null, 2),
    section(2, "asia", 1),
    section(3, "timur-tengah", 2),
    section(4, "nasional", null, 1),
    section(5, "asia", 4),
  ]);

  it("resolves nested paths and builds URL paths root first", () => {
    const path = directory.resolve(["dunia", "asia", "timur-tengah"]);
    if (!path) return assert.fail("dunia/asia/timur-tengah resolves");
    assert.equal(path.section.id, 3);
    assert.equal(sectionUrlPath(path), "dunia/asia/timur-tengah");
    assert.deepEqual(
      path.ancestors.map((s) => s.id),
      [1, 2],
    );
  });

  it("keeps equal slugs under different parents apart", () => {
    assert.equal(directory.resolve(["nasional", "asia"])?.section.id, 5);
    assert.equal(directory.resolve(["dunia", "asia"])?.section.id, 2);
    assert.equal(directory.resolve(["asia"]), null);
  });

  it("orders children by position and lists subtrees", () => {
    assert.deepEqual(
      directory.children(null).map((s) => s.slug),
      ["nasional", "dunia"],
    );
    assert.deepEqual(directory.subtreeIds(1).sort(), [1, 2, 3]);
  });

  it("survives a cycle in stored data: the walk up stops at the first repeated section", () => {
    const looped = buildSectionDirectory([section(1, "a", 2), section(2, "b", 1)]);
    const path = looped.pathOf(1);
    if (!path) return assert.fail("a section in a cycle still has a path");
    assert.equal(path.section.id, 1);
    assert.deepEqual(
      path.ancestors.map((s) => s.id),
      [2],
    );
    assert.equal(sectionUrlPath(path), "b/a");
    const other = looped.pathOf(2);
    assert.equal(other ? sectionUrlPath(other) : null, "a/b");
    assert.deepEqual(looped.subtreeIds(1).sort(), [1, 2]);
  });
});
