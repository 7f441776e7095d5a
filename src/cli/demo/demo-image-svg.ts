import type { DemoImage, DemoScene } from "./demo-content.types.ts";

/** Drawing of the demo illustrations: seeded shapes and gradients turned into an SVG string. */

/** Seeded pseudo-random numbers in [0, 1) (mulberry32). */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = /^#[0-9a-f]{6}$/i;

function rgb(hex: string): [number, number, number] {
  if (!HEX.test(hex)) throw new Error(`Warna demo tidak sah: ${hex}`);
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Linear mix of two hex colours; t = 0 gives a, t = 1 gives b. */
function mix(a: string, b: string, t: number): string {
  const [ar, ag, ab] = rgb(a);
  const [br, bg, bb] = rgb(b);
  const channel = (x: number, y: number) =>
    Math.round(x + (y - x) * t)
      .toString(16)
      .padStart(2, "0");
  return `#${channel(ar, br)}${channel(ag, bg)}${channel(ab, bb)}`;
}

const n = (value: number) => (Math.round(value * 10) / 10).toString();

interface Canvas {
  w: number;
  h: number;
  rand: () => number;
  sky: string;
  haze: string;
  accent: string;
  ground: string;
}

/** The SVG source of one illustration: shapes and gradients only, no text. */
export function demoImageSvg(spec: DemoImage): string {
  const [sky, haze, accent, ground] = spec.palette;
  const canvas: Canvas = {
    w: spec.width,
    h: spec.height,
    rand: randomFrom(spec.seed),
    sky,
    haze,
    accent,
    ground,
  };
  const defs =
    `<linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/>` +
    `<stop offset="1" stop-color="${haze}"/></linearGradient>` +
    `<radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.6" stop-color="#000" stop-opacity="0"/>` +
    `<stop offset="1" stop-color="#000" stop-opacity="0.28"/></radialGradient>`;
  const body = SCENES[spec.scene](canvas);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${spec.width}" height="${spec.height}" ` +
    `viewBox="0 0 ${spec.width} ${spec.height}"><defs>${defs}</defs>` +
    `<rect width="${spec.width}" height="${spec.height}" fill="url(#bg)"/>${body}` +
    `<rect width="${spec.width}" height="${spec.height}" fill="url(#vignette)"/></svg>`
  );
}

/** A jagged ridge from left to right at `base`, closed along the bottom edge. */
function ridge(c: Canvas, base: number, amplitude: number, steps: number): string {
  let d = `M0 ${n(c.h)} L0 ${n(base)}`;
  for (let i = 1; i <= steps; i++) {
    const x = (c.w * i) / steps;
    const y = base - amplitude * (0.3 + 0.7 * c.rand()) * (i % 2 === 0 ? 0.55 : 1);
    d += ` L${n(x)} ${n(y)}`;
  }
  return `${d} L${n(c.w)} ${n(c.h)} Z`;
}

/** A wave band: a sine line at `base`, closed along the bottom edge. */
function wave(c: Canvas, base: number, amplitude: number, length: number): string {
  const phase = c.rand() * Math.PI * 2;
  let d = `M0 ${n(c.h)}`;
  for (let x = 0; x <= c.w + 10; x += 20) {
    d += ` L${n(x)} ${n(base + Math.sin(phase + (x / length) * Math.PI * 2) * amplitude)}`;
  }
  return `${d} L${n(c.w)} ${n(c.h)} Z`;
}

function sun(c: Canvas, cx: number, cy: number, r: number): string {
  return (
    `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r * 1.6)}" fill="${c.accent}" opacity="0.25"/>` +
    `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${c.accent}" opacity="0.9"/>`
  );
}

function buildings(c: Canvas, color: string, minH: number, maxH: number, windows: boolean): string {
  let out = "";
  let x = -20;
  while (x < c.w) {
    const width = 50 + c.rand() * 90;
    const height = c.h * (minH + c.rand() * (maxH - minH));
    const top = c.h - height;
    out += `<rect x="${n(x)}" y="${n(top)}" width="${n(width)}" height="${n(height)}" fill="${color}"/>`;
    if (windows) {
      for (let wy = top + 16; wy < c.h - 30; wy += 26) {
        for (let wx = x + 10; wx < x + width - 16; wx += 20) {
          if (c.rand() < 0.35) {
            out += `<rect x="${n(wx)}" y="${n(wy)}" width="8" height="12" fill="${c.accent}" opacity="0.75"/>`;
          }
        }
      }
    }
    x += width + 4 + c.rand() * 10;
  }
  return out;
}

