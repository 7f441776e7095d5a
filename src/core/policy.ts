import type { Actor, Role } from "./actor.ts";
import type { ArticleStatus } from "./article.ts";

/**
 * Access control as data (DESIGN.md §5.9): one table of role × action, each cell either a plain
 * yes/no or a named condition on the resource. `can()` is pure; the API and the CLI call it the
 * same way. Workflow *states* are decided by core/workflow.ts; this decides *who*.
 */
export const ROLES: readonly Role[] = ["penulis", "editor", "redaktur", "admin"];

export const ACTIONS = [
  "article.read",
  "article.search",
  "article.preview",
  "article.presence",
  "article.create",
  "article.update",
  "article.delete",
  "article.submit",
  "article.requestChanges",
  "article.approve",
  "article.schedule",
  "article.publish",
  "article.unpublish",
  "article.correct",
  "taxonomy.read",
  "tag.create",
  "section.manage",
  "person.manage",
  "searchAlias.manage",
  "media.read",
  "media.upload",
  "media.update",
  "media.replace",
  "media.delete",
  "user.read",
  "user.manage",
  "user.resetPassword",
  "token.manageOwn",
  "token.manageAny",
  "audit.read",
  "webhook.manage",
  "factCheck.update",
  "topic.manage",
  "liveBlog.post",
] as const;

export type Action = (typeof ACTIONS)[number];

/** What a rule may look at. Only articles and users carry conditions. */
export type Resource =
  | {
      type: "article";
      status: ArticleStatus;
      /** The user who created it (from revisions), when known. */
      createdByUserId?: number | null;
      /** People credited on it (any role): a writer owns an article that credits them. */
      creditPersonIds?: readonly number[];
    }
  | {
      type: "user";
      /** The user's role now, and (on update/create) the role being given. */
      role: Role;
      newRole?: Role;
    };

/** Scopes an API token may carry; a token can never do more than its owner's role allows. */
export const TOKEN_SCOPES = [
  "content:read",
  "articles:write",
  "articles:publish",
  "taxonomy:write",
  "audit:read",
] as const;

export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Which scope lets a token take an action. Actions mapped to null are never open to tokens. */
export const SCOPE_OF_ACTION: Record<Action, TokenScope | null> = {
  "article.read": "content:read",
  // The newsroom's search over every story (drafts, scheduled): the same reach as the newsroom list.
  "article.search": "content:read",
  // A preview is a page for a person signed in to the newsroom, not for integrations.
  "article.preview": null,
  // "Who has this story open" is about people at work in the newsroom, not for integrations.
  "article.presence": null,
  "article.create": "articles:write",
  "article.update": "articles:write",
  "article.delete": "articles:write",
  "article.submit": "articles:write",
  "article.requestChanges": "articles:publish",
  "article.approve": "articles:publish",
  "article.schedule": "articles:publish",
  "article.publish": "articles:publish",
  "article.unpublish": "articles:publish",
  "article.correct": "articles:publish",
  "taxonomy.read": "content:read",
  "tag.create": "articles:write",
  "section.manage": "taxonomy:write",
  "person.manage": "taxonomy:write",
  // Aliases change what every search finds, like the section tree changes what pages show.
  "searchAlias.manage": "taxonomy:write",
  "media.read": "content:read",
  "media.upload": "articles:write",
  "media.update": "articles:write",
  "media.replace": "articles:write",
  "media.delete": "articles:write",
  "user.read": null,
  "user.manage": null,
  "user.resetPassword": null,
  "token.manageOwn": null,
  "token.manageAny": null,
  "audit.read": "audit:read",
  // A token could point deliveries, and their signatures, anywhere: webhooks need a signed-in admin.
  "webhook.manage": null,
  "factCheck.update": "articles:write",
  // Topics and live entries are seen by readers the moment they are saved: publishing rights.
  "topic.manage": "articles:publish",
  "liveBlog.post": "articles:publish",
};

type Condition = "ownDraft" | "notAdminUser" | "belowRedaktur";
type Cell = boolean | Condition;

/** Anonymous visitors: only what the public site shows anyway. */
const ANONYMOUS: Readonly<Record<Action, boolean>> = Object.fromEntries(
  ACTIONS.map((a) => [a, a === "taxonomy.read"]),
) as Record<Action, boolean>;

const EDITOR_ARTICLES: Partial<Record<Action, Cell>> = {
  "article.read": true,
  "article.search": true,
  "article.preview": true,
  "article.presence": true,
  "article.create": true,
  "article.update": true,
  "article.delete": true,
  "article.submit": true,
  "article.requestChanges": true,
  "article.approve": true,
  "article.schedule": true,
  "article.publish": true,
  "article.unpublish": true,
  "article.correct": true,
  "factCheck.update": true,
  // A new file or a deletion changes what live stories show: editors and up.
  "media.replace": true,
  "media.delete": true,
  "topic.manage": true,
  "liveBlog.post": true,
};

