import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from "react";

/** A small history router: paths under /admin, links that navigate without a reload. */
const listeners = new Set<() => void>();

/**
 * Screens are keyed by visit (`screenKey`): every navigation mounts a fresh screen, while a screen
 * that changes its own address in place (a new story given its id by the first save:
 * `moveInPlace`) keeps its key, so a later re-render (language, session renewed) does not remount it.
 */
let visit = 0;
const keptKeys = new Map<string, string>();
const newVisit = () => {
  visit += 1;
  keptKeys.clear();
};
window.addEventListener("popstate", newVisit);

export function screenKey(path: string): string {
  return keptKeys.get(path) ?? `${path}#${visit}`;
}

/** Replaces the address of the screen shown now without remounting it or adding a history entry. */
export function moveInPlace(to: string): void {
  keptKeys.set(to.replace(/\/+$/, ""), screenKey(location.pathname.replace(/\/+$/, "") || "/"));
  history.replaceState(null, "", to);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  newVisit();
  if (options.replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  for (const listener of listeners) listener();
}

export function useLocation(): { path: string; search: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((n) => n + 1);
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return { path: location.pathname.replace(/\/+$/, "") || "/", search: new URLSearchParams(location.search) };
}

export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    props.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    navigate(props.href);
  };
  return <a {...props} onClick={onClick} />;
}
