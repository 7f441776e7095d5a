import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { escapeHtml } from "../content/html.ts";

/** The reference page (DESIGN.md §1), read from ../shared/seed beside the checkout. Never copied into the repo. */
export const REFERENCE_SEED_URL = new URL("../../../shared/seed/000_fd53d87d1266522a.txt", import.meta.url);

export function referenceSeedAvailable(): boolean {
  return existsSync(REFERENCE_SEED_URL);
}

/** The fields of the reference page, taken from the file by its fixed layout. */
export interface ReferenceFields {
  headline: string;
  section: string;
  houseTime: string;
  caption: string;
  photoCredit: string;
  datelinePlace: string;
  datelineOutlet: string;
  /** Body paragraphs in order, the first without its dateline lead-in. */
  paragraphs: string[];
  /** Baca Juga headlines with the index of the paragraph they follow. */
  related: { headline: string; afterParagraph: number }[];
  penulis: string;
  editor: string;
  source: string;
}

export function readReferenceFields(): ReferenceFields {
  const lines = readFileSync(REFERENCE_SEED_URL, "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0);
  const [, headline, metaLine, captionLine, ...rest] = lines;
  assert.ok(headline && metaLine && captionLine, "reference seed has the expected layout");
  const [section, houseTime] = metaLine.split(" | ") as [string, string];
  const captionMatch = /^(.*) \(Sumber: (.*)\)$/.exec(captionLine);
  assert.ok(captionMatch, "caption line ends with (Sumber: …)");
  const paragraphs: string[] = [];
  const related: ReferenceFields["related"] = [];
  let credits: RegExpExecArray | null = null;
  let source = "";
  let datelinePlace = "";
  let datelineOutlet = "";
  for (const line of rest) {
    if (line.startsWith("Baca Juga: "))
      related.push({ headline: line.slice("Baca Juga: ".length), afterParagraph: paragraphs.length - 1 });
    else if (line.startsWith("Penulis : ")) credits = /^Penulis : (.+) Editor : (.+)$/.exec(line);
    else if (line.startsWith("Sumber : ")) source = line.slice("Sumber : ".length);
    else if (line === "TERBARU") break;
    else if (paragraphs.length === 0) {
      const lead = /^([A-Z]+), ([A-Z.]+) - (.*)$/.exec(line);
      assert.ok(lead, "first paragraph starts with a dateline");
      [, datelinePlace, datelineOutlet] = lead as unknown as [string, string, string];
      paragraphs.push(lead[3] as string);
    } else paragraphs.push(line);
  }
  assert.ok(credits, "credit line present");
  return {
    headline,
    section,
    houseTime,
    caption: captionMatch[1] as string,
    photoCredit: captionMatch[2] as string,
    datelinePlace,
    datelineOutlet,
    paragraphs,
    related,
    penulis: credits[1] as string,
    editor: credits[2] as string,
    source,
  };
}

/**
 * Asserts the article page shows each element of the DESIGN.md §1 table, in order, with every
 * body paragraph verbatim. Shared by the hand-built and the imported reference article tests.
 */
export function assertReferencePage(page: string, ref: ReferenceFields): void {
  let cursor = 0;
  const expectNext = (needle: string | RegExp, what: string): void => {
    const rest = page.slice(cursor);
    const index = typeof needle === "string" ? rest.indexOf(needle) : rest.search(needle);
    assert.ok(index >= 0, `${what} should appear after position ${cursor}: ${String(needle)}`);
    const length = typeof needle === "string" ? needle.length : (rest.match(needle)?.[0].length ?? 0);
    cursor += index + length;
  };
  const e = escapeHtml;
  expectNext(/<nav class="breadcrumb"[^>]*>[\s\S]*?<\/nav>/, "breadcrumb");
  expectNext(`<p class="kicker"><a href="`, "kicker");
  expectNext(`>${e(ref.section)}</a></p>`, "section kicker label");
  expectNext(`<h1>${e(ref.headline)}</h1>`, "headline");
  expectNext(/<time datetime="2024-10-25T08:08:00\+07:00">/, "machine-readable time");
  expectNext(`${e(ref.houseTime)}</time>`, "house-style time");
  expectNext(/<figure class="hero">/, "hero figure");
  expectNext(
    `<figcaption>${e(ref.caption)} <span class="credit">(Sumber: ${e(ref.photoCredit)})</span></figcaption>`,
    "caption and credit",
  );
  expectNext(
    `<strong class="dateline">${e(ref.datelinePlace)}, ${e(ref.datelineOutlet)}</strong> - `,
    "dateline lead-in",
  );
  ref.paragraphs.forEach((paragraph, index) => {
    expectNext(e(paragraph), `paragraph ${index + 1} verbatim`);
    for (const related of ref.related.filter((r) => r.afterParagraph === index))
      expectNext(
        new RegExp(
          `<aside class="baca-juga"[^>]*><strong>Baca Juga:</strong> <a href="[^"]+">${escapeRegExp(e(related.headline))}</a></aside>`,
        ),
        "Baca Juga link",
      );
  });
  expectNext(/<p class="credits">/, "credit line");
  expectNext(`Penulis</span>: <a href="`, "penulis role");
  expectNext(`>${e(ref.penulis)}</a>`, "penulis linked to person page");
  expectNext(`Editor</span>: <a href="`, "editor role");
  expectNext(`>${e(ref.editor)}</a>`, "editor linked to person page");
  expectNext(`<p class="sources"><span class="role">Sumber</span>: ${e(ref.source)}`, "source line");
  expectNext(/<aside class="latest"[^>]*><h2 class="aside-title" id="terbaru">TERBARU<\/h2>/, "TERBARU list");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
