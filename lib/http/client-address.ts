import "server-only";
import { createHmac } from "node:crypto";
import { headers } from "next/headers";
import { getAppSecret } from "@/lib/owner/secret";
import { clientAddressFrom } from "./address";

/** A keyed hash of an address: limits can be counted per address without storing addresses. */
export function addressKey(address: string): string {
  return createHmac("sha256", getAppSecret()).update(`address:${address}`).digest("base64url").slice(0, 22);
}

/** The keyed address of the current request (server actions and route handlers), or null when unknown. */
export async function requestAddressKey(): Promise<string | null> {
  const address = clientAddressFrom(await headers());
  return address ? addressKey(address) : null;
}
