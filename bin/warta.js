#!/usr/bin/env node
// The `warta` command. Node 24 (pinned in package.json) runs the TypeScript sources directly.
import { main } from "../src/cli/main.ts";

process.exitCode = await main(process.argv.slice(2));
