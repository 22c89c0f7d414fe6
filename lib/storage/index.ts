import "server-only";
import { env } from "@/lib/env";
import { createLocalImageStore } from "./local";
import { createS3ImageStore } from "./s3";
import type { ImageStore } from "./types";

let store: ImageStore | undefined;

/** The configured image store: an S3-compatible bucket when S3_BUCKET is set, else files under DATA_DIR. */
export function getImageStore(): ImageStore {
  if (!store) {
    const e = env();
    store = e.s3 ? createS3ImageStore(e.s3) : createLocalImageStore(e.dataDir);
  }
  return store;
}
