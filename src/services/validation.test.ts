import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { AppError } from "../core/errors.ts";
import { parseInput } from "./validation.ts";

describe("service input validation", () => {
  const schema = z.object({ judul: z.string().min(1, "Judul wajib diisi."), jumlah: z.number().int() });

  it("lists every failing field, in Indonesian where the schema has no message of its own", () => {
    assert.throws(
      () => parseInput(schema, { judul: "", jumlah: "tiga" }),
      (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, "validation_failed");
        assert.deepEqual(
          error.details.map((d) => d.field),
          ["judul", "jumlah"],
        );
        assert.equal(error.details[0]?.message, "Judul wajib diisi.");
        assert.match(error.details[1]?.message ?? "", /tidak valid|diharapkan/i);
        return true;
      },
    );
  });

  it("returns the parsed value", () => {
    assert.deepEqual(parseInput(schema, { judul: "Ada", jumlah: 3 }), { judul: "Ada", jumlah: 3 });
  });
});
