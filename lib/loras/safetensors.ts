import "server-only";
import { FetchGuardError, rangeFetch as defaultRangeFetch, type GuardedFetcher, type FetchGuardCode, type RangeResponse } from "@/lib/net/guarded-fetch";

/**
 * Reads a LoRA's safetensors header over HTTP without downloading the file (docs/lora-links.md): `bytes=0-7` gives the header length N, `bytes=8-(8+N-1)` the JSON header. Whole files
 * are never fetched; a server that ignores Range is only tolerated when the file is tiny.
 */

export interface TensorInfo {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

export interface SafetensorsHeader {
  header: Record<string, TensorInfo>;
  metadata: Record<string, string> | null;
  /** N, the JSON header's length in bytes. */
  headerBytes: number;
  /** Whole file size, when the server said (Content-Range total). */
  fileSize?: number;
}

export type SafetensorsErrorCode =
  | "not_safetensors"
  | "corrupt_header"
  | "header_too_large"
  | "no_range_support"
  /** Network, timeout, HTTP error status, redirect loop. */
  | "unreachable"
  /** The link itself was refused by the fetch policy (private address, http, credentials). */
  | "blocked";

export class SafetensorsError extends Error {
  readonly code: SafetensorsErrorCode;
  readonly fetchCode?: FetchGuardCode;
  readonly status?: number;