const SCENES: Record<DemoScene, (c: Canvas) => string> = {
  mountains(c) {
    let out = sun(c, c.w * (0.2 + c.rand() * 0.6), c.h * (0.18 + c.rand() * 0.1), c.h * 0.07);
    for (let layer = 0; layer < 4; layer++) {
      const color = mix(c.haze, c.ground, 0.35 + layer * 0.22);
      out += `<path d="${ridge(c, c.h * (0.42 + layer * 0.13), c.h * (0.22 - layer * 0.03), 10 + layer * 2)}" fill="${color}"/>`;
    }
    return out;
  },
  sea(c) {
    const horizon = c.h * 0.55;
    let out = sun(c, c.w * (0.25 + c.rand() * 0.5), horizon - c.h * 0.12, c.h * 0.08);
    out += `<path d="${ridge(c, horizon, c.h * 0.08, 8)}" fill="${mix(c.haze, c.ground, 0.45)}" opacity="0.7"/>`;
    out += `<rect x="0" y="${n(horizon)}" width="${c.w}" height="${n(c.h - horizon)}" fill="${mix(c.haze, c.ground, 0.55)}"/>`;
    for (let layer = 0; layer < 6; layer++) {
      const color = mix(c.haze, c.ground, 0.55 + layer * 0.09);
      out += `<path d="${wave(c, horizon + 14 + layer * c.h * 0.075, 5 + layer * 3, 160 + layer * 70)}" fill="${color}"/>`;
    }
    return out;
  },
  city(c) {
    let out = sun(c, c.w * (0.6 + c.rand() * 0.3), c.h * 0.3, c.h * 0.09);
    out += buildings(c, mix(c.haze, c.ground, 0.45), 0.35, 0.65, false);
    out += buildings(c, c.ground, 0.2, 0.5, true);
    return out;
  },
  rain(c) {
    let out = "";
    for (let cloud = 0; cloud < 5; cloud++) {
      const cx = c.rand() * c.w;
      const cy = c.h * (0.08 + c.rand() * 0.22);
      const color = mix(c.sky, "#ffffff", 0.15 + c.rand() * 0.2);
      for (let puff = 0; puff < 5; puff++) {
        const r = c.h * (0.06 + c.rand() * 0.07);
        out += `<circle cx="${n(cx + (puff - 2) * r * 0.9)}" cy="${n(cy + c.rand() * r * 0.4)}" r="${n(r)}" fill="${color}" opacity="0.85"/>`;
      }
    }
    out += buildings(c, c.ground, 0.18, 0.45, true);
    for (let drop = 0; drop < 160; drop++) {
      const x = c.rand() * (c.w + 100);
      const y = c.rand() * c.h;
      out += `<line x1="${n(x)}" y1="${n(y)}" x2="${n(x - 14)}" y2="${n(y + 40)}" stroke="#ffffff" stroke-width="1.5" opacity="0.3"/>`;
    }
    return out;
  },
  terraces(c) {
    let out = sun(c, c.w * (0.15 + c.rand() * 0.7), c.h * 0.12, c.h * 0.06);
    const bands = 9;
    for (let band = 0; band < bands; band++) {
      const y = c.h * (0.28 + band * 0.085);
      const bend = c.h * (0.04 + c.rand() * 0.05);
      const color = band % 2 === 0 ? mix(c.accent, c.ground, band / bands) : mix(c.ground, c.accent, 0.2);
      out +=
        `<path d="M0 ${n(c.h)} L0 ${n(y + bend)} Q${n(c.w * (0.3 + c.rand() * 0.4))} ${n(y - bend)} ${n(c.w)} ${n(y + bend * 0.5)} ` +
        `L${n(c.w)} ${n(c.h)} Z" fill="${color}"/>` +
        `<path d="M0 ${n(y + bend + 3)} Q${n(c.w * 0.5)} ${n(y - bend + 3)} ${n(c.w)} ${n(y + bend * 0.5 + 3)}" ` +
        `stroke="${c.haze}" stroke-width="2" fill="none" opacity="0.5"/>`;
    }
    return out;
  },
  abstract(c) {
    let out = "";
    const colors = [c.accent, c.ground, mix(c.accent, c.ground, 0.5), mix(c.accent, "#ffffff", 0.35)];
    for (let i = 0; i < 18; i++) {
      const color = colors[i % colors.length] ?? c.accent;
      const x = c.rand() * c.w;
      const y = c.rand() * c.h;
      const size = c.h * (0.06 + c.rand() * 0.22);
      const opacity = n(0.45 + c.rand() * 0.45);
      const kind = Math.floor(c.rand() * 3);
      if (kind === 0) {
        out += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(size / 2)}" fill="${color}" opacity="${opacity}"/>`;
      } else if (kind === 1) {
        const angle = n(c.rand() * 90);
        out +=
          `<rect x="${n(x - size / 2)}" y="${n(y - size / 2)}" width="${n(size)}" height="${n(size * 0.6)}" rx="${n(size * 0.1)}" ` +
          `fill="${color}" opacity="${opacity}" transform="rotate(${angle} ${n(x)} ${n(y)})"/>`;
      } else {
        out += `<polygon points="${n(x)},${n(y - size / 2)} ${n(x + size / 2)},${n(y + size / 2)} ${n(x - size / 2)},${n(y + size / 2)}" fill="${color}" opacity="${opacity}"/>`;
      }
    }
    return out;
  },
  pitch(c) {
    let out = "";
    const stripes = 10;
    for (let i = 0; i < stripes; i++) {
      const color = i % 2 === 0 ? c.sky : c.haze;
      out += `<rect x="${n((c.w * i) / stripes)}" y="0" width="${n(c.w / stripes + 1)}" height="${c.h}" fill="${color}"/>`;
    }
    const m = c.h * 0.1;
    const line = `stroke="${c.accent}" stroke-width="5" fill="none" opacity="0.85"`;
    out += `<rect x="${n(m)}" y="${n(m)}" width="${n(c.w - 2 * m)}" height="${n(c.h - 2 * m)}" ${line}/>`;
    out += `<line x1="${n(c.w / 2)}" y1="${n(m)}" x2="${n(c.w / 2)}" y2="${n(c.h - m)}" ${line}/>`;
    out += `<circle cx="${n(c.w / 2)}" cy="${n(c.h / 2)}" r="${n(c.h * 0.15)}" ${line}/>`;
    out += `<rect x="${n(m)}" y="${n(c.h * 0.3)}" width="${n(c.w * 0.13)}" height="${n(c.h * 0.4)}" ${line}/>`;
    out += `<rect x="${n(c.w - m - c.w * 0.13)}" y="${n(c.h * 0.3)}" width="${n(c.w * 0.13)}" height="${n(c.h * 0.4)}" ${line}/>`;
    out += `<circle cx="${n(c.w * (0.3 + c.rand() * 0.4))}" cy="${n(c.h * (0.3 + c.rand() * 0.4))}" r="${n(c.h * 0.02)}" fill="${c.accent}"/>`;
    return out;
  },
  portrait(c) {
    let out = "";
    for (let i = 0; i < 6; i++) {
      out += `<circle cx="${n(c.rand() * c.w)}" cy="${n(c.rand() * c.h * 0.6)}" r="${n(c.w * (0.05 + c.rand() * 0.1))}" fill="${c.accent}" opacity="0.3"/>`;
    }
    const figure = c.ground;
    out += `<ellipse cx="${n(c.w / 2)}" cy="${n(c.h * 1.02)}" rx="${n(c.w * 0.36)}" ry="${n(c.h * 0.3)}" fill="${figure}"/>`;
    out += `<rect x="${n(c.w * 0.44)}" y="${n(c.h * 0.52)}" width="${n(c.w * 0.12)}" height="${n(c.h * 0.2)}" fill="${mix(figure, "#ffffff", 0.15)}"/>`;
    out += `<circle cx="${n(c.w / 2)}" cy="${n(c.h * 0.42)}" r="${n(c.w * 0.17)}" fill="${mix(figure, "#ffffff", 0.15)}"/>`;
    return out;
  },
};
