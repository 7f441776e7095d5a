import { z } from "zod";
import type { Executor } from "../../db/repositories/executor.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Actor, Role } from "../../core/actor.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { ROLES } from "../../core/policy.ts";
import type { User } from "../../core/user.ts";
import type { AccountsRepository } from "../../db/repositories/accounts.repository.ts";
import type { TaxonomyRepository } from "../../db/repositories/taxonomy.repository.ts";
import { parseInput } from "../validation.ts";
import type { AuditService } from "./audit.service.ts";
import type { BackgroundWrites } from "./background-writes.ts";
import {
  generatePassword,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type Argon2Params,
} from "./password.ts";

export interface AccountsDeps {
  db: Executor;
  clock: () => Date;
  audit: AuditService;
  repo: AccountsRepository;
  /** Bookkeeping writes no request waits for (session touch, token last use). */
  background: BackgroundWrites;
  taxonomy: TaxonomyRepository;
  /** Argon2 parameters (OWASP defaults unless a test lowers them). */
  argon2?: Argon2Params;
}

/** Where a request came from, for the audit log. */
export interface RequestMeta {
  ip?: string | null;
  userAgent?: string;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter.`)
  .max(MAX_PASSWORD_LENGTH, "Kata sandi terlalu panjang.");

const roleSchema = z.enum(ROLES as [Role, ...Role[]], {
  error: "Peran harus penulis, editor, redaktur atau admin.",
});

export const newUserSchema = z.object({
  email: z.email("Alamat email tidak valid.").max(254).transform(normalizeEmail),
  name: z.string().trim().min(1, "Nama wajib diisi.").max(200),
  role: roleSchema,
  personId: z.number().int().positive().nullable().default(null),
  /** Omitted: a strong password is generated and returned once. */
  password: passwordSchema.optional(),
});

export const userChangesSchema = z.object({
  name: z.string().trim().min(1, "Nama wajib diisi.").max(200).optional(),
  role: roleSchema.optional(),
  personId: z.number().int().positive().nullable().optional(),
  disabled: z.boolean().optional(),
});

export type NewUserInput = z.input<typeof newUserSchema>;
export type UserChanges = z.input<typeof userChangesSchema>;

function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${(error as { code?: string }).code ?? ""}` : "";
  return /UNIQUE|unique|23505/.test(text);
}

export function createUsersService(deps: AccountsDeps) {
  const { db, clock, audit, repo, taxonomy } = deps;

  async function checkPerson(personId: number | null | undefined): Promise<void> {
    if (personId == null) return;
    if (!(await taxonomy.personById(db, personId)))
      throw new AppError("validation_failed", "Profil tidak ditemukan.", {
        details: [{ field: "personId", message: `Tidak ada profil dengan id ${personId}.` }],
      });
  }

  async function get(id: number): Promise<User> {
    const user = await repo.userById(db, id);
    if (!user) throw notFound("Pengguna");
    return user;
  }

  /** Refuses a change that would leave no active admin (nobody could manage accounts any more). */
  async function keepAnAdmin(user: User, changes: { role?: Role; disabled?: boolean }): Promise<void> {
    const losesAdmin =
      user.role === "admin" &&
      !user.disabled &&
      ((changes.role !== undefined && changes.role !== "admin") || changes.disabled === true);
    if (!losesAdmin) return;
    const others = await db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("role", "=", "admin")
      .where("disabled", "=", 0)
      .where("id", "!=", user.id)
      .executeTakeFirstOrThrow();
    if (Number(others.n) === 0)
      throw new AppError("conflict", "Harus tetap ada setidaknya satu admin aktif.", {
        details: [{ field: changes.disabled ? "disabled" : "role", message: "Ini admin aktif terakhir." }],
      });
  }

  return {
    get,

    async byEmail(email: string): Promise<User> {
      const found = await repo.credentialsByEmail(db, normalizeEmail(email));
      if (!found) throw notFound("Pengguna");
      return found.user;
    },

    /** Users in id order after `afterId`; ask for one more than a page to know if there is a next. */
    list: (page: { afterId: number | null; limit: number }) => repo.listUsers(db, page),

    /** Creates an account; returns the generated password (shown once) when none was given. */
    async create(
      input: NewUserInput,
      actor: Actor,
      meta: RequestMeta = {},
    ): Promise<{ user: User; generatedPassword: string | null }> {
      const data = parseInput(newUserSchema, input);
      await checkPerson(data.personId);
      const generatedPassword = data.password === undefined ? generatePassword() : null;
      const passwordHash = await hashPassword(data.password ?? (generatedPassword as string), deps.argon2);
      if (await repo.credentialsByEmail(db, data.email))
        throw new AppError("conflict", "Email sudah dipakai akun lain.", {
          details: [{ field: "email", message: "Sudah terdaftar." }],
        });
      let id: number;
      try {
        id = await repo.insertUser(db, { ...data, passwordHash, at: clock() });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError("conflict", "Email sudah dipakai akun lain.", {
            details: [{ field: "email", message: "Sudah terdaftar." }],
          });
        throw error;
      }
      await audit.record({
        actor,
        action: "user.create",
        resourceType: "user",
        resourceId: id,
        detail: { email: data.email, role: data.role },
        ip: meta.ip ?? null,
      });
      return { user: await get(id), generatedPassword };
    },

    /** Changes name, role, person or disabled; disabling ends the user's sessions at once. */
    async update(id: number, changes: UserChanges, actor: Actor, meta: RequestMeta = {}): Promise<User> {
      const data = parseInput(userChangesSchema, changes);
      const user = await get(id);
      await checkPerson(data.personId);
      await keepAnAdmin(user, data);
      // Disabling ends every session and revokes every API token: re-enabling does not bring
      // back credentials that may have been stolen.
      const revokedTokens = await inTransaction(db, async (tx) => {
        await repo.updateUser(tx, id, data);
        if (data.disabled !== true) return 0;
        await repo.deleteSessionsOf(tx, id);
        return repo.revokeTokensOf(tx, id, clock());
      });
      const changed = Object.fromEntries(
        Object.entries(data).filter(([key, value]) => value !== user[key as keyof User]),
      );
      const action =
        data.disabled === true && !user.disabled
          ? "user.disable"
          : data.disabled === false && user.disabled
            ? "user.enable"
            : "user.update";
      await audit.record({
        actor,
        action,
        resourceType: "user",
        resourceId: id,
        detail: {
          changed,
          ...(data.role && data.role !== user.role ? { fromRole: user.role } : {}),
          ...(revokedTokens > 0 ? { revokedTokens } : {}),
        },
        ip: meta.ip ?? null,
      });
      return get(id);
    },

    /** Sets a new password (generated unless given), ends every session and revokes every token. */
    async resetPassword(
      id: number,
      password: string | undefined,
      actor: Actor,
      meta: RequestMeta = {},
    ): Promise<{ user: User; generatedPassword: string | null }> {
      if (password !== undefined) parseInput(z.object({ password: passwordSchema }), { password });
      const user = await get(id);
      const generatedPassword = password === undefined ? generatePassword() : null;
      const hash = await hashPassword(password ?? (generatedPassword as string), deps.argon2);
      const revokedTokens = await inTransaction(db, async (tx) => {
        await repo.setPassword(tx, id, hash, clock());
        await repo.deleteSessionsOf(tx, id);
        return repo.revokeTokensOf(tx, id, clock());
      });
      await audit.record({
        actor,
        action: "user.resetPassword",
        resourceType: "user",
        resourceId: id,
        detail: { revokedTokens },
        ip: meta.ip ?? null,
      });
      return { user, generatedPassword };
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
