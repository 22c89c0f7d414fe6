import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "@/lib/storage/keys";
import { hashOfKey, makeThumbnail, THUMB_MAX_EDGE } from "@/lib/storage/thumbnails";

/** A photo-like JPEG (noise), optionally with an EXIF orientation. */
function jpeg(width: number, height: number, orientation?: number) {
  const image = sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } });
  return (orientation ? image.withMetadata({ orientation }) : image).jpeg({ quality: 85 }).toBuffer();
}

describe("thumbnails", () => {
  it("are WebP, at most 512 px on the long side, keeping the aspect ratio", async () => {
    const cases: [number, number, number, number][] = [
      [1024, 768, 512, 384],
      [768, 1344, 293, 512],
      [1440, 1440, 512, 512],
    ];
    for (const [w, h, tw, th] of cases) {
      const thumb = await makeThumbnail(await jpeg(w, h));
      expect([thumb.width, thumb.height], `${w}×${h}`).toEqual([tw, th]);
      const meta = await sharp(thumb.bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["webp", tw, th]);
      expect(thumb.mimeType).toBe("image/webp");
    }
    expect(THUMB_MAX_EDGE).toBe(512);
  });

  it("never enlarges a small image", async () => {
    const thumb = await makeThumbnail(await jpeg(300, 200));
    expect([thumb.width, thumb.height]).toEqual([300, 200]);
  });

  it("are much smaller than the image and carry no metadata", async () => {
    const source = await jpeg(1024, 1024);
    const thumb = await makeThumbnail(source);
    expect(thumb.bytes.length).toBeLessThan(source.length / 2);
    const meta = await sharp(thumb.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
  });

  it("are deterministic and content-addressed: same image, same bytes, same key", async () => {
    const source = await jpeg(800, 600);
    const [a, b] = await Promise.all([makeThumbnail(source), makeThumbnail(Buffer.from(source))]);
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(a.key).toBe(b.key);
    expect(a.contentHash).toBe(sha256Hex(a.bytes));
    expect(a.key).toBe(`images/${a.contentHash.slice(0, 2)}/${a.contentHash.slice(2, 4)}/${a.contentHash}.webp`);
    expect(hashOfKey(a.key)).toBe(a.contentHash);
    const other = await makeThumbnail(await jpeg(800, 600));
    expect(other.key).not.toBe(a.key);
  });

  it("follow EXIF orientation", async () => {
    // Orientation 6: stored landscape, shown portrait.
    const thumb = await makeThumbnail(await jpeg(1024, 768, 6));
    expect([thumb.width, thumb.height]).toEqual([384, 512]);
  });

  it("read hashes only from content-addressed keys", () => {
    expect(hashOfKey("images/ab/cd/not-a-hash.webp")).toBeNull();
    expect(hashOfKey(`images/ab/cd/${"a".repeat(64)}.webp`)).toBe("a".repeat(64));
  });

  it("refuse what is not an image", async () => {
    await expect(makeThumbnail(Buffer.from("not an image"))).rejects.toThrow();
  });
});
