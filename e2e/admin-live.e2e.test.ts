import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { buildArticle, buildSection } from "../src/testing/factories.ts";
import { adminSuite, axe, seedNewsroom, shot, STAFF } from "./admin-harness.ts";
import { browserSkipReason } from "./browser.ts";

const skip = browserSkipReason();

const LIVE_HEADLINE = "Langsung: Gempa magnitudo 6,1 guncang Sukabumi";
const TOPIC_STORY = "Pengungsi gempa Sukabumi mulai kembali ke rumah";
const CHECKED_STORY = "Benarkah gempa Sukabumi bisa diramal sepekan sebelumnya?";

/**
 * The admin's live blog console, Topik Pilihan and Cek Fakta in headless Chromium: an editor starts
 * a live blog and posts entries from the console (Ctrl+Enter; a photo from the library; an unsent
 * entry kept through a reload; a colleague's entry appearing; a correction; ending the coverage),
 * and readers see them on the story's page; an editor makes a topic, pins and adds stories, and
 * `/topik/{slug}` shows them; an editor makes a story a fact-check and its page shows the verdict.
 */
describe(
  "the admin's live console, topics and fact-checks in headless Chromium",
  { skip, timeout: 240_000 },
  () => {
    let liveStoryId: number;
    let checkedStoryId: number;
    let libraryPhotoId: number;
    const { editor } = STAFF;

    const admin = adminSuite("admin live e2e", async (ctx) => {
      ({ photoId: libraryPhotoId } = await seedNewsroom(ctx, "Rumah roboh di Cianjur"));
      const section = await buildSection(ctx.deps, { name: "Nasional", slug: "nasional" });
      liveStoryId = (await buildArticle(ctx.deps, { headline: LIVE_HEADLINE, sectionId: section.id })).id;
      await buildArticle(ctx.deps, { headline: TOPIC_STORY, sectionId: section.id });
      checkedStoryId = (await buildArticle(ctx.deps, { headline: CHECKED_STORY, sectionId: section.id })).id;
    });

    const { open } = admin;
    const signIn = (page: Page) => admin.signIn(page, editor);
    const publicUrl = async (id: number) => {
      const model = await admin.ctx.deps.reading.articlePage(id);
      assert.ok(model, `story ${id} is live`);
      return `${admin.origin}${model.url}`;
    };
    /** The public page, read until `pattern` shows (the page cache is purged by the change's event). */
    const eventuallyOnPage = async (page: Page, url: string, pattern: RegExp) => {
      for (let i = 0; i < 60; i++) {
        await page.goto(url);
        if (pattern.test(await page.content())) return;
        await page.waitForTimeout(250);
      }
      assert.fail(`${url} never showed ${pattern}`);
    };

    it("runs a live blog from the console: Ctrl+Enter, a library photo, an unsent entry kept, a colleague's entry, a correction, the end", async () => {
      const { context, page } = await open();
      await signIn(page);
      await page.getByRole("navigation").getByRole("link", { name: "Live" }).click();
      await page.getByRole("heading", { name: "Liputan langsung", level: 1 }).waitFor();
      await page.getByText("Belum ada liputan langsung.").waitFor();
      await page.getByLabel("Cari berita yang akan diliput langsung").fill("Gempa magnitudo");
      await page.getByRole("button", { name: LIVE_HEADLINE }).click();
      await page.waitForURL(new RegExp(`/admin/live/${liveStoryId}$`));
      await page.getByRole("heading", { name: LIVE_HEADLINE }).waitFor();

      // An empty entry is refused with the reason beside the field.
      // By role: a label's text would include the box's own value once typed in.
      const text = page.getByRole("textbox", { name: "Isi entri", exact: true });
      await text.press("Control+Enter");
      await page.getByText("Isi entri wajib diisi.").waitFor();
      assert.equal(await text.getAttribute("aria-invalid"), "true");

      await text.fill("Gempa terasa hingga Jakarta pukul 10.15 WIB.");
      await text.press("Control+Enter");
      await page.getByText(/^Entri terkirim pukul /).waitFor();
      assert.equal(await text.inputValue(), "", "the box is empty and ready for the next entry");
      const entries = page.locator(".live-entries");
      await entries.getByText("Gempa terasa hingga Jakarta pukul 10.15 WIB.").waitFor();

      // A photo from the media library.
      await page.getByLabel("Jenis entri").selectOption({ label: "Foto" });
      await page.getByRole("button", { name: "Pilih foto" }).click();
      const photoDialog = page.getByRole("dialog", { name: "Sisipkan foto" });
      await photoDialog.getByLabel("Cari di pustaka").fill("roboh");
      await photoDialog
        .getByRole("button", { name: `Pakai foto #${libraryPhotoId}: Rumah roboh di Cianjur` })
        .click();
      await photoDialog.getByRole("button", { name: "Sisipkan", exact: true }).click();
      await page.getByText("Foto dipilih: Rumah roboh di Cianjur").waitFor();
      await page.getByLabel("Keterangan foto").fill("Rumah warga roboh di Cugenang.");
      await page.getByRole("button", { name: "Kirim entri" }).click();
      await entries.getByText("Rumah warga roboh di Cugenang.").waitFor();
      await entries.getByRole("img", { name: "Rumah roboh di Cianjur" }).waitFor();

      // Text typed but not sent survives a reload.
      await page.getByLabel("Jenis entri").selectOption({ label: "Teks" });
      await text.fill("BPBD: 12 rumah rusak berat (belum terkirim).");
      await page.getByText("Entri yang belum terkirim tersimpan di perangkat ini.").waitFor();
      await page.reload();
      await page.getByText("Entri yang belum terkirim dipulihkan dari perangkat ini.").waitFor();
      assert.equal(await text.inputValue(), "BPBD: 12 rumah rusak berat (belum terkirim).");
      await text.fill("BPBD: 12 rumah rusak berat.");
      await text.press("Control+Enter");
      await entries.getByText("BPBD: 12 rumah rusak berat.").waitFor();

      // A colleague posts (through the API's service): the console shows it without a reload.
      await admin.ctx.deps.reader.liveBlogs.post(
        liveStoryId,
        { text: "Kiriman rekan: listrik padam di Cugenang." },
        SYSTEM_ACTOR,
      );
      await entries.getByText("Kiriman rekan: listrik padam di Cugenang.").waitFor();
      await page.getByText(/^1 entri baru dari rekan masuk\.$/).waitFor();
      assert.deepEqual(
        await entries.locator(".live-entry-text").allTextContents(),
        [
          "Kiriman rekan: listrik padam di Cugenang.",
          "BPBD: 12 rumah rusak berat.",
          "Gempa terasa hingga Jakarta pukul 10.15 WIB.",
        ],
        "newest first",
      );

      // A correction readers see, and the story's page shows the entries.
      const first = entries.locator("li", { hasText: "Gempa terasa hingga Jakarta" });
      await first.getByRole("button", { name: "Sunting" }).click();
      const edit = first.getByRole("form", { name: "Sunting entri" });
      await edit.getByLabel("Isi entri").fill("Gempa terasa hingga Jakarta pukul 10.17 WIB.");
      await edit.getByLabel("Catatan koreksi untuk pembaca (tidak wajib)").fill("Waktu gempa diralat.");
      await edit.getByRole("button", { name: "Simpan perubahan" }).click();
      await entries.getByText("Dikoreksi: Waktu gempa diralat.").waitFor();
      await shot(page, "admin-live-console");

      const reader = await context.newPage();
      const url = await publicUrl(liveStoryId);
      await eventuallyOnPage(reader, url, /Gempa terasa hingga Jakarta pukul 10\.17 WIB\./);
      const html = await reader.content();
      assert.match(html, /BPBD: 12 rumah rusak berat\./);
      assert.match(html, /Kiriman rekan: listrik padam di Cugenang\./);
      assert.match(html, /Waktu gempa diralat\./);
      assert.match(html, /Rumah warga roboh di Cugenang\./);

      // A scheduled entry: in the console with its time, nowhere for readers before it.
      await text.fill("Konferensi pers BNPB dijadwalkan.");
      await page.getByLabel("Jadwal tayang (tidak wajib)").fill("2030-01-02T15:00");
      await text.press("Control+Enter");
      await page.getByText(/^Entri dijadwalkan tayang 2 Jan 2030/).waitFor();
      await entries
        .locator("li", { hasText: "Konferensi pers BNPB" })
        .getByText(/^Terjadwal 2 Jan 2030/)
        .waitFor();

      // Removing an entry and ending the coverage both ask first.
      const colleague = entries.locator("li", { hasText: "Kiriman rekan" });
      await colleague.getByRole("button", { name: "Hapus" }).click();
      await page
        .getByRole("dialog", { name: "Hapus entri ini?" })
        .getByRole("button", { name: "Hapus" })
        .click();
      await page.getByText("Entri dihapus.").waitFor();
      await entries.getByText("Kiriman rekan").waitFor({ state: "detached" });
      await page.getByRole("button", { name: "Akhiri liputan" }).click();
      await page
        .getByRole("dialog", { name: "Akhiri liputan langsung?" })
        .getByRole("button", { name: "Akhiri liputan" })
        .click();
      await page.getByRole("button", { name: "Buka kembali liputan" }).waitFor();
      assert.equal(
        await page.getByRole("button", { name: "Kirim entri" }).count(),
        0,
        "no composer once ended",
      );
      await eventuallyOnPage(reader, url, /Liputan langsung ini telah berakhir/);
      assert.doesNotMatch(await reader.content(), /Kiriman rekan/);
      assert.doesNotMatch(await reader.content(), /Konferensi pers BNPB/);
      await context.close();
      assert.deepEqual(admin.problems, []);
    });

    it("makes a Topik Pilihan with a pinned story and a timeline; /topik/{slug} shows them", async () => {
      const { context, page } = await open();
      await signIn(page);
      await page.getByRole("navigation").getByRole("link", { name: "Topik" }).click();
      await page.getByRole("heading", { name: "Topik Pilihan" }).waitFor();
      await page.getByRole("link", { name: "Topik baru" }).click();
      await page.getByRole("button", { name: "Buat topik" }).click();
      await page.getByText("Judul topik wajib diisi.").waitFor();
      await page.getByLabel("Judul topik").fill("Gempa Sukabumi");
      await page.getByLabel("Slug (alamat)").fill("Gempa Sukabumi!");
      await page.getByLabel("Pengantar").fill("Perkembangan setelah gempa magnitudo 6,1 di Sukabumi.");
      await page.getByLabel("Cari berita utama").fill("magnitudo");
      await page.getByRole("button", { name: LIVE_HEADLINE }).click();
      await page.getByRole("button", { name: "Buat topik" }).click();
      await page.getByText("Slug hanya huruf kecil, angka dan tanda hubung.").waitFor();
      assert.equal(await page.getByLabel("Slug (alamat)").getAttribute("aria-invalid"), "true");
      await page.getByLabel("Slug (alamat)").fill("gempa-sukabumi");
      await page.getByRole("button", { name: "Buat topik" }).click();
      await page.waitForURL(/\/admin\/topik\/\d+$/);
      await page.getByRole("heading", { name: "Gempa Sukabumi", level: 1 }).waitFor();

      await page.getByLabel("Tambahkan berita: cari judul").fill("Pengungsi");
      await page.getByRole("button", { name: TOPIC_STORY }).click();
      await page.getByText(`“${TOPIC_STORY}” ditambahkan ke topik.`).waitFor();
      const timeline = page.locator(".topic-stories");
      await timeline.getByRole("link", { name: TOPIC_STORY }).waitFor();
      await timeline.getByRole("link", { name: LIVE_HEADLINE }).waitFor();
      await page.getByRole("heading", { name: "Lini masa berita (2)" }).waitFor();
      await shot(page, "admin-topic-editor");

      const reader = await context.newPage();
      await eventuallyOnPage(reader, `${admin.origin}/topik/gempa-sukabumi`, new RegExp(TOPIC_STORY));
      const html = await reader.content();
      assert.match(html, /Gempa Sukabumi/);
      assert.match(html, /Perkembangan setelah gempa magnitudo 6,1 di Sukabumi\./);
      assert.match(html, /Langsung: Gempa magnitudo 6,1 guncang Sukabumi/);

      // Taking a story out asks first; the page follows.
      await timeline
        .locator("li", { hasText: TOPIC_STORY })
        .getByRole("button", { name: "Keluarkan" })
        .click();
      await page
        .getByRole("dialog", { name: "Keluarkan berita dari topik?" })
        .getByRole("button", { name: "Keluarkan" })
        .click();
      await page.getByRole("heading", { name: "Lini masa berita (1)" }).waitFor();
      for (let i = 0; i < 60 && new RegExp(TOPIC_STORY).test(await reader.content()); i++) {
        await reader.waitForTimeout(250);
        await reader.goto(`${admin.origin}/topik/gempa-sukabumi`);
      }
      assert.doesNotMatch(await reader.content(), new RegExp(TOPIC_STORY));
      await context.close();
      // The refused input was answered 422 on purpose.
      assert.deepEqual(
        admin.problems.filter((p) => !/\b422\b|Unprocessable/.test(p)),
        [],
      );
    });

    it("makes a story a Cek Fakta from the editor; its page shows the verdict", async () => {
      const { context, page } = await open();
      await signIn(page);
      await page.goto(`${admin.origin}/admin/berita/${checkedStoryId}`);
      await page.getByRole("button", { name: "Jadikan cek fakta" }).click();
      await page.getByRole("button", { name: "Simpan cek fakta" }).click();
      await page.getByText("Klaim wajib diisi.", { exact: true }).waitFor();
      await page
        .getByLabel("Klaim", { exact: true })
        .fill("Gempa Sukabumi sudah diramal sepekan sebelumnya.");
      await page.getByLabel("Pembuat klaim").fill("Akun anonim di media sosial");
      await page.getByLabel("Tempat klaim muncul", { exact: true }).fill("Unggahan Facebook");
      await page.getByLabel("Tautan tempat klaim muncul (tidak wajib)").fill("bukan tautan");
      await page.getByLabel("Putusan").selectOption({ label: "Hoaks" });
      await page.getByRole("button", { name: "Simpan cek fakta" }).click();
      await page.getByText("Tautan harus berupa URL http(s).").waitFor();
      await page.getByLabel("Tautan tempat klaim muncul (tidak wajib)").fill("https://facebook.com/posts/1");
      await page.getByRole("button", { name: "Simpan cek fakta" }).click();
      await page.getByText("Cek fakta disimpan.").waitFor();
      await page.getByRole("heading", { name: "Cek Fakta · Hoaks" }).waitFor();
      await shot(page, "admin-fact-check");
      const check = await admin.ctx.deps.reader.factChecks.get(checkedStoryId);
      assert.equal(check?.verdict, "hoaks");
      assert.equal(check?.appearanceUrl, "https://facebook.com/posts/1");

      const reader = await context.newPage();
      await eventuallyOnPage(reader, await publicUrl(checkedStoryId), /Hoaks/);
      assert.match(await reader.content(), /Gempa Sukabumi sudah diramal sepekan sebelumnya\./);
      await context.close();
      // The refused input was answered 422 on purpose.
      assert.deepEqual(
        admin.problems.filter((p) => !/\b422\b|Unprocessable/.test(p)),
        [],
      );
    });

    it("axe finds no serious or critical violation on the live list and console, the topic screens and the fact-check panel", async () => {
      const { context, page } = await open({ bypassCSP: true });
      await signIn(page);
      const found: Record<string, string[]> = {};
      const scan = async (name: string, path: string, ready: () => Promise<void>) => {
        await page.goto(`${admin.origin}${path}`);
        await ready();
        found[name] = await axe(page);
        await shot(page, `admin-${name}`);
      };
      await scan("live-list", "/admin/live", () => page.getByRole("link", { name: LIVE_HEADLINE }).waitFor());
      await scan("live-console-ended", `/admin/live/${liveStoryId}`, () =>
        page.getByRole("button", { name: "Buka kembali liputan" }).waitFor(),
      );
      await page.getByRole("button", { name: "Buka kembali liputan" }).click();
      await page.getByRole("button", { name: "Kirim entri" }).waitFor();
      found["live-console"] = await axe(page);
      await page.locator(".live-entries li").first().getByRole("button", { name: "Sunting" }).click();
      found["live-entry-edit"] = await axe(page);
      await page.getByRole("button", { name: "Akhiri liputan" }).click();
      await page.getByRole("dialog", { name: "Akhiri liputan langsung?" }).waitFor();
      found["live-end-dialog"] = await axe(page);
      await page.keyboard.press("Escape");
      await scan("topics", "/admin/topik", () =>
        page.getByRole("link", { name: "Gempa Sukabumi" }).waitFor(),
      );
      await scan("topic-new", "/admin/topik/baru", () => page.getByLabel("Judul topik").waitFor());
      await page.goto(`${admin.origin}/admin/topik`);
      await page.getByRole("link", { name: "Gempa Sukabumi" }).click();
      await page.getByRole("heading", { name: "Lini masa berita (1)" }).waitFor();
      found["topic-editor"] = await axe(page);
      await scan("fact-check-panel", `/admin/berita/${checkedStoryId}`, () =>
        page.getByRole("button", { name: "Simpan cek fakta" }).waitFor(),
      );
      await context.close();
      assert.deepEqual(found, {
        "live-list": [],
        "live-console-ended": [],
        "live-console": [],
        "live-entry-edit": [],
        "live-end-dialog": [],
        topics: [],
        "topic-new": [],
        "topic-editor": [],
        "fact-check-panel": [],
      });
    });
  },
);
