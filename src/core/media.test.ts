import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  cropBox,
  derivativeOf,
  derivativePath,
  ladderOf,
  offers,
  parseDerivativePath,
  srcsetOf,
  type MediaRef,
} from "./media.ts";

const ref = (width: number, height: number, focalX = 50, focalY = 50): MediaRef => ({
  id: 7,
  sha256: "3f2a9c0b11aa4b7e" + "0".repeat(48),
  file: "originals/3f/x.jpg",
  width,
  height,
  focalX,
  focalY,
});

describe("media derivatives (pure)", () => {
  it("crops are the largest box of the ratio, centred on the focal point within the edges", () => {
    assert.deepEqual(cropBox(ref(1600, 1200), "hero"), { left: 0, top: 150, width: 1600, height: 900 });
    assert.deepEqual(cropBox(ref(1600, 1200, 50, 0), "hero"), { left: 0, top: 0, width: 1600, height: 900 });
    assert.deepEqual(cropBox(ref(1600, 1200, 50, 100), "hero"), {
      left: 0,
      top: 300,
      width: 1600,
      height: 900,
    });
    assert.deepEqual(cropBox(ref(1600, 900, 0, 50), "thumb"), { left: 0, top: 0, width: 900, height: 900 });
    const square = { top: 0, width: 900, height: 900 };
    assert.deepEqual(cropBox(ref(1600, 900, 60, 50), "thumb"), { left: 510, ...square });
    assert.deepEqual(cropBox(ref(1600, 900, 75, 50), "thumb"), { left: 700, ...square }, "clamped");
    assert.deepEqual(cropBox(ref(800, 600), "w"), { left: 0, top: 0, width: 800, height: 600 });
  });

  it("the width ladder never enlarges; a small image is offered at its own width", () => {
    assert.deepEqual(ladderOf(ref(4000, 3000), "w"), [320, 640, 960, 1280, 1600]);
    assert.deepEqual(ladderOf(ref(1000, 1000), "hero"), [320, 640, 960]);
    assert.deepEqual(ladderOf(ref(200, 100), "w"), [200]);
    assert.deepEqual(ladderOf(ref(200, 100), "social"), [1200]);
    assert.equal(offers(ref(1000, 1000), { crop: "hero", width: 1280, format: "jpg" }), false);
    assert.equal(offers(ref(1000, 1000), { crop: "hero", width: 960, format: "avif" }), true);
  });

  it("URLs carry the content hash and focal point, and parse back", () => {
    const path = derivativePath(ref(1600, 900, 30, 60), { crop: "hero", width: 960, format: "avif" });
    assert.equal(path, "/media/7/3f2a9c0b11aa4b7e-30-60/hero-960.avif");
    assert.deepEqual(parseDerivativePath(path.slice("/media/".length)), {
      id: 7,
      version: "3f2a9c0b11aa4b7e-30-60",
      spec: { crop: "hero", width: 960, format: "avif" },
    });
    assert.equal(parseDerivativePath("7/3f2a9c0b11aa4b7e-30-60/hero-960.svg"), null);
    assert.equal(parseDerivativePath("../etc/passwd"), null);
    assert.equal(
      srcsetOf(ref(700, 700), "thumb", "webp"),
      "/media/7/3f2a9c0b11aa4b7e-50-50/thumb-320.webp 320w, /media/7/3f2a9c0b11aa4b7e-50-50/thumb-640.webp 640w",
    );
    assert.deepEqual(derivativeOf(ref(1600, 1200), "w", 1280), {
      url: "/media/7/3f2a9c0b11aa4b7e-50-50/w-1280.jpg",
      width: 1280,
      height: 960,
    });
  });
});