  constructor(code: SafetensorsErrorCode, message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "SafetensorsError";
    this.code = code;
    if (cause instanceof FetchGuardError) {
      this.fetchCode = cause.code;
      this.status = cause.status;
    }
  }
}

export interface ReadHeaderOptions {
  headers?: Record<string, string>;
  allowPrivate?: boolean;
  /** Refuse headers claiming more (default 25 MB; the format's own limit is 100 MB). */
  maxHeaderBytes?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Alternative fetcher (tests inject one with a fake resolver). */
  fetcher?: Pick<GuardedFetcher, "rangeFetch">;
}

const DEFAULT_MAX_HEADER = 25 * 1024 * 1024;
/** A server without Range support may still hand over a file this small in one piece. */
const TINY_FILE = 1024 * 1024;

function fromFetchError(err: unknown): unknown {
  if (!(err instanceof FetchGuardError)) return err;
  switch (err.code) {
    case "blocked_scheme":
    case "blocked_address":
    case "invalid_url":
      return new SafetensorsError("blocked", err.message, err);
    case "range_unsupported":
      if (err.contentType?.startsWith("text/html")) {
        return new SafetensorsError("not_safetensors", "That link returns a web page, not a .safetensors file. For Hugging Face, use the /resolve/ link of the file.", err);
      }
      return new SafetensorsError(
        "no_range_support",
        "The server does not support partial downloads, so Lorascope cannot check this file without downloading all of it.",
        err,
      );
    default:
      if (err.status === 416) return new SafetensorsError("not_safetensors", "The file at that link is empty or cut short.", err);
      return new SafetensorsError("unreachable", err.message, err);
  }
}

/** Names common files that are not safetensors, from their first bytes. */
function sniff(lead: Buffer): string | null {
  const ascii = lead.toString("latin1");
  if (ascii.startsWith("\x89PNG")) return "a PNG image";
  if (lead[0] === 0xff && lead[1] === 0xd8) return "a JPEG image";
  if (ascii.startsWith("GIF8")) return "a GIF image";
  if (ascii.startsWith("RIFF")) return "a RIFF file (such as a WebP image)";
  if (/^(\xef\xbb\xbf)?\s*</.test(ascii)) return "a web page";
  if (ascii.startsWith("PK\x03\x04")) return "a zip archive (such as a PyTorch .pt/.ckpt checkpoint)";
  if (lead[0] === 0x80 && lead[1] >= 2 && lead[1] <= 5) return "a pickled PyTorch checkpoint";
  if (/^\s*[{[]/.test(ascii)) return "a JSON document";
  return null;
}

function notSafetensors(message: string): SafetensorsError {
  return new SafetensorsError("not_safetensors", message);
}

function isTensorInfo(v: unknown): v is TensorInfo {
  if (!v || typeof v !== "object") return false;
  const t = v as Record<string, unknown>;
  const ints = (a: unknown, len?: number) =>
    Array.isArray(a) && (len === undefined || a.length === len) && a.every((x) => Number.isSafeInteger(x) && (x as number) >= 0);
  return (
    typeof t.dtype === "string" &&
    ints(t.shape) &&
    ints(t.data_offsets, 2) &&
    (t.data_offsets as number[])[0] <= (t.data_offsets as number[])[1]
  );
}

/** Validates the JSON header; `dataBytes` is the size of the data section when known. */
export function parseSafetensorsHeader(bytes: Buffer, dataBytes?: number): Pick<SafetensorsHeader, "header" | "metadata"> {
  const text = bytes.toString("utf8");
  if (!text.trimStart().startsWith("{")) throw notSafetensors("That link is not a .safetensors file: its header is not JSON.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SafetensorsError("corrupt_header", "The file's header is not valid JSON: the file is damaged or incomplete.");
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) throw notSafetensors("That link is not a .safetensors file: its header is not a table of tensors.");
  const header: Record<string, TensorInfo> = {};
  let metadata: Record<string, string> | null = null;
  for (const [name, value] of Object.entries(json as Record<string, unknown>)) {
    if (name === "__metadata__") {
      if (value && typeof value === "object" && !Array.isArray(value)) {
        metadata = Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === "string")) as Record<string, string>;
      }
      continue;
    }
    if (!isTensorInfo(value)) throw new SafetensorsError("corrupt_header", `The file's header is damaged: tensor "${name.slice(0, 80)}" has no valid type, shape or position.`);
    if (dataBytes !== undefined && value.data_offsets[1] > dataBytes) {
      throw new SafetensorsError("corrupt_header", "The file is cut short: its tensors run past the end of the file.");
    }
    header[name] = { dtype: value.dtype, shape: value.shape, data_offsets: [value.data_offsets[0], value.data_offsets[1]] };
  }
  return { header, metadata };
}

export async function readSafetensorsHeader(url: string | URL, options: ReadHeaderOptions = {}): Promise<SafetensorsHeader> {
  const rangeFetch = options.fetcher?.rangeFetch ?? defaultRangeFetch;
  const maxHeader = options.maxHeaderBytes ?? DEFAULT_MAX_HEADER;
  const common = { allowPrivate: options.allowPrivate, timeoutMs: options.timeoutMs, signal: options.signal, maxWholeBytes: TINY_FILE };
  const get = async (target: string | URL, start: number, end: number, headers?: Record<string, string>): Promise<RangeResponse> => {
    try {
      return await rangeFetch(target, start, end, { ...common, headers });
    } catch (err) {
      throw fromFetchError(err);
    }
  };

  const first = await get(url, 0, 7, options.headers);
  const lead = first.body;
  if (lead.length < 8) throw notSafetensors(`That link is only ${lead.length} bytes long, not a .safetensors LoRA file.`);
  const claimed = lead.readBigUInt64LE(0);
  if (claimed < 2n) throw notSafetensors("That link is not a .safetensors file: it does not start with a header length.");
  if (claimed > BigInt(maxHeader)) {
    // Only an implausible length can be another format's magic bytes; small lengths (0x80 0x02 …) are real.
    const what = sniff(lead);
    if (what) throw notSafetensors(`That link is ${what}, not a .safetensors LoRA file.`);
    if (claimed >= 2n ** 40n) throw notSafetensors("That link is not a .safetensors file: it does not start with a header length.");
    throw new SafetensorsError("header_too_large", `The file's header claims ${claimed} bytes, far more than a LoRA needs; Lorascope reads at most ${maxHeader} bytes.`);
  }
  const n = Number(claimed);
  const size = first.totalSize;
  if (size !== undefined && 8 + n > size) throw new SafetensorsError("corrupt_header", `The file's header claims ${n} bytes, but the file is only ${size} bytes long.`);

  // Reuse the redirect target (Civitai/HF signed URL); credentials only go back to the original origin.
  const sameOrigin = new URL(first.url).origin === new URL(url).origin;
  const second = await get(first.url, 8, 8 + n - 1, sameOrigin ? options.headers : undefined);
  if (second.body.length < n) throw new SafetensorsError("corrupt_header", "The file ends inside its header: it is damaged or incomplete.");
  const fileSize = second.totalSize ?? size;
  const { header, metadata } = parseSafetensorsHeader(second.body, fileSize === undefined ? undefined : fileSize - 8 - n);
  return { header, metadata, headerBytes: n, fileSize };
}
