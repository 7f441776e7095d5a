import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { buildArticle, buildPerson, buildSection } from "../src/testing/factories.ts";
import { adminSuite, axe, seedNewsroom, shot, STAFF } from "./admin-harness.ts";
import { browserSkipReason } from "./browser.ts";

const skip = browserSkipReason();

/**
 * The admin's body tools and newsroom views in headless Chromium: photos (upload with required alt
 * text, or from the library) and embeds inside the body, kept through a reload; the preview through
 * the site's renderer; the desk's author/date filters and corrections lane; the local copy in
 * IndexedDB offered back after the browser lost the tab.
 */
describe("the admin's body tools, preview and desk in headless Chromium", { skip, timeout: 180_000 }, () => {
  let dir: string;
  const { writer, editor } = STAFF;
  let sectionName: string;
  let libraryPhotoId: number;

  const admin = adminSuite("admin e2e", async (ctx) => {
    dir = await mkdtemp(join(tmpdir(), "warta-admin-body-"));
    ({ sectionName, photoId: libraryPhotoId } = await seedNewsroom(ctx, "Posko pengungsian di masjid"));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const { open, signIn } = admin;
  const bodyOf = (page: Page) => page.getByRole("textbox", { name: "Isi berita" });

  it("puts an uploaded photo (alt text required), a library photo and an embed in the body; they survive a reload and show in the preview", async () => {
    const upload = join(dir, "banjir-kampung-melayu.jpg");
    await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 30, g: 90, b: 160 } } })
      .jpeg()
      .toFile(upload);
    const { context, page } = await open();
    await signIn(page, writer);
    await page.getByRole("link", { name: "Tulis berita" }).first().click();
    await page.getByLabel("Judul").fill("Foto dan video banjir Kampung Melayu");
    await page.getByLabel("Rubrik").selectOption({ label: sectionName });
    const body = bodyOf(page);
    await body.click();
    await page.keyboard.type("Air Sungai Ciliwung naik sejak pagi.");
    await page.keyboard.press("Enter");

    // Upload: inserting without alt text is refused in Indonesian, then accepted with it.
    await page.getByRole("button", { name: "Sisipkan foto" }).click();
    const photoDialog = page.getByRole("dialog", { name: "Sisipkan foto" });
    await photoDialog.getByLabel("Unggah foto baru").setInputFiles(upload);
    await photoDialog.getByText(/^Foto #\d+ dipilih$/).waitFor();
    await photoDialog.getByRole("button", { name: "Sisipkan", exact: true }).click();
    await photoDialog
      .getByRole("alert")
      .getByText("Teks alternatif wajib diisi sebelum foto disisipkan.")
      .waitFor();
    await photoDialog.getByLabel("Teks alternatif").fill("Warga menaiki perahu karet di Kampung Melayu");
    await photoDialog.getByLabel("Keterangan foto").fill("Warga dievakuasi dengan perahu karet.");
    await photoDialog.getByLabel("Kredit foto").fill("Foto: Rina Wulandari");
    await photoDialog.getByRole("button", { name: "Sisipkan", exact: true }).click();
    await body.getByRole("img", { name: "Warga menaiki perahu karet di Kampung Melayu" }).waitFor();

    // An embed: a URL of a provider that is not allowed is refused, a YouTube one is recognised.
    await page.getByRole("button", { name: "Sisipkan sematan" }).click();
    const embedDialog = page.getByRole("dialog", { name: "Sisipkan sematan" });
    await embedDialog.getByLabel("Alamat sematan (URL)").fill("https://vimeo.com/123456");
    await embedDialog.getByRole("button", { name: "Sisipkan", exact: true }).click();
    await embedDialog
      .getByRole("alert")
      .getByText(/Alamat ini tidak dapat disematkan/)
      .waitFor();
    await embedDialog.getByLabel("Alamat sematan (URL)").fill("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    await embedDialog.getByText("Dikenali: YouTube").waitFor();
    await embedDialog.getByLabel("Judul sematan (tidak wajib)").fill("Banjir dari udara");
    await embedDialog.getByRole("button", { name: "Sisipkan", exact: true }).click();
    await body.getByText(/Sematan youtube: Banjir dari udara/).waitFor();

    // A photo from the library; its caption is edited from the toolbar while it is selected.
    await page.getByRole("button", { name: "Sisipkan foto" }).click();
    await photoDialog.getByLabel("Cari di pustaka").fill("posko");
    await photoDialog
      .getByRole("button", { name: `Pakai foto #${libraryPhotoId}: Posko pengungsian di masjid` })
      .click();
    await photoDialog.getByRole("button", { name: "Sisipkan", exact: true }).click();
    const libraryPhoto = body.getByRole("img", { name: "Posko pengungsian di masjid" });
    await libraryPhoto.click();
    await page.getByLabel("Keterangan foto di isi berita").fill("Posko di Masjid Al-Ittihad.");
    await shot(page, "editor-photo-embed");

    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await page.waitForURL(/\/admin\/berita\/\d+$/);
    await page.getByText(/^Tersimpan \d/).waitFor();
    const id = Number(/\/(\d+)$/.exec(page.url())?.[1]);
    const saved = await admin.ctx.deps.articles.get(id);
    const uploadedId = (saved.body.blocks.find((b) => b.type === "image") as { mediaId: number }).mediaId;
    assert.deepEqual(saved.body.blocks, [
      { type: "paragraph", content: [{ text: "Air Sungai Ciliwung naik sejak pagi." }] },
      {
        type: "image",
        mediaId: uploadedId,
        caption: "Warga dievakuasi dengan perahu karet.",
        credit: "Foto: Rina Wulandari",
      },
      {
        type: "embed",
        provider: "youtube",
        url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        title: "Banjir dari udara",
      },
      { type: "image", mediaId: libraryPhotoId, caption: "Posko di Masjid Al-Ittihad." },
    ]);
    assert.equal(
      (await admin.ctx.deps.media.get(uploadedId)).alt,
      "Warga menaiki perahu karet di Kampung Melayu",
    );

    // Through a reload: both pictures and the embed are back in the editor.
    await page.reload();
    await bodyOf(page).getByRole("img", { name: "Warga menaiki perahu karet di Kampung Melayu" }).waitFor();
    await bodyOf(page).getByRole("img", { name: "Posko pengungsian di masjid" }).waitFor();
    await bodyOf(page)
      .getByText(/Sematan youtube: Banjir dari udara/)
      .waitFor();

    // The preview is the site's own page of the story, in a new tab.
    const [preview] = await Promise.all([
      context.waitForEvent("page"),
      page.getByRole("link", { name: "Pratinjau" }).click(),
    ]);
    await preview.waitForLoadState();
    assert.match(preview.url(), new RegExp(`/api/v1/articles/${id}/preview$`));
    await preview.getByRole("heading", { level: 1, name: "Foto dan video banjir Kampung Melayu" }).waitFor();
    await preview.getByRole("img", { name: "Warga menaiki perahu karet di Kampung Melayu" }).waitFor();
    await preview.getByText("Warga dievakuasi dengan perahu karet.").waitFor();
    assert.equal(
      await preview.locator('iframe[src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"]').count(),
      1,
    );
    assert.equal(await preview.locator('meta[name="robots"][content="noindex"]').count(), 1);
    await shot(preview, "preview");
    await preview.close();
    await context.close();
    // The player itself loads from YouTube, which this machine may not reach.
    assert.deepEqual(
      admin.problems.filter((p) => !/youtube/.test(p)),
      [],
    );
  });

  it("lets an editor add a correction to a live story, shown in the desk's corrections lane; filters the list by author and days", async () => {
    const section = await buildSection(admin.ctx.deps, { name: "Ekonomi", slug: "ekonomi" });
    const joko = await buildPerson(admin.ctx.deps, { name: "Joko Susilo" });
    const live = await buildArticle(admin.ctx.deps, {
      headline: "Inflasi Februari 2,1 persen",
      sectionId: section.id,
      credits: [{ role: "penulis", personId: joko.id }],
    });
    await buildArticle(admin.ctx.deps, {
      headline: "Harga cabai turun",
      sectionId: section.id,
      status: "draft",
    });
    const { context, page } = await open();
    await signIn(page, editor);
    await page.goto(`${admin.origin}/admin/berita/${live.id}`);
    await page.getByRole("button", { name: "Tambah koreksi" }).click();
    const dialog = page.getByRole("dialog", { name: "Tambah koreksi" });
    await dialog.getByRole("button", { name: "Tambahkan koreksi" }).click();
    await dialog.getByRole("alert").getByText("Catatan koreksi wajib diisi.").waitFor();
    await dialog.getByLabel("Jenis").selectOption("koreksi");
    await dialog.getByLabel("Catatan koreksi untuk pembaca").fill("Inflasi 2,1 persen, bukan 2,4 persen.");
    await dialog.getByRole("button", { name: "Tambahkan koreksi" }).click();
    await page.getByText("Koreksi ditambahkan dan tampil di halaman berita.").waitFor();
    const model = await admin.ctx.deps.reading.articlePage(live.id);
    assert.ok(model);
    assert.match(
      await (await fetch(`${admin.origin}${model.url}`)).text(),
      /Inflasi 2,1 persen, bukan 2,4 persen\./,
    );

    await page.getByRole("link", { name: "Meja redaksi" }).click();
    const lane = page.getByRole("region", { name: "Koreksi terbaru" });
    await lane.getByRole("link", { name: "Inflasi Februari 2,1 persen" }).waitFor();
    await lane.getByText("Inflasi 2,1 persen, bukan 2,4 persen.").waitFor();
    await shot(page, "desk-corrections");

    await page.getByRole("link", { name: "Semua berita" }).click();
    await page.getByRole("link", { name: "Harga cabai turun" }).waitFor();
    await page.getByLabel("Penulis atau kontributor").fill("Joko");
    await page.getByRole("button", { name: "Joko Susilo" }).click();
    await page.getByText("Hanya berita Joko Susilo").waitFor();
    await page.getByRole("link", { name: "Harga cabai turun" }).waitFor({ state: "detached" });
    await page.getByRole("link", { name: "Inflasi Februari 2,1 persen" }).waitFor();
    // Days are read in the desk's zone (WIB here); the range must run forwards.
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() + 7 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Aktivitas sejak").fill(today);
    await page.getByLabel("Aktivitas sampai").fill(yesterday);
    await page.getByRole("alert").getByText("Tanggal awal harus sebelum tanggal akhir.").waitFor();
    await page.getByLabel("Aktivitas sampai").fill(today);
    await page.getByRole("link", { name: "Inflasi Februari 2,1 persen" }).waitFor();
    await page.getByLabel("Aktivitas sampai").fill(yesterday);
    await page.getByLabel("Aktivitas sejak").fill(yesterday);
    await page.getByRole("link", { name: "Inflasi Februari 2,1 persen" }).waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Semua penulis" }).click();
    await page.getByLabel("Penulis atau kontributor").waitFor();
    await context.close();
    assert.deepEqual(admin.problems, []);
  });

  it("keeps an edit made offline in IndexedDB through a closed tab, and offers it back", async () => {
    const { context, page } = await open();
    await signIn(page, writer);
    await page.goto(`${admin.origin}/admin/berita/baru`);
    await page.getByLabel("Judul").fill("Listrik padam di Jakarta Timur");
    await page.getByLabel("Rubrik").selectOption({ label: sectionName });
    await bodyOf(page).click();
    await page.keyboard.type("PLN menyebut gangguan di gardu induk.");
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await page.waitForURL(/\/admin\/berita\/\d+$/);
    await page.getByText(/^Tersimpan \d/).waitFor();
    const id = Number(/\/(\d+)$/.exec(page.url())?.[1]);

    // The network drops: the save fails with an Indonesian message, the text stays on the device.
    await context.setOffline(true);
    await bodyOf(page).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Ditulis saat sambungan terputus.");
    await page.getByText(/^Salinan lokal tersimpan/).waitFor();
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await page.getByText("Tersimpan di perangkat ini — akan dikirim saat tersambung").waitFor();
    const kept = await page.evaluate(
      (key) =>
        new Promise<string | null>((resolve, reject) => {
          const request = indexedDB.open("warta-admin");
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const get = request.result.transaction("drafts").objectStore("drafts").get(key);
            get.onsuccess = () =>
              resolve(JSON.stringify((get.result as { fields?: unknown } | undefined)?.fields ?? null));
          };
        }),
      `${(await admin.ctx.deps.accounts.users.byEmail(writer.email)).id}.${id}`,
    );
    assert.match(kept ?? "", /Ditulis saat sambungan terputus\./);
    const inLocalStorage = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith("warta.admin.draft.")),
    );
    assert.deepEqual(inLocalStorage, [], "IndexedDB holds it, not localStorage");

    // The tab is gone (as in a crash); back online, the story offers the copy back.
    await page.close();
    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(`${admin.origin}/admin/berita/${id}`);
    await again.getByText("Ada salinan lokal yang belum disimpan").waitFor();
    await again.getByRole("button", { name: "Pulihkan" }).click();
    await bodyOf(again).getByText("Ditulis saat sambungan terputus.").waitFor();
    await again.getByRole("button", { name: "Simpan", exact: true }).click();
    await again.getByText(/^Tersimpan \d/).waitFor();
    const saved = await admin.ctx.deps.articles.get(id);
    assert.equal(saved.body.blocks.length, 2);
    await context.close();
    assert.deepEqual(
      admin.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p)),
      [],
    );
  });

  it("has no serious or critical axe violations in the photo and embed dialogs", async () => {
    const { context, page } = await open({ bypassCSP: true });
    await signIn(page, writer);
    await page.goto(`${admin.origin}/admin/berita/baru`);
    await bodyOf(page).waitFor();
    await page.getByRole("button", { name: "Sisipkan foto" }).click();
    await page
      .getByRole("dialog", { name: "Sisipkan foto" })
      .getByRole("button", { name: /^Pakai foto/ })
      .first()
      .waitFor();
    const found: Record<string, string[]> = { photoDialog: await axe(page) };
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Sisipkan sematan" }).click();
    await page.getByRole("dialog", { name: "Sisipkan sematan" }).waitFor();
    found.embedDialog = await axe(page);
    await context.close();
    assert.deepEqual(found, { photoDialog: [], embedDialog: [] });
  });
});
