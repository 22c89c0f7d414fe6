/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry (the one
 * the proxy in front appended or set; `next start` fills it from the socket when no proxy
 * did), else X-Real-IP. Earlier entries are the client's own claims and are ignored. IPv6
 * addresses are cut to their /64, which is usually one household or one machine.
 */
export function clientAddressFrom(h: Pick<Headers, "get">): string | null {
  const forwarded = h.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  const raw = (last ?? h.get("x-real-ip")?.trim() ?? "").replace(/^\[|\](:\d+)?$/g, "").replace(/%.*$/, "").toLowerCase();
  if (!raw) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(raw);
  if (mapped) return mapped[1];
  if (!raw.includes(":")) return raw;
  return `${ipv6Prefix64(raw)}::/64`;
}

function ipv6Prefix64(address: string): string {
  const [head, tail] = address.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t] : h;
  return groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(":");
}
