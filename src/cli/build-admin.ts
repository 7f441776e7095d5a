import { buildAdmin, ensureAdminBuild } from "../app/admin-build.ts";

/**
 * `npm ci` runs this (package.json `postinstall`): builds the admin SPA into admin/dist unless it is
 * already up to date. `--force` rebuilds. `npm start` checks again (app/admin-build.ts).
 */
const force = process.argv.includes("--force");
try {
  if (force) await buildAdmin();
  else if (!(await ensureAdminBuild())) console.log("Admin is up to date (admin/dist).");
  else console.log("Admin built into admin/dist.");
} catch (error) {
  console.error("Building the admin (admin/) failed:", error);
  process.exit(1);
}
