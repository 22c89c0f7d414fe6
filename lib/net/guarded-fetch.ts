import "server-only";
import dns from "node:dns";
import http, { STATUS_CODES, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { ZodType } from "zod";
import { env } from "@/lib/env";
import { ipLiteral, isPublicAddress } from "./ip-policy";

/**
 * The one way server code fetches a user-supplied URL (LoRA links, metadata APIs).
 *
 * Policy, checked on the first request and again on every redirect hop:
 * - https on port 443 only, no credentials in the URL;
 * - the host name is resolved here and refused if ANY address is not public; the socket
 *   then connects to exactly those verified addresses (pinned `lookup`), so a DNS answer
 *   that changes between check and connect (rebinding) cannot reach a private host;
 * - Authorization/Cookie headers are dropped when a redirect leaves the origin (Civitai and
 *   Hugging Face redirect to signed CDN URLs that must not see the user's token);
 * - one deadline covers DNS, every hop and the body; bodies are capped while streaming.
 *
 * `allowPrivate` (default: ALLOW_PRIVATE_FETCH) lifts the address, port and https rules so
 * tests and private deployments can reach loopback servers over plain http.
 */

export type FetchGuardCode =
  | "blocked_scheme"
  | "blocked_address"
  | "too_many_redirects"
  | "too_large"
  | "timeout"
  | "http_error"
  | "network"
  | "invalid_url"
  /** The body was not the JSON/shape/part asked for. */
  | "invalid_response"
  /** A Range request answered with a whole file too large to take. */
  | "range_unsupported";

export class FetchGuardError extends Error {
  readonly code: FetchGuardCode;
  /** HTTP status, for `http_error` (and `range_unsupported`: 200). */
  readonly status?: number;
  readonly contentType?: string;

  constructor(code: FetchGuardCode, message: string, extra: { status?: number; contentType?: string; cause?: unknown } = {}) {
    super(message, { cause: extra.cause });
    this.name = "FetchGuardError";
    this.code = code;
    this.status = extra.status;
    this.contentType = extra.contentType;
  }
}

export interface GuardedFetchOptions {
  method?: "GET" | "HEAD";
  headers?: Record<string, string>;
  /** Body cap in bytes (default 2 MB). */
  maxBytes?: number;
  /** Total budget: DNS, all hops and the body (default 8000). */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Default: `env().allowPrivateFetch`. */
  allowPrivate?: boolean;
  signal?: AbortSignal;
  /** Default: 2xx. */
  acceptStatus?: (status: number) => boolean;
}

export interface GuardedResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  /** Final URL after redirects. */
  url: string;
  /** Every URL redirected to, in order. */
  redirects: string[];
}

export type GuardedJsonResponse<T> = Omit<GuardedResponse, "body"> & { data: T };

export type RangeFetchOptions = Omit<GuardedFetchOptions, "method" | "maxBytes" | "acceptStatus"> & {
  /** Largest whole body accepted when the server ignores Range and answers 200 (default 1 MiB). */
  maxWholeBytes?: number;
};

export type RangeResponse = GuardedResponse & {
  /** Whole file size, from Content-Range (206) or the body (200). */
  totalSize?: number;
  /** False when the server ignored Range and the bytes were sliced from a whole small file. */
  partial: boolean;
};

export type ResolvedAddress = { address: string; family: number };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface GuardedFetchDeps {
  /** DNS resolution (default `dns.promises.lookup(host, { all: true })`); tests inject answers. */
  lookup?: Resolver;
  /**
   * Test hook: these exact addresses count as public, and hosts resolving only to them may
   * be reached over http on any port (loopback test servers). Never set in app code.
   */
  trustedAddresses?: string[];
}

const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 8000;
const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_MAX_WHOLE_BYTES = 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = ["authorization", "proxy-authorization", "cookie"];
const BASE_HEADERS = { "user-agent": "Lorascope/0.1 (LoRA compatibility check)", "accept-encoding": "identity" };

