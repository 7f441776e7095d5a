// ESLint flat config: errors or off, never warn (DESIGN.md §2).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { functionSizeRule } from "./eslint/function-size.rule.js";
import { layerImportsRule } from "./eslint/layer-imports.rule.js";

/**
 * The layers (docs/architecture.md): what each folder under src/ may import besides itself. The most
 * specific key wins ("search/postgres" over "search"); `deny` overrides `allow`; `allowTypes` admits
 * type-only imports (erased at run time). Test files (*.test.ts, *.test-support.ts, src/testing/)
 * may also import `tests.allow`.
 */
const LAYERS = {
  core: { allow: [], allowTypes: ["content/body.schema.ts", "content/embed-providers.ts"] },
  content: { allow: ["core"] },
  db: { allow: ["core", "content"] },
  search: { allow: ["core", "content", "db"] },
  "search/sqlite": { allow: ["core", "content", "db", "search"], deny: ["search/postgres"] },
  "search/postgres": { allow: ["core", "content", "db", "search"], deny: ["search/sqlite"] },
  distribution: { allow: ["core", "content", "db"] },
  importers: { allow: ["core", "content"] },
  cache: { allow: ["core"] },
  media: { allow: ["core"] },
  services: {
    allow: ["core", "content", "db", "search", "distribution", "importers", "media", "cache/purge-keys.ts"],
  },
  app: {
    allow: ["core", "content", "db", "search", "distribution", "importers", "cache", "media", "services"],
  },
  server: {
    allow: ["core", "content", "db/read", "search", "distribution", "cache", "media", "services", "app"],
  },
  cli: { allow: ["core", "content", "search", "importers", "services", "app", "server/app.ts"] },
  // The corpus generator writes millions of rows straight through the repositories (benchmarks).
  "cli/generate": { allow: ["cli", "core", "content", "db", "app"] },
  testing: { allow: ["core", "content", "db", "search", "services", "app", "server/app.ts"] },
};
const TESTS = {
  allow: ["testing", "app", "db", "services", "cli/demo", "cli/load-demo.ts", "server/app.ts"],
};

/**
 * Functions longer than the house limit, each with its reason. Keep this list short: split a long
 * function into named ones rather than adding it here.
 */
const LONG_FUNCTIONS = {
  // Frozen migrations: the schema as it shipped; a migration that ran is never edited.
  "src/db/migrations/001-content.ts": "frozen migration",
  "src/db/migrations/003-newsroom.ts": "frozen migration",
};

const WARTA_PLUGIN = { rules: { layers: layerImportsRule, "function-size": functionSizeRule } };

export default tseslint.config(
  { ignores: ["node_modules/**", "data/**", "bench/results/**", "admin/dist/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        setImmediate: "readonly",
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": "off",
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    files: ["src/**/*.ts"],
    plugins: { warta: WARTA_PLUGIN },
    rules: { "warta/layers": ["error", { layers: LAYERS, tests: TESTS }] },
  },
  {
    // House rule: functions ≲ 80 lines of their own code (eslint/function-size.rule.js). Tests are
    // read as scenarios and are not held to it.
    files: ["src/**/*.ts", "admin/src/**/*.ts", "admin/src/**/*.tsx"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", ...Object.keys(LONG_FUNCTIONS)],
    plugins: { warta: WARTA_PLUGIN },
    rules: { "warta/function-size": ["error", { max: 80 }] },
  },
);
