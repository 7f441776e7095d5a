// ESLint rule `warta/layers`: an import may only point at a layer the table in eslint.config.js
// allows (docs/architecture.md, "Layers"). Paths are resolved, so `../` chains cannot hide a
// wrong import. Files outside src/ (bench/, e2e/, bin/) are not layered.
import { dirname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const TEST_FILE = /\.test(-support)?\.ts$/;

/** "src/search/postgres/x.ts" → "search/postgres/x.ts"; null outside src/. */
function inSrc(absolute) {
  const path = relative(ROOT, absolute).split(sep).join("/");
  return path.startsWith("src/") ? path.slice(4) : null;
}

/** True when `path` is `entry` or lies under it ("db/read" covers "db/read/x.ts"). */
const covers = (entry, path) => path === entry || path.startsWith(`${entry}/`);

/** The most specific layer key that covers `path`. */
function layerOf(layers, path) {
  let best = null;
  for (const key of Object.keys(layers))
    if (covers(key, path) && (!best || key.length > best.length)) best = key;
  return best;
}

function isTypeOnly(node) {
  if (node.importKind === "type" || node.exportKind === "type") return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === "type" || s.exportKind === "type");
}

export const layerImportsRule = {
  meta: {
    type: "problem",
    docs: { description: "Imports follow the layers: core ← content ← db ← services ← (app, server, cli)" },
    schema: [{ type: "object" }],
    messages: {
      wrongLayer:
        "{{from}} may not import {{to}} (layer {{layer}} may use: {{allowed}}). See docs/architecture.md, Layers.",
    },
  },
  create(context) {
    const { layers, tests } = context.options[0];
    const file = inSrc(context.filename);
    if (!file) return {};
    const layer = layerOf(layers, file);
    if (!layer) return {};
    const rules = layers[layer];
    const isTest = TEST_FILE.test(file) || covers("testing", file);
    const allow = [layer, ...rules.allow, ...(isTest ? tests.allow : [])];

    function check(node, source) {
      if (!source || typeof source.value !== "string" || !source.value.startsWith(".")) return;
      const target = inSrc(resolve(dirname(context.filename), source.value));
      if (!target) return;
      const denied = (rules.deny ?? []).some((entry) => covers(entry, target));
      const allowed =
        allow.some((entry) => covers(entry, target)) ||
        (isTypeOnly(node) && (rules.allowTypes ?? []).some((entry) => covers(entry, target)));
      if (allowed && !denied) return;
      context.report({
        node: source,
        messageId: "wrongLayer",
        data: { from: `src/${file}`, to: `src/${target}`, layer, allowed: allow.join(", ") },
      });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === "Literal" ? node.source : null),
    };
  },
};
