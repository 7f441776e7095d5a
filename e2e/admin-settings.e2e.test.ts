import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { adminSuite, axe, seedNewsroom, shot, STAFF } from "./admin-harness.ts";
import { browserSkipReason } from "./browser.ts";

const skip = browserSkipReason();
const ADMIN = { email: "admin@warta.test", password: "rahasia-admin-123" };

/**
 * The settings screens (/admin/pengaturan): an admin creates a section, a person, a user, a token
 * (its secret shown once), a webhook and a search alias through them; refusals are shown in
 * Indonesian; each role sees only the screens the policy gives it; axe finds nothing serious.
 */
describe("the admin's settings screens in headless Chromium", { skip, timeout: 300_000 }, () => {
  const admin = adminSuite("settings e2e", async (ctx) => {
    await seedNewsroom(ctx, "Foto untuk pengaturan");
    await ctx.deps.accounts.users.create(
      { ...ADMIN, name: "Ayu Admin", role: "admin", personId: null },
      SYSTEM_ACTOR,
    );
  });

  const { open } = admin;
  const settings = async (page: Page, name: string) => {
    await page.getByRole("navigation", { name: "Bagian pengaturan" }).getByRole("link", { name }).click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
  };
  const confirm = async (page: Page, opener: string, confirmWith: string) => {
    await page.getByRole("button", { name: opener }).click();
    await page.getByRole("dialog").getByRole("button", { name: confirmWith, exact: true }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
  };

  it("lets an admin create a section, a person, a user, a token, a webhook and an alias", async () => {
    const { context, page } = await open();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: admin.origin });
    await admin.signIn(page, ADMIN);
    await page
      .getByRole("navigation", { name: "Navigasi utama" })
      .getByRole("link", { name: "Pengaturan" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Pengaturan" }).waitFor();

    // Sections: create, nest, reorder, rename; a section with a story is refused in Indonesian.
    await settings(page, "Rubrik");
    const newSection = page.getByRole("form", { name: "Rubrik baru" });
    await newSection.getByLabel("Nama", { exact: true }).fill("Olahraga");
    await newSection.getByRole("button", { name: "Buat" }).click();
    await page.getByRole("button", { name: "Ubah Olahraga" }).waitFor();
    await newSection.getByLabel("Nama", { exact: true }).fill("Sepak Bola");
    await newSection.getByLabel("Induk rubrik").selectOption({ label: "Olahraga" });
    await newSection.getByRole("button", { name: "Buat" }).click();
    await page.getByText("/olahraga/sepak-bola").waitFor();
    await page.getByRole("button", { name: "Naikkan Olahraga" }).click();
    await eventuallyEqual(
      () =>
        page.locator(".settings-body > .section-tree > li > .section-node .section-name").allTextContents(),
      ["Olahraga", "Metropolitan"],
    );
    await page.getByRole("button", { name: "Ubah Sepak Bola" }).click();
    const editSection = page.getByRole("dialog").getByRole("form", { name: "Ubah rubrik" });
    await editSection.getByLabel("Nama", { exact: true }).fill("Sepak Bola Nasional");
    await editSection.getByRole("button", { name: "Simpan" }).click();
    await page.getByRole("button", { name: "Ubah Sepak Bola Nasional" }).waitFor();
    await confirm(page, "Hapus Metropolitan", "Hapus");
    await page.getByRole("alert").filter({ hasText: "masih berisi 1 berita" }).waitFor();
    await shot(page, "settings-sections");
    const tree = await admin.ctx.deps.sections.directory();
    const olahraga = tree.all.find((s) => s.name === "Olahraga")!;
    assert.deepEqual(
      tree.children(olahraga.id).map((s) => s.name),
      ["Sepak Bola Nasional"],
    );

    // People: create, find, edit the bio.
    await settings(page, "Orang");
    const newPerson = page.getByRole("form", { name: "Profil baru" });
    await newPerson.getByLabel("Nama", { exact: true }).fill("Dewi Lestari");
    await newPerson.getByLabel("Bio").fill("Wartawan foto di Bandung.");
    await newPerson.getByRole("button", { name: "Buat" }).click();
    await page.getByLabel("Cari nama").fill("dewi");
    await page.getByRole("cell", { name: "Wartawan foto di Bandung.", exact: true }).waitFor();
    await page.getByRole("button", { name: "Ubah Dewi Lestari" }).click();
    await page.getByRole("dialog").getByLabel("Bio").fill("Pewarta foto di Bandung.");
    await page.getByRole("dialog").getByRole("button", { name: "Simpan" }).click();
    await page.getByRole("cell", { name: "Pewarta foto di Bandung.", exact: true }).waitFor();
    await shot(page, "settings-people");

    // Users: create with a generated password shown once, change the role, disable.
    await settings(page, "Pengguna dan peran");
    const newUser = page.getByRole("form", { name: "Akun baru" });
    await newUser.getByLabel("Nama", { exact: true }).fill("Andi Wartawan");
    await newUser.getByLabel("Email").fill("andi@warta.test");
    await newUser.getByLabel("Peran").selectOption({ label: "Penulis" });
    await newUser.getByLabel("Profil byline (cari nama)").fill("Dewi");
    await newUser.getByRole("button", { name: "Dewi Lestari" }).click();
    await newUser.getByText("Profil byline: Dewi Lestari").waitFor();
    await newUser.getByRole("button", { name: "Buat" }).click();
    const passwordDialog = page.getByRole("dialog", { name: "Kata sandi sementara untuk Andi Wartawan" });
    const password = await passwordDialog.getByLabel("Nilai rahasia").inputValue();
    assert.ok(password.length >= 12, "a generated password is shown");
    await passwordDialog.getByRole("button", { name: "Selesai" }).click();
    const login = await admin.ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "andi@warta.test", password },
    });
    assert.equal(login.statusCode, 200, "the shown password signs the new user in");
    await page.getByRole("button", { name: "Ubah Andi Wartawan" }).click();
    await page.getByRole("dialog").getByLabel("Peran").selectOption({ label: "Editor" });
    await page.getByRole("dialog").getByRole("button", { name: "Simpan" }).click();
    const andiRow = page.getByRole("row").filter({ hasText: "andi@warta.test" });
    await andiRow.getByRole("cell", { name: "Editor", exact: true }).waitFor();
    await confirm(page, "Nonaktifkan Andi Wartawan", "Nonaktifkan");
    // The row's own status cell (the row's name also holds its buttons' names).
    await andiRow.getByRole("cell", { name: "Nonaktif", exact: true }).waitFor();
    await page.getByRole("button", { name: "Aktifkan Andi Wartawan", exact: true }).waitFor();
    const andi = await admin.ctx.deps.accounts.users.byEmail("andi@warta.test");
    const dewi = (await admin.ctx.deps.people.list()).find((p) => p.name === "Dewi Lestari");
    assert.deepEqual([andi.role, andi.disabled, andi.personId], ["editor", true, dewi?.id]);
    await shot(page, "settings-users");

    // API tokens: the secret is shown once (and copied), works, then is revoked.
    await settings(page, "Token API");
    const newToken = page.getByRole("form", { name: "Token baru" });
    await newToken.getByLabel("Nama token").fill("Integrasi aplikasi");
    await newToken.getByRole("button", { name: "Buat" }).click();
    const tokenDialog = page.getByRole("dialog", { name: "Token API Integrasi aplikasi" });
    const token = await tokenDialog.getByLabel("Nilai rahasia").inputValue();
    await tokenDialog.getByRole("button", { name: "Salin" }).click();
    await tokenDialog.getByText("Tersalin ke papan klip.").waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token);
    await tokenDialog.getByRole("button", { name: "Selesai" }).click();
    await page.getByRole("cell", { name: "Integrasi aplikasi", exact: true }).waitFor();
    assert.equal((await page.content()).includes(token), false, "the secret is not shown again");
    const withToken = await fetch(`${admin.origin}/api/v1/articles`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(withToken.status, 200);
    await confirm(page, "Cabut token Integrasi aplikasi", "Cabut");
    await page.getByRole("cell", { name: /^Dicabut/ }).waitFor();
    await shot(page, "settings-tokens");

    // Webhooks: created with its secret shown once; the delivery log; disabled.
    await settings(page, "Webhook");
    const newHook = page.getByRole("form", { name: "Webhook baru" });
    await newHook.getByLabel("URL penerima").fill("https://penerima.example/warta");
    await newHook.getByLabel("article.published").check();
    await newHook.getByRole("button", { name: "Buat" }).click();
    const secretDialog = page.getByRole("dialog", { name: "Rahasia webhook https://penerima.example/warta" });
    const firstSecret = await secretDialog.getByLabel("Nilai rahasia").inputValue();
    assert.ok(firstSecret.length >= 16);
    await secretDialog.getByRole("button", { name: "Selesai" }).click();
    await page.getByRole("button", { name: "Ganti rahasia https://penerima.example/warta" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ganti rahasia", exact: true }).click();
    const rotated = page.getByRole("dialog", { name: "Rahasia webhook https://penerima.example/warta" });
    assert.notEqual(await rotated.getByLabel("Nilai rahasia").inputValue(), firstSecret, "a new secret");
    await rotated.getByRole("button", { name: "Selesai" }).click();
    await page.getByRole("button", { name: "Log pengiriman https://penerima.example/warta" }).click();
    await page.getByRole("dialog").getByText("Belum ada pengiriman.").waitFor();
    await page.getByRole("dialog").getByRole("button", { name: "Tutup" }).click();
    await confirm(page, "Nonaktifkan https://penerima.example/warta", "Nonaktifkan");
    await page.getByRole("cell", { name: "Nonaktif", exact: true }).waitFor();
    const [hook] = await admin.ctx.deps.newsroom.webhooks.list();
    assert.deepEqual([hook?.events, hook?.active], [["article.published"], false]);
    await shot(page, "settings-webhooks");

    // Search aliases: add, a taken term refused on its field, edit, delete.
    await settings(page, "Alias pencarian");
    const newAlias = page.getByRole("form", { name: "Alias baru" });
    await newAlias.getByLabel("Istilah").fill("Sulsel");
    await newAlias.getByLabel("Padanan").fill("Sulawesi Selatan");
    await newAlias.getByRole("button", { name: "Buat" }).click();
    await page.getByRole("cell", { name: "Sulawesi Selatan", exact: true }).waitFor();
    await newAlias.getByLabel("Istilah").fill("Korut");
    await newAlias.getByLabel("Padanan").fill("Korea");
    await newAlias.getByRole("button", { name: "Buat" }).click();
    await newAlias.getByText("Sudah ada; ubah alias yang ada.").waitFor();
    assert.equal(await newAlias.getByLabel("Istilah").getAttribute("aria-invalid"), "true");
    await page.getByRole("button", { name: "Ubah Sulsel" }).click();
    await page.getByRole("dialog").getByLabel("Padanan").fill("Provinsi Sulawesi Selatan");
    await page.getByRole("dialog").getByRole("button", { name: "Simpan" }).click();
    await page.getByRole("cell", { name: "Provinsi Sulawesi Selatan", exact: true }).waitFor();
    await shot(page, "settings-aliases");
    await confirm(page, "Hapus Sulsel", "Hapus");
    await page
      .getByRole("cell", { name: "Provinsi Sulawesi Selatan", exact: true })
      .waitFor({ state: "detached" });
    const aliases = await admin.ctx.deps.searchAliases.list();
    assert.equal(
      aliases.some((a) => a.term === "Sulsel"),
      false,
    );

    await context.close();
    assert.deepEqual(
      admin.problems.filter(
        (p) =>
          !/^409 (DELETE|POST) .*\/(sections\/\d+|search-aliases)$/.test(p) &&
          !/^console: .*status of 409/.test(p),
      ),
      [],
      "only the expected refusals (a section with a story, a taken alias)",
    );
  });

  it("shows each role only the settings its policy allows, and says so in Indonesian", async () => {
    const { context, page } = await open();
    await admin.signIn(page, STAFF.writer);
    await page.getByRole("link", { name: "Pengaturan" }).click();
    const menu = page.getByRole("navigation", { name: "Bagian pengaturan" });
    await menu.getByRole("link").first().waitFor();
    assert.deepEqual(await menu.getByRole("link").allTextContents(), ["Token API"]);
    await page.goto(`${admin.origin}/admin/pengaturan/pengguna`);
    await page
      .getByRole("alert")
      .filter({ hasText: "Peran Anda tidak diizinkan membuka pengaturan ini." })
      .waitFor();
    await context.close();

    const second = await open();
    await admin.signIn(second.page, STAFF.redaktur);
    await second.page.goto(`${admin.origin}/admin/pengaturan/rubrik`);
    const redakturMenu = second.page.getByRole("navigation", { name: "Bagian pengaturan" });
    await redakturMenu.getByRole("link").first().waitFor();
    assert.deepEqual(await redakturMenu.getByRole("link").allTextContents(), [
      "Rubrik",
      "Orang",
      "Pengguna dan peran",
      "Token API",
      "Alias pencarian",
    ]);
    await second.page.getByRole("link", { name: "Pengguna dan peran" }).click();
    await second.page.getByRole("row", { name: /Ayu Admin/ }).waitFor();
    assert.equal(
      await second.page.getByRole("button", { name: "Ubah Ayu Admin" }).count(),
      0,
      "a redaktur is not offered to manage an admin",
    );
    await second.context.close();
    assert.deepEqual(admin.problems, []);
  });

  it("can be used by keyboard alone: add an alias, open and leave its edit dialog, delete it", async () => {
    const { context, page } = await open();
    await admin.signIn(page, STAFF.redaktur);
    await page.goto(`${admin.origin}/admin/pengaturan/alias`);
    await page.getByRole("heading", { level: 1, name: "Alias pencarian" }).waitFor();
    const tabTo = async (name: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return (
            el?.getAttribute("aria-label") ??
            el?.closest("label")?.textContent ??
            el?.textContent ??
            ""
          ).trim();
        });
        if (focused.startsWith(name)) return;
      }
      throw new Error(`no focusable "${name}" within 80 tabs`);
    };
    await tabTo("Istilah");
    await page.keyboard.type("Jabar");
    await tabTo("Padanan");
    await page.keyboard.type("Jawa Barat");
    await page.keyboard.press("Enter");
    await page.getByRole("cell", { name: "Jawa Barat", exact: true }).waitFor();
    await tabTo("Ubah Jabar");
    await page.keyboard.press("Enter");
    await page.getByRole("dialog", { name: "Ubah alias" }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await tabTo("Hapus Jabar");
    await page.keyboard.press("Enter");
    await page.getByRole("dialog", { name: "Hapus Jabar?" }).waitFor();
    // The dialog's first button (the confirmation) has the focus.
    await page.keyboard.press("Enter");
    await page.getByRole("cell", { name: "Jawa Barat", exact: true }).waitFor({ state: "detached" });
    assert.equal(
      (await admin.ctx.deps.searchAliases.list()).some((a) => a.term === "Jabar"),
      false,
    );
    await context.close();
    assert.deepEqual(admin.problems, []);
  });

  it("has no serious or critical axe violations on any settings screen", async () => {
    const { context, page } = await open({ bypassCSP: true });
    await admin.signIn(page, ADMIN);
    await page.goto(`${admin.origin}/admin/pengaturan`);
    await page.getByRole("heading", { level: 1, name: "Pengaturan" }).waitFor();
    const found: Record<string, string[]> = { menu: await axe(page) };
    for (const name of ["Rubrik", "Orang", "Pengguna dan peran", "Token API", "Webhook", "Alias pencarian"]) {
      await settings(page, name);
      await page.getByText("Memuat…").waitFor({ state: "detached" });
      await page.locator("table, .section-tree").first().waitFor();
      found[name] = await axe(page);
    }
    await page
      .getByRole("button", { name: /^Hapus / })
      .first()
      .click();
    await page.getByRole("dialog").waitFor();
    found.confirmDialog = await axe(page);
    await shot(page, "settings-confirm");
    await context.close();
    assert.deepEqual(found, {
      menu: [],
      Rubrik: [],
      Orang: [],
      "Pengguna dan peran": [],
      "Token API": [],
      Webhook: [],
      "Alias pencarian": [],
      confirmDialog: [],
    });
  });
});

/** Waits until `read()` gives `expected` (the screen re-renders after the server answers). */
async function eventuallyEqual<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected)) {
    if (Date.now() > until) assert.deepEqual(last, expected);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
}
