/** Where image bytes live. Keys are content-addressed, so a stored object never changes. */
export interface ImageStore {
  readonly kind: "local" | "s3";
  put(key: string, bytes: Buffer, mimeType: string): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}
