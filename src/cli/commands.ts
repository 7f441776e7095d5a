import type { Command } from "./command.ts";
import { backupCommand, restoreCommand } from "./commands/backup.command.ts";
import { demoCommand, migrateCommand } from "./commands/demo.command.ts";
import { generateCommand } from "./commands/generate.command.ts";
import { migrateStoreCommand } from "./commands/migrate-store.command.ts";
import { analyzePageCommand, exportCommand, importCommand } from "./commands/import.command.ts";
import { importImagesCommand } from "./commands/import-images.command.ts";
import { relatedCommand } from "./commands/related.command.ts";
import { analyzeCommand, reindexCommand } from "./commands/search.command.ts";
import { serveCommand, startCommand } from "./commands/serve.command.ts";
import { userCommand } from "./commands/user.command.ts";

/** Every `warta` subcommand. Add a command by adding its file under commands/ and a line here. */
export const COMMANDS: Command[] = [
  startCommand,
  serveCommand,
  demoCommand,
  migrateCommand,
  generateCommand,
  importCommand,
  exportCommand,
  analyzePageCommand,
  importImagesCommand,
  reindexCommand,
  relatedCommand,
  analyzeCommand,
  userCommand,
  migrateStoreCommand,
  backupCommand,
  restoreCommand,
];
