import type { Actor } from "../../core/actor.ts";
import { isAppError } from "../../core/errors.ts";
import { isRole, ROLES } from "../../core/policy.ts";
import type { User } from "../../core/user.ts";
import type { Deps } from "../../app/deps.ts";
import { parseCommandArgs, UsageError, type Command } from "../command.ts";
import { withDeps } from "../runtime.ts";

/**
 * `warta user add|reset-password|disable|list`: account administration from the server's shell
 * (no mail server needed). Generated passwords are printed once, to stdout only.
 */
export interface UserCommandIo {
  print(line: string): void;
  error(line: string): void;
  /** The whole of standard input (for --password-stdin). */
  readStdin(): Promise<string>;
  /** Runs with dependencies (defaults to the environment's store). */
  withDeps<T>(run: (deps: Deps) => Promise<T>): Promise<T>;
}

const USAGE = [
  "warta user add --email <email> --name <nama> --role <penulis|editor|redaktur|admin> [--person <slug>] [--password-stdin]",
  "       warta user reset-password --email <email> [--password-stdin]",
  "       warta user disable --email <email>",
  "       warta user list",
].join("\n");

const CLI_ACTOR: Actor = { kind: "system", name: "cli" };

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

const defaultIo: UserCommandIo = {
  print: (line) => console.log(line),
  error: (line) => console.error(line),
  readStdin: readAll,
  withDeps: (run) => withDeps((deps) => run(deps)),
};

/** The password from stdin: the first line, without its line ending. */
async function stdinPassword(io: UserCommandIo): Promise<string> {
  const text = await io.readStdin();
  return text.split(/\r?\n/)[0] ?? "";
}

function row(user: User): string {
  return [
    String(user.id).padStart(4),
    user.email.padEnd(32),
    user.role.padEnd(9),
    user.disabled ? "nonaktif" : "aktif   ",
    user.name,
  ].join("  ");
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`Missing --${flag}.`);
  return value;
}

export function createUserCommand(overrides: Partial<UserCommandIo> = {}): Command {
  const io: UserCommandIo = { ...defaultIo, ...overrides };
  async function run(argv: string[]): Promise<number> {
    const [action, ...rest] = argv;
    const { values, positionals } = parseCommandArgs(
      rest,
      {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        person: { type: "string" },
        "password-stdin": { type: "boolean", default: false },
      },
      false,
    );
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const passwordFromStdin = values["password-stdin"] ? await stdinPassword(io) : undefined;

    return io
      .withDeps(async (deps) => {
        switch (action) {
          case "add": {
            const role = required(values.role, "role");
            if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}.`);
            const personId = values.person ? (await deps.people.bySlug(values.person)).id : null;
            const { user, generatedPassword } = await deps.accounts.users.create(
              {
                email: required(values.email, "email"),
                name: required(values.name, "name"),
                role,
                personId,
                password: passwordFromStdin,
              },
              CLI_ACTOR,
            );
            io.print(`Pengguna dibuat: ${user.email} (${user.role}, id ${user.id}).`);
            if (generatedPassword) io.print(`Kata sandi (ditampilkan sekali ini saja): ${generatedPassword}`);
            return 0;
          }
          case "reset-password": {
            const user = await deps.accounts.users.byEmail(required(values.email, "email"));
            const { generatedPassword } = await deps.accounts.users.resetPassword(
              user.id,
              passwordFromStdin,
              CLI_ACTOR,
            );
            io.print(`Kata sandi ${user.email} disetel ulang; semua sesinya diakhiri.`);
            if (generatedPassword)
              io.print(`Kata sandi baru (ditampilkan sekali ini saja): ${generatedPassword}`);
            return 0;
          }
          case "disable": {
            const user = await deps.accounts.users.byEmail(required(values.email, "email"));
            await deps.accounts.users.update(user.id, { disabled: true }, CLI_ACTOR);
            io.print(`Pengguna ${user.email} dinonaktifkan; sesi dan tokennya tidak berlaku lagi.`);
            return 0;
          }
          case "list": {
            const users = await deps.accounts.users.list({ afterId: null, limit: 100_000 });
            if (users.length === 0) io.print("Belum ada pengguna. Tambahkan dengan: warta user add …");
            for (const user of users) io.print(row(user));
            return 0;
          }
          default:
            throw new UsageError(action ? `Unknown action "${action}".` : "Missing action.");
        }
      })
      .catch((error: unknown) => {
        if (!isAppError(error)) throw error;
        io.error(error.message);
        for (const detail of error.details) io.error(`  ${detail.field}: ${detail.message}`);
        return error.code === "not_found" ? 3 : 1;
      });
  }

  return {
    name: "user",
    summary: "Manage newsroom accounts: add, reset-password, disable, list",
    usage: USAGE,
    run,
  };
}

export const userCommand = createUserCommand();
