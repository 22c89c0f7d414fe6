import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "@/lib/http/address";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("clientAddressFrom", () => {
  it("takes the entry the nearest proxy added, not what the client claimed before it", () => {
    expect(clientAddressFrom(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddressFrom(h({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
  });
  it("falls back to X-Real-IP, and knows nothing without either", () => {
    expect(clientAddressFrom(h({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientAddressFrom(h({}))).toBeNull();
  });
  it("unmaps IPv4 in IPv6 and counts an IPv6 /64 as one address", () => {
    expect(clientAddressFrom(h({ "x-forwarded-for": "::ffff:192.0.2.1" }))).toBe("192.0.2.1");
    expect(clientAddressFrom(h({ "x-forwarded-for": "2001:db8:1:2::1" }))).toBe("2001:db8:1:2::/64");
    expect(clientAddressFrom(h({ "x-forwarded-for": "2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd" }))).toBe("2001:db8:1:2::/64");
    expect(clientAddressFrom(h({ "x-forwarded-for": "[2001:db8::5]:443" }))).toBe("2001:db8:0:0::/64");
  });
});
