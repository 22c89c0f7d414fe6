import { describe, expect, it } from "vitest";
import { caseError, listedUnder, parseSimulatorCases } from "@/lib/together/simulator/cases";

describe("LORASCOPE_SIMULATOR_CASES", () => {
  it("reads model=case pairs and the together-2026-10 preset", () => {
    expect(Object.fromEntries(parseSimulatorCases("together-2026-10"))).toEqual({
      "black-forest-labs/FLUX.1-dev-lora": "not-found",
      "black-forest-labs/FLUX.2-dev": "loras-refused",
    });
    expect(Object.fromEntries(parseSimulatorCases(" a/b=data-sharing-blocked , c/d=not-serverless "))).toEqual({ "a/b": "data-sharing-blocked", "c/d": "not-serverless" });
    expect(parseSimulatorCases("").size).toBe(0);
  });
  it("refuses what it does not know, saying what it takes", () => {
    expect(() => parseSimulatorCases("a/b=explode")).toThrow(/not model=case \(cases: loras-refused, /);
  });
  it("answers in Together's shapes", () => {
    expect(caseError("not-found", "m/x", true)).toMatchObject({ status: 404, body: { error: { code: "model_not_available" } } });
    expect(caseError("not-serverless", "m/x", true)).toMatchObject({ status: 400, body: { error: { code: "model_not_available", message: expect.stringContaining("non-serverless") } } });
    expect(caseError("data-sharing-blocked", "m/x", false)).toMatchObject({ status: 403, body: { error: { code: "third_party_data_sharing_blocked" } } });
    expect(caseError("loras-refused", "m/x", true)).toMatchObject({ status: 400, body: { error: { param: "image_loras" } } });
    expect(caseError("loras-refused", "m/x", false)).toBeNull();
    expect([listedUnder("not-found"), listedUnder("unlisted"), listedUnder("not-serverless"), listedUnder(undefined)]).toEqual([false, false, true, true]);
  });
});
