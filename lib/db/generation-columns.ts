import type { Generation } from "./generated/sqlite/client";

/**
 * A generation's parameters: one column each on Generation (Prisma's generated type checks the
 * names), one key each in the generation schema (lib/generation/schema.ts), copied unchanged
 * from the request to the row and on to every view. Pure, so queries, views and the studio
 * share the list; lib/generation/fields.ts says how each is labelled and compared, and the
 * compiler checks that the schema, this list and those labels agree.
 */
export const PARAMETER_COLUMNS = ["model", "width", "height", "steps", "n", "seed", "guidance"] as const satisfies readonly (keyof Generation)[];
export type ParameterColumn = (typeof PARAMETER_COLUMNS)[number];
export type GenerationParameters = Pick<Generation, ParameterColumn>;

/**
 * The recipe a result is repeated from: what was typed, what was sent, the parameters, the
 * custom phrases (JSON) and where the phrases went. What public pages may show of a result.
 */
export const RECIPE_COLUMNS = ["userPrompt", "prompt", ...PARAMETER_COLUMNS, "customTriggers", "triggerPlacement"] as const satisfies readonly (keyof Generation)[];
export type RecipeColumn = (typeof RECIPE_COLUMNS)[number];

/** A Prisma `select` of these columns. */
export function selectColumns<const C extends readonly string[]>(columns: C): { [K in C[number]]: true } {
  return Object.fromEntries(columns.map((c) => [c, true])) as { [K in C[number]]: true };
}

export const recipeSelect = selectColumns(RECIPE_COLUMNS);

/** Parameters a request may leave out (nullable columns: null is "the model's default"). */
type OptionalColumn = { [K in ParameterColumn]: null extends GenerationParameters[K] ? K : never }[ParameterColumn];
type ParameterSource = { [K in Exclude<ParameterColumn, OptionalColumn>]: GenerationParameters[K] } & { [K in OptionalColumn]?: GenerationParameters[K] | undefined };

/** The parameters of anything that carries them (a request, a row, a view), and nothing else. */
export function pickParameters(source: ParameterSource): GenerationParameters {
  // An optional parameter left out of a request (undefined) is stored as null: "the model's default".
  return Object.fromEntries(PARAMETER_COLUMNS.map((c) => [c, source[c] ?? null])) as GenerationParameters;
}
