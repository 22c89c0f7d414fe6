/**
 * fal's error bodies (docs/fal.md), shared by the simulator and the loopback test
 * server: `{detail: string}` (with `error_type` for infrastructure errors) or, for
 * validation, 422 `{detail: [{loc, msg, type}]}`.
 */

export interface FalDetailItem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export interface FalSimulatedError {
  status: number;
  body: { detail: string | FalDetailItem[]; error_type?: string };
  headers?: Record<string, string>;
}

/** fal's own wording where it is known (docs/fal.md); otherwise plain words. */
export const FAL_MESSAGES = {
  badKey: "No user found for Key ID and Secret",
  malformedKey: "Invalid Key Authorization header format. Expected '<key_id>:<key_secret>'.",
  lockedBalance: "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.",
} as const;

const ERROR_TYPES: Record<number, string> = {
  400: "bad_request",
  499: "client_cancelled",
  500: "internal_error",
  502: "runner_connection_error",
  503: "runner_unavailable",
  504: "request_timeout",
};

export function falError(status: number, detail: string, errorType = ERROR_TYPES[status]): FalSimulatedError {
  return {
    status,
    body: errorType ? { detail, error_type: errorType } : { detail },
    headers: errorType ? { "x-fal-error-type": errorType } : undefined,
  };
}

export function validationError(items: FalDetailItem[]): FalSimulatedError {
  return { status: 422, body: { detail: items }, headers: { "x-fal-retryable": "false" } };
}

/** Default bodies per status, for fault injection. */
export function statusError(status: number, detail?: string): FalSimulatedError {
  switch (status) {
    case 401:
      return falError(401, detail ?? FAL_MESSAGES.badKey);
    case 403:
      return falError(403, detail ?? FAL_MESSAGES.lockedBalance);
    case 404:
      return falError(404, detail ?? "Application not found");
    case 422:
      return validationError([{ loc: ["body", "prompt"], msg: detail ?? "Field required", type: "missing" }]);
    case 429:
      return falError(429, detail ?? "Too many requests");
    case 500:
      return falError(500, detail ?? "Internal server error");
    case 502:
      return falError(502, detail ?? "Runner connection error");
    case 503:
      return falError(503, detail ?? "Runner unavailable");
    case 504:
      return falError(504, detail ?? "Request timed out");
    default:
      return falError(status, detail ?? "Error");
  }
}
