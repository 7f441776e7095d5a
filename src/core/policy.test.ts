import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Actor, Role } from "./actor.ts";
import type { ArticleStatus } from "./article.ts";
import { ACTIONS, can, scopesForRole, type Action, type Resource, type TokenScope } from "./policy.ts";

// The expected matrix is written out by hand (not derived from POLICY), so a change to the policy
// table that is not also made here fails. Columns: anonymous, penulis, editor, redaktur, admin.
const Y = true;
const N = false;
type Row = [boolean, boolean, boolean, boolean, boolean];

const SUBJECTS: { label: string; actor: Actor | null }[] = [
  { label: "anonymous", actor: null },
  { label: "penulis", actor: { kind: "user", userId: 2, role: "penulis", personId: 20 } },
  { label: "editor", actor: { kind: "user", userId: 3, role: "editor", personId: 30 } },
  { label: "redaktur", actor: { kind: "user", userId: 4, role: "redaktur", personId: 40 } },
  { label: "admin", actor: { kind: "user", userId: 5, role: "admin", personId: null } },
];

/** Actions whose answer does not depend on the resource. */
const PLAIN: Partial<Record<Action, Row>> = {
  "article.read": [N, Y, Y, Y, Y],
  "article.search": [N, Y, Y, Y, Y],
  "article.preview": [N, Y, Y, Y, Y],
  "article.presence": [N, Y, Y, Y, Y],
  "article.create": [N, Y, Y, Y, Y],
  "article.requestChanges": [N, N, Y, Y, Y],
  "article.approve": [N, N, Y, Y, Y],
  "article.schedule": [N, N, Y, Y, Y],
  "article.publish": [N, N, Y, Y, Y],
  "article.unpublish": [N, N, Y, Y, Y],
  "article.correct": [N, N, Y, Y, Y],
  "taxonomy.read": [Y, Y, Y, Y, Y],
  "tag.create": [N, Y, Y, Y, Y],
  "section.manage": [N, N, N, Y, Y],
  "person.manage": [N, N, N, Y, Y],
  "searchAlias.manage": [N, N, N, Y, Y],
  "media.read": [N, Y, Y, Y, Y],
  "media.upload": [N, Y, Y, Y, Y],
  "media.update": [N, Y, Y, Y, Y],
  "media.replace": [N, N, Y, Y, Y],
  "media.delete": [N, N, Y, Y, Y],
  "user.read": [N, N, N, Y, Y],
  "token.manageOwn": [N, Y, Y, Y, Y],
  "token.manageAny": [N, N, N, N, Y],
  "audit.read": [N, N, N, N, Y],
  "webhook.manage": [N, N, N, N, Y],
  "topic.manage": [N, N, Y, Y, Y],
  "liveBlog.post": [N, N, Y, Y, Y],
};

const article = (status: ArticleStatus, owner: "credit" | "creator" | "other") =>
  ({
    type: "article",
    status,
    creditPersonIds: owner === "credit" ? [20, 99] : [99],
    createdByUserId: owner === "creator" ? 2 : 77,
  }) as const satisfies Resource;

const ARTICLE_VARIANTS: { label: string; resource: Resource; row: Row }[] = [
  { label: "own draft (credited)", resource: article("draft", "credit"), row: [N, Y, Y, Y, Y] },
  { label: "own draft (creator)", resource: article("draft", "creator"), row: [N, Y, Y, Y, Y] },
  { label: "own article in review", resource: article("in_review", "credit"), row: [N, N, Y, Y, Y] },
  { label: "own approved article", resource: article("approved", "credit"), row: [N, N, Y, Y, Y] },
  { label: "own published article", resource: article("published", "creator"), row: [N, N, Y, Y, Y] },
  { label: "someone else's draft", resource: article("draft", "other"), row: [N, N, Y, Y, Y] },
];

/** Actions decided per article: writers only on their own drafts. */
const PER_ARTICLE: Action[] = ["article.update", "article.delete", "article.submit", "factCheck.update"];

const USER_VARIANTS: { label: string; resource: Resource; row: Row }[] = [
  { label: "a penulis account", resource: { type: "user", role: "penulis" }, row: [N, N, N, Y, Y] },
  {
    label: "promote editor to redaktur",
    resource: { type: "user", role: "editor", newRole: "redaktur" },
    row: [N, N, N, Y, Y],
  },
  { label: "an admin account", resource: { type: "user", role: "admin" }, row: [N, N, N, N, Y] },
  { label: "a redaktur account", resource: { type: "user", role: "redaktur" }, row: [N, N, N, Y, Y] },
  {
    label: "promote editor to admin",
    resource: { type: "user", role: "editor", newRole: "admin" },
    row: [N, N, N, N, Y],
  },
];

