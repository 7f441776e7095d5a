import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { buildArticle } from "../testing/factories.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { prometheusText } from "./metrics/prometheus.ts";

const TOKEN = "rahasia-pemantauan-0123456789";

/** The value of `name{…labels…}` in a Prometheus text body (labels in any order). */
function sample(body: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of body.split("\n")) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = new Map([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have.get(k) === v)) return Number(match[3]);
  }
  return null;
}

describe("/metrics", () => {
  let ctx: TestContext;
  let base: string;
  before(async () => {
    ctx = await createTestContext({ env: { WARTA_METRICS_TOKEN: TOKEN } });
    await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  });
  after(() => ctx.close());

  it("reports responses by class (page-cache hits included), cache, outbox, scheduler and store", async () => {
    await buildArticle(ctx.deps, { headline: "Metrik pertama" });
    assert.equal((await fetch(`${base}/`)).status, 200);
    const hit = await fetch(`${base}/`);
    assert.equal(hit.headers.get("x-cache"), "HIT");
    assert.equal((await fetch(`${base}/tidak-ada-halaman-ini`)).status, 404);

    const response = await fetch(`${base}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
    assert.equal(response.headers.get("cache-control"), "no-store");
    const body = await response.text();
    assert.ok((sample(body, "warta_http_responses_total", { class: "2xx" }) ?? 0) >= 2, body);
    assert.ok((sample(body, "warta_http_responses_total", { class: "4xx" }) ?? 0) >= 1);
    assert.ok((sample(body, "warta_page_cache_hits_total") ?? 0) >= 1);
    assert.ok((sample(body, "warta_page_cache_misses_total") ?? 0) >= 1);
    assert.equal(sample(body, "warta_outbox_events_behind"), 0);
    assert.equal(sample(body, "warta_scheduler_overdue_seconds"), 0);
    assert.ok((sample(body, "warta_store_queries_total") ?? 0) > 0);
    assert.ok((sample(body, "warta_store_busy_seconds_total") ?? 0) > 0);
    assert.ok((sample(body, "warta_outbox_delivered_total") ?? 0) > 0);

    const again = await (await fetch(`${base}/metrics`)).text();
    assert.ok(
      (sample(again, "warta_http_responses_total", { class: "2xx" }) ?? 0) >
        (sample(body, "warta_http_responses_total", { class: "2xx" }) ?? 0),
      "never served from the page cache: the count moved",
    );
  });

  it("is closed to proxied requests and strangers, open with the token", async () => {
    const proxied = await fetch(`${base}/metrics`, { headers: { "x-forwarded-for": "203.0.113.9" } });
    assert.equal(proxied.status, 404);
    assert.doesNotMatch(await proxied.text(), /warta_/);
    const wrong = await fetch(`${base}/metrics`, {
      headers: { "x-forwarded-for": "203.0.113.9", authorization: "Bearer salah-salah-salah-salah" },
    });
    assert.equal(wrong.status, 404);
    const right = await fetch(`${base}/metrics`, {
      headers: { "x-forwarded-for": "203.0.113.9", authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(right.status, 200);
    assert.match(await right.text(), /^# HELP warta_http_responses_total/m);
  });

  it("reports a due story no scheduler has published as overdue", async () => {
    const now = new Date();
    ctx.setNow(new Date(now.getTime() - 120_000));
    await buildArticle(ctx.deps, { status: "scheduled", publishedAt: new Date(now.getTime() - 60_000) });
    ctx.setNow(now);
    const body = await (await fetch(`${base}/metrics`)).text();
    const overdue = sample(body, "warta_scheduler_overdue_seconds") ?? 0;
    assert.ok(overdue >= 59 && overdue < 600, String(overdue));
  });
});

describe("Prometheus text format", () => {
  it("escapes label values and writes HELP and TYPE lines", () => {
    assert.equal(
      prometheusText([
        {
          name: "x_total",
          help: "Satu\nbaris",
          type: "counter",
          samples: [{ labels: { a: 'b"c\\' }, value: 3 }],
        },
      ]),
      '# HELP x_total Satu\\nbaris\n# TYPE x_total counter\nx_total{a="b\\"c\\\\"} 3\n',
    );
  });
});