const COMMON: Partial<Record<Action, Cell>> = {
  "taxonomy.read": true,
  "tag.create": true,
  "media.read": true,
  "media.upload": true,
  "media.update": true,
  "token.manageOwn": true,
};

export const POLICY: Readonly<Record<Role, Partial<Record<Action, Cell>>>> = {
  penulis: {
    ...COMMON,
    "article.read": true,
    "article.search": true,
    "article.preview": true,
    "article.presence": true,
    "article.create": true,
    "article.update": "ownDraft",
    "article.delete": "ownDraft",
    "article.submit": "ownDraft",
    "factCheck.update": "ownDraft",
  },
  editor: { ...COMMON, ...EDITOR_ARTICLES },
  redaktur: {
    ...COMMON,
    ...EDITOR_ARTICLES,
    "section.manage": true,
    "person.manage": true,
    "searchAlias.manage": true,
    "user.read": true,
    "user.manage": "notAdminUser",
    // The new password comes back to whoever reset it: never a peer's (or an admin's).
    "user.resetPassword": "belowRedaktur",
  },
  admin: {
    ...COMMON,
    ...EDITOR_ARTICLES,
    "section.manage": true,
    "person.manage": true,
    "searchAlias.manage": true,
    "user.read": true,
    "user.manage": true,
    "user.resetPassword": true,
    "token.manageAny": true,
    "audit.read": true,
    "webhook.manage": true,
  },
};

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOW: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

const ROLE_LABEL: Record<Role, string> = {
  penulis: "Penulis",
  editor: "Editor",
  redaktur: "Redaktur",
  admin: "Admin",
};

function ownsArticle(actor: Extract<Actor, { kind: "user" }>, resource: Resource | undefined): boolean {
  if (!resource || resource.type !== "article") return false;
  if (resource.createdByUserId != null && resource.createdByUserId === actor.userId) return true;
  return actor.personId !== null && (resource.creditPersonIds ?? []).includes(actor.personId);
}

function checkCondition(
  condition: Condition,
  actor: Extract<Actor, { kind: "user" }>,
  resource: Resource | undefined,
): Decision {
  switch (condition) {
    case "ownDraft":
      // Creating is separate (article.create); these need the article in hand.
      if (!resource || resource.type !== "article") return deny("Artikel tidak disebutkan.");
      if (!ownsArticle(actor, resource)) return deny("Penulis hanya boleh mengubah artikelnya sendiri.");
      if (resource.status !== "draft")
        return deny("Penulis hanya boleh mengubah artikel yang masih berstatus draf.");
      return ALLOW;
    case "notAdminUser":
      if (!resource || resource.type !== "user") return ALLOW;
      if (resource.role === "admin" || resource.newRole === "admin")
        return deny("Hanya admin yang boleh mengelola akun admin.");
      return ALLOW;
    case "belowRedaktur":
      if (!resource || resource.type !== "user") return deny("Akun tidak disebutkan.");
      if (resource.role === "redaktur" || resource.role === "admin")
        return deny("Kata sandi redaktur dan admin hanya bisa disetel ulang oleh admin.");
      return ALLOW;
  }
}

/**
 * May `actor` take `action` (on `resource`)? Pure. `null` is an anonymous visitor; the system
 * actor (scheduler, CLI, importers) may do everything. A user authenticated by API token is also
 * limited to the token's scopes.
 */
export function can(actor: Actor | null, action: Action, resource?: Resource): Decision {
  if (actor === null) return ANONYMOUS[action] ? ALLOW : deny("Silakan masuk terlebih dahulu.");
  if (actor.kind === "system") return ALLOW;
  if (actor.scopes !== undefined) {
    const scope = SCOPE_OF_ACTION[action];
    if (scope === null) return deny("Token API tidak bisa dipakai untuk tindakan ini.");
    if (!actor.scopes.includes(scope)) return deny(`Token API ini tidak memiliki cakupan ${scope}.`);
  }
  const cell = POLICY[actor.role][action] ?? false;
  if (cell === true) return ALLOW;
  if (cell === false) return deny(`Peran ${ROLE_LABEL[actor.role]} tidak diizinkan melakukan tindakan ini.`);
  return checkCondition(cell, actor, resource);
}

/** Scopes that grant this role at least one action (token scopes are intersected with the role). */
export function scopesForRole(role: Role): TokenScope[] {
  return TOKEN_SCOPES.filter((scope) =>
    ACTIONS.some((action) => SCOPE_OF_ACTION[action] === scope && (POLICY[role][action] ?? false) !== false),
  );
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
