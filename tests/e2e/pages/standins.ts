import type { APIRequestContext } from "@playwright/test";

/** The stand-ins' admin routes (ports as in playwright.config.ts, shifted by E2E_PORT_OFFSET). */
const OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const TOGETHER_ADMIN = `http://127.0.0.1:${4010 + OFFSET}/__admin`;
const HUB_PORTS = { hf: 4021 + OFFSET, civitai: 4022 + OFFSET, replicate: 4023 + OFFSET };

export type RecordedRequest = { path: string; body: Record<string, unknown> };

/** Image requests the Together stand-in received, oldest first. */
export async function recordedGenerations(request: APIRequestContext): Promise<RecordedRequest[]> {
  const { requests }: { requests: RecordedRequest[] } = await (await request.get(`${TOGETHER_ADMIN}/requests`)).json();
  return requests.filter((r) => r.path.endsWith("/images/generations"));
}

export async function clearTogetherStandin(request: APIRequestContext) {
  await request.delete(`${TOGETHER_ADMIN}/faults`);
  await request.delete(`${TOGETHER_ADMIN}/requests`);
}

/** Hugging Face, Civitai and Replicate all answer 503 (offline = true) or work again. */
export async function setHubsOffline(request: APIRequestContext, offline: boolean) {
  for (const port of Object.values(HUB_PORTS)) {
    await request.fetch(`http://127.0.0.1:${port}/__admin/offline`, { method: offline ? "POST" : "DELETE" });
  }
}
