import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bodyDocumentSchema } from "../../../src/content/body.schema.ts";
import { embedOfPastedText } from "./bare-url-embed.ts";

describe("a pasted bare URL becomes an embed only when a provider accepts it", () => {
  it("maps each allow-listed provider's URL to its embed, which the body schema accepts", () => {
    const cases: [string, string][] = [
      ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube"],
      ["https://youtu.be/dQw4w9WgXcQ", "youtube"],
      ["https://x.com/kompascom/status/1234567890", "x"],
      ["https://twitter.com/kompascom/status/1234567890", "x"],
      ["https://www.instagram.com/p/C0abcDEF123/", "instagram"],
      ["https://www.instagram.com/reel/C0abcDEF123/", "instagram"],
      ["https://www.tiktok.com/@warta.id/video/7300000000000000000", "tiktok"],
    ];
    for (const [url, provider] of cases) {
      const embed = embedOfPastedText(`  ${url}\n`);
      assert.deepEqual(embed, { provider, url }, url);
      const body = { version: 1, blocks: [{ type: "embed", ...embed }] };
      assert.equal(bodyDocumentSchema.safeParse(body).success, true, url);
    }
  });

  it("upgrades http to https (the providers' own URLs all serve https)", () => {
    assert.deepEqual(embedOfPastedText("http://youtu.be/dQw4w9WgXcQ"), {
      provider: "youtube",
      url: "https://youtu.be/dQw4w9WgXcQ",
    });
  });

  it("leaves other URLs, text around a URL and several lines to the ordinary paste (links)", () => {
    for (const text of [
      "https://www.kompas.com/berita/123",
      "https://www.youtube.com/@kanal",
      "https://x.com/kompascom",
      "lihat https://youtu.be/dQw4w9WgXcQ",
      "https://youtu.be/dQw4w9WgXcQ\nhttps://youtu.be/abcdefghijk",
      "javascript:alert(1)",
      "",
    ])
      assert.equal(embedOfPastedText(text), null, JSON.stringify(text));
  });
});
