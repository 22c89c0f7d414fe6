/**
 * A 5×7 bitmap font drawn as SVG path rectangles. Servers may have no system fonts, and
 * librsvg then renders SVG <text> as nothing or boxes; paths always render.
 */
const GLYPHS: Record<string, string> = {
  A: "01110 10001 10001 11111 10001 10001 10001",
  B: "11110 10001 10001 11110 10001 10001 11110",
  C: "01110 10001 10000 10000 10000 10001 01110",
  D: "11110 10001 10001 10001 10001 10001 11110",
  E: "11111 10000 10000 11110 10000 10000 11111",
  F: "11111 10000 10000 11110 10000 10000 10000",
  G: "01110 10001 10000 10111 10001 10001 01111",
  H: "10001 10001 10001 11111 10001 10001 10001",
  I: "01110 00100 00100 00100 00100 00100 01110",
  J: "00111 00010 00010 00010 00010 10010 01100",
  K: "10001 10010 10100 11000 10100 10010 10001",
  L: "10000 10000 10000 10000 10000 10000 11111",
  M: "10001 11011 10101 10101 10001 10001 10001",
  N: "10001 10001 11001 10101 10011 10001 10001",
  O: "01110 10001 10001 10001 10001 10001 01110",
  P: "11110 10001 10001 11110 10000 10000 10000",
  Q: "01110 10001 10001 10001 10101 10010 01101",
  R: "11110 10001 10001 11110 10100 10010 10001",
  S: "01111 10000 10000 01110 00001 00001 11110",
  T: "11111 00100 00100 00100 00100 00100 00100",
  U: "10001 10001 10001 10001 10001 10001 01110",
  V: "10001 10001 10001 10001 10001 01010 00100",
  W: "10001 10001 10001 10101 10101 10101 01010",
  X: "10001 10001 01010 00100 01010 10001 10001",
  Y: "10001 10001 01010 00100 00100 00100 00100",
  Z: "11111 00001 00010 00100 01000 10000 11111",
  "0": "01110 10001 10011 10101 11001 10001 01110",
  "1": "00100 01100 00100 00100 00100 00100 01110",
  "2": "01110 10001 00001 00010 00100 01000 11111",
  "3": "11111 00010 00100 00010 00001 10001 01110",
  "4": "00010 00110 01010 10010 11111 00010 00010",
  "5": "11111 10000 11110 00001 00001 10001 01110",
  "6": "00110 01000 10000 11110 10001 10001 01110",
  "7": "11111 00001 00010 00100 01000 01000 01000",
  "8": "01110 10001 10001 01110 10001 10001 01110",
  "9": "01110 10001 10001 01111 00001 00010 01100",
  ".": "00000 00000 00000 00000 00000 01100 01100",
  ",": "00000 00000 00000 00000 01100 00100 01000",
  ":": "00000 01100 01100 00000 01100 01100 00000",
  "-": "00000 00000 00000 11111 00000 00000 00000",
  "+": "00000 00100 00100 11111 00100 00100 00000",
  "#": "01010 01010 11111 01010 11111 01010 01010",
  "/": "00001 00010 00010 00100 01000 01000 10000",
  "=": "00000 00000 11111 00000 11111 00000 00000",
  "(": "00010 00100 01000 01000 01000 00100 00010",
  ")": "01000 00100 00010 00010 00010 00100 01000",
  "|": "00100 00100 00100 00100 00100 00100 00100",
  "'": "00100 00100 01000 00000 00000 00000 00000",
  "?": "01110 10001 00001 00010 00100 00000 00100",
  "!": "00100 00100 00100 00100 00100 00000 00100",
  " ": "00000 00000 00000 00000 00000 00000 00000",
};

/** Horizontal runs per glyph row, precomputed: [row, startColumn, length]. */
const RUNS = new Map<string, [number, number, number][]>(
  Object.entries(GLYPHS).map(([ch, rows]) => {
    const runs: [number, number, number][] = [];
    rows.split(" ").forEach((row, y) => {
      for (const match of row.matchAll(/1+/g)) runs.push([y, match.index ?? 0, match[0].length]);
    });
    return [ch, runs];
  }),
);

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;
const ADVANCE = GLYPH_WIDTH + 1;

/** Upper-cases and drops characters the font lacks, so any prompt can be shown. */
export function printable(text: string): string {
  return [...text.toUpperCase()].map((ch) => (RUNS.has(ch) ? ch : ch.trim() ? "" : " ")).join("");
}

/** Width in pixels of `text` drawn with pixel size `px`. */
export function textWidth(text: string, px: number): number {
  const length = [...printable(text)].length;
  return length === 0 ? 0 : (length * ADVANCE - 1) * px;
}

/** SVG path data drawing `text` with its top-left corner at (x, y), each font pixel `px` wide. */
export function textPath(text: string, x: number, y: number, px: number): string {
  const parts: string[] = [];
  [...printable(text)].forEach((ch, i) => {
    const left = x + i * ADVANCE * px;
    for (const [row, col, len] of RUNS.get(ch) ?? []) {
      parts.push(`M${left + col * px} ${y + row * px}h${len * px}v${px}h${-len * px}z`);
    }
  });
  return parts.join("");
}
