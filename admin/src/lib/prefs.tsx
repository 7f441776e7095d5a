import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { format, MESSAGES, type Language, type MessageKey } from "./messages.ts";
import { ZONES } from "./time.ts";
import type { Zone } from "./types.ts";

/**
 * The user's language (Indonesian unless switched) and desk time zone, remembered in this browser
 * per user (`warta.admin.<pref>.<userId>`), with the last choice also used on the login screen.
 */
interface Prefs {
  lang: Language;
  zone: Zone;
  locale: string;
  setLang(lang: Language): void;
  setZone(zone: Zone): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
}

const PrefsContext = createContext<Prefs | null>(null);

const read = (key: string) => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
const write = (key: string, value: string) => {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage full or blocked: the choice lasts for this page only */
  }
};

export function PrefsProvider(props: { userId: number | null; children: ReactNode }) {
  const suffix = props.userId === null ? "" : `.${props.userId}`;
  const initialLang = (read(`warta.admin.lang${suffix}`) ?? read("warta.admin.lang")) === "en" ? "en" : "id";
  const storedZone = read(`warta.admin.zone${suffix}`) ?? read("warta.admin.zone");
  const [lang, setLangState] = useState<Language>(initialLang);
  const [zone, setZoneState] = useState<Zone>(
    ZONES.includes(storedZone as Zone) ? (storedZone as Zone) : "Asia/Jakarta",
  );
  const [seenSuffix, setSeenSuffix] = useState(suffix);
  if (seenSuffix !== suffix) {
    // Signed in as someone (else): their own remembered choices apply.
    setSeenSuffix(suffix);
    const userLang = read(`warta.admin.lang${suffix}`);
    if (userLang === "en" || userLang === "id") setLangState(userLang);
    const userZone = read(`warta.admin.zone${suffix}`);
    if (ZONES.includes(userZone as Zone)) setZoneState(userZone as Zone);
  }
  const setLang = useCallback(
    (next: Language) => {
      setLangState(next);
      write(`warta.admin.lang${suffix}`, next);
      write("warta.admin.lang", next);
    },
    [suffix],
  );
  const setZone = useCallback(
    (next: Zone) => {
      setZoneState(next);
      write(`warta.admin.zone${suffix}`, next);
      write("warta.admin.zone", next);
    },
    [suffix],
  );
  const value = useMemo<Prefs>(() => {
    document.documentElement.lang = lang;
    return {
      lang,
      zone,
      locale: lang === "id" ? "id-ID" : "en-GB",
      setLang,
      setZone,
      t: (key, vars) => format(MESSAGES[lang][key], vars),
    };
  }, [lang, zone, setLang, setZone]);
  return <PrefsContext.Provider value={value}>{props.children}</PrefsContext.Provider>;
}

export function usePrefs(): Prefs {
  const prefs = useContext(PrefsContext);
  if (!prefs) throw new Error("PrefsProvider missing");
  return prefs;
}
