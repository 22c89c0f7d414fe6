// Dates as the gallery shows them: UTC (the same days the filters and totals use), spelled out
// by hand so the server's render and the browser's hydration always produce the same text.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** "25 Nov 2026" */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "25 Nov 2026, 14:03 UTC" */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return `${formatDate(iso)}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** "3 images", "1 image" */
export function plural(count: number, word: string): string {
  return `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * A short name for a LoRA path, for chips and selects: "owner/repo" for Hugging Face and
 * Replicate, "Civitai 12345" for Civitai downloads, else "host · file". No link parsing
 * library: this runs in the browser too.
 */
export function loraLabel(path: string): string {
  const trimmed = path.trim();
  if (/^[\w.-]+\/[\w.-]+$/.test(trimmed)) return trimmed;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed;
  }
  const host = url.hostname.replace(/^www\./, "");
  const parts = url.pathname.split("/").filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  if ((host === "huggingface.co" || host === "hf.co") && parts.length >= 2) {
    const file = parts.length > 2 && /\.safetensors$/i.test(parts.at(-1)!) ? ` · ${parts.at(-1)}` : "";
    return `${parts[0]}/${parts[1]}${file}`;
  }
  if (host === "replicate.com" && parts.length >= 2) return `${parts[0]}/${parts[1]}`;
  if (host === "civitai.com") {
    const id = url.searchParams.get("modelVersionId") ?? parts.find((p) => /^\d+$/.test(p));
    return id ? `Civitai ${id}` : "Civitai";
  }
  return parts.length ? `${host} · ${parts.at(-1)}` : host;
}
