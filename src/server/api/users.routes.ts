import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../app/deps.ts";
import { authorize, requireActor, requestMeta } from "../plugins/auth.plugin.ts";
import { idParams, presentUser, problems, roleSchema, userSchema } from "./api-schemas.ts";
import { decodeCursor, pageQuery, pageSchema, toPage } from "./pagination.ts";

const createdUser = z.object({
  user: userSchema,
  generatedPassword: z
    .string()
    .nullable()
    .describe("Kata sandi acak bila tidak diberikan; hanya ditampilkan sekali ini."),
});

/** Newsroom accounts: redaktur and admin manage them (only admins touch admin accounts). */
export function usersRoutes(deps: Deps): FastifyPluginAsyncZod {
  const users = deps.accounts.users;
  return async (app) => {
    app.get(
      "/users",
      {
        schema: {
          tags: ["users"],
          summary: "Daftar pengguna (redaktur, admin)",
          querystring: z.object(pageQuery),
          response: { 200: pageSchema(userSchema), ...problems(401, 403, 422) },
        },
      },
      async (request) => {
        authorize(request.actor, "user.read");
        const { limit, cursor } = request.query;
        const after = decodeCursor(cursor);
        const rows = await users.list({ afterId: after?.id ?? null, limit: limit + 1 });
        const page = toPage(rows, limit, (u) => u.id);
        return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
      },
    );

    app.post(
      "/users",
      {
        schema: {
          tags: ["users"],
          summary: "Buat akun; tanpa password dibuatkan kata sandi acak yang ditampilkan sekali",
          body: z.object({
            email: z.string().max(254),
            name: z.string().max(200),
            role: roleSchema,
            personId: z.number().int().positive().nullable().optional(),
            password: z.string().max(1024).optional(),
          }),
          response: { 201: createdUser, ...problems(401, 403, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(actor, "user.manage", {
          type: "user",
          role: request.body.role,
          newRole: request.body.role,
        });
        const result = await users.create(request.body, actor, requestMeta(request));
        return reply
          .code(201)
          .send({ user: presentUser(result.user), generatedPassword: result.generatedPassword });
      },
    );

    app.get(
      "/users/:id",
      {
        schema: {
          tags: ["users"],
          summary: "Satu pengguna (diri sendiri, atau redaktur/admin)",
          params: idParams,
          response: { 200: userSchema, ...problems(401, 403, 404) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        if (actor.userId !== request.params.id) authorize(actor, "user.read");
        return presentUser(await users.get(request.params.id));
      },
    );

    app.patch(
      "/users/:id",
      {
        schema: {
          tags: ["users"],
          summary:
            "Ubah nama, peran, profil, atau nonaktifkan (disabled: true mengakhiri semua sesi dan mencabut semua token API-nya)",
          params: idParams,
          body: z.object({
            name: z.string().max(200).optional(),
            role: roleSchema.optional(),
            personId: z.number().int().positive().nullable().optional(),
            disabled: z.boolean().optional(),
          }),
          response: { 200: userSchema, ...problems(401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const current = await users.get(request.params.id);
        authorize(actor, "user.manage", { type: "user", role: current.role, newRole: request.body.role });
        return presentUser(await users.update(current.id, request.body, actor, requestMeta(request)));
      },
    );

    app.post(
      "/users/:id/password-reset",
      {
        schema: {
          tags: ["users"],
          summary:
            "Setel ulang kata sandi (acak bila tidak diberikan), akhiri semua sesinya dan cabut semua token API-nya",
          description:
            "Redaktur hanya untuk akun penulis dan editor; kata sandi redaktur dan admin disetel ulang oleh admin.",
          params: idParams,
          body: z.object({ password: z.string().max(1024).optional() }).optional(),
          response: { 200: createdUser, ...problems(401, 403, 404, 422) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const current = await users.get(request.params.id);
        authorize(actor, "user.resetPassword", { type: "user", role: current.role });
        const result = await users.resetPassword(
          current.id,
          request.body?.password,
          actor,
          requestMeta(request),
        );
        return { user: presentUser(result.user), generatedPassword: result.generatedPassword };
      },
    );
  };
}
