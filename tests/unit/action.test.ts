import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { invalidInput, notFound, runAction } from "@/lib/actions/action";
import { AppError } from "@/lib/errors";

const schema = z.object({ name: z.string().min(1, "Give it a name"), loras: z.array(z.object({ path: z.string().min(1, "Paste a LoRA link") })) });

describe("runAction: validate → handler → one typed result", () => {
  afterEach(() => vi.restoreAllMocks());

  it("hands the parsed input to the handler and answers its result", async () => {
    const result = await runAction("t", schema, { name: "x", loras: [] }, async (input) => ({ ok: true, got: input.name }));
    expect(result).toEqual({ ok: true, got: "x" });
  });

  it("invalid input never reaches the handler; the first issue names its field by its path", async () => {
    const handler = vi.fn(async () => ({ ok: true as const }));
    expect(await runAction("t", schema, { name: "", loras: [] }, handler)).toEqual({ ok: false, error: { code: "invalid_input", message: "Give it a name", field: "name" } });
    expect(await runAction("t", schema, { name: "x", loras: [{ path: "" }] }, handler)).toEqual({
      ok: false,
      error: { code: "invalid_input", message: "Paste a LoRA link", field: "loras.0.path" },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("a fixed message and field replace the issue's own when asked", async () => {
    const result = await runAction("t", z.string(), 42, async () => ({ ok: true }), { invalidMessage: "Not understood.", field: "lora" });
    expect(result).toEqual({ ok: false, error: { code: "invalid_input", message: "Not understood.", field: "lora" } });
  });

  it("an AppError thrown by the use case keeps its code; anything else is internal, logged, and says nothing of itself", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const typed = await runAction("t", z.unknown(), null, async () => {
      throw new AppError({ code: "rate_limited", message: "Slow down", retryAfterSeconds: 3 });
    });
    expect(typed).toEqual({ ok: false, error: { code: "rate_limited", message: "Slow down", retryAfterSeconds: 3 } });
    expect(log).not.toHaveBeenCalled();
    const crash = await runAction("crashAction", z.unknown(), null, async () => {
      throw new Error("secret stack detail");
    });
    expect(crash).toMatchObject({ ok: false, error: { code: "internal" } });
    expect(JSON.stringify(crash)).not.toContain("secret");
    expect(log).toHaveBeenCalledWith("crashAction failed", expect.any(Error));
  });

  it("not_found and invalid_input are built the same way everywhere", () => {
    expect(notFound("Gone.")).toEqual({ ok: false, error: { code: "not_found", message: "Gone." } });
    const error = z.string().safeParse(1).error!;
    expect(invalidInput(error)).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(invalidInput(error).error).not.toHaveProperty("field");
  });
});
