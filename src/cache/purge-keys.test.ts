import assert from "node:assert/strict";
import { test } from "node:test";
import type { ArticleEvent, ArticleSnapshot } from "../core/events.ts";
import { keysToPurge, TERBARU_FRAGMENT_PATH, TERBARU_SIZE, terbaruBlock } from "./purge-keys.ts";

const snap = (overrides: Partial<ArticleSnapshot> = {}): ArticleSnapshot => ({
  articleId: 7,
  urlPath: "/dunia/asia/7/judul",
  sectionIds: [1, 2],
  tagIds: [10, 11],
  personIds: [20],
  live: true,
  ...overrides,
});

const event = (
  type: ArticleEvent["type"],
  before: ArticleSnapshot | null,
  after: ArticleSnapshot | null,
): ArticleEvent => ({ type, articleId: 7, at: new Date(0), before, after });

const GLOBAL = ["article:7", "home", "latest", "feeds", "sitemap", "search", "indeks", "notfound"];
const sorted = (keys: string[]) => [...keys].sort();

test("publishing purges the article, global lists, and its sections with ancestors, tags, people", () => {
  const keys = keysToPurge(event("article.published", snap({ live: false }), snap()));
  assert.deepEqual(
    sorted(keys),
    sorted([...GLOBAL, "section:1", "section:2", "tag:10", "tag:11", "person:20"]),
  );
});

test("an update that moves the article purges the old and the new lists", () => {
  const before = snap();
  const after = snap({ sectionIds: [3], tagIds: [11, 12], personIds: [21] });
  assert.deepEqual(
    sorted(keysToPurge(event("article.updated", before, after))),
    sorted([
      ...GLOBAL,
      ...["section:1", "section:2", "section:3"],
      ...["tag:10", "tag:11", "tag:12"],
      ...["person:20", "person:21"],
    ]),
  );
});

test("unpublishing and deleting purge what the article was on; slug changes purge the article key", () => {
  const unpublished = keysToPurge(event("article.unpublished", snap(), snap({ live: false })));
  assert.deepEqual(
    sorted(unpublished),
    sorted([...GLOBAL, "section:1", "section:2", "tag:10", "tag:11", "person:20"]),
  );
  assert.deepEqual(sorted(keysToPurge(event("article.deleted", snap(), null))), sorted(unpublished));
  const slug = keysToPurge(event("article.slugChanged", snap(), snap({ urlPath: "/dunia/asia/7/baru" })));
  assert.ok(slug.includes("article:7"));
});

test("changes readers never saw purge nothing", () => {
  assert.deepEqual(keysToPurge(event("article.created", null, snap({ live: false }))), []);
  assert.deepEqual(keysToPurge(event("article.updated", snap({ live: false }), snap({ live: false }))), []);
  assert.deepEqual(keysToPurge(event("article.deleted", snap({ live: false }), null)), []);
});

test("taxonomy changes: sections purge every page; people and tags their own pages and feeds", () => {
  assert.deepEqual(keysToPurge({ type: "section.changed", id: 1, at: new Date(0) }), [
    "sections",
    "feeds",
    "sitemap",
    "search",
    "notfound",
  ]);
  assert.deepEqual(keysToPurge({ type: "person.changed", id: 20, at: new Date(0) }), [
    "person:20",
    "person-label:20",
    "feeds",
    "notfound",
  ]);
  assert.deepEqual(keysToPurge({ type: "tag.changed", id: 10, at: new Date(0) }), [
    "tag:10",
    "tag-label:10",
    "feeds",
    "notfound",
  ]);
});

test("TERBARU beside an article: the shared fragment unless the article is among the newest", () => {
  const newest = [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id }));
  assert.deepEqual(terbaruBlock(42, newest, true), { kind: "include", src: TERBARU_FRAGMENT_PATH });
  // Among the newest: its list leaves it out, so it is rendered inline and carries `latest`.
  assert.deepEqual(terbaruBlock(3, newest, true), {
    kind: "inline",
    items: [1, 2, 4, 5, 6, 7].map((id) => ({ id })),
    keys: ["latest"],
  });
  // The 7th newest is not in a list of 6: the shared fragment is exactly its list.
  assert.equal(terbaruBlock(7, newest, true).kind, "include");
  // Where nothing composes includes, always inline.
  assert.deepEqual(terbaruBlock(42, newest, false), {
    kind: "inline",
    items: newest.slice(0, TERBARU_SIZE),
    keys: ["latest"],
  });
});

test("another story's publish purges `latest`, never the article pages that only include TERBARU", () => {
  const keys = keysToPurge({ ...event("article.published", snap({ live: false }), snap()), articleId: 8 });
  assert.ok(keys.includes("latest"));
  assert.ok(!keys.includes("article:7"));
});

test("a story's publish purges the topics it belongs to and the topics list; a draft's change none", () => {
  const keys = keysToPurge(event("article.published", snap({ live: false }), snap()), { topicIds: [4, 5] });
  for (const key of ["topic:4", "topic:5", "topics"]) assert.ok(keys.includes(key), key);
  assert.deepEqual(
    keysToPurge(event("article.updated", snap({ live: false }), snap({ live: false })), { topicIds: [4] }),
    [],
  );
  assert.ok(!keysToPurge(event("article.published", null, snap())).includes("topics"));
});

test("a topic's change purges its pages, its label on stories and the topics list", () => {
  assert.deepEqual(
    sorted(keysToPurge({ type: "topic.changed", id: 4, at: new Date(0) })),
    sorted(["topic:4", "topic-label:4", "topics", "notfound"]),
  );
});
