import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { SNIFF_BYTES, sniffImageType, type ImageType } from "@/lib/media/sniff-image-type";

/**
 * Magic-byte sniffing: real files made by sharp for each accepted format, and the first bytes
 * of what must not pass (SVG, HTML, HEIC, PDF, BMP, TIFF, WAV, ...). The name and declared
 * type of a File play no part: only its bytes are read.
 */

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((value) => (typeof value === "string" ? [...value].map((char) => char.charCodeAt(0)) : [value])));

/** The first bytes of a file, as the upload path reads them. */
const head = async (blob: Blob) => new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());

const real: Partial<Record<ImageType, Buffer>> = {};

beforeAll(async () => {
  const picture = sharp({ create: { width: 8, height: 6, channels: 3, background: "#3366cc" } });
  real.jpeg = await picture.clone().jpeg().toBuffer();
  real.png = await picture.clone().png().toBuffer();
  real.webp = await picture.clone().webp().toBuffer();
  real.gif = await picture.clone().gif().toBuffer();
  real.avif = await picture.clone().avif().toBuffer();
});

describe("sniffImageType", () => {
  it.each(["jpeg", "png", "webp", "gif", "avif"] as const)("recognises a real %s file", (type) => {
    expect(sniffImageType(real[type]!)).toBe(type);
  });

  it("recognises the formats from their first bytes alone", () => {
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, "JFIF"))).toBe("jpeg");
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34, "Exif"))).toBe("jpeg");
    expect(sniffImageType(bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, "IHDR"))).toBe("png");
    expect(sniffImageType(bytes("GIF89a", 1, 0, 1, 0))).toBe("gif");
    expect(sniffImageType(bytes("GIF87a", 1, 0, 1, 0))).toBe("gif");
    expect(sniffImageType(bytes("RIFF", 0x24, 0, 0, 0, "WEBPVP8 "))).toBe("webp");
    expect(sniffImageType(bytes("RIFF", 0x24, 0, 0, 0, "WEBPVP8L"))).toBe("webp");
    expect(sniffImageType(bytes("RIFF", 0x24, 0, 0, 0, "WEBPVP8X"))).toBe("webp");
    // An AVIF whose major brand is something else but which lists avif among its compatible brands.
    expect(sniffImageType(bytes(0, 0, 0, 0x20, "ftypmif1", 0, 0, 0, 0, "mif1avifmiafMA1A"))).toBe("avif");
    expect(sniffImageType(bytes(0, 0, 0, 0x1c, "ftypavis", 0, 0, 0, 0, "avismsf1iso8"))).toBe("avif");
  });

  it("a PNG named photo.jpg and declared image/jpeg is a PNG", async () => {
    const renamed = new File([new Uint8Array(real.png!)], "photo.jpg", { type: "image/jpeg" });
    expect(sniffImageType(await head(renamed))).toBe("png");
  });

  it("an HTML page or an SVG named photo.png is not a picture", async () => {
    const html = new File(["<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"], "photo.png", { type: "image/png" });
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'], "photo.png", { type: "image/png" });
    const svgWithDeclaration = new File(['<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'], "photo.svg", { type: "image/svg+xml" });
    expect(sniffImageType(await head(html))).toBeNull();
    expect(sniffImageType(await head(svg))).toBeNull();
    expect(sniffImageType(await head(svgWithDeclaration))).toBeNull();
  });

  it("an empty file, or one cut off inside its signature, is not a picture", () => {
    expect(sniffImageType(new Uint8Array(0))).toBeNull();
    expect(sniffImageType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffImageType(bytes(0x89, "PNG", 0x0d, 0x0a))).toBeNull();
    expect(sniffImageType(bytes("GIF8"))).toBeNull();
    expect(sniffImageType(bytes("RIFF", 0x24, 0, 0, 0, "WEB"))).toBeNull();
    expect(sniffImageType(bytes(0, 0, 0, 0x20, "ftyp"))).toBeNull();
  });

  it("refuses other formats, even pictures the site does not take", () => {
    expect(sniffImageType(bytes(0, 0, 0, 0x18, "ftypheic", 0, 0, 0, 0, "mif1heic"))).toBeNull(); // HEIC
    expect(sniffImageType(bytes("%PDF-1.7\n"))).toBeNull();
    expect(sniffImageType(bytes("BM", 0x36, 0, 0, 0, 0, 0, 0, 0))).toBeNull(); // BMP
    expect(sniffImageType(bytes("II*", 0, 8, 0, 0, 0))).toBeNull(); // TIFF
    expect(sniffImageType(bytes("RIFF", 0x24, 0, 0, 0, "WAVEfmt "))).toBeNull(); // a RIFF that is not WebP
    expect(sniffImageType(bytes("PK", 3, 4, 20, 0))).toBeNull(); // ZIP
    expect(sniffImageType(bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, "IHDX"))).toBeNull(); // no IHDR chunk first
    expect(sniffImageType(new TextEncoder().encode("JFIF but only as text"))).toBeNull();
  });

  it("an ftyp box that claims an impossible size is not AVIF", () => {
    expect(sniffImageType(bytes(0, 0, 0, 8, "ftypavif"))).toBeNull();
    expect(sniffImageType(bytes(0, 0, 0, 0x11, "ftypavif", 0, 0, 0, 0, "avif"))).toBeNull();
  });
});
