import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { bodyOf as bodyDoc, buildArticle, buildSection } from "../src/testing/factories.ts";
import { adminSuite, axe, seedNewsroom, shot, STAFF } from "./admin-harness.ts";
import { browserSkipReason } from "./browser.ts";

const skip = browserSkipReason();

/** What the browser reports when the network is cut on purpose. */
const OFFLINE_NOISE = /ERR_INTERNET_DISCONNECTED|Failed to fetch|ERR_NETWORK_CHANGED/;

/**
 * The desk and the editor with several people and a bad network, in headless Chromium: who else
 * has a story open shows on the desk and in the story list; a save made offline is kept on the
 * device, retried, and lands on the server once the network is back; a bare YouTube URL pasted on
 * its own line becomes an embed and another URL a link.
 */
describe("the admin's desk presence, offline saves and pasted URLs", { skip, timeout: 180_000 }, () => {
  const { writer, editor } = STAFF;
  let sectionName: string;

  const admin = adminSuite("admin desk e2e", async (ctx) => {
    ({ sectionName } = await seedNewsroom(ctx, "Antrean kendaraan di gerbang tol"));
  });

  const { open, signIn } = admin;
  const editorBody = (page: Page) => page.getByRole("textbox", { name: "Isi berita" });

  it("shows on the desk and in the story list who else has a story open", async () => {
    const section = await buildSection(admin.ctx.deps, { name: "Lalu Lintas", slug: "lalu-lintas" });
    const draft = await buildArticle(admin.ctx.deps, {
      status: "draft",
      sectionId: section.id,
      headline: "Tol dalam kota macet total",
      body: bodyDoc("Antrean kendaraan mengular sejak pagi."),
    });
    const story = await admin.ctx.deps.articles.transition(draft.id, "submit", SYSTEM_ACTOR);
    const live = await buildArticle(admin.ctx.deps, {
      sectionId: section.id,
      headline: "Jalur alternatif dibuka",
    });

    // Budi (editor) opens the story in the editor: his heartbeat says so.
    const budi = await open();
    await signIn(budi.page, editor);
    await budi.page.goto(`${admin.origin}/admin/berita/${story.id}`);
    await editorBody(budi.page).waitFor();

    // Rina (penulis) looks at the desk: the lane says Budi is editing it, in one request for every lane.
    // (CSP bypassed only to inject axe-core.)
    const rina = await open({ bypassCSP: true });
    const asked: string[] = [];
    rina.page.on("request", (request) => {
      if (request.url().includes("/api/v1/articles/presence?")) asked.push(request.url());
    });
    await signIn(rina.page, writer);
    const lane = rina.page.getByRole("region", { name: "Menunggu penyuntingan" });
    await lane.getByText("Sedang disunting oleh Budi Editor").waitFor();
    const ids = new URL(asked[0]!).searchParams.getAll("ids").map(Number);
    assert.ok(ids.includes(story.id), "the story in review");
    assert.ok(ids.includes(live.id), "and the published one from another lane, in the same request");
    await shot(rina.page, "desk-presence");
    assert.deepEqual(await axe(rina.page), [], "the desk with a presence note");

    await rina.page.getByRole("link", { name: "Semua berita" }).click();
    const row = rina.page.getByRole("row", { name: /Tol dalam kota macet total/ });
    await row.getByText("Sedang disunting oleh Budi Editor").waitFor();
    // Nobody else has the live story open: no note there.
    const other = rina.page.getByRole("row", { name: /Jalur alternatif dibuka/ });
    await other.waitFor();
    assert.equal(await other.getByText(/Sedang disunting/).count(), 0);
    await budi.context.close();
    await rina.context.close();
    assert.deepEqual(admin.problems, []);
  });

  it("keeps a save made offline on the device, and sends it once the network is back (password, merge)", async () => {
    const { context, page } = await open();
    await signIn(page, writer);
    await page.goto(`${admin.origin}/admin/berita/baru`);
    await page.getByLabel("Judul").fill("Gardu listrik terbakar di Bekasi");
    await page.getByLabel("Rubrik").selectOption({ label: sectionName });
    await editorBody(page).click();
    await page.keyboard.type("Api muncul dari trafo sekitar pukul 02.00.");
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await page.waitForURL(/\/admin\/berita\/\d+$/);
    await page.getByText(/^Tersimpan \d/).waitFor();
    const id = Number(/\/(\d+)$/.exec(page.url())?.[1]);

    await context.setOffline(true);
    await editorBody(page).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Ditulis tanpa sambungan, dikirim kemudian.");
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await page.getByText("Tersimpan di perangkat ini — akan dikirim saat tersambung").waitFor();
    const current = await admin.ctx.deps.articles.get(id);
    assert.equal(current.body.blocks.length, 1, "not on the server yet");
    await shot(page, "editor-offline-queued");
    // Meanwhile an editor elsewhere gives the story a lede: the owed save will meet a 409.
    await admin.ctx.deps.articles.save(
      id,
      {
        headline: current.headline,
        sectionId: current.sectionId,
        lede: "Teras dari editor lain.",
        body: current.body,
        dateline: current.dateline,
        credits: current.credits.map((c) => ({ role: c.role, personId: c.personId })),
        tagIds: current.tagIds,
      },
      SYSTEM_ACTOR,
      { expectedVersion: current.version },
    );

    // The session has expired too. Back online, the owed save goes by itself (the `online` event,
    // or the next retry), asks for the password, meets the other save (409), is merged (different
    // fields) and saved on top of it.
    await context.clearCookies();
    await context.setOffline(false);
    const dialog = page.getByRole("dialog", { name: "Sesi Anda telah berakhir" });
    await dialog.waitFor({ timeout: 90_000 });
    await dialog.getByLabel("Kata sandi").fill(writer.password);
    await dialog.getByRole("button", { name: "Lanjutkan" }).click();
    await page
      .getByText("Perubahan orang lain sudah digabung dengan perubahan Anda.")
      .waitFor({ timeout: 90_000 });
    await page.getByText(/^Tersimpan \d/).waitFor({ timeout: 90_000 });
    const saved = await admin.ctx.deps.articles.get(id);
    assert.equal(saved.lede, "Teras dari editor lain.");
    assert.deepEqual(
      saved.body.blocks.map((b) => (b.type === "paragraph" ? b.content.map((r) => r.text).join("") : b.type)),
      ["Api muncul dari trafo sekitar pukul 02.00.", "Ditulis tanpa sambungan, dikirim kemudian."],
    );
    await context.close();
    assert.deepEqual(
      admin.problems.filter((p) => !OFFLINE_NOISE.test(p) && !/\b409\b/.test(p)),
      [],
    );
  });

  it("turns a bare YouTube URL pasted on its own line into an embed, and another URL into a link", async () => {
    const { context, page } = await open();
    await signIn(page, writer);
    await page.goto(`${admin.origin}/admin/berita/baru`);
    await page.getByLabel("Judul").fill("Video banjir di Kemang");
    await page.getByLabel("Rubrik").selectOption({ label: sectionName });
    const body = editorBody(page);
    await body.click();
    await page.keyboard.type("Warga merekam air yang masuk ke rumah.");
    await page.keyboard.press("Enter");
    const paste = (text: string) =>
      body.evaluate((el, pasted) => {
        const data = new DataTransfer();
        data.setData("text/plain", pasted);
        el.dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }, text);
    await paste("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    await body.getByText("Sematan youtube: https://www.youtube.com/watch?v=dQw4w9WgXcQ").waitFor();
    await page.keyboard.type("Sumber: ");
    await paste("https://www.kompas.com/banjir-kemang");
    await body.getByRole("link", { name: "https://www.kompas.com/banjir-kemang" }).waitFor();
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await page.waitForURL(/\/admin\/berita\/\d+$/);
    await page.getByText(/^Tersimpan \d/).waitFor();
    const id = Number(/\/(\d+)$/.exec(page.url())?.[1]);
    const saved = await admin.ctx.deps.articles.get(id);
    assert.deepEqual(saved.body.blocks.slice(1), [
      { type: "embed", provider: "youtube", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ" },
      {
        type: "paragraph",
        content: [
          { text: "Sumber: " },
          {
            text: "https://www.kompas.com/banjir-kemang",
            marks: [{ type: "link", href: "https://www.kompas.com/banjir-kemang" }],
          },
        ],
      },
    ]);
    await context.close();
    assert.deepEqual(admin.problems, []);
  });
});
