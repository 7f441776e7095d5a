// ESLint rule `warta/function-size`: a function may have at most `max` lines of its own (house rule
// "functions ≲ 80 lines", docs/architecture.md). Its own lines are the lines holding its code, not
// counting blank lines, comments, and the lines of the multi-line functions it defines: a factory
// that is a list of small closures is as long as its own statements, each closure is measured on
// its own. A function that must stay longer says why in an `eslint-disable-next-line` comment.

const FUNCTIONS = ["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"];

/** "Function 'x'" / "Method 'y'" / "Arrow function" for the message. */
function describeFunction(node) {
  const parent = node.parent;
  const name =
    node.id?.name ??
    (parent?.type === "VariableDeclarator" && parent.id.type === "Identifier" ? parent.id.name : null) ??
    ((parent?.type === "Property" || parent?.type === "MethodDefinition") && parent.key.type === "Identifier"
      ? parent.key.name
      : null);
  return name ? `Function '${name}'` : "Anonymous function";
}

export const functionSizeRule = {
  meta: {
    type: "suggestion",
    docs: { description: "Functions stay short: at most `max` lines of their own code" },
    schema: [
      {
        type: "object",
        properties: { max: { type: "integer", minimum: 1 } },
        additionalProperties: false,
      },
    ],
    messages: {
      tooLong:
        "{{name}} has {{lines}} lines of its own code (max {{max}}; blank lines, comments and the functions it defines not counted). Split it into named functions, or state why not at its top.",
    },
  },
  create(context) {
    const max = context.options[0]?.max ?? 80;
    const sourceCode = context.sourceCode;
    const functions = [];
    const collect = (node) => functions.push(node);
    return {
      ...Object.fromEntries(FUNCTIONS.map((type) => [type, collect])),
      "Program:exit"() {
        for (const fn of functions) {
          // Lines taken by the multi-line functions defined inside `fn`.
          const nested = functions.filter(
            (other) =>
              other !== fn &&
              other.range[0] >= fn.range[0] &&
              other.range[1] <= fn.range[1] &&
              other.loc.end.line > other.loc.start.line,
          );
          const theirs = new Set();
          for (const inner of nested)
            for (let line = inner.loc.start.line; line <= inner.loc.end.line; line++) theirs.add(line);
          const own = new Set();
          for (const token of sourceCode.getTokens(fn))
            for (let line = token.loc.start.line; line <= token.loc.end.line; line++)
              if (!theirs.has(line)) own.add(line);
          if (own.size > max)
            context.report({
              node: fn,
              loc: fn.loc.start,
              messageId: "tooLong",
              data: { name: describeFunction(fn), lines: String(own.size), max: String(max) },
            });
        }
      },
    };
  },
};
