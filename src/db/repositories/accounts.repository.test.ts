import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { SessionRow } from "../accounts.schema.ts";
import { openTestStore, type TestStore } from "../store.test-support.ts";
import { createAccountsRepository, type NewUser } from "./accounts.repository.ts";

const accounts = createAccountsRepository();
const T0 = new Date("2026-12-01T00:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const newUser = (email: string, overrides: Partial<NewUser> = {}): NewUser => ({
  email,
  name: email.split("@")[0]!,
  role: "penulis",
  personId: null,
  passwordHash: `hash-of-${email}`,
  at: T0,
  ...overrides,
});

describe("accounts repository", () => {
  let t: TestStore;
  before(async () => {
    t = await openTestStore();
  });
  after(() => t.close());

  it("users: insert, read by id and email (with the hash), update, set password, page by id", async () => {
    const db = t.store.db;
    const ani = await accounts.insertUser(db, newUser("ani@warta.test", { role: "redaktur" }));
    const budi = await accounts.insertUser(db, newUser("budi@warta.test"));
    const cici = await accounts.insertUser(db, newUser("cici@warta.test", { role: "admin" }));

    const expectedAni = {
      id: ani,
      email: "ani@warta.test",
      name: "ani",
      role: "redaktur",
      personId: null,
      disabled: false,
      createdAt: T0,
      passwordChangedAt: T0,
    };
    assert.deepEqual(await accounts.userById(db, ani), expectedAni);
    assert.deepEqual(await accounts.credentialsByEmail(db, "ani@warta.test"), {
      user: expectedAni,
      passwordHash: "hash-of-ani@warta.test",
    });
    assert.equal(await accounts.credentialsByEmail(db, "tidak@warta.test"), null);
    assert.equal(await accounts.passwordHashOf(db, budi), "hash-of-budi@warta.test");
    await assert.rejects(accounts.insertUser(db, newUser("ani@warta.test")), "emails are unique");

    await accounts.updateUser(db, budi, { name: "Budi S.", role: "editor", disabled: true });
    const updated = await accounts.userById(db, budi);
    assert.deepEqual([updated?.name, updated?.role, updated?.disabled], ["Budi S.", "editor", true]);
    await accounts.updateUser(db, budi, { disabled: false });
    assert.equal((await accounts.userById(db, budi))?.disabled, false);
    await accounts.updateUser(db, budi, {});
    assert.equal((await accounts.userById(db, budi))?.name, "Budi S.");

    await accounts.setPassword(db, cici, "hash-baru", at(5));
    assert.equal(await accounts.passwordHashOf(db, cici), "hash-baru");
    assert.deepEqual((await accounts.userById(db, cici))?.passwordChangedAt, at(5));

    const firstPage = await accounts.listUsers(db, { afterId: null, limit: 2 });
    assert.deepEqual(
      firstPage.map((u) => u.id),
      [ani, budi],
    );
    const nextPage = await accounts.listUsers(db, { afterId: budi, limit: 2 });
    assert.deepEqual(
      nextPage.map((u) => [u.id, u.role]),
      [[cici, "admin"]],
    );
  });

  it("sessions: insert, read with the user, touch, end one, end all but one, expire", async () => {
    const db = t.store.db;
    const user = await accounts.insertUser(db, newUser("sesi@warta.test"));
    const session = (id: string, expiresAt: Date): SessionRow => ({
      id,
      user_id: user,
      created_at: T0.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: T0.toISOString(),
      ip: "203.0.113.7",
      user_agent: "Uji/1.0",
      csrf_token: `csrf-${id}`,
    });
    for (const id of ["s1", "s2", "s3"]) await accounts.insertSession(db, session(id, at(60)));
    await accounts.insertSession(db, session("lama", at(1)));

    const found = await accounts.sessionWithUser(db, "s1");
    assert.deepEqual({ ...found?.session }, session("s1", at(60))); // the row as stored
    assert.equal(found?.user.email, "sesi@warta.test");
    assert.equal(await accounts.sessionWithUser(db, "tidak-ada"), null);

    await accounts.touchSession(db, "s1", at(10), at(70));
    const touched = await accounts.sessionWithUser(db, "s1");
    assert.deepEqual(
      [touched?.session.last_seen_at, touched?.session.expires_at],
      [at(10).toISOString(), at(70).toISOString()],
    );

    await accounts.deleteExpiredSessions(db, at(2));
    assert.equal(await accounts.sessionWithUser(db, "lama"), null);
    assert.equal(await accounts.deleteSessionsOf(db, user, "s1"), 2);
    assert.notEqual(await accounts.sessionWithUser(db, "s1"), null);
    await accounts.deleteSession(db, "s1");
    assert.equal(await accounts.sessionWithUser(db, "s1"), null);
  });

  it("API tokens: insert, read by id and by hash with the user, mark used, revoke once", async () => {
    const db = t.store.db;
    const user = await accounts.insertUser(db, newUser("token@warta.test", { role: "editor" }));
    const id = await accounts.insertToken(db, {
      name: "CMS lama",
      tokenHash: "sha-1",
      prefix: "wt_AbCd",
      scopes: ["articles:read", "articles:write"],
      userId: user,
      at: T0,
    });
    const second = await accounts.insertToken(db, {
      name: "Impor",
      tokenHash: "sha-2",
      prefix: "wt_EfGh",
      scopes: [],
      userId: user,
      at: T0,
    });
    const expected = {
      id,
      name: "CMS lama",
      prefix: "wt_AbCd",
      scopes: ["articles:read", "articles:write"],
      userId: user,
      createdAt: T0,
      lastUsedAt: null,
      revokedAt: null,
    };
    assert.deepEqual(await accounts.tokenById(db, id), expected);
    const byHash = await accounts.tokenWithUserByHash(db, "sha-1");
    assert.deepEqual(byHash?.token, expected);
    assert.equal(byHash?.user.role, "editor");
    assert.equal(await accounts.tokenWithUserByHash(db, "sha-x"), null);

    await accounts.markTokenUsed(db, id, at(3));
    assert.deepEqual((await accounts.tokenById(db, id))?.lastUsedAt, at(3));

    await accounts.revokeToken(db, id, at(4));
    await accounts.revokeToken(db, id, at(9)); // a second revocation keeps the first instant
    assert.deepEqual((await accounts.tokenById(db, id))?.revokedAt, at(4));
    assert.equal(await accounts.revokeTokensOf(db, user, at(5)), 1, "only the live token");
    assert.deepEqual((await accounts.tokenById(db, second))?.revokedAt, at(5));
    assert.deepEqual(
      (await accounts.listTokens(db, user)).map((token) => token.id),
      [id, second],
    );
  });

  it("login attempts: by email and by IP before an id, marked, deleted, pruned", async () => {
    const db = t.store.db;
    const ids: number[] = [];
    for (const [minutes, email, ip, success] of [
      [1, "a@warta.test", "198.51.100.1", false],
      [2, "a@warta.test", "198.51.100.2", false],
      [3, "b@warta.test", "198.51.100.1", false],
      [4, "a@warta.test", "198.51.100.1", true],
    ] as const)
      ids.push(await accounts.insertLoginAttempt(db, { at: at(minutes), email, ip, success }));
    const latest = ids[3]! + 1;

    assert.deepEqual(
      (await accounts.loginAttemptsByEmail(db, "a@warta.test", at(0), latest)).map((a) => [a.at, a.success]),
      [
        [at(1).toISOString(), 0],
        [at(2).toISOString(), 0],
        [at(4).toISOString(), 1],
      ],
    );
    assert.deepEqual(
      (await accounts.loginAttemptsByEmail(db, "a@warta.test", at(1), ids[3]!)).map((a) => a.at),
      [at(2).toISOString()],
      "after `since`, before `beforeId`",
    );
    assert.deepEqual(
      (await accounts.failedLoginsByIp(db, "198.51.100.1", at(0), latest)).map((a) => a.at),
      [at(1).toISOString(), at(3).toISOString()],
    );

    await accounts.markLoginSucceeded(db, ids[0]!);
    assert.deepEqual(
      (await accounts.failedLoginsByIp(db, "198.51.100.1", at(0), latest)).map((a) => a.at),
      [at(3).toISOString()],
    );
    await accounts.deleteLoginAttempt(db, ids[2]!);
    assert.deepEqual(await accounts.failedLoginsByIp(db, "198.51.100.1", at(0), latest), []);
    await accounts.deleteLoginAttemptsBefore(db, at(3));
    assert.deepEqual(
      (await accounts.loginAttemptsByEmail(db, "a@warta.test", at(0), latest)).map((a) => a.at),
      [at(4).toISOString()],
    );
  });
});
