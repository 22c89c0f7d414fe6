import type { ImageGenerateParams } from "together-ai/resources/images";

/** The body sent to POST /images/generations, as the SDK types it. */
export type ImageRequest = ImageGenerateParams & {
  model: string;
  image_loras?: { path: string; scale: number }[];
};
