import "server-only";
import { env } from "@/lib/env";
import { createLocalImageStore } from "./local";
import type { ImageStore } from "./types";

let store: ImageStore | undefined;

/** The configured image store: local files under DATA_DIR (S3-compatible storage arrives with the gallery work). */
export function getImageStore(): ImageStore {
  store ??= createLocalImageStore(env().dataDir);
  return store;
}
