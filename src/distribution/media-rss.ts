import type { FeedImage } from "./distribution.models.ts";
import { xml, type SafeXml } from "./xml.ts";

/** Media RSS for an entry's hero image: the picture, its caption and its credit (RSS and Atom alike). */
export function mediaContent(image: FeedImage): SafeXml {
  return xml`
      <media:content url="${image.url}" type="${image.mimeType}" medium="image" width="${image.width}" height="${image.height}">
        <media:description type="plain">${image.caption || image.alt}</media:description>${
          image.credit
            ? xml`
        <media:credit>${image.credit}</media:credit>`
            : ""
        }
      </media:content>`;
}
