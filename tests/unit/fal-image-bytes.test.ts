import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { decodeDataUri, imageMimeType } from "@/lib/fal/image-bytes";

const pixel = sharp({ create: { width: 2, height: 2, channels: 3, background: "#f00" } });

describe("imageMimeType", () => {
  it("reads the type from the bytes", async () => {
    expect(imageMimeType(await pixel.clone().jpeg().toBuffer())).toBe("image/jpeg");
    expect(imageMimeType(await pixel.clone().png().toBuffer())).toBe("image/png");
    expect(imageMimeType(await pixel.clone().webp().toBuffer())).toBe("image/webp");
  });

  it("refuses what is not an image, whatever it claims", () => {
    expect(imageMimeType(Buffer.from("<!doctype html><title>x</title>"))).toBeNull();
    expect(imageMimeType(Buffer.from('{"detail":"Not Found"}'))).toBeNull();
    expect(imageMimeType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(imageMimeType(Buffer.alloc(0))).toBeNull();
  });
});

describe("decodeDataUri", () => {
  it("decodes base64 and plain data URIs", async () => {
    const png = await pixel.clone().png().toBuffer();
    expect(decodeDataUri(`data:image/png;base64,${png.toString("base64")}`)?.equals(png)).toBe(true);
    expect(decodeDataUri("data:text/plain,hello%20there")?.toString()).toBe("hello there");
  });

  it("refuses what is not a data URI or not base64", () => {
    expect(decodeDataUri("https://v3.fal.media/files/x.png")).toBeNull();
    expect(decodeDataUri("data:image/png;base64,@@@")).toBeNull();
  });
});
