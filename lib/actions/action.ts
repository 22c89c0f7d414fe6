import { z } from "zod";
import { toErrorShape, type AppErrorShape, type Result } from "@/lib/errors";

/**
 * The one way to write a server action (components/*\/actions.ts):
 *
 *   export async function renameThingAction(id: unknown, name: unknown) {
 *     return runAction("renameThingAction", z.object({ id: idSchema, name: nameSchema }), { id, name }, async (input) => {
 *       const ownerId = await getOwnerId();               // the owner: always from the signed cookie
 *       return renameThing(ownerId, input);                // one use case in lib/, answering a Result
 *     });
 *   }
 *
 * Validation failures become `invalid_input` naming the field; anything thrown becomes its
 * typed shape (an AppError keeps its code, the rest is `internal` and logged), so nothing
 * throws to the browser and every action answers the same `Result` shape.
 */

export type Failure = { ok: false; error: AppErrorShape };

export interface ActionOptions {
  /** One message for any invalid input, instead of the first issue's own. */
  invalidMessage?: string;
  /** The field to name on invalid input; by default the first issue's path ("name", "loras.0.path"). */
  field?: string;
}

/** A zod failure as the typed `invalid_input` result (first issue's message and field). */
export function invalidInput(error: z.core.$ZodError, options: ActionOptions = {}): Failure {
  const issue = error.issues[0];
  const field = options.field ?? (issue?.path.length ? issue.path.join(".") : undefined);
  return {
    ok: false,
    error: { code: "invalid_input", message: options.invalidMessage ?? issue?.message ?? "Check the input", ...(field ? { field } : {}) },
  };
}

/** "Not there" — said the same way for a missing row and for someone else's. */
export function notFound(message: string): Failure {
  return { ok: false, error: { code: "not_found", message } };
}

/** Anything thrown as a typed failure; unexpected errors are logged under the action's name. */
export function toFailure(err: unknown, name: string): Failure {
  const error = toErrorShape(err);
  if (error.code === "internal") console.error(`${name} failed`, err);
  return { ok: false, error };
}

/** Validates `raw` with `schema` (classic or zod/mini), then runs the handler; never throws. */
export async function runAction<S extends z.core.$ZodType, T>(
  name: string,
  schema: S,
  raw: unknown,
  handler: (input: z.output<S>) => Promise<Result<T>>,
  options: ActionOptions = {},
): Promise<Result<T>> {
  const parsed = z.safeParse(schema, raw);
  if (!parsed.success) return invalidInput(parsed.error, options);
  try {
    return await handler(parsed.data);
  } catch (err) {
    return toFailure(err, name);
  }
}

/** A string id as routes and rows use them (uuid-like, URL-safe). */
export const idSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, "Not a valid id");
