import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Section, SectionDirectory } from "../../core/section.ts";
import type { Deps } from "../../app/deps.ts";
import { authorize, requireActor } from "../plugins/auth.plugin.ts";
import { idParams, problems } from "./api-schemas.ts";
import { mediaRoutes } from "./media.routes.ts";
import { pageQuery, pageSchema, paginateSorted } from "./pagination.ts";

interface SectionNode extends Section {
  path: string;
  children: SectionNode[];
}

const sectionFields = {
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  parentId: z.number().int().nullable(),
  position: z.number().int(),
  description: z.string(),
};

const sectionSchema = z.object(sectionFields).meta({ id: "Section" });

const sectionNodeSchema: z.ZodType<SectionNode> = z
  .object({
    ...sectionFields,
    path: z.string().describe("Jalur URL rubrik, mis. dunia/asia"),
    get children() {
      return z.array(sectionNodeSchema);
    },
  })
  .meta({ id: "SectionNode" });

const personSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    bio: z.string(),
    photoMediaId: z.number().int().nullable(),
  })
  .meta({ id: "Person" });

const tagSchema = z.object({ id: z.number().int(), slug: z.string(), name: z.string() }).meta({ id: "Tag" });

const sectionBody = z.object({
  name: z.string().max(100),
  slug: z.string().max(100).optional(),
  parentId: z.number().int().positive().nullable().optional(),
  position: z.number().int().optional(),
  description: z.string().max(500).optional(),
});

const personBody = z.object({
  name: z.string().max(200),
  slug: z.string().max(200).optional(),
  bio: z.string().max(2000).optional(),
  photoMediaId: z.number().int().positive().nullable().optional(),
});

function tree(directory: SectionDirectory, parentId: number | null, prefix: string): SectionNode[] {
  return directory.children(parentId).map((s) => {
    const path = prefix ? `${prefix}/${s.slug}` : s.slug;
    return { ...s, path, children: tree(directory, s.id, path) };
  });
}

/** Sections (tree), people, tags and media. Reading sections, people and tags is public. */
export function taxonomyRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    sectionRoutes(app, deps);
    peopleRoutes(app, deps);
    tagRoutes(app, deps);
    await app.register(mediaRoutes(deps));
  };
}

type App = Parameters<FastifyPluginAsyncZod>[0];

function sectionRoutes(app: App, deps: Deps): void {
  app.get(
    "/sections",
    {
      schema: {
        tags: ["sections"],
        summary: "Pohon rubrik",
        security: [],
        response: { 200: z.object({ items: z.array(sectionNodeSchema) }) },
      },
    },
    async (request) => {
      authorize(request.actor, "taxonomy.read");
      return { items: tree(await deps.sections.directory(), null, "") };
    },
  );

  app.post(
    "/sections",
    {
      schema: {
        tags: ["sections"],
        summary: "Buat rubrik (redaktur, admin)",
        body: sectionBody,
        response: { 201: sectionSchema, ...problems(401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, "section.manage");
      return reply.code(201).send(await deps.sections.create(request.body, actor));
    },
  );

  app.patch(
    "/sections/:id",
    {
      schema: {
        tags: ["sections"],
        summary: "Ubah rubrik (redaktur, admin); kolom yang tidak dikirim tetap",
        params: idParams,
        body: sectionBody.partial(),
        response: { 200: sectionSchema, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "section.manage");
      const current = (await deps.sections.directory()).byId(request.params.id);
      const merged = { ...(current ?? { name: "" }), ...request.body };
      return deps.sections.update(request.params.id, merged, actor);
    },
  );

  app.delete(
    "/sections/:id",
    {
      schema: {
        tags: ["sections"],
        summary: "Hapus rubrik kosong (redaktur, admin); rubrik dengan subrubrik atau berita ditolak (409)",
        params: idParams,
        response: { 204: z.null(), ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, "section.manage");
      await deps.sections.remove(request.params.id, actor);
      return reply.code(204).send(null);
    },
  );
}

function peopleRoutes(app: App, deps: Deps): void {
  app.get(
    "/people",
    {
      schema: {
        tags: ["people"],
        summary: "Daftar profil (penulis, editor, fotografer…), urut nama",
        security: [],
        querystring: z.object({
          ...pageQuery,
          q: z.string().max(100).optional().describe("Bagian nama (tanpa beda huruf besar/kecil)."),
        }),
        response: { 200: pageSchema(personSchema), ...problems(422) },
      },
    },
    async (request) => {
      authorize(request.actor, "taxonomy.read");
      // Readers see only people with a live story; the newsroom sees everyone.
      const all = request.actor ? await deps.people.list() : await deps.people.listLive();
      const needle = request.query.q?.trim().toLocaleLowerCase("id");
      const people = needle ? all.filter((p) => p.name.toLocaleLowerCase("id").includes(needle)) : all;
      return paginateSorted(people, { ...request.query, keyOf: (p) => p.name });
    },
  );

  app.post(
    "/people",
    {
      schema: {
        tags: ["people"],
        summary: "Buat profil (redaktur, admin)",
        body: personBody,
        response: { 201: personSchema, ...problems(401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, "person.manage");
      return reply.code(201).send(await deps.people.create(request.body, actor));
    },
  );

  app.patch(
    "/people/:id",
    {
      schema: {
        tags: ["people"],
        summary: "Ubah profil (redaktur, admin); kolom yang tidak dikirim tetap",
        params: idParams,
        body: personBody.partial(),
        response: { 200: personSchema, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "person.manage");
      const current = (await deps.people.list()).find((p) => p.id === request.params.id);
      const merged = { ...(current ?? { name: "" }), ...request.body };
      return deps.people.update(request.params.id, merged, actor);
    },
  );
}

function tagRoutes(app: App, deps: Deps): void {
  app.get(
    "/tags",
    {
      schema: {
        tags: ["tags"],
        summary: "Daftar tag, urut nama",
        security: [],
        querystring: z.object({
          ...pageQuery,
          q: z.string().max(100).optional().describe("Bagian nama tag (tanpa beda huruf besar/kecil)."),
        }),
        response: { 200: pageSchema(tagSchema), ...problems(422) },
      },
    },
    async (request) => {
      authorize(request.actor, "taxonomy.read");
      // Readers see only tags with a live story (not one an embargoed article alone carries).
      const all = request.actor ? await deps.tags.list() : await deps.tags.listLive();
      const needle = request.query.q?.trim().toLocaleLowerCase("id");
      const tags = needle ? all.filter((t) => t.name.toLocaleLowerCase("id").includes(needle)) : all;
      return paginateSorted(tags, { ...request.query, keyOf: (t) => t.name });
    },
  );

  app.post(
    "/tags",
    {
      schema: {
        tags: ["tags"],
        summary: "Buat tag (semua pengguna redaksi)",
        body: z.object({ name: z.string().min(1).max(100), slug: z.string().max(100).optional() }),
        response: { 201: tagSchema, ...problems(401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, "tag.create");
      return reply.code(201).send(await deps.tags.create(request.body));
    },
  );
}
