import { describe, expect, it } from "vitest";
import {
  dayRange,
  EMPTY_GALLERY_PARAMS,
  formatDay,
  galleryHref,
  galleryParamsToSearch,
  hasActiveFilters,
  MAX_QUERY_CHARS,
  parseDay,
  parseGalleryParams,
  searchWords,
  toGalleryQuery,
  utcDayStart,
  utcMonthStart,
} from "@/lib/gallery/filters";

const parse = (query: string) => parseGalleryParams(new URLSearchParams(query));
const TAROT = "https://huggingface.co/multimodalart/flux-tarot-v1";

describe("gallery params from the URL", () => {
  it("reads every filter", () => {
    const params = parse(`q=${encodeURIComponent("  Lighthouse   dusk ")}&lora=${encodeURIComponent(TAROT)}&model=black-forest-labs/FLUX.2-dev&from=2026-11-01&to=2026-11-25&provider=together&sort=cost`);
    expect(params).toEqual({
      q: "Lighthouse dusk",
      lora: TAROT,
      model: "black-forest-labs/FLUX.2-dev",
      from: "2026-11-01",
      to: "2026-11-25",
      provider: "together",
      sort: "cost",
    });
    expect(hasActiveFilters(params)).toBe(true);
  });

  it("an empty query is the default gallery", () => {
    expect(parse("")).toEqual(EMPTY_GALLERY_PARAMS);
    expect(hasActiveFilters(parse("sort=oldest"))).toBe(false);
  });

  it("bad values fall back one by one, keeping the good ones", () => {
    expect(parse("sort=price&provider=openai&from=2026-02-30&to=yesterday&q=cat")).toEqual({ ...EMPTY_GALLERY_PARAMS, q: "cat" });
    expect(parse("from=2026-13-01&to=26-11-01&model=m")).toEqual({ ...EMPTY_GALLERY_PARAMS, model: "m" });
    expect(parse(`lora=${"x".repeat(3000)}&provider=simulator`)).toEqual({ ...EMPTY_GALLERY_PARAMS, provider: "simulator" });
    expect(parse("provider=Together&sort=NEWEST&unknown=1")).toEqual(EMPTY_GALLERY_PARAMS);
  });

  it("cuts an over-long search instead of dropping it", () => {
    expect(parse(`q=${"a".repeat(500)}`).q).toHaveLength(MAX_QUERY_CHARS);
  });

  it("uses the first of repeated keys", () => {
    expect(parse("q=one&q=two").q).toBe("one");
  });

  it("writes a canonical query: fixed order, defaults and blanks left out", () => {
    const params = { ...EMPTY_GALLERY_PARAMS, sort: "cost" as const, q: "a b", lora: TAROT, provider: "simulator" as const };
    expect(galleryParamsToSearch(params).toString()).toBe(`q=a+b&lora=${encodeURIComponent(TAROT)}&provider=simulator&sort=cost`);
    expect(galleryHref(EMPTY_GALLERY_PARAMS)).toBe("/gallery");
    expect(galleryHref({ ...EMPTY_GALLERY_PARAMS, sort: "newest", q: "x" })).toBe("/gallery?q=x");
    // Round trip.
    expect(parseGalleryParams(galleryParamsToSearch(params))).toEqual(params);
  });

  it("turns params into listGallery's filters", () => {
    expect(toGalleryQuery(EMPTY_GALLERY_PARAMS)).toEqual({ sort: "newest", filters: {} });
    expect(toGalleryQuery(parse("q=cat&from=2026-11-01&to=2026-11-25&provider=simulator&sort=oldest"))).toEqual({
      sort: "oldest",
      filters: { q: "cat", provider: "simulator", from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-11-26T00:00:00Z") },
    });
  });
});

describe("days and ranges (UTC)", () => {
  it("parses only real calendar days", () => {
    expect(parseDay("2026-11-25")).toEqual(new Date("2026-11-25T00:00:00Z"));
    expect(parseDay("2028-02-29")).toEqual(new Date("2028-02-29T00:00:00Z"));
    for (const bad of ["2026-02-29", "2026-02-30", "2026-00-10", "2026-04-31", "2026-1-1", "20261125", "2026-11-25T00:00", "1969-12-31", " 2026-11-25", ""]) {
      expect(parseDay(bad), bad).toBeNull();
    }
    expect(formatDay(new Date("2026-11-25T23:59:59Z"))).toBe("2026-11-25");
  });

  it("from is inclusive at midnight, to includes its whole day", () => {
    expect(dayRange("2026-11-01", "2026-11-25")).toEqual({ from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-11-26T00:00:00Z") });
    expect(dayRange("2026-11-25", "2026-11-25")).toEqual({ from: new Date("2026-11-25T00:00:00Z"), to: new Date("2026-11-26T00:00:00Z") });
    expect(dayRange("", "2026-12-31")).toEqual({ to: new Date("2027-01-01T00:00:00Z") });
    expect(dayRange("2026-11-01", "")).toEqual({ from: new Date("2026-11-01T00:00:00Z") });
    expect(dayRange("", "")).toEqual({});
  });

  it("swaps days given the wrong way round, and ignores bad ones", () => {
    expect(dayRange("2026-11-25", "2026-11-01")).toEqual({ from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-11-26T00:00:00Z") });
    expect(dayRange("nonsense", "2026-11-01")).toEqual({ to: new Date("2026-11-02T00:00:00Z") });
  });

  it("today and this month start at UTC midnight whatever the hour", () => {
    const now = new Date("2026-11-25T23:30:00Z");
    expect(utcDayStart(now)).toEqual(new Date("2026-11-25T00:00:00Z"));
    expect(utcMonthStart(now)).toEqual(new Date("2026-11-01T00:00:00Z"));
    expect(utcMonthStart(new Date("2027-01-01T00:00:00Z"))).toEqual(new Date("2027-01-01T00:00:00Z"));
  });
});

describe("search words", () => {
  it("splits on whitespace, lower-cases, drops repeats and caps the count", () => {
    expect(searchWords("  Lighthouse   DUSK lighthouse ")).toEqual(["lighthouse", "dusk"]);
    expect(searchWords("")).toEqual([]);
    expect(searchWords(undefined)).toEqual([]);
    expect(searchWords("a b c d e f g h i j")).toHaveLength(8);
  });
});
