import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readEmbeddedMetadata, readXmp } from "./embedded-metadata.ts";
import { sniffImageType } from "./image-sniff.ts";

describe("embedded metadata and sniffing", () => {
  it("XMP: dc:description, dc:creator, photoshop:Credit and dc:subject (entities decoded)", () => {
    const xmp =
      Buffer.from(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="Antara &amp; Warta">
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Presiden di Kazan &lt;Rusia&gt;</rdf:li></rdf:Alt></dc:description>
<dc:creator><rdf:Seq><rdf:li>Budi</rdf:li><rdf:li>Sari</rdf:li></rdf:Seq></dc:creator>
<dc:subject><rdf:Bag><rdf:li>BRICS</rdf:li><rdf:li>Kazan</rdf:li></rdf:Bag></dc:subject>
</rdf:Description></rdf:RDF></x:xmpmeta>`);
    assert.deepEqual(readXmp(xmp), {
      caption: "Presiden di Kazan <Rusia>",
      creator: "Budi, Sari",
      credit: "Antara & Warta",
      keywords: ["BRICS", "Kazan"],
    });
    assert.deepEqual(readEmbeddedMetadata(undefined, xmp).keywords, ["BRICS", "Kazan"]);
    assert.deepEqual(readEmbeddedMetadata(undefined, undefined), {
      caption: "",
      creator: "",
      credit: "",
      keywords: [],
    });
  });

  it("magic bytes decide the type, never a name", () => {
    assert.equal(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), "jpeg");
    assert.equal(sniffImageType(Buffer.from("\x89PNG\r\n\x1a\n....", "latin1")), "png");
    assert.equal(sniffImageType(Buffer.from("GIF89a....", "latin1")), "gif");
    assert.equal(sniffImageType(Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 ", "latin1")), "webp");
    assert.equal(
      sniffImageType(Buffer.from("\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1", "latin1")),
      "avif",
    );
    assert.equal(
      sniffImageType(Buffer.from("\x00\x00\x00\x1cftypheic\x00\x00\x00\x00mif1heic", "latin1")),
      null,
    );
    assert.equal(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/>')), null);
    assert.equal(sniffImageType(Buffer.from("<?xml version='1.0'?><svg/>")), null);
    assert.equal(sniffImageType(Buffer.alloc(0)), null);
  });
});
