import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: string | undefined;

/** APP_SECRET, else a secret generated once and kept in DATA_DIR so cookies survive restarts. */
export function getAppSecret(): string {
  if (cached) return cached;
  const e = env();
  if (e.appSecret) return (cached = e.appSecret);
  const file = path.join(e.dataDir, "app-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(e.dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      // "wx": if another process won the race, read its secret instead of overwriting it.
      writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      cached = secret;
    } catch {
      cached = readFileSync(file, "utf8").trim();
    }
  }
  return cached;
}
