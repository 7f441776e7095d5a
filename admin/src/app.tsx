import { lazy, Suspense, useEffect, type ReactNode } from "react";
import { Link, navigate, screenKey, useLocation } from "./lib/router.tsx";
import { usePrefs } from "./lib/prefs.tsx";
import { useSession } from "./lib/session.tsx";
import { ZONES, zoneAbbreviation } from "./lib/time.ts";
import type { Zone } from "./lib/types.ts";
import { LoginScreen } from "./screens/login.tsx";
import { DeskScreen } from "./screens/desk.tsx";
import { StoriesScreen } from "./screens/stories.tsx";
import { visibleAreas } from "./settings/access.ts";

/** The editor (TipTap/ProseMirror) is its own chunk: the desk and lists load without it. */
const EditorScreen = lazy(() =>
  import("./editor/editor-screen.tsx").then((m) => ({ default: m.EditorScreen })),
);

/** The live blog console and Topik Pilihan: their own chunks too. */
const LiveScreens = lazy(() => import("./live/live-screens.tsx"));
const TopicScreens = lazy(() => import("./topics/topics-screens.tsx"));
/** The settings screens (/admin/pengaturan/…) are their own chunk too. */
const SettingsScreen = lazy(() =>
  import("./settings/settings-screen.tsx").then((m) => ({ default: m.SettingsScreen })),
);

/** Routes under /admin; everything but /admin/masuk needs a session. */
export function App() {
  const { path, search } = useLocation();
  const { user, loading } = useSession();
  const { t } = usePrefs();

  const isLogin = path === "/admin/masuk";
  useEffect(() => {
    if (loading) return;
    if (!user && !isLogin)
      navigate(`/admin/masuk${path === "/admin" ? "" : `?lanjut=${encodeURIComponent(path)}`}`, {
        replace: true,
      });
    if (user && isLogin) {
      const next = search.get("lanjut");
      navigate(next && next.startsWith("/admin") ? next : "/admin", { replace: true });
    }
  }, [user, loading, isLogin, path, search]);

  if (loading) return <p className="loading">{t("loading")}</p>;
  if (!user) return isLogin ? <LoginScreen /> : null;

  let screen: ReactNode;
  const articleMatch = /^\/admin\/berita\/(\d+)$/.exec(path);
  if (path === "/admin") screen = <DeskScreen />;
  else if (path === "/admin/berita") screen = <StoriesScreen />;
  else if (path === "/admin/berita/baru") screen = <EditorScreen key={screenKey(path)} articleId={null} />;
  else if (articleMatch) screen = <EditorScreen key={screenKey(path)} articleId={Number(articleMatch[1])} />;
  else if (/^\/admin\/live(\/\d+)?$/.test(path)) screen = <LiveScreens path={path} />;
  else if (/^\/admin\/topik(\/(\d+|baru))?$/.test(path)) screen = <TopicScreens path={path} />;
  else if (path === "/admin/pengaturan" || path.startsWith("/admin/pengaturan/"))
    screen = <SettingsScreen path={path} />;
  else
    screen = (
      <section>
        <h1>{t("notFound")}</h1>
        <Link href="/admin">{t("toDesk")}</Link>
      </section>
    );
  return (
    <Layout>
      <Suspense fallback={<p className="muted">{t("loading")}</p>}>{screen}</Suspense>
    </Layout>
  );
}

function Layout(props: { children: ReactNode }) {
  const { t, lang, setLang, zone, setZone } = usePrefs();
  const { user, logout } = useSession();
  return (
    <>
      <a className="skip" href="#isi">
        {t("skipToContent")}
      </a>
      <header className="topbar">
        <Link href="/admin" className="brand">
          {t("appName")}
        </Link>
        <nav aria-label={t("mainNav")}>
          <Link href="/admin">{t("desk")}</Link>
          <Link href="/admin/berita">{t("allStories")}</Link>
          <Link href="/admin/live">{t("navLive")}</Link>
          <Link href="/admin/topik">{t("navTopics")}</Link>
          {user && visibleAreas(user).length > 0 && <Link href="/admin/pengaturan">{t("settings")}</Link>}
          <Link href="/admin/berita/baru" className="button">
            {t("write")}
          </Link>
        </nav>
        <div className="prefs">
          <label>
            {t("zone")}{" "}
            <select value={zone} onChange={(e) => setZone(e.target.value as Zone)}>
              {ZONES.map((z) => (
                <option key={z} value={z}>
                  {zoneAbbreviation(z)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("language")}{" "}
            <select value={lang} onChange={(e) => setLang(e.target.value === "en" ? "en" : "id")}>
              <option value="id">{t("indonesianName")}</option>
              <option value="en">{t("englishName")}</option>
            </select>
          </label>
          <span className="who">{user?.name}</span>
          <button
            type="button"
            className="secondary"
            onClick={async () => {
              await logout();
              navigate("/admin/masuk");
            }}
          >
            {t("logout")}
          </button>
        </div>
      </header>
      <main id="isi" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
}
