import { ApiError, ValidationError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { mapFalError, studioField } from "@/lib/fal/errors";

const api = (status: number, body?: unknown) => new ApiError({ message: "status text", status, body });

describe("mapFalError", () => {
  it.each([
    [401, { detail: "No user found for Key ID and Secret" }, "invalid_key", /^fal\.ai did not accept the API key \(fal\.ai said: No user found for Key ID and Secret\)\. Check FAL_KEY/],
    [403, { detail: "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing." }, "out_of_credits", /balance is used up\. Top up at fal\.ai\/dashboard\/billing/],
    [403, { detail: "User is locked. Reason: TOP_UP." }, "out_of_credits", /Top up/],
    [403, { detail: "User is locked. Reason: Admin lock." }, "permission_denied", /refused this request for your account \(fal\.ai said: User is locked\. Reason: Admin lock\)\./],
    [404, { detail: "Application 'x' not found" }, "model_not_found", /Pick another model/],
    [429, undefined, "rate_limited", /rate limiting/],
    [500, { detail: "Internal server error", error_type: "internal_error" }, "upstream_unavailable", /HTTP 500: Internal server error\)/],
    [502, undefined, "upstream_unavailable", /HTTP 502\)/],
    [503, { detail: "Runner unavailable" }, "upstream_unavailable", /having trouble/],
    [504, { detail: "Request timed out", error_type: "request_timeout" }, "upstream_unavailable", /HTTP 504: Request timed out\)/],
    [400, { detail: "Request is still in progress" }, "bad_request", /HTTP 400: Request is still in progress\)/],
    [499, { detail: "Request was cancelled by the client" }, "cancelled", /may not be known/],
  ])("HTTP %i %o → %s", (status, body, code, message) => {
    const mapped = mapFalError(api(status, body));
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(message);
    expect(mapped.message).not.toMatch(/\.\.|\s\.|,\./);
  });

  it("every failure fal answered says nothing was charged", () => {
    for (const status of [401, 403, 404, 429, 500, 503]) expect(mapFalError(api(status, { detail: "x" })).message).toMatch(/Nothing was charged: fal\.ai bills only successful images\./);
  });

  it("a 422 lists fal's messages and names the studio field of the first one it knows", () => {
    const err = new ValidationError({
      message: "Unprocessable Entity",
      status: 422,
      body: {
        detail: [
          { loc: ["body", "acceleration"], msg: "Input should be 'none' or 'regular'", type: "literal_error" },
          { loc: ["body", "image_size", "height"], msg: "Input should be less than or equal to 2048.", type: "less_than_equal" },
        ],
      },
    });
    const mapped = mapFalError(err);
    expect(mapped).toMatchObject({ code: "bad_request", field: "height" });
    expect(mapped.message).toBe(
      "fal.ai rejected the request: acceleration: Input should be 'none' or 'regular'; image_size.height: Input should be less than or equal to 2048. Nothing was charged: fal.ai bills only successful images. Change the setting and try again.",
    );
  });

  it("a 422 with a plain detail string still reads", () => {
    const mapped = mapFalError(new ValidationError({ message: "x", status: 422, body: { detail: "Prompt is empty." } }));
    expect(mapped.message).toMatch(/^fal\.ai rejected the request: Prompt is empty\. Nothing/);
    expect(mapped.field).toBeUndefined();
  });

  it("timeouts, aborts, network and unreadable answers", () => {
    expect(mapFalError(new Error("Client timed out waiting for the request to complete after 500ms")).code).toBe("timeout");
    expect(mapFalError(new DOMException("x", "TimeoutError")).code).toBe("timeout");
    expect(mapFalError(new DOMException("x", "AbortError")).code).toBe("cancelled");
    expect(mapFalError(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }))).toMatchObject({ code: "upstream_unavailable", message: expect.stringMatching(/Could not reach fal\.ai/) });
    expect(mapFalError(new SyntaxError("Unexpected end of JSON input")).code).toBe("upstream_unavailable");
    expect(mapFalError(new Error("boom")).code).toBe("internal");
    const own = new AppError({ code: "invalid_input", message: "kept" });
    expect(mapFalError(own)).toBe(own);
  });

  it("timeout and cancel messages do not claim to know the charge", () => {
    for (const err of [new DOMException("x", "TimeoutError"), new DOMException("x", "AbortError")]) {
      expect(mapFalError(err).message).toMatch(/may not be known/);
      expect(mapFalError(err).message).not.toMatch(/Nothing was charged/);
    }
  });
});

describe("studioField", () => {
  it.each([
    [["body", "prompt"], "prompt"],
    [["body", "image_size"], "width"],
    [["body", "image_size", "height"], "height"],
    [["body", "num_inference_steps"], "steps"],
    [["body", "guidance_scale"], "guidance"],
    [["body", "num_images"], "n"],
    [["body", "seed"], "seed"],
    [["body", "loras"], "loras"],
    [["body", "loras", 1, "path"], "loras.1.path"],
    [["body", "loras", 0, "scale"], "loras.0.scale"],
    [["body", "acceleration"], undefined],
  ])("%o → %s", (loc, field) => {
    expect(studioField(loc)).toBe(field);
  });
});
