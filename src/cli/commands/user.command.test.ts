import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { UsageError } from "../command.ts";
import { loadConfig } from "../../app/config.ts";
import { createDeps, type Deps } from "../../app/deps.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { verifyPassword } from "../../services/accounts/password.ts";
import { createUserCommand } from "./user.command.ts";

describe("warta user", () => {
  let dir: string;
  let deps: Deps;
  let database: TestDatabase;
  // One store for the whole suite (built from the environment, as the CLI does), cheap hashing.
  const withDeps = <T>(use: (d: Deps) => Promise<T>) => use(deps);
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-user-cli-"));
    database = await createTestDatabase(dir);
    const config = loadConfig({
      WARTA_DATABASE_URL: database.url,
      WARTA_MEDIA_DIR: join(dir, "media"),
    });
    deps = await createDeps(config, { argon2: { memory: 1024, passes: 1, parallelism: 1 } });
  });
  after(async () => {
    await deps.close();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs the command in-process against the temp store, capturing its output. */
  async function run(argv: string[], stdin = "") {
    const out: string[] = [];
    const err: string[] = [];
    const command = createUserCommand({
      print: (line) => out.push(line),
      error: (line) => err.push(line),
      readStdin: async () => stdin,
      withDeps,
    });
    const code = await command.run(argv);
    return { code, out, err };
  }

  const hashOf = (email: string) =>
    withDeps((deps) =>
      deps.store.db
        .selectFrom("users")
        .select(["password_hash", "disabled"])
        .where("email", "=", email)
        .executeTakeFirstOrThrow(),
    );

  it("adds a user with a generated password printed once", async () => {
    const result = await run([
      "add",
      "--email",
      "Redaksi@Warta.test",
      "--name",
      "Rina Redaktur",
      "--role",
      "redaktur",
    ]);
    assert.equal(result.code, 0);
    assert.equal(result.out[0], "Pengguna dibuat: redaksi@warta.test (redaktur, id 1).");
    const password = /: (\S+)$/.exec(result.out[1] ?? "")?.[1] ?? "";
    assert.equal(password.length, 20);
    assert.equal(await verifyPassword(password, (await hashOf("redaksi@warta.test")).password_hash), true);
  });

  it("adds a user linked to a person, with the password from stdin", async () => {
    await withDeps((deps) => deps.people.create({ name: "Haryo Jati" }, { kind: "system", name: "test" }));
    const result = await run(
      [
        "add",
        "--email",
        "haryo@warta.test",
        "--name",
        "Haryo",
        "--role",
        "penulis",
        "--person",
        "haryo-jati",
        "--password-stdin",
      ],
      "kata-sandi-dari-stdin\n",
    );
    assert.equal(result.code, 0);
    assert.equal(result.out.length, 1, "no password is printed when one was given");
    assert.equal(
      await verifyPassword("kata-sandi-dari-stdin", (await hashOf("haryo@warta.test")).password_hash),
      true,
    );
    const user = await withDeps((deps) => deps.accounts.users.byEmail("haryo@warta.test"));
    assert.ok(user.personId !== null);
  });

  it("refuses bad input with messages and exit codes", async () => {
    await assert.rejects(run(["add", "--email", "x@warta.test", "--name", "X", "--role", "bos"]), UsageError);
    await assert.rejects(run(["add", "--name", "X", "--role", "editor"]), UsageError);
    await assert.rejects(run(["hapus"]), UsageError);
    const duplicate = await run(["add", "--email", "haryo@warta.test", "--name", "H", "--role", "editor"]);
    assert.equal(duplicate.code, 1);
    assert.deepEqual(duplicate.err, ["Email sudah dipakai akun lain.", "  email: Sudah terdaftar."]);
    const short = await run(
      ["add", "--email", "s@warta.test", "--name", "S", "--role", "editor", "--password-stdin"],
      "pendek\n",
    );
    assert.equal(short.code, 1);
    assert.deepEqual(short.err, [
      "Data yang dikirim tidak valid.",
      "  password: Kata sandi minimal 10 karakter.",
    ]);
    assert.equal((await run(["disable", "--email", "siapa@warta.test"])).code, 3);
  });

  it("resets a password (generated) and ends sessions; disables; lists", async () => {
    const before = (await hashOf("haryo@warta.test")).password_hash;
    const session = await withDeps((deps) =>
      deps.accounts.sessions.login({ email: "haryo@warta.test", password: "kata-sandi-dari-stdin" }),
    );
    const reset = await run(["reset-password", "--email", "haryo@warta.test"]);
    assert.equal(reset.code, 0);
    const password = /: (\S+)$/.exec(reset.out[1] ?? "")?.[1] ?? "";
    const after = (await hashOf("haryo@warta.test")).password_hash;
    assert.notEqual(after, before);
    assert.equal(await verifyPassword(password, after), true);
    assert.equal(await withDeps((deps) => deps.accounts.sessions.resolve(session.sessionToken)), null);

    assert.equal((await run(["disable", "--email", "haryo@warta.test"])).code, 0);
    assert.equal((await hashOf("haryo@warta.test")).disabled, 1);
    const list = await run(["list"]);
    assert.equal(list.code, 0);
    assert.equal(list.out.length, 2);
    assert.match(list.out[0] ?? "", /redaksi@warta\.test\s+redaktur\s+aktif\s+Rina Redaktur/);
    assert.match(list.out[1] ?? "", /haryo@warta\.test\s+penulis\s+nonaktif/);
    const audit = await withDeps((deps) => deps.audit.list({ limit: 50 }));
    assert.ok(audit.some((e) => e.action === "user.disable" && e.detail.system === "cli"));
  });
});
