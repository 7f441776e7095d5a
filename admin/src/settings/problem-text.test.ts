import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ApiError } from "../lib/api.ts";
import { format, MESSAGES } from "../lib/messages.ts";
import { describeError } from "./problem-text.ts";

const t = (key: keyof (typeof MESSAGES)["id"], vars?: Record<string, string | number>) =>
  format(MESSAGES.id[key], vars);

describe("settings: problem+json shown in the form", () => {
  it("puts each field's message on that field (body. prefix dropped, first message kept)", () => {
    const error = new ApiError({
      status: 422,
      code: "validation_failed",
      detail: "Data yang dikirim tidak valid.",
      errors: [
        { field: "body.name", message: "Nama rubrik wajib diisi." },
        { field: "body.name", message: "Terlalu panjang." },
        { field: "slug", message: "Gunakan huruf kecil, angka dan tanda hubung." },
      ],
    });
    assert.deepEqual(describeError(error, t), {
      message: "Periksa kolom yang ditandai. Data yang dikirim tidak valid.",
      fields: { name: "Nama rubrik wajib diisi.", slug: "Gunakan huruf kecil, angka dan tanda hubung." },
    });
  });

  it("says a refusal in Indonesian with the policy's reason, and a conflict as the server's detail", () => {
    const forbidden = new ApiError({
      status: 403,
      code: "forbidden",
      detail: "Hanya admin yang boleh mengelola akun admin.",
    });
    assert.equal(
      describeError(forbidden, t).message,
      "Anda tidak berhak melakukan tindakan ini. Hanya admin yang boleh mengelola akun admin.",
    );
    const conflict = new ApiError({
      status: 409,
      code: "conflict",
      detail: "Rubrik ini masih berisi 2 berita; pindahkan beritanya dulu.",
      errors: [{ field: "id", message: "Masih berisi berita." }],
    });
    assert.equal(
      describeError(conflict, t).message,
      "Rubrik ini masih berisi 2 berita; pindahkan beritanya dulu.",
    );
  });

  it("names a dropped connection and anything else", () => {
    assert.equal(
      describeError(new ApiError({ status: 0, code: "network" }), t).message,
      "Tidak ada sambungan ke server. Coba lagi.",
    );
    assert.equal(describeError(new Error("boom"), t).message, "Gagal: Error: boom");
  });
});
