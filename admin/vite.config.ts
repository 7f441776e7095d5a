import react from "@vitejs/plugin-react";
import type { InlineConfig } from "vite";

/**
 * The admin's build, used by src/server/admin/admin-build.ts (install and start) — not through a
 * config file lookup, so the build is the same wherever it is started from. Hashed file names under
 * /admin/assets/ are served as immutable; index.html is not cached. No inline scripts, no eval: the
 * admin runs under a strict Content-Security-Policy.
 */
export function adminViteConfig(root: string): InlineConfig {
  return {
    root,
    base: "/admin/",
    configFile: false,
    logLevel: "warn",
    plugins: [react()],
    build: {
      outDir: "dist",
      emptyOutDir: true,
      assetsDir: "assets",
      manifest: true,
      sourcemap: false,
      target: "es2022",
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 800,
    },
  };
}
