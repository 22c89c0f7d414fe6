import { describe, expect, it } from "vitest";
import { ipLiteral, isPublicAddress } from "@/lib/net/ip-policy";

const notPublic = [
  // IPv4 special-purpose ranges, edges included
  "0.0.0.0", "0.255.255.255", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.254",
  "127.0.0.1", "127.255.255.254", "169.254.0.1", "169.254.169.254", "172.16.0.1", "172.31.255.255",
  "192.0.0.8", "192.0.2.1", "192.88.99.1", "192.168.0.1", "192.168.255.255", "198.18.0.1", "198.19.255.255",
  "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
  // IPv6 specials
  "::", "::1", "[::1]", "fc00::1", "fd12:3456:789a::1", "fe80::1", "fe80::1%eth0", "febf::1", "ff02::1", "ff0e::1",
  "2001:db8::1", "2001:db8:ffff::1", "100::1", "2001::1", "3fff::1",
  // IPv4 embedded in IPv6
  "::ffff:127.0.0.1", "::ffff:7f00:1", "::FFFF:7F00:0001", "::ffff:10.0.0.1", "::ffff:a9fe:a9fe", "::127.0.0.1",
  "::10.1.2.3", "64:ff9b::127.0.0.1", "64:ff9b::a00:1", "64:ff9b::192.168.1.1", "64:ff9b:1::8.8.8.8",
  "2002:7f00:1::", "2002:a00:1::1", "2002:c0a8:101::1", "2002:a9fe:a9fe::",
  // Not literals at all: numeric tricks must be normalised by the URL parser first
  "2130706433", "0x7f.0.0.1", "0177.0.0.1", "127.1", "127.0.0.01", "localhost", "example.com", "", "1.2.3.4.5", "::g",
];

const isPublic = [
  "8.8.8.8", "1.1.1.1", "93.184.216.34", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0",
  "126.255.255.255", "128.0.0.0", "169.253.255.255", "172.15.255.255", "172.32.0.0", "192.0.1.1", "192.167.255.255",
  "192.169.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255",
  "2606:4700:4700::1111", "2a00:1450:4001:80e::200e", "2001:4860:4860::8888", "[2606:4700::6810:84e5]",
  "::ffff:8.8.8.8", "::ffff:808:808", "64:ff9b::8.8.8.8", "64:ff9b::5db8:d822", "2002:808:808::1",
];

describe("isPublicAddress", () => {
  it.each(notPublic)("refuses %s", (ip) => expect(isPublicAddress(ip)).toBe(false));
  it.each(isPublic)("accepts %s", (ip) => expect(isPublicAddress(ip)).toBe(true));

  it("agrees with the WHATWG URL parser on numeric host tricks", () => {
    for (const raw of ["http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://127.1/", "http://0x7f.1/"]) {
      const host = new URL(raw).hostname;
      expect(host).toBe("127.0.0.1");
      expect(isPublicAddress(host)).toBe(false);
    }
    const mapped = new URL("http://[::ffff:127.0.0.1]/").hostname;
    expect(mapped).toBe("[::ffff:7f00:1]");
    expect(isPublicAddress(mapped)).toBe(false);
  });
});

describe("ipLiteral", () => {
  it("returns the bare address of IP hosts and null for names", () => {
    expect(ipLiteral("[::1]")).toBe("::1");
    expect(ipLiteral("127.0.0.1")).toBe("127.0.0.1");
    expect(ipLiteral("example.com")).toBeNull();
  });
});
