import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { ApiError, api, onSessionExpired, setCsrfToken } from "./api.ts";
import { Modal } from "./dialog.tsx";
import { PrefsProvider, usePrefs } from "./prefs.tsx";
import type { User } from "./types.ts";

interface SessionState {
  user: User | null;
  loading: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

interface LoginResponse {
  user: User;
  csrfToken: string;
}

/**
 * Who is signed in (GET /auth/me on start), sign in and out, and the expired-session dialog: any
 * API call answered 401 while signed in waits for the password, then is sent again.
 */
export function SessionProvider(props: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  const [reauth, setReauth] = useState<((ok: boolean) => void) | null>(null);
  const pending = useRef<Promise<boolean> | null>(null);

  useEffect(() => {
    api
      .get<{ user: User; csrfToken: string | null }>("/auth/me")
      .then((me) => {
        setCsrfToken(me.csrfToken);
        setUser(me.user);
      })
      .catch(() => setUser(null))
      .finally(() => setLoading(false));
  }, []);

  useEffect(() => {
    if (!user) {
      onSessionExpired(null);
      return;
    }
    onSessionExpired(() => {
      // Several calls may fail at once: one dialog answers them all.
      pending.current ??= new Promise<boolean>((resolve) => setReauth(() => resolve)).finally(() => {
        pending.current = null;
        setReauth(null);
      });
      return pending.current;
    });
    return () => onSessionExpired(null);
  }, [user]);

  const login = useCallback(async (email: string, password: string) => {
    const result = await api.post<LoginResponse>("/auth/login", { email, password }, { reauth: false });
    setCsrfToken(result.csrfToken);
    setUser(result.user);
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post("/auth/logout", undefined, { reauth: false });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
    }
    setCsrfToken(null);
    setUser(null);
  }, []);

  return (
    <SessionContext.Provider value={{ user, loading, login, logout }}>
      <PrefsProvider userId={user?.id ?? null}>
        {props.children}
        {reauth && user && <ReauthDialog email={user.email} onDone={reauth} login={login} />}
      </PrefsProvider>
    </SessionContext.Provider>
  );
}

function ReauthDialog(props: {
  email: string;
  onDone: (ok: boolean) => void;
  login: (email: string, password: string) => Promise<void>;
}) {
  const { t } = usePrefs();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={t("sessionExpiredTitle")} onClose={() => props.onDone(false)}>
      <p>{t("sessionExpiredText")}</p>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await props.login(props.email, password);
            props.onDone(true);
          } catch (e) {
            setError(e instanceof Error ? e.message : String(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <p className="muted">{props.email}</p>
        <label>
          {t("password")}
          <input
            type="password"
            autoComplete="current-password"
            required
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t("continue")}
          </button>
          <button type="button" className="secondary" onClick={() => props.onDone(false)}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error("SessionProvider missing");
  return session;
}
