import assert from "node:assert/strict";
import { test } from "node:test";
import { createEncodingNegotiator, negotiateEncoding } from "./accept-encoding.ts";

test("prefers br, then gzip, then identity", () => {
  assert.equal(negotiateEncoding("gzip, deflate, br"), "br");
  assert.equal(negotiateEncoding("gzip, deflate"), "gzip");
  assert.equal(negotiateEncoding("deflate"), "identity");
  assert.equal(negotiateEncoding(undefined), "identity");
  assert.equal(negotiateEncoding(""), "identity");
});

test("honours q-values, q=0 refusals and *", () => {
  assert.equal(negotiateEncoding("br;q=0.5, gzip;q=0.9"), "gzip");
  assert.equal(negotiateEncoding("br;q=0, gzip"), "gzip");
  assert.equal(negotiateEncoding("br;q=0, gzip;q=0"), "identity");
  assert.equal(negotiateEncoding("*"), "br");
  assert.equal(negotiateEncoding("gzip;q=1, *;q=0.1"), "gzip");
  assert.equal(negotiateEncoding("identity;q=0, *;q=0"), null);
  assert.equal(negotiateEncoding("GZIP"), "gzip");
  assert.equal(negotiateEncoding("br;q=nonsense, gzip"), "gzip");
});

test("the memoizing negotiator answers like the parser and falls back to identity", () => {
  const negotiate = createEncodingNegotiator(2);
  for (const header of ["gzip, br", "gzip", "br;q=0, gzip", "identity;q=0, *;q=0", "gzip, br"])
    assert.equal(negotiate(header), negotiateEncoding(header) ?? "identity");
});
