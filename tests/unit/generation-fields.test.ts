import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PARAMETER_COLUMNS, RECIPE_COLUMNS, pickParameters, recipeSelect } from "@/lib/db/generation-columns";
import { PARAMETER_ROWS } from "@/lib/generation/fields";
import { generationInputSchema } from "@/lib/generation/schema";

// A generation's parameters are declared once (the zod schema, Prisma's Generation model and
// PARAMETER_COLUMNS, which the compiler keeps in step); everything else is derived. These are
// the same agreements checked at run time, plus the ones the compiler cannot see.

/** The columns of `model Generation` in a Prisma schema file. */
function generationColumns(provider: "sqlite" | "postgres"): string[] {
  const schema = fs.readFileSync(`prisma/${provider}/schema.prisma`, "utf8");
  const body = /model Generation \{([\s\S]*?)\n\}/.exec(schema)?.[1] ?? "";
  return body
    .split("\n")
    .map((line) => /^\s+([A-Za-z]+)\s+[A-Z]/.exec(line)?.[1])
    .filter((name): name is string => Boolean(name));
}

describe("a generation's parameters", () => {
  it("are keys of the request schema and columns of Generation in both databases", () => {
    const keys = Object.keys(generationInputSchema.shape);
    for (const column of PARAMETER_COLUMNS) {
      expect(keys, column).toContain(column);
      expect(generationColumns("sqlite"), column).toContain(column);
      expect(generationColumns("postgres"), column).toContain(column);
    }
  });

  it("each has exactly one row to show it, except the model (shown by its label)", () => {
    const shown = PARAMETER_ROWS.flatMap((r) => r.columns);
    expect(new Set(shown).size).toBe(shown.length);
    expect([...shown, "model"].sort()).toEqual([...PARAMETER_COLUMNS].sort());
  });

  it("rows read as the compare table and the detail page show them", () => {
    const p = { width: 1024, height: 768, steps: 28, n: 2, seed: 42, guidance: null };
    expect(PARAMETER_ROWS.map((r) => [r.label, r.text(p)])).toEqual([
      ["Size", "1024×768"],
      ["Steps", "28"],
      ["Images", "2"],
      ["Seed", "42"],
      ["Guidance", "model default"],
    ]);
    expect(PARAMETER_ROWS.find((r) => r.label === "Guidance")!.text({ ...p, guidance: 3.5 })).toBe("3.5");
  });

  it("pickParameters copies the parameters and nothing else; a left-out guidance is stored as null", () => {
    const input = generationInputSchema.parse({
      clientRequestId: "5b0e6a40-4a7c-4e0b-9d3c-2f1f3c1a9b10",
      prompt: "a lighthouse",
      model: "black-forest-labs/FLUX.1-dev-lora",
      width: 1024,
      height: 768,
      steps: 28,
      n: 1,
      seed: 7,
      loras: [],
    });
    expect(pickParameters(input)).toEqual({ model: "black-forest-labs/FLUX.1-dev-lora", width: 1024, height: 768, steps: 28, n: 1, seed: 7, guidance: null });
  });

  it("public pages select the whole recipe", () => {
    expect(Object.keys(recipeSelect)).toEqual([...RECIPE_COLUMNS]);
    expect(RECIPE_COLUMNS).toEqual(expect.arrayContaining([...PARAMETER_COLUMNS, "userPrompt", "prompt", "customTriggers", "triggerPlacement"]));
  });
});
