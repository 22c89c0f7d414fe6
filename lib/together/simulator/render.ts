/**
 * Draws the simulator's stand-in image: deterministic for its inputs, and visibly
 * different when the prompt (palette), seed or image index (composition), a LoRA
 * (its own pattern layer and tint) or a LoRA's scale (that layer's strength) changes.
 */
import { createHash } from "node:crypto";
import sharp from "sharp";
import { printable, textPath, textWidth, GLYPH_HEIGHT } from "@/lib/text/pixel-font";

export interface RenderInput {
  prompt: string;
  seed: number;
  width: number;
  height: number;
  loras: { path: string; scale: number }[];
  /** Position of the image in a request with n > 1. */
  index: number;
  format: "jpeg" | "png";
}

/** Seeded PRNG (mulberry32) from a string: same text, same sequence. */
function rng(text: string): () => number {
  let state = createHash("sha256").update(text).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** HSL → #rrggbb; computed here so the SVG only uses colour syntax every renderer knows. */
function hsl(h: number, s: number, l: number): string {
  const hue = ((h % 360) + 360) % 360;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255).toString(16).padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

function background(prompt: string, w: number, h: number): { defs: string; body: string; hue: number } {
  const rand = rng(`prompt:${prompt}`);
  const hue = rand() * 360;
  const spread = 40 + rand() * 80;
  const angle = Math.round(rand() * 360);
  const stops = [0, 1, 2].map((i) => `<stop offset="${i / 2}" stop-color="${hsl(hue + i * spread, 0.55 + rand() * 0.2, 0.72 - i * 0.18)}"/>`);
  const defs =
    `<linearGradient id="bg" gradientTransform="rotate(${angle} .5 .5)">${stops.join("")}</linearGradient>` +
    `<radialGradient id="sun"><stop offset="0" stop-color="${hsl(hue + 180, 0.9, 0.85)}"/><stop offset="1" stop-color="${hsl(hue + 180, 0.9, 0.7)}" stop-opacity="0"/></radialGradient>`;
  return { defs, body: `<rect width="${w}" height="${h}" fill="url(#bg)"/>`, hue };
}

/** Sun, layered ridges and floating shapes placed by seed + index. */
function composition(seed: number, index: number, hue: number, w: number, h: number): string {
  const rand = rng(`seed:${seed}:${index}`);
  const u = Math.min(w, h) / 100;
  const parts: string[] = [];
  const sunR = (14 + rand() * 14) * u;
  parts.push(`<circle cx="${r1(w * (0.15 + rand() * 0.7))}" cy="${r1(h * (0.15 + rand() * 0.3))}" r="${r1(sunR * 2)}" fill="url(#sun)"/>`);
  for (let i = 0; i < 5; i++) {
    const r = (3 + rand() * 9) * u;
    const x = r1(rand() * w), y = r1(rand() * h * 0.6), fill = hsl(hue + rand() * 120 - 60, 0.6, 0.8);
    parts.push(
      rand() < 0.5
        ? `<circle cx="${x}" cy="${y}" r="${r1(r)}" fill="${fill}" fill-opacity="0.55"/>`
        : `<rect x="${x}" y="${y}" width="${r1(r * 2)}" height="${r1(r * 2)}" rx="${r1(r / 3)}" fill="${fill}" fill-opacity="0.5" transform="rotate(${Math.round(rand() * 90)} ${x} ${y})"/>`,
    );
  }
  for (let layer = 0; layer < 3; layer++) {
    const base = h * (0.55 + layer * 0.13);
    const points: string[] = [];
    const count = 5 + Math.floor(rand() * 5);
    for (let i = 0; i <= count; i++) points.push(`${r1((w * i) / count)},${r1(base - rand() * h * (0.22 - layer * 0.05))}`);
    parts.push(`<polygon points="0,${h} ${points.join(" ")} ${w},${h}" fill="${hsl(hue + 200 + layer * 15, 0.35, 0.45 - layer * 0.12)}" fill-opacity="0.9"/>`);
  }
  return parts.join("");
}

/**
 * One LoRA = one layer of marks (kind, colour, angle, spacing from a hash of its path) whose
 * size and opacity follow |scale|: 0 draws nothing, 2 is strong. Marks are one explicit
 * path rather than an SVG <pattern>: librsvg takes ~100 ms per rotated pattern at 1024².
 */
function loraLayer(path: string, scale: number, w: number, h: number): { body: string; colour: string } {
  const rand = rng(`lora:${path}`);
  const colour = hsl(rand() * 360, 0.85, 0.55);
  const strength = Math.min(Math.abs(scale), 2) / 2; // 0 … 1
  if (strength === 0) return { body: "", colour };
  const u = Math.min(w, h) / 100;
  const step = r1((5 + rand() * 5) * u);
  const angle = Math.round(rand() * 180);
  const kind = Math.floor(rand() * 5);
  const mark = r1(step * (0.06 + 0.22 * strength));
  // Cover the rotated square that contains the canvas.
  const half = Math.ceil(Math.hypot(w, h) / 2 / step) * step;
  const cx = w / 2, cy = h / 2;
  const d: string[] = [];
  for (let y = cy - half; y <= cy + half; y += step) {
    if (kind === 0) { d.push(`M${r1(cx - half)} ${r1(y)}h${2 * half}v${mark}h${-2 * half}z`); continue; }
    if (kind === 3) {
      let row = `M${r1(cx - half)} ${r1(y)}`;
      for (let i = 0; i < (2 * half) / step; i++) row += `q${step / 4} ${-mark * 1.5} ${step / 2} 0t${step / 2} 0`;
      d.push(row);
      continue;
    }
    for (let x = cx - half; x <= cx + half; x += step) {
      const [px, py] = [r1(x), r1(y)];
      if (kind === 1) d.push(`M${px - mark} ${py}a${mark} ${mark} 0 1 0 ${2 * mark} 0a${mark} ${mark} 0 1 0 ${-2 * mark} 0z`);
      else if (kind === 2) d.push(`M${px} ${py}h${step}v${r1(mark / 2)}h${-step}zM${px} ${py}h${r1(mark / 2)}v${step}h${r1(-mark / 2)}z`);
      else d.push(`M${px} ${r1(py - mark)}l${mark} ${r1(mark * 1.7)}h${-2 * mark}z`);
    }
  }
  const paint = kind === 3 ? `fill="none" stroke="${colour}" stroke-width="${r1(mark * 0.7)}"` : `fill="${colour}"`;
  const opacity = Math.round((0.1 + strength * 0.5) * 100) / 100;
  const body =
    `<rect width="${w}" height="${h}" fill="${colour}" fill-opacity="${Math.round(strength * 20) / 100}"/>` +
    `<path d="${d.join("")}" ${paint} opacity="${opacity}" transform="rotate(${angle} ${cx} ${cy})"/>`;
  return { body, colour };
}

function stamp(input: RenderInput, colours: string[], w: number, h: number): string {
  const minDim = Math.min(w, h);
  const parts: string[] = [];
  // "SIMULATED" badge, top-right: the app's own overlays (Compare toggles, A/B badges) sit top-left.
  const big = Math.max(2, Math.round(minDim / 128));
  const pad = big * 2;
  const label = "SIMULATED";
  const badgeWidth = textWidth(label, big) + pad * 2;
  const left = Math.max(pad, w - pad - badgeWidth);
  parts.push(`<rect x="${left}" y="${pad}" width="${badgeWidth}" height="${GLYPH_HEIGHT * big + pad * 2}" rx="${pad}" fill="#000" fill-opacity="0.6"/>`);
  parts.push(`<path d="${textPath(label, left + pad, pad * 2, big)}" fill="#fff"/>`);

  // Caption bar: seed, image number, each LoRA's colour swatch + scale, then the prompt.
  const loraText = input.loras.map((l) => `  ${l.scale.toFixed(2)}`).join("");
  const head = `SEED ${input.seed}  IMG ${input.index + 1}${input.loras.length ? "  LORA" : ""}`;
  const small = Math.max(1, Math.min(Math.round(minDim / 300), Math.floor((w * 0.9) / Math.max(1, textWidth(head + loraText, 1)))));
  const line = (GLYPH_HEIGHT + 4) * small;
  const prompt = printable(input.prompt).replace(/\s+/g, " ").trim();
  const maxChars = Math.max(0, Math.floor((w - 4 * small) / (6 * small)));
  const promptLine = prompt.length > maxChars ? `${prompt.slice(0, Math.max(0, maxChars - 3))}...` : prompt;
  const barH = line * (promptLine ? 2 : 1) + 2 * small;
  const top = h - barH;
  parts.push(`<rect y="${top}" width="${w}" height="${barH}" fill="#000" fill-opacity="0.62"/>`);
  let x = 3 * small;
  const y = top + 3 * small;
  parts.push(`<path d="${textPath(head, x, y, small)}" fill="#fff"/>`);
  x += textWidth(head, small) + 3 * small * 2;
  input.loras.forEach((l, i) => {
    parts.push(`<rect x="${x}" y="${y}" width="${GLYPH_HEIGHT * small}" height="${GLYPH_HEIGHT * small}" fill="${colours[i]}"/>`);
    x += (GLYPH_HEIGHT + 2) * small;
    const text = l.scale.toFixed(2);
    parts.push(`<path d="${textPath(text, x, y, small)}" fill="#fff"/>`);
    x += textWidth(text, small) + 6 * small * 2;
  });
  if (promptLine) parts.push(`<path d="${textPath(promptLine, 3 * small, y + line, small)}" fill="#ddd"/>`);
  return parts.join("");
}

/** Builds the SVG; exported for tests and for looking at the drawing without encoding. */
export function simulatedImageSvg(input: RenderInput): string {
  const { width: w, height: h } = input;
  const bg = background(input.prompt, w, h);
  const layers = input.loras.map((l) => loraLayer(l.path, l.scale, w, h));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<defs>${bg.defs}</defs>` +
    bg.body +
    composition(input.seed, input.index, bg.hue, w, h) +
    layers.map((l) => l.body).join("") +
    stamp(input, layers.map((l) => l.colour), w, h) +
    `</svg>`
  );
}

export async function renderSimulatedImage(input: RenderInput): Promise<Buffer> {
  const image = sharp(Buffer.from(simulatedImageSvg(input)), { density: 72 }).resize(input.width, input.height, { fit: "fill" });
  return input.format === "png"
    ? image.png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer()
    : image.jpeg({ quality: 88, chromaSubsampling: "4:4:4" }).toBuffer();
}
