/**
 * The fal.ai endpoints Lorascope speaks. A catalog model's id is its fal endpoint id, so
 * this list is what `lib/fal` accepts as `ProviderRequest.model`.
 */
export const FAL_ENDPOINT_IDS = ["fal-ai/flux-lora", "fal-ai/flux-2/lora"] as const;

export type FalEndpointId = (typeof FAL_ENDPOINT_IDS)[number];

export function isFalEndpoint(id: string): id is FalEndpointId {
  return (FAL_ENDPOINT_IDS as readonly string[]).includes(id);
}

/**
 * Any fal endpoint id in fal's form ("owner/app" or "owner/app/path"): an operator may add
 * a fal model Lorascope does not know (LORASCOPE_MODELS); it gets the same input shape.
 */
export function looksLikeFalEndpoint(id: string): boolean {
  return /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(id);
}

/** fal's queue host; FAL_BASE_URL replaces it. */
export const FAL_QUEUE_ORIGIN = "https://queue.fal.run";

/**
 * Where status, result and cancel live for an endpoint: fal drops the endpoint's subpath,
 * so `fal-ai/flux-2/lora` is submitted to /fal-ai/flux-2/lora but polled at
 * /fal-ai/flux-2/requests/{id}/status (docs/fal.md; fal-js `queue.ts`).
 */
export function falAppPath(endpoint: string): string {
  const [owner, alias] = endpoint.split("/");
  return `${owner}/${alias}`;
}

/**
 * @fal-ai/client has no base-URL option and always builds https://queue.fal.run/… URLs;
 * this moves them onto `baseUrl` (FAL_BASE_URL: a gateway, or a test server), keeping the path.
 */
export function rewriteFalUrl(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  if (base === FAL_QUEUE_ORIGIN) return url;
  if (url === FAL_QUEUE_ORIGIN || url.startsWith(`${FAL_QUEUE_ORIGIN}/`) || url.startsWith(`${FAL_QUEUE_ORIGIN}?`)) {
    return base + url.slice(FAL_QUEUE_ORIGIN.length);
  }
  return url;
}
