import { useState } from "react";
import { usePrefs } from "../lib/prefs.tsx";
import { useSession } from "../lib/session.tsx";

/** /admin/masuk: email and password against POST /api/v1/auth/login (session cookie + CSRF token). */
export function LoginScreen() {
  const { t, lang, setLang } = usePrefs();
  const { login } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <main id="isi" className="login">
      <h1>{t("loginTitle")}</h1>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await login(email, password);
          } catch (e) {
            setError(e instanceof Error ? e.message : String(e));
            setBusy(false);
          }
        }}
      >
        <label>
          {t("email")}
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t("password")}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t("loggingIn") : t("login")}
        </button>
      </form>
      <p>
        <button type="button" className="link" onClick={() => setLang(lang === "id" ? "en" : "id")}>
          {lang === "id" ? t("englishName") : t("indonesianName")}
        </button>
      </p>
    </main>
  );
}