/** The new password comes back to whoever reset it: a redaktur never gets a peer's or an admin's. */
const RESET_VARIANTS: { label: string; resource: Resource; row: Row }[] = [
  { label: "a penulis account", resource: { type: "user", role: "penulis" }, row: [N, N, N, Y, Y] },
  { label: "an editor account", resource: { type: "user", role: "editor" }, row: [N, N, N, Y, Y] },
  { label: "a redaktur account", resource: { type: "user", role: "redaktur" }, row: [N, N, N, N, Y] },
  { label: "an admin account", resource: { type: "user", role: "admin" }, row: [N, N, N, N, Y] },
];

function check(action: Action, row: Row, resource?: Resource, label = ""): void {
  SUBJECTS.forEach((subject, i) => {
    const decision = can(subject.actor, action, resource);
    assert.equal(
      decision.allowed,
      row[i],
      `${subject.label} ${action} ${label}: expected ${row[i] ? "allow" : "deny"}`,
    );
    if (!decision.allowed) assert.match(decision.reason, /\S{3,}/, "a denial explains itself");
  });
}

describe("policy matrix: every role × every action", () => {
  it("covers every action in the policy (a new action needs an expected row here)", () => {
    const covered = new Set<string>([
      ...Object.keys(PLAIN),
      ...PER_ARTICLE,
      "user.manage",
      "user.resetPassword",
    ]);
    assert.deepEqual(
      [...ACTIONS].filter((a) => !covered.has(a)),
      [],
    );
  });

  for (const [action, row] of Object.entries(PLAIN) as [Action, Row][])
    it(`${action}`, () => check(action, row));

  for (const action of PER_ARTICLE)
    for (const variant of ARTICLE_VARIANTS)
      it(`${action} on ${variant.label}`, () => check(action, variant.row, variant.resource, variant.label));

  for (const variant of USER_VARIANTS)
    it(`user.manage on ${variant.label}`, () =>
      check("user.manage", variant.row, variant.resource, variant.label));

  for (const variant of RESET_VARIANTS)
    it(`user.resetPassword on ${variant.label}`, () =>
      check("user.resetPassword", variant.row, variant.resource, variant.label));

  it("writers cannot edit an article without saying which", () => {
    assert.equal(can(SUBJECTS[1]!.actor, "article.update").allowed, false);
  });

  it("the system actor (scheduler, CLI) may do everything", () => {
    for (const action of ACTIONS)
      assert.equal(can({ kind: "system", name: "t" }, action).allowed, true, action);
  });

  it("explains denials in Indonesian", () => {
    const denied = can(SUBJECTS[1]!.actor, "article.update", article("in_review", "credit"));
    assert.deepEqual(denied, {
      allowed: false,
      reason: "Penulis hanya boleh mengubah artikel yang masih berstatus draf.",
    });
    assert.equal((can(null, "article.read") as { reason: string }).reason, "Silakan masuk terlebih dahulu.");
  });
});

describe("token scopes limit the owner's role", () => {
  const editor = (scopes: TokenScope[]): Actor => ({
    kind: "user",
    userId: 3,
    role: "editor",
    personId: 30,
    scopes,
  });

  it("allows only actions inside the scopes, and never more than the role", () => {
    const reader = editor(["content:read"]);
    assert.equal(can(reader, "article.read").allowed, true);
    assert.equal(can(reader, "article.publish").allowed, false);
    const publisher = editor(["articles:publish"]);
    assert.equal(can(publisher, "article.publish").allowed, true);
    assert.equal(can(publisher, "article.read").allowed, false);
    // A scope the role cannot use grants nothing.
    assert.equal(can(editor(["taxonomy:write"]), "section.manage").allowed, false);
  });

  it("never opens account or token management to a token", () => {
    const admin: Actor = { kind: "user", userId: 5, role: "admin", personId: null, scopes: ["audit:read"] };
    assert.equal(can(admin, "audit.read").allowed, true);
    for (const action of ["user.read", "user.manage", "token.manageOwn", "token.manageAny"] as const)
      assert.equal(can(admin, action).allowed, false, action);
  });

  it("scopesForRole intersects scopes with what the role may do", () => {
    const expected: Record<Role, string[]> = {
      penulis: ["content:read", "articles:write"],
      editor: ["content:read", "articles:write", "articles:publish"],
      redaktur: ["content:read", "articles:write", "articles:publish", "taxonomy:write"],
      admin: ["content:read", "articles:write", "articles:publish", "taxonomy:write", "audit:read"],
    };
    for (const role of Object.keys(expected) as Role[])
      assert.deepEqual(scopesForRole(role), expected[role], role);
  });
});
