import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generatePassword, hashPassword, OWASP_ARGON2, verifyPassword } from "./password.ts";

const CHEAP = { memory: 1024, passes: 1, parallelism: 1 };

describe("password hashing (argon2id, PHC strings)", () => {
  it("stores OWASP parameters and a random salt in a PHC string", async () => {
    const hash = await hashPassword("kata-sandi-panjang");
    assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    assert.deepEqual(OWASP_ARGON2, { memory: 19456, passes: 2, parallelism: 1 });
    assert.equal(await verifyPassword("kata-sandi-panjang", hash), true);
    assert.notEqual(
      await hashPassword("kata-sandi-panjang"),
      hash,
      "salted: the same password hashes differently",
    );
  });

  it("rejects wrong passwords, near misses and malformed hashes", async () => {
    const hash = await hashPassword("Rahasia-123", CHEAP);
    assert.equal(await verifyPassword("Rahasia-123", hash), true);
    assert.equal(await verifyPassword("rahasia-123", hash), false);
    assert.equal(await verifyPassword("Rahasia-1234", hash), false);
    assert.equal(await verifyPassword("", hash), false);
    assert.equal(await verifyPassword("Rahasia-123", "plain-text"), false);
    assert.equal(await verifyPassword("Rahasia-123", hash.replace("argon2id", "argon2i")), false);
    const tampered = hash.slice(0, -2) + (hash.endsWith("AA") ? "BB" : "AA");
    assert.equal(await verifyPassword("Rahasia-123", tampered), false);
  });

  it("verifies with the parameters stored in the hash, so costs can rise later", async () => {
    const old = await hashPassword("kata-sandi-lama", CHEAP);
    assert.match(old, /m=1024,t=1,p=1/);
    assert.equal(await verifyPassword("kata-sandi-lama", old), true);
  });

  it("treats composed and decomposed Unicode the same (NFC)", async () => {
    const hash = await hashPassword("kopi-caf\u00e9-enak", CHEAP);
    assert.equal(await verifyPassword("kopi-cafe\u0301-enak", hash), true);
  });

  it("generates long random passwords from an unambiguous alphabet", () => {
    const passwords = new Set(Array.from({ length: 50 }, () => generatePassword()));
    assert.equal(passwords.size, 50);
    for (const p of passwords) assert.match(p, /^[A-HJ-NP-Za-km-z2-9]{20}$/);
  });
});
