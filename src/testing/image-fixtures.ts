import sharp from "sharp";
import { crc32, deflateSync } from "node:zlib";

/** A JPEG of one colour. */
export function solidJpeg(width: number, height: number, colour = "#0b5cad"): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
}

/** A JPEG of noise (does not compress away: for size limits and truncation). */
export function noisyJpeg(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let seed = 12345;
  for (let i = 0; i < raw.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    raw[i] = seed >>> 24;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** Left half `left`, right half `right`: shows which part a crop kept. */
export async function twoToneJpeg(
  width: number,
  height: number,
  left: string,
  right: string,
): Promise<Buffer> {
  const half = Math.floor(width / 2);
  const base = sharp({ create: { width, height, channels: 3, background: left } });
  const overlay = await sharp({ create: { width: width - half, height, channels: 3, background: right } })
    .png()
    .toBuffer();
  return base
    .composite([{ input: overlay, left: half, top: 0 }])
    .jpeg({ quality: 95 })
    .toBuffer();
}

/**
 * A JPEG carrying IPTC-IIM fields in a Photoshop APP13 segment, the way newsroom tools write them:
 * 2:120 caption, 2:80 by-line, 2:110 credit, 2:25 keywords (repeated).
 */
export async function jpegWithIptc(fields: {
  caption: string;
  byline: string;
  credit: string;
  keywords: string[];
}): Promise<Buffer> {
  const jpeg = await solidJpeg(120, 80, "#556b2f");
  const dataset = (number: number, value: string) => {
    const bytes = Buffer.from(value, "utf8");
    const header = Buffer.from([0x1c, 0x02, number, bytes.length >> 8, bytes.length & 0xff]);
    return Buffer.concat([header, bytes]);
  };
  const utf8 = Buffer.from([0x1c, 0x01, 0x5a, 0x00, 0x03, 0x1b, 0x25, 0x47]);
  let iptc = Buffer.concat([
    utf8,
    dataset(120, fields.caption),
    dataset(80, fields.byline),
    dataset(110, fields.credit),
    ...fields.keywords.map((k) => dataset(25, k)),
  ]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iptc.length);
  if (iptc.length % 2 === 1) iptc = Buffer.concat([iptc, Buffer.from([0])]);
  const resource = Buffer.concat([
    Buffer.from("Photoshop 3.0\0", "latin1"),
    Buffer.from("8BIM", "latin1"),
    Buffer.from([0x04, 0x04, 0x00, 0x00]),
    size,
    iptc,
  ]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(resource.length + 2);
  const app13 = Buffer.concat([Buffer.from([0xff, 0xed]), length, resource]);
  return Buffer.concat([jpeg.subarray(0, 2), app13, jpeg.subarray(2)]);
}

/** 200×100 pixels stored with EXIF orientation 6 (shown rotated: 100×200) and a GPS position. */
export function rotatedJpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 200, height: 100, channels: 3, background: "#c00000" } })
    .withExif({
      IFD0: { Copyright: "Warta uji" },
      IFD3: {
        GPSLatitudeRef: "S",
        GPSLatitude: "6/1 10/1 0/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "106/1 49/1 0/1",
      },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A small PNG that declares `width` × `height` pixels (a decompression bomb: a few hundred bytes
 * that would decode to gigabytes). Its data holds only a few rows.
 */
export function bombPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * 4);
  return Buffer.concat([
    Buffer.from("\x89PNG\r\n\x1a\n", "latin1"),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(rows)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An animated GIF of `frames` 4×4 frames. */
export function animatedGif(frames: number): Promise<Buffer> {
  const raw = Buffer.alloc(4 * 4 * frames * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7) % 255;
  return sharp(raw, { raw: { width: 4, height: 4 * frames, channels: 3, pageHeight: 4 } })
    .gif()
    .toBuffer();
}

/** A multipart/form-data body with text fields and one file part. */
export function multipartBody(
  fields: Record<string, string>,
  file: { name?: string; fileName: string; type: string; bytes: Buffer } | null,
): { body: Buffer; contentType: string } {
  const boundary = "----warta-uji-7d3f9a";
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        "utf8",
      ),
    );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name ?? "file"}"; filename="${file.fileName}"\r\nContent-Type: ${file.type}\r\n\r\n`,
        "utf8",
      ),
      file.bytes,
      Buffer.from("\r\n", "utf8"),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`, "utf8"));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
