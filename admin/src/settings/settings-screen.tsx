import type { ReactNode } from "react";
import { Link } from "../lib/router.tsx";
import { usePrefs } from "../lib/prefs.tsx";
import { useSession } from "../lib/session.tsx";
import { AREAS, visibleAreas, type AreaSlug } from "./access.ts";
import { AliasesSettings } from "./aliases-settings.tsx";
import { PeopleSettings } from "./people-settings.tsx";
import { SectionsSettings } from "./sections-settings.tsx";
import { TokensSettings } from "./tokens-settings.tsx";
import { UsersSettings } from "./users-settings.tsx";
import { WebhooksSettings } from "./webhooks-settings.tsx";
import "./settings.css";

const SCREENS: Record<AreaSlug, () => ReactNode> = {
  rubrik: () => <SectionsSettings />,
  orang: () => <PeopleSettings />,
  pengguna: () => <UsersSettings />,
  token: () => <TokensSettings />,
  webhook: () => <WebhooksSettings />,
  alias: () => <AliasesSettings />,
};

/**
 * /admin/pengaturan and its screens (/admin/pengaturan/<area>): a menu of the areas the user's
 * role may manage, and the chosen one. The whole folder is one lazily loaded chunk.
 */
export function SettingsScreen(props: { path: string }) {
  const { t } = usePrefs();
  const { user } = useSession();
  if (!user) return null;
  const areas = visibleAreas(user);
  const slug = props.path.replace(/^\/admin\/pengaturan\/?/, "");
  const area = AREAS.find((a) => a.slug === slug);
  let content: ReactNode;
  if (slug === "")
    content = (
      <>
        <h1>{t("settings")}</h1>
        <p>{t("settingsIntro")}</p>
      </>
    );
  else if (!area) content = <h1>{t("notFound")}</h1>;
  else if (!areas.includes(area))
    content = (
      <>
        <h1>{t(area.label)}</h1>
        <p role="alert" className="error">
          {t("forbiddenScreen")}
        </p>
      </>
    );
  else content = SCREENS[area.slug]();
  return (
    <div className="settings">
      <nav aria-label={t("settingsNav")} className="settings-nav">
        <ul>
          {areas.map((a) => (
            <li key={a.slug}>
              <Link href={`/admin/pengaturan/${a.slug}`} aria-current={a === area ? "page" : undefined}>
                {t(a.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="settings-body">{content}</section>
    </div>
  );
}
