/**
 * Who sees which settings screen: the server's own policy table (src/core/policy.ts), asked with
 * the signed-in user's role. The server decides again on every call; this only hides what would
 * be refused.
 */
import { can, type Action, type Resource } from "../../../src/core/policy.ts";
import type { MessageKey } from "../lib/messages.ts";
import type { User } from "../lib/types.ts";

export type AreaSlug = "rubrik" | "orang" | "pengguna" | "token" | "webhook" | "alias";

export interface SettingsArea {
  slug: AreaSlug;
  label: MessageKey;
  action: Action;
}

/** In the order of the settings menu; the screen of each is in settings-screen.tsx. */
export const AREAS: readonly SettingsArea[] = [
  { slug: "rubrik", label: "set_sections", action: "section.manage" },
  { slug: "orang", label: "set_people", action: "person.manage" },
  { slug: "pengguna", label: "set_users", action: "user.read" },
  { slug: "token", label: "set_tokens", action: "token.manageOwn" },
  { slug: "webhook", label: "set_webhooks", action: "webhook.manage" },
  { slug: "alias", label: "set_aliases", action: "searchAlias.manage" },
];

export function allowed(user: User, action: Action, resource?: Resource): boolean {
  const actor = { kind: "user", userId: user.id, role: user.role, personId: user.personId } as const;
  return can(actor, action, resource).allowed;
}

export function visibleAreas(user: User): SettingsArea[] {
  return AREAS.filter((area) => allowed(user, area.action));
}
