import { describe, expect, it } from "vitest";
import { interruptedMessage, mayHaveBeenCharged, withChargeNote } from "@/lib/generation/charge";

describe("mayHaveBeenCharged", () => {
  it("is false for anything that never reached the provider", () => {
    expect(mayHaveBeenCharged({ attempted: false, code: "cancelled" })).toBe(false);
    expect(mayHaveBeenCharged({ attempted: false, code: "internal" })).toBe(false);
  });
  it("is true once sent, for endings that prove nothing: cancel, timeout, 5xx, unreadable answers, our own failures after", () => {
    for (const code of ["cancelled", "timeout", "upstream_unavailable", "internal", "interrupted"] as const) {
      expect(mayHaveBeenCharged({ attempted: true, code }), code).toBe(true);
    }
  });
  it("is false for a provider's 4xx refusal, which comes before any work", () => {
    for (const code of ["invalid_key", "out_of_credits", "permission_denied", "model_not_found", "rate_limited", "bad_request", "incompatible_lora"] as const) {
      expect(mayHaveBeenCharged({ attempted: true, code }), code).toBe(false);
    }
  });
});

describe("the sentences", () => {
  it("an interrupted request says whether it may have been charged, and never that nothing was when it cannot know", () => {
    expect(interruptedMessage({ attempted: true, provider: "together" })).toMatch(/may have been charged/);
    expect(interruptedMessage({ attempted: true, provider: "together" })).not.toMatch(/nothing was/i);
    expect(interruptedMessage({ attempted: false, provider: "together" })).toMatch(/nothing was made or charged/);
    expect(interruptedMessage({ attempted: true, provider: "simulator" })).toMatch(/simulator: nothing was charged/);
  });
  it("a failure that may have cost money says so, replacing any 'Nothing was charged'", () => {
    expect(withChargeNote("Generation cancelled. Nothing was charged.", true)).toBe("Generation cancelled. It may have been charged.");
    expect(withChargeNote("Boom. It may have been charged.", true)).toBe("Boom. It may have been charged.");
    expect(withChargeNote("Together refused.", false)).toBe("Together refused.");
  });
});
