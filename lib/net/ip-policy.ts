import ipaddr from "ipaddr.js";

/**
 * Which IP addresses a server-side fetch of a user-supplied URL may reach. Pure: callers
 * pass literal addresses (already normalised by the WHATWG URL parser or returned by DNS),
 * so tricks like `http://2130706433/` arrive here as `127.0.0.1`. Anything that is not a
 * plain IPv4/IPv6 literal is not public.
 */

type Cidr = readonly [base: number, bits: number];

/** IPv4 ranges that are not globally reachable (IANA special-purpose registry). */
const V4_BLOCKED: readonly Cidr[] = [
  [v4("0.0.0.0"), 8], // "this network"
  [v4("10.0.0.0"), 8],
  [v4("100.64.0.0"), 10], // carrier-grade NAT
  [v4("127.0.0.0"), 8],
  [v4("169.254.0.0"), 16], // link-local, incl. cloud metadata 169.254.169.254
  [v4("172.16.0.0"), 12],
  [v4("192.0.0.0"), 24], // IETF protocol assignments
  [v4("192.0.2.0"), 24], // TEST-NET-1
  [v4("192.88.99.0"), 24], // deprecated 6to4 relay anycast
  [v4("192.168.0.0"), 16],
  [v4("198.18.0.0"), 15], // benchmarking
  [v4("198.51.100.0"), 24], // TEST-NET-2
  [v4("203.0.113.0"), 24], // TEST-NET-3
  [v4("224.0.0.0"), 4], // multicast
  [v4("240.0.0.0"), 4], // reserved, incl. broadcast 255.255.255.255
];

function v4(dotted: string): number {
  const p = dotted.split(".").map(Number);
  return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
}

function inV4(addr: number, [base, bits]: Cidr): boolean {
  if (bits === 0) return true;
  const mask = (~0 << (32 - bits)) >>> 0;
  return (addr & mask) >>> 0 === (base & mask) >>> 0;
}

function isPublicV4(addr: number): boolean {
  return !V4_BLOCKED.some((c) => inV4(addr, c));
}

/**
 * 4 or 6 for a plain IPv4 dotted quad or an IPv6 literal, else 0 (like node:net's isIP, but
 * through ipaddr.js, which also runs in the browser: the link parser uses this module there).
 */
function family(s: string): 0 | 4 | 6 {
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) return 4;
  if (s.includes(":") && ipaddr.IPv6.isValid(s)) return 6;
  return 0;
}

/** 16 bytes of an IPv6 literal already validated by `family` (embedded dotted quads included). */
function v6Bytes(text: string): Uint8Array {
  return Uint8Array.from(ipaddr.IPv6.parse(text).toByteArray());
}

const v4At = (b: Uint8Array, i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const zero = (b: Uint8Array, from: number, to: number) => b.subarray(from, to).every((x) => x === 0);

function isPublicV6(b: Uint8Array): boolean {
  // Forms that carry an IPv4 address: judge the embedded address.
  if (zero(b, 0, 10) && b[10] === 0xff && b[11] === 0xff) return isPublicV4(v4At(b, 12)); // ::ffff:a.b.c.d
  if (zero(b, 0, 12)) return isPublicV4(v4At(b, 12)); // ::a.b.c.d, also :: and ::1 (0.0.0.x)
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b) {
    // 64:ff9b::/96 well-known NAT64; 64:ff9b:1::/48 is local-use NAT64 (RFC 8215).
    return zero(b, 4, 12) ? isPublicV4(v4At(b, 12)) : false;
  }
  if (b[0] === 0x20 && b[1] === 0x02) return isPublicV4(v4At(b, 2)); // 6to4 2002::/16
  // Only global unicast 2000::/3 is reachable; this excludes fc00::/7, fe80::/10, ff00::/8, 100::/64.
  if ((b[0] & 0xe0) !== 0x20) return false;
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return false; // 2001:db8::/32 documentation
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] < 0x02) return false; // 2001::/23 protocol assignments, incl. Teredo
  if (b[0] === 0x3f && b[1] === 0xff && b[2] < 0x10) return false; // 3fff::/20 documentation
  return true;
}

/** Strips URL brackets and an IPv6 zone (`fe80::1%eth0`). */
function bare(ip: string): string {
  const s = ip.startsWith("[") && ip.endsWith("]") ? ip.slice(1, -1) : ip;
  const zone = s.indexOf("%");
  return zone >= 0 ? s.slice(0, zone) : s;
}

/** True only for a literal IPv4/IPv6 address that is globally reachable. */
export function isPublicAddress(ip: string): boolean {
  const s = bare(ip.trim()).toLowerCase();
  const kind = family(s);
  if (kind === 4) return isPublicV4(v4(s));
  if (kind === 6) return isPublicV6(v6Bytes(s));
  return false;
}

/** The address part of a URL hostname if it is an IP literal (`[::1]` → `::1`), else null. */
export function ipLiteral(hostname: string): string | null {
  const s = bare(hostname).toLowerCase();
  return family(s) ? s : null;
}
