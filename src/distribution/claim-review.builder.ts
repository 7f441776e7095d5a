import { VERDICTS, type FactCheck } from "../core/fact-check.ts";
import { formatIsoWithOffset } from "../core/house-date.ts";
import type { IndonesianTimeZone } from "../core/time-zones.ts";
import type { SiteInfo } from "./distribution.models.ts";
import { publisherJsonLd } from "./json-ld.builder.ts";

/**
 * schema.org `ClaimReview` of a Cek Fakta story (Google's fact-check markup): the claim reviewed,
 * the verdict as a 1–5 rating with its Indonesian name, the claim's author and where it appeared,
 * and the publisher as the review's author.
 */
export function claimReviewJsonLd(
  check: FactCheck,
  story: { url: string; headline: string; publishedAt: Date; timeZone: IndonesianTimeZone },
  site: SiteInfo,
): Record<string, unknown> {
  const verdict = VERDICTS[check.verdict];
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: story.url,
    name: story.headline,
    datePublished: formatIsoWithOffset(story.publishedAt, story.timeZone),
    inLanguage: "id",
    claimReviewed: check.claim,
    author: publisherJsonLd(site),
    reviewRating: {
      "@type": "Rating",
      ratingValue: verdict.rating,
      bestRating: 5,
      worstRating: 1,
      alternateName: verdict.label,
    },
    itemReviewed: {
      "@type": "Claim",
      author: { "@type": "Person", name: check.claimant },
      ...(check.claimDate ? { datePublished: formatIsoWithOffset(check.claimDate, story.timeZone) } : {}),
      appearance: {
        "@type": "CreativeWork",
        name: check.appearance,
        ...(check.appearanceUrl ? { url: check.appearanceUrl } : {}),
      },
    },
  };
}
