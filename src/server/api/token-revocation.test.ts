import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { User } from "../../core/user.ts";
import {
  createApiContext,
  passwordFor,
  type ApiTestContext,
  type Session,
} from "../../testing/api-test-support.ts";

/** A recovered account keeps no API access for whoever stole it. */
describe("API tokens end with the credentials that made them", () => {
  let ctx: ApiTestContext;
  let admin: Session;
  before(async () => {
    ctx = await createApiContext();
    admin = await ctx.login((await ctx.user("admin")).email);
  });
  after(() => ctx.close());

  async function tokenOf(session: Session): Promise<string> {
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: session.write,
      payload: { name: "integrasi", scopes: ["content:read"] },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().token as string;
  }
  const works = async (token: string) =>
    (
      await ctx.app.inject({
        method: "GET",
        url: "/api/v1/auth/me",
        headers: { authorization: `Bearer ${token}` },
      })
    ).statusCode === 200;

  async function userWithToken(): Promise<{ user: User; session: Session; token: string }> {
    const user = await ctx.user("editor");
    const session = await ctx.login(user.email);
    const token = await tokenOf(session);
    assert.ok(await works(token));
    return { user, session, token };
  }

  it("a password reset by an administrator revokes every token", async () => {
    const { user, token } = await userWithToken();
    const reset = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/users/${user.id}/password-reset`,
      headers: admin.write,
      payload: {},
    });
    assert.equal(reset.statusCode, 200);
    assert.equal(await works(token), false);
  });

  it("changing one's own password revokes every token", async () => {
    const { session, token } = await userWithToken();
    const change = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/password",
      headers: session.write,
      payload: { currentPassword: passwordFor("editor"), newPassword: "kata-sandi-baru-sekali" },
    });
    assert.equal(change.statusCode, 200, change.body);
    assert.equal(await works(token), false);
  });

  it("disabling revokes every token, and enabling again does not bring them back", async () => {
    const { user, token } = await userWithToken();
    for (const disabled of [true, false]) {
      const response = await ctx.app.inject({
        method: "PATCH",
        url: `/api/v1/users/${user.id}`,
        headers: admin.write,
        payload: { disabled },
      });
      assert.equal(response.statusCode, 200);
    }
    assert.equal(await works(token), false);
  });

  it("a user lists their own tokens and revokes one", async () => {
    const user = await ctx.user("penulis");
    const session = await ctx.login(user.email);
    const token = await tokenOf(session);
    const list = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/tokens",
      headers: { cookie: session.cookie },
    });
    assert.equal(list.statusCode, 200);
    const items = list.json().items as { id: number; userId: number; prefix: string }[];
    assert.equal(items.length, 1);
    assert.ok(token.startsWith(items[0]!.prefix));
    const revoke = await ctx.app.inject({
      method: "DELETE",
      url: `/api/v1/tokens/${items[0]!.id}`,
      headers: session.write,
    });
    assert.equal(revoke.statusCode, 200);
    assert.equal(await works(token), false);
  });

  it("a redaktur resets a writer's password but never receives a peer's or an admin's", async () => {
    const redaktur = await ctx.login((await ctx.user("redaktur")).email);
    const peer = await ctx.user("redaktur");
    const writer = await ctx.user("penulis");
    const peerReset = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/users/${peer.id}/password-reset`,
      headers: redaktur.write,
      payload: {},
    });
    assert.equal(peerReset.statusCode, 403);
    assert.equal(peerReset.json().generatedPassword, undefined);
    const writerReset = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/users/${writer.id}/password-reset`,
      headers: redaktur.write,
      payload: {},
    });
    assert.equal(writerReset.statusCode, 200);
    assert.equal(typeof writerReset.json().generatedPassword, "string");
  });
});
