import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "./errors.ts";
import { canTransition, transition } from "./workflow.ts";

describe("editorial workflow", () => {
  it("follows draft → in review → approved → published → unpublished", () => {
    assert.equal(transition("submit", "draft"), "in_review");
    assert.equal(transition("approve", "in_review"), "approved");
    assert.equal(transition("publish", "approved"), "published");
    assert.equal(transition("unpublish", "published"), "unpublished");
  });

  it("sends a story in review back to draft", () => {
    assert.equal(transition("requestChanges", "in_review"), "draft");
  });

  it("refuses impossible moves with an Indonesian reason", () => {
    assert.equal(canTransition("approve", "draft"), false);
    assert.throws(
      () => transition("unpublish", "draft"),
      (error: unknown) =>
        error instanceof AppError && error.code === "invalid_transition" && /draf/.test(error.message),
    );
  });
});
