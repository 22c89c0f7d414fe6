/**
 * Hugging Face, Civitai and Replicate stand-ins plus a LoRA file host on fixed loopback
 * ports, for the browser tests (and for trying the studio offline):
 *   tsx tests/support/standins-cli.ts --port 4020
 * uses 4020 (files), 4021 (Hugging Face), 4022 (Civitai), 4023 (Replicate) and prints the
 * environment to start the app with. Hugging Face /resolve/ links redirect to real
 * safetensors headers: the starter Tarot and XLabs LoRAs are FLUX.1, acme/sdxl-watercolor is SDXL.
 */
import { startFileServer } from "./file-server";
import { startHubServers } from "./hub-servers";
import { safetensorsFixtures } from "./safetensors-fixtures";

const arg = process.argv.indexOf("--port");
const base = arg > 0 ? Number(process.argv[arg + 1]) : 4020;
const f = safetensorsFixtures();

const files = await startFileServer({
  port: base,
  files: {
    "tarot.safetensors": f["flux1-diffusers"],
    "anime.safetensors": f["flux1-xlabs"],
    "watercolor.safetensors": f.sdxl,
    "pixel.safetensors": f["flux1-kohya"],
    "inkwash.safetensors": f["flux2-diffusers"],
  },
});
const hubs = await startHubServers({
  ports: { hf: base + 1, civitai: base + 2, replicate: base + 3 },
  hfFileRedirects: {
    "multimodalart/flux-tarot-v1/flux_tarot_v1_lora.safetensors": files.url("/files/tarot.safetensors"),
    "XLabs-AI/flux-lora-collection/anime_lora.safetensors": files.url("/files/anime.safetensors"),
    "acme/sdxl-watercolor/watercolor_sdxl.safetensors": files.url("/files/watercolor.safetensors"),
    "bfl-fans/flux2-ink-wash/flux2_ink_wash.safetensors": files.url("/files/inkwash.safetensors"),
  },
  civitaiDownloads: { "913438": files.url("/files/pixel.safetensors") },
});

const env = {
  HF_ENDPOINT: hubs.hf.endpoint,
  CIVITAI_BASE_URL: hubs.civitai.baseUrl,
  REPLICATE_BASE_URL: hubs.replicate.baseUrl,
  REPLICATE_API_TOKEN: hubs.replicate.token,
  ALLOW_PRIVATE_FETCH: "true",
};
console.log(Object.entries(env).map(([k, v]) => `${k}=${v}`).join(" "));

const stop = async () => {
  await Promise.all([files.close(), hubs.close()]);
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