type BodyLimit = { maxBytes: number; error: () => FetchGuardError };
type LimitFor = (status: number, headers: IncomingHttpHeaders) => BodyLimit | undefined;

const systemLookup: Resolver = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

function parseUrl(input: string | URL, base?: URL): URL {
  try {
    return new URL(input, base);
  } catch {
    throw new FetchGuardError("invalid_url", base ? "The server redirected to a link that is not valid." : "That is not a valid link.");
  }
}

function lowerKeys(headers: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== "host") out[k.toLowerCase()] = v;
  return out;
}

function toHeaders(raw: IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [k, v] of Object.entries(raw)) {
    if (Array.isArray(v)) v.forEach((x) => out.append(k, x));
    else if (v !== undefined) out.set(k, v);
  }
  return out;
}

/** Hands Node's socket the already-verified addresses instead of asking DNS again. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_host, options, callback) => {
    const fam = options.family === 4 || options.family === 6 ? options.family : 0;
    const list = fam ? addresses.filter((a) => a.family === fam) : addresses;
    if (list.length === 0) {
      callback(Object.assign(new Error("no verified address of the requested family"), { code: "ENOTFOUND" }), "", 0);
    } else if (options.all) {
      callback(null, list.map((a) => ({ address: a.address, family: a.family })));
    } else {
      callback(null, list[0].address, list[0].family);
    }
  };
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function httpError(status: number, host: string, contentType?: string): FetchGuardError {
  let message: string;
  if (status === 401 || status === 403) message = `${host} refused access (HTTP ${status}): the file needs a login or is not public.`;
  else if (status === 404 || status === 410) message = `${host} has nothing at that link (HTTP ${status}).`;
  else if (status === 416) message = "The file at that link is shorter than expected (HTTP 416).";
  else if (status === 429) message = `${host} is limiting requests right now (HTTP 429); try again in a minute.`;
  else if (status >= 500) message = `${host} had a problem answering (HTTP ${status}); try again later.`;
  else message = `${host} answered HTTP ${status}${STATUS_CODES[status] ? ` (${STATUS_CODES[status]})` : ""}.`;
  return new FetchGuardError("http_error", message, { status, contentType });
}

function networkError(err: unknown, host: string): FetchGuardError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? "";
  let message = `Could not reach ${host}.`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "ENODATA") message = `Could not find the host ${host}.`;
  else if (code === "ECONNREFUSED") message = `${host} refused the connection.`;
  else if (code === "ECONNRESET" || code === "EPIPE") message = `The connection to ${host} was cut off.`;
  else if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) message = `${host} does not have a valid HTTPS certificate.`;
  return new FetchGuardError("network", message, { cause: err });
}

function tooLarge(maxBytes: number): FetchGuardError {
  const mb = maxBytes >= 1024 * 1024 ? `${(maxBytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(maxBytes / 1024)} KB`;
  return new FetchGuardError("too_large", `The answer is larger than the ${mb} Lorascope reads from a link.`);
}

async function readBody(res: IncomingMessage, limit: BodyLimit, signal: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const onAbort = () => res.destroy(new Error("aborted"));
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit.maxBytes) throw limit.error(); // leaving the loop destroys the stream
      chunks.push(chunk);
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
  return Buffer.concat(chunks, size);
}

function send(url: URL, addresses: ResolvedAddress[], method: string, headers: Record<string, string>, signal: AbortSignal) {
  return new Promise<IncomingMessage>((resolve, reject) => {
    const literal = ipLiteral(url.hostname);
    const secure = url.protocol === "https:";
    const req = (secure ? https : http).request({
      protocol: url.protocol,
      hostname: literal ?? url.hostname,
      port: url.port || undefined,
      path: url.pathname + url.search,
      method,
      headers,
      agent: false, // no pooled sockets: each hop connects to its own verified address
      lookup: pinnedLookup(addresses),
      signal,
      ...(secure && !literal ? { servername: url.hostname } : {}),
    });
    req.once("response", resolve);
    req.once("error", reject);
    req.end();
  });
}

export function createGuardedFetch(deps: GuardedFetchDeps = {}) {
  const resolve = deps.lookup ?? systemLookup;
  const trusted = new Set((deps.trustedAddresses ?? []).map((a) => ipLiteral(a) ?? a));

  /** Applies the policy to one hop and returns the addresses to connect to. */
  async function vet(url: URL, allowPrivate: boolean, signal: AbortSignal): Promise<ResolvedAddress[]> {
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new FetchGuardError("blocked_scheme", `Lorascope only fetches https links, not ${url.protocol.replace(/:$/, "")}: links.`);
    }
    if (url.username || url.password) {
      throw new FetchGuardError("invalid_url", "Links with a user name or password in them are not fetched; remove the part before the @.");
    }
    const literal = ipLiteral(url.hostname);
    const addresses = literal ? [{ address: literal, family: isIP(literal) }] : await untilAborted(resolve(url.hostname), signal);
    if (addresses.length === 0) throw networkError(Object.assign(new Error("no addresses"), { code: "ENOTFOUND" }), url.hostname);
    if (allowPrivate) return addresses;

    if (addresses.some((a) => !isPublicAddress(a.address) && !trusted.has(a.address))) {
      throw new FetchGuardError("blocked_address", "That link points to a private network address; Lorascope only fetches public hosts.");
    }
    const testServer = addresses.every((a) => trusted.has(a.address));
    if (url.protocol === "http:" && !testServer) {
      throw new FetchGuardError("blocked_scheme", "Lorascope only fetches https links; use the https:// form of the link.");
    }
    if (url.port !== "" && !testServer) {
      throw new FetchGuardError("blocked_address", `That link uses port ${url.port}; Lorascope only fetches https links on the standard port.`);
    }
    return addresses;
  }

  async function fetchWithPolicy(input: string | URL, options: GuardedFetchOptions, limitFor?: LimitFor): Promise<GuardedResponse> {
    const method = options.method ?? "GET";
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    const accept = options.acceptStatus ?? ((s: number) => s >= 200 && s < 300);
    const allowPrivate = options.allowPrivate ?? env().allowPrivateFetch;
    const external = options.signal;
    if (external?.aborted) throw external.reason;

    const ctl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctl.abort(new Error("timeout"));
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const onExternal = () => ctl.abort(external?.reason);
    external?.addEventListener("abort", onExternal, { once: true });

    let url = parseUrl(input);
    try {
      let headers: Record<string, string> = { ...BASE_HEADERS, ...lowerKeys(options.headers) };
      const redirects: string[] = [];
      for (;;) {
        const addresses = await vet(url, allowPrivate, ctl.signal);
        const res = await send(url, addresses, method, headers, ctl.signal);
        const status = res.statusCode ?? 0;
        const location = res.headers.location;

        if (REDIRECTS.has(status) && location) {
          res.destroy();
          if (redirects.length >= maxRedirects) {
            throw new FetchGuardError("too_many_redirects", `The link redirected more than ${maxRedirects} times; Lorascope stopped following it.`);
          }
          const next = parseUrl(location, url);
          if (next.origin !== url.origin) {
            headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !CREDENTIAL_HEADERS.includes(k)));
          }
          redirects.push(next.href);
          url = next;
          continue;
        }

        const contentType = res.headers["content-type"];
        if (!accept(status)) {
          res.destroy();
          throw httpError(status, url.hostname, contentType);
        }
        const limit = limitFor?.(status, res.headers) ?? { maxBytes, error: () => tooLarge(maxBytes) };
        const declared = Number(res.headers["content-length"]);
        let body: Buffer = Buffer.alloc(0);
        if (method === "HEAD") {
          res.destroy();
        } else {
          if (Number.isFinite(declared) && declared > limit.maxBytes) {
            res.destroy();
            throw limit.error(); // refuse early; the streaming cap below still guards lying servers
          }
          body = await readBody(res, limit, ctl.signal);
        }
        return { status, headers: toHeaders(res.headers), body, url: url.href, redirects };
      }
    } catch (err) {
      if (timedOut) {
        throw new FetchGuardError("timeout", `${url.hostname} took too long to answer; Lorascope gave up after ${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s.`, { cause: err });
      }
      if (external?.aborted) throw external.reason;
      if (err instanceof FetchGuardError) throw err;
      throw networkError(err, url.hostname);
    } finally {
      clearTimeout(timer);
      external?.removeEventListener("abort", onExternal);
    }
  }

  function guardedFetch(url: string | URL, options: GuardedFetchOptions = {}): Promise<GuardedResponse> {
    return fetchWithPolicy(url, options);
  }

  async function guardedFetchJson<T = unknown>(
    url: string | URL,
    options: GuardedFetchOptions & { schema?: ZodType<T> } = {},
  ): Promise<GuardedJsonResponse<T>> {
    const { schema, ...rest } = options;
    const { body, ...meta } = await fetchWithPolicy(url, { ...rest, headers: { accept: "application/json", ...lowerKeys(rest.headers) } });
    let data: unknown;
    try {
      data = JSON.parse(body.toString("utf8"));
    } catch (cause) {
      throw new FetchGuardError("invalid_response", `${new URL(meta.url).hostname} did not answer with JSON.`, { cause });
    }
    if (schema) {
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        throw new FetchGuardError("invalid_response", `${new URL(meta.url).hostname} answered with data in an unexpected shape.`, { cause: parsed.error });
      }
      data = parsed.data;
    }
    return { ...meta, data: data as T };
  }

  /** Bytes `start..endInclusive` of a file, via `Range`; a whole body is only taken when small. */
  async function rangeFetch(url: string | URL, start: number, endInclusive: number, options: RangeFetchOptions = {}): Promise<RangeResponse> {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(endInclusive) || start < 0 || endInclusive < start) {
      throw new RangeError(`invalid byte range ${start}-${endInclusive}`);
    }
    const wanted = endInclusive - start + 1;
    const maxWhole = options.maxWholeBytes ?? DEFAULT_MAX_WHOLE_BYTES;
    const res = await fetchWithPolicy(
      url,
      { ...options, method: "GET", headers: { ...lowerKeys(options.headers), range: `bytes=${start}-${endInclusive}` }, acceptStatus: (s) => s === 206 || s === 200 },
      (status, headers) =>
        status === 206
          ? { maxBytes: wanted, error: () => new FetchGuardError("invalid_response", "The server sent more than the requested part of the file.") }
          : {
              maxBytes: maxWhole,
              error: () =>
                new FetchGuardError(
                  "range_unsupported",
                  "The server does not support partial downloads, and Lorascope does not download whole files just to check them.",
                  { status, contentType: headers["content-type"] },
                ),
            },
    );
    if (res.status === 206) {
      const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(res.headers.get("content-range") ?? "");
      if (!m || Number(m[1]) !== start || Number(m[2]) - Number(m[1]) + 1 !== res.body.length) {
        throw new FetchGuardError("invalid_response", "The server answered a different part of the file than requested.");
      }
      return { ...res, totalSize: m[3] === "*" ? undefined : Number(m[3]), partial: true };
    }
    return { ...res, body: res.body.subarray(start, endInclusive + 1), totalSize: res.body.length, partial: false };
  }

  return { guardedFetch, guardedFetchJson, rangeFetch };
}

export type GuardedFetcher = ReturnType<typeof createGuardedFetch>;

const defaultFetcher = createGuardedFetch();
export const guardedFetch = defaultFetcher.guardedFetch;
export const guardedFetchJson = defaultFetcher.guardedFetchJson;
export const rangeFetch = defaultFetcher.rangeFetch;
