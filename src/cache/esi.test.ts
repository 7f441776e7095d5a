import assert from "node:assert/strict";
import { test } from "node:test";
import { composeIncludes, composesAtEdge, hasIncludes, includeSources } from "./esi.ts";

const shell = '<main>A</main><esi:include src="/_fragmen/terbaru"/><p>B</p><esi:include src="/x" />';

test("finds each include's source once, and only site paths", () => {
  assert.deepEqual(includeSources(shell + '<esi:include src="/x"/>'), ["/_fragmen/terbaru", "/x"]);
  assert.deepEqual(
    includeSources('<esi:include src="//evil.example/x"/><esi:include src="http://a/b"/>'),
    [],
  );
});

test("composes the fragments into the shell; a missing fragment leaves nothing behind", () => {
  const page = composeIncludes(shell, new Map([["/_fragmen/terbaru", "<aside>T</aside>"]]));
  assert.equal(page, "<main>A</main><aside>T</aside><p>B</p>");
});

test("reads the capability and control headers Varnish and Warta exchange", () => {
  assert.equal(composesAtEdge('varnish="ESI/1.0"'), true);
  assert.equal(composesAtEdge(undefined), false);
  assert.equal(composesAtEdge("other=foo"), false);
  assert.equal(hasIncludes('content="ESI/1.0"'), true);
  assert.equal(hasIncludes(undefined), false);
});
