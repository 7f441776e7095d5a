/** Shared set-up for search tests: the demo corpus plus the reference article, in a temp store. */
import { SYSTEM_ACTOR } from "../core/actor.ts";
import type { Article } from "../core/article.ts";
import { loadDemo } from "../cli/load-demo.ts";
import { bodyOf } from "../testing/factories.ts";
import { readReferenceFields, referenceSeedAvailable } from "../testing/reference-seed.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";

export interface SearchFixture extends TestContext {
  reference: Article | null;
  draft: Article;
  embargoed: Article;
  unpublished: Article;
}

/** Words that occur only in the never-public stories below, so any leak is visible. */
export const SECRET_WORDS = ["zamrudrahasia", "safirembargo", "kecubungditarik"];

/** The reference page (DESIGN.md §1) as structured data, published under Dunia. */
async function addReference(ctx: TestContext): Promise<Article | null> {
  if (!referenceSeedAvailable()) return null;
  const ref = readReferenceFields();
  const { deps } = ctx;
  const dunia = (await deps.sections.directory()).resolve(["dunia"]);
  if (!dunia) throw new Error("demo section dunia missing");
  const penulis = await deps.people.findOrCreateByName(ref.penulis, SYSTEM_ACTOR);
  const editor = await deps.people.findOrCreateByName(ref.editor.replace("-", " "), SYSTEM_ACTOR);
  const tags = await deps.tags.ensure(["Korea Utara", "Rusia", "Vladimir Putin"]);
  const created = await deps.articles.create(
    {
      headline: ref.headline,
      lede: "",
      sectionId: dunia.section.id,
      dateline: { place: ref.datelinePlace, outlet: ref.datelineOutlet, timeZone: "Asia/Jakarta" },
      body: bodyOf(...ref.paragraphs),
      sources: [{ name: ref.source }],
      tagIds: tags.map((t) => t.id),
      credits: [
        { role: "penulis", personId: penulis.id },
        { role: "editor", personId: editor.id },
      ],
    },
    SYSTEM_ACTOR,
  );
  return deps.articles.transition(created.id, "publish", SYSTEM_ACTOR, {
    at: new Date("2024-10-25T01:08:00Z"),
  });
}

export async function createSearchFixture(): Promise<SearchFixture> {
  const ctx = await createTestContext();
  await loadDemo(ctx.deps);
  const reference = await addReference(ctx);
  const { deps } = ctx;
  const sectionId = (await deps.sections.directory()).resolve(["nasional"])?.section.id ?? 0;
  const make = async (word: string, headline: string) =>
    deps.articles.create(
      { headline, sectionId, body: bodyOf(`Paragraf rahasia ${word} tentang tentara Korea Utara.`) },
      SYSTEM_ACTOR,
    );
  const draft = await make(SECRET_WORDS[0] as string, "Draf zamrudrahasia belum terbit");
  const scheduledDraft = await make(SECRET_WORDS[1] as string, "Embargo safirembargo terjadwal");
  const embargoed = await deps.articles.transition(scheduledDraft.id, "schedule", SYSTEM_ACTOR, {
    at: new Date(Date.now() + 30 * 86_400_000),
  });
  const toPull = await make(SECRET_WORDS[2] as string, "Berita kecubungditarik yang ditarik");
  await deps.articles.transition(toPull.id, "publish", SYSTEM_ACTOR);
  const unpublished = await deps.articles.transition(toPull.id, "unpublish", SYSTEM_ACTOR);
  return { ...ctx, reference, draft, embargoed, unpublished };
}
