import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ParamDiff } from "@/components/compare/param-diff";
import type { DiffRow } from "@/lib/compare/diff";

// The server-rendered differences table: differing rows in the captioned table, the same ones
// behind a disclosure that opens by itself when nothing differs.

const rows: DiffRow[] = [
  { label: "LoRA 1", a: "tarot", b: "tarot", different: false },
  { label: "LoRA 1 scale", a: "0.3", b: "0.9", different: true },
  { label: "Seed", a: "42", b: "42", different: false },
];

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe("ParamDiff", () => {
  it("lists what differs with both values under the caption, and the rest behind a closed disclosure", () => {
    const html = renderToStaticMarkup(<ParamDiff rows={rows} />);
    expect(html).toContain("<caption");
    expect(html).toMatch(/<caption[^>]*>Differences<\/caption>/);
    const [differences, rest] = html.split("<details");
    expect(differences).toMatch(/<th scope="row"[^>]*>LoRA 1 scale<\/th><td[^>]*>0.3<\/td><td[^>]*>0.9<\/td>/);
    expect(differences).not.toContain(">Seed<");
    expect(rest).toContain("2 parameters are the same");
    expect(rest).toMatch(/<th scope="row"[^>]*>Seed<\/th><td[^>]*>42<\/td>/);
    expect(html).not.toMatch(/<details[^>]* open/);
    expect(count(html, 'scope="col"')).toBe(5);
  });

  it("says nothing differs and opens the rest when the two are made the same way", () => {
    const same = rows.map((r) => ({ ...r, b: r.a, different: false }));
    const html = renderToStaticMarkup(<ParamDiff rows={same} />);
    expect(html).toContain("None: both were made with exactly the same parameters.");
    expect(html).toMatch(/<details[^>]* open/);
    expect(html).toContain("3 parameters are the same");
  });
});
