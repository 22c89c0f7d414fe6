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

/** @deprecated the name of a LoRA from its path is `loraDisplayName` in lib/loras/link.ts; this alias keeps older imports compiling. */
export { loraDisplayName as loraLabel } from "@/lib/loras/link";
