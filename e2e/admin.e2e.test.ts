import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { adminSuite, axe, seedNewsroom, shot, STAFF } from "./admin-harness.ts";
import { browserSkipReason } from "./browser.ts";

const skip = browserSkipReason();

/**
 * The newsroom in the browser: a writer signs in, writes a story with a Baca Juga link, reloads
 * mid-edit and gets the text back, survives an expired session, submits; an editor publishes it;
 * the story is on the public site. Also the English switch (remembered) and a merged conflict.
 */
describe("the admin in headless Chromium", { skip, timeout: 180_000 }, () => {
  const { writer, editor, redaktur } = STAFF;
  let sectionName: string;
  let storyId: number;
  let photoId: number;

  const admin = adminSuite("admin e2e", async (ctx) => {
    ({ sectionName, photoId: photoId } = await seedNewsroom(ctx, "Warga mengungsi dengan perahu karet"));
  });

  const { open, signIn } = admin;

  it("lets a writer write, recover after a reload and an expired session, and an editor publish", async () => {
    const { context, page } = await open();
    await signIn(page, writer);
    await page.getByText("Memuat…").first().waitFor({ state: "detached" });
    await shot(page, "desk");

    await page.getByRole("link", { name: "Tulis berita" }).first().click();
    await page.getByLabel("Judul").fill("Warga Kampung Melayu mulai mengungsi");
    await page.getByLabel("Rubrik").selectOption({ label: sectionName });
    await page.getByLabel("Tempat").fill("Jakarta");
    const body = page.getByRole("textbox", { name: "Isi berita" });
    await body.click();
    await page.keyboard.type("Air Sungai Ciliwung naik sejak pagi dan warga mulai mengungsi.");
    await page.keyboard.press("Enter");

    // Baca Juga by headline search.
    await page.getByRole("button", { name: "Baca Juga" }).click();
    await page.getByLabel("Cari berita berdasarkan judul").fill("banjir rob");
    await page.getByRole("button", { name: "Banjir rob merendam pesisir utara Jakarta" }).click();
    await body.getByText("Baca Juga: Banjir rob merendam pesisir utara Jakarta").waitFor();

    // Hero image from the media library, with caption and credit.
    await page.getByRole("button", { name: "Pilih dari pustaka" }).click();
    await page
      .getByRole("button", { name: `Pakai foto #${photoId}: Warga mengungsi dengan perahu karet` })
      .click();
    await page.getByLabel("Keterangan foto").fill("Warga menaiki perahu karet di Kampung Melayu.");
    await page.getByLabel("Kredit foto").fill("Foto: Rina Wulandari");

    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await page.waitForURL(/\/admin\/berita\/\d+$/);
    await page.getByText(/^Tersimpan \d/).waitFor();
    storyId = Number(/\/(\d+)$/.exec(page.url())?.[1]);
    assert.ok(storyId > 0);

    // Reload mid-edit: the unsaved paragraph comes back from the local copy.
    await body.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Paragraf yang belum sempat disimpan ke server.");
    await page.getByText(/^Salinan lokal tersimpan/).waitFor();
    await page.reload();
    await page.getByText("Ada salinan lokal yang belum disimpan").waitFor();
    await page.getByRole("button", { name: "Pulihkan" }).click();
    await page
      .getByRole("textbox", { name: "Isi berita" })
      .getByText("Paragraf yang belum sempat disimpan ke server.")
      .waitFor();
    await shot(page, "editor");

    // The session expires: the save asks for the password, then goes through.
    await context.clearCookies();
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Sesi Anda telah berakhir" });
    await dialog.waitFor();
    await dialog.getByLabel("Kata sandi").fill(writer.password);
    await dialog.getByRole("button", { name: "Lanjutkan" }).click();
    await page.getByText(/^Tersimpan \d/).waitFor();
    const stored = await admin.ctx.deps.articles.get(storyId);
    assert.equal(stored.headline, "Warga Kampung Melayu mulai mengungsi");
    assert.deepEqual(
      stored.body.blocks.map((b) => b.type),
      ["paragraph", "related", "paragraph"],
    );
    assert.equal(stored.dateline.place, "Jakarta");

    await page.getByRole("button", { name: "Kirim ke editor" }).click();
    await page.getByText("Status berita: Menunggu penyuntingan").waitFor();
    assert.equal(await page.getByRole("button", { name: "Terbitkan" }).count(), 0, "a writer cannot publish");
    await context.close();

    // The editor finds it waiting for review on the desk and asks for a change.
    const second = await open();
    await signIn(second.page, editor);
    const review = () =>
      second.page
        .getByRole("region", { name: "Menunggu penyuntingan" })
        .getByRole("link", { name: "Warga Kampung Melayu mulai mengungsi" });
    await review().click();
    await second.page.getByRole("button", { name: "Minta perbaikan" }).click();
    const ask = second.page.getByRole("dialog", { name: "Minta perbaikan" });
    await ask.getByLabel("Catatan untuk penulis").fill("Tambahkan jumlah pengungsi.");
    await ask.getByRole("button", { name: "Minta perbaikan" }).click();
    await second.page.getByText("Status berita: Draf").waitFor();

    // The writer sees the note, fixes the story and sends it again.
    const third = await open();
    await signIn(third.page, writer);
    await third.page
      .getByRole("region", { name: "Draf saya" })
      .getByRole("link", { name: "Warga Kampung Melayu mulai mengungsi" })
      .click();
    await third.page
      .getByRole("note")
      .getByText(/Budi Editor .*Tambahkan jumlah pengungsi\./)
      .waitFor();
    await third.page.getByRole("textbox", { name: "Isi berita" }).click();
    await third.page.keyboard.press("Control+End");
    await third.page.keyboard.press("Enter");
    await third.page.keyboard.type("Sebanyak 350 warga mengungsi ke masjid terdekat.");
    await third.page.getByRole("button", { name: "Kirim ke editor" }).click();
    await third.page.getByText("Status berita: Menunggu penyuntingan").waitFor();
    await third.context.close();

    // The editor publishes it.
    await second.page.getByRole("link", { name: "Meja redaksi" }).click();
    await review().click();
    await second.page.getByRole("button", { name: "Terbitkan" }).click();
    const confirm = second.page.getByRole("dialog", { name: "Terbitkan" });
    await confirm.getByRole("button", { name: "Terbitkan" }).click();
    await second.page.getByText("Status berita: Terbit").waitFor();
    await shot(second.page, "published");

    // Live on the site: on the home page, and its page shows the body and the Baca Juga link.
    const home = await (await fetch(`${admin.origin}/`)).text();
    assert.match(home, /Warga Kampung Melayu mulai mengungsi/);
    const url = (await admin.ctx.deps.articles.get(storyId)).status;
    assert.equal(url, "published");
    const link = second.page.getByRole("link", { name: "Lihat di situs" });
    const href = await link.getAttribute("href");
    assert.ok(href);
    const article = await (await fetch(`${admin.origin}${href}`)).text();
    assert.match(article, /Air Sungai Ciliwung naik sejak pagi/);
    assert.match(article, /Paragraf yang belum sempat disimpan ke server\./);
    assert.match(article, /Banjir rob merendam pesisir utara Jakarta/);
    assert.match(article, /Sebanyak 350 warga mengungsi ke masjid terdekat\./);
    assert.match(article, /Warga menaiki perahu karet di Kampung Melayu\./);
    assert.match(article, /Foto: Rina Wulandari/);
    assert.match(article, /Rina Wulandari/);
    await second.context.close();
    assert.deepEqual(admin.problems, []);
  });

  it("switches to English and remembers it; finds stories in the list through the newsroom search", async () => {
    const { context, page } = await open();
    await signIn(page, editor);
    await page.getByLabel("Bahasa").selectOption("en");
    await page.getByRole("heading", { name: "Desk" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Desk" }).waitFor();
    await page.getByRole("link", { name: "All stories" }).click();
    await page.getByLabel("Search stories").fill("kampung melayu");
    await page
      .getByRole("link", { name: "Banjir rob merendam pesisir utara Jakarta" })
      .waitFor({ state: "detached" });
    await page.getByRole("link", { name: "Warga Kampung Melayu mulai mengungsi" }).waitFor();
    await shot(page, "stories");
    await page.getByLabel("Language").selectOption("id");
    await page.getByRole("heading", { name: "Semua berita" }).waitFor();
    await context.close();
    assert.deepEqual(admin.problems, []);
  });

  it("merges another person's save into mine when we changed different fields", async () => {
    const { context, page } = await open();
    await signIn(page, editor);
    await page.goto(`${admin.origin}/admin/berita/${storyId}`);
    const headline = page.getByLabel("Judul");
    await headline.waitFor();
    // Someone else saves a new lede meanwhile.
    const current = await admin.ctx.deps.articles.get(storyId);
    await admin.ctx.deps.articles.save(
      storyId,
      {
        headline: current.headline,
        sectionId: current.sectionId,
        lede: "Teras dari redaktur lain.",
        body: current.body,
        dateline: current.dateline,
        credits: current.credits.map((c) => ({ role: c.role, personId: c.personId })),
        tagIds: current.tagIds,
      },
      SYSTEM_ACTOR,
      { expectedVersion: current.version },
    );
    await headline.fill("Ribuan warga Kampung Melayu mengungsi");
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await page.getByText("Perubahan orang lain sudah digabung dengan perubahan Anda.").waitFor();
    await page.getByText(/^Tersimpan \d/).waitFor();
    const working = await admin.ctx.deps.articles.working(storyId);
    assert.equal(working.article.headline, "Ribuan warga Kampung Melayu mengungsi");
    assert.equal(working.article.lede, "Teras dari redaktur lain.");
    await context.close();
    assert.deepEqual(
      admin.problems.filter((p) => !/\b409\b/.test(p)),
      [],
      "only the expected 409 of the first save",
    );
  });

  it("has no serious or critical axe violations on the login, desk, story list and editor screens", async () => {
    const { context, page } = await open({ bypassCSP: true });
    await page.goto(`${admin.origin}/admin/masuk`);
    await page.getByRole("button", { name: "Masuk" }).waitFor();
    const found: Record<string, string[]> = { login: await axe(page) };
    await page.getByLabel("Email").fill(editor.email);
    await page.getByLabel("Kata sandi").fill(editor.password);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByRole("heading", { name: "Meja redaksi" }).waitFor();
    await page.getByText("Memuat…").first().waitFor({ state: "detached" });
    found.desk = await axe(page);
    await page.getByRole("link", { name: "Semua berita" }).click();
    await page.getByRole("table").waitFor();
    found.stories = await axe(page);
    await page.goto(`${admin.origin}/admin/berita/${storyId}`);
    await page.getByRole("textbox", { name: "Isi berita" }).waitFor();
    found.editor = await axe(page);
    await page.getByRole("button", { name: "Baca Juga" }).click();
    await page.getByRole("dialog").waitFor();
    found.relatedDialog = await axe(page);
    await context.close();
    assert.deepEqual(found, { login: [], desk: [], stories: [], editor: [], relatedDialog: [] });
  });

  it("can be used by keyboard alone: sign in, open a new story, write it and save it", async () => {
    const { context, page } = await open();
    /** Presses Tab until the focused element's label (or text) starts with `name`. */
    const tabTo = async (name: string) => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return "";
          return (
            el.getAttribute("aria-label") ??
            el.closest("label")?.textContent ??
            el.textContent ??
            ""
          ).trim();
        });
        if (focused.startsWith(name)) return;
      }
      throw new Error(`no focusable "${name}" within 60 tabs`);
    };
    await page.goto(`${admin.origin}/admin/masuk`);
    await page.getByRole("button", { name: "Masuk" }).waitFor();
    await tabTo("Email");
    await page.keyboard.type(writer.email);
    await tabTo("Kata sandi");
    await page.keyboard.type(writer.password);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Meja redaksi" }).waitFor();
    await tabTo("Tulis berita");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Berita baru" }).waitFor();
    await tabTo("Judul");
    await page.keyboard.type("Ditulis tanpa tetikus");
    await tabTo("Isi berita");
    await page.keyboard.type("Seluruh berita ini ditulis dengan papan ketik saja.");
    await tabTo("Rubrik");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Control+s");
    await page.waitForURL(/\/admin\/berita\/\d+$/);
    await page.getByText(/^Tersimpan \d/).waitFor();
    const id = Number(/\/(\d+)$/.exec(page.url())?.[1]);
    const saved = await admin.ctx.deps.articles.get(id);
    assert.equal(saved.headline, "Ditulis tanpa tetikus");
    assert.deepEqual(saved.body.blocks, [
      { type: "paragraph", content: [{ text: "Seluruh berita ini ditulis dengan papan ketik saja." }] },
    ]);
    await context.close();
    assert.deepEqual(admin.problems, []);
  });

  it("lets a redaktur credit a person who has no profile yet by creating it from the credits field", async () => {
    const { context, page } = await open();
    await signIn(page, redaktur);
    await page.goto(`${admin.origin}/admin/berita/baru`);
    await page.getByLabel("Judul").fill("Profil baru dari kolom kredit");
    await page.getByLabel("Rubrik").selectOption({ label: sectionName });
    await page.getByLabel("Peran").selectOption("fotografer");
    await page.getByLabel("Cari orang").fill("Yohanes Kurniawan");
    await page.getByRole("button", { name: "Buat profil “Yohanes Kurniawan”" }).click();
    await page.getByRole("button", { name: "Hapus Yohanes Kurniawan" }).waitFor();
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await page.getByText(/^Tersimpan \d/).waitFor();
    const id = Number(/\/(\d+)$/.exec(page.url())?.[1]);
    const people = await admin.ctx.deps.people.list();
    const created = people.find((p) => p.name === "Yohanes Kurniawan");
    assert.ok(created, "the profile exists");
    const saved = await admin.ctx.deps.articles.get(id);
    assert.deepEqual(
      saved.credits.map((c) => [c.role, c.personId]),
      [["fotografer", created.id]],
    );
    await context.close();
    assert.deepEqual(admin.problems, []);
  });
});
