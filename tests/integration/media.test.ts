/**
 * Uploaded pictures through the data layer, on a real database of each engine, with the real
 * sharp pipeline and a temporary MEDIA_DIR: what is stored (files and row), what is refused
 * (and that a refusal stores nothing), and the /media route that serves the files. The server
 * action is a thin wrapper (session + schema) over saveUploadedImage; it needs a request
 * context, so it is not called here.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MediaImageView, SaveImageResult } from "@/lib/data/media";
import type { Database } from "@/lib/db/client";
import type { DatabaseEngine } from "@/lib/db/engine";
import { MEDIA_MAX_BYTES } from "@/lib/media/media-rules";
import { MEDIA_MESSAGES } from "@/lib/validations/media";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/throwaway-database";

let throwaway: ThrowawayDatabase;
let db: Database;
let media: typeof import("@/lib/data/media");
let route: typeof import("@/app/media/[...path]/route");
let mediaDir = "";
let reporterId = 0;
let otherReporterId = 0;
let editorId = 0;

/** Every file under MEDIA_DIR, relative, sorted (temporary files included: there must be none left). */
function storedFiles(): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(folder, entry.name)) : [path.relative(mediaDir, path.join(folder, entry.name))],
    );
  return walk(mediaDir).sort();
}

const upload = (data: Uint8Array, name: string, type = "image/jpeg", alt = "", uploaderId = reporterId) =>
  media.saveUploadedImage({ file: new File([new Uint8Array(data)], name, { type }), alt, uploaderId });

function stored(result: SaveImageResult): MediaImageView {
  if (!result.ok) throw new Error(`expected a stored picture, got ${result.code}: ${result.message}`);
  return result.image;
}

const fileOf = (image: MediaImageView, width: number) => path.join(mediaDir, ...`${image.key}-${width}.webp`.split("/"));

/** A picture with something in it (two colour blocks), so encoders have work to do. */
function picture(width: number, height: number) {
  const block = { create: { width: Math.max(1, Math.floor(width / 2)), height, channels: 3 as const, background: "#d03030" } };
  return sharp({ create: { width, height, channels: 3, background: "#3060d0" } }).composite([{ input: block, left: 0, top: 0 }]);
}

async function newUser(loginId: string, role: "reporter" | "editor" = "reporter") {
  return (await db.user.create({ data: { loginId, displayName: loginId, role, passwordHash: "!" }, select: { id: true } })).id;
}

/** Asserts a refusal stored nothing: no new row, no file (not even a temporary one). */
async function expectNothingStored(before: { rows: number; files: string[] }) {
  expect(await db.mediaImage.count()).toBe(before.rows);
  expect(storedFiles()).toEqual(before.files);
}
const snapshot = async () => ({ rows: await db.mediaImage.count(), files: storedFiles() });

beforeAll(async () => {
  mediaDir = mkdtempSync(path.join(os.tmpdir(), "newsroom-media-"));
  process.env.MEDIA_DIR = mediaDir;
  throwaway = await createThrowawayDatabase(process.env.TEST_ENGINE as DatabaseEngine, { label: "media" });
  process.env.DATABASE_URL = throwaway.url;
  ({ db } = await import("@/lib/db"));
  media = await import("@/lib/data/media");
  route = await import("@/app/media/[...path]/route");
  reporterId = await newUser("media-reporter");
  otherReporterId = await newUser("media-other");
  editorId = await newUser("media-editor", "editor");
});

afterAll(async () => {
  await db?.$disconnect();
  await throwaway?.drop();
  rmSync(mediaDir, { recursive: true, force: true });
});

describe("storing an upload", () => {
  it("a 3000×2000 JPEG becomes WebP files 480, 960 and 1600 wide, and a row that matches", async () => {
    const jpeg = await picture(3000, 2000).jpeg({ quality: 90 }).withExif({ IFD0: { Make: "TestCam", Copyright: "비밀" } }).toBuffer();
    const image = stored(await upload(jpeg, "바다.jpg", "image/jpeg", "  인천항의 아침 "));

    expect(image.key).toMatch(/^\d{4}\/\d{2}\/[a-z2-7]{24}$/);
    expect(image).toMatchObject({ width: 1600, height: 1067, widths: [480, 960, 1600], alt: "인천항의 아침" });
    const row = await db.mediaImage.findUniqueOrThrow({ where: { id: image.id } });
    expect(row).toMatchObject({ key: image.key, width: 1600, height: 1067, widths: "480,960,1600", bytes: jpeg.byteLength, alt: "인천항의 아침", uploaderId: reporterId });

    for (const [width, height] of [[480, 320], [960, 640], [1600, 1067]]) {
      const metadata = await sharp(readFileSync(fileOf(image, width))).metadata();
      expect(metadata).toMatchObject({ format: "webp", width, height });
      // Re-encoded: the camera's EXIF is gone.
      expect(metadata.exif).toBeUndefined();
    }
    expect(storedFiles().filter((file) => file.startsWith(image.key))).toEqual(
      [480, 960, 1600].map((width) => path.join(...`${image.key}-${width}.webp`.split("/"))).sort(),
    );

    // What the action answers: the file up to 960 wide, with its own size.
    expect(media.toUploadedImage(image)).toEqual({ id: image.id, src: `/media/${image.key}-960.webp`, width: 960, height: 640, alt: "인천항의 아침" });
    expect(media.toUploadedImage(row)).toEqual(media.toUploadedImage(image));
  });

  it("a 300×200 PNG is stored once, 300 wide: never enlarged", async () => {
    const png = await picture(300, 200).png().toBuffer();
    const image = stored(await upload(png, "작은.png", "image/png"));
    expect(image).toMatchObject({ width: 300, height: 200, widths: [300] });
    expect(await sharp(readFileSync(fileOf(image, 300))).metadata()).toMatchObject({ format: "webp", width: 300, height: 200 });
    expect(storedFiles().filter((file) => file.startsWith(path.join(...image.key.split("/"))))).toHaveLength(1);
    expect(media.toUploadedImage(image)).toMatchObject({ src: `/media/${image.key}-300.webp`, width: 300, height: 200 });
  });

  it("a 600-px picture gets 480 and 600", async () => {
    const image = stored(await upload(await picture(600, 400).webp().toBuffer(), "a.webp", "image/webp"));
    expect(image).toMatchObject({ width: 600, height: 400, widths: [480, 600] });
    expect(await sharp(readFileSync(fileOf(image, 480))).metadata()).toMatchObject({ width: 480, height: 320 });
  });

  it("a PNG named .jpg and declared image/jpeg is taken, as the PNG it is", async () => {
    const png = await picture(500, 250).png().toBuffer();
    const image = stored(await upload(png, "photo.jpg", "image/jpeg"));
    expect(image).toMatchObject({ width: 500, height: 250, widths: [480, 500] });
  });

  it("GIF and AVIF are taken too (a GIF keeps its first frame)", async () => {
    expect(stored(await upload(await picture(200, 100).gif().toBuffer(), "a.gif", "image/gif"))).toMatchObject({ widths: [200], height: 100 });
    const frame = (background: string) => sharp({ create: { width: 100, height: 60, channels: 3, background } }).png().toBuffer();
    const animated = await sharp([await frame("#ff0000"), await frame("#0000ff")], { join: { animated: true } }).gif().toBuffer();
    const still = stored(await upload(animated, "움짤.gif", "image/gif"));
    expect(still).toMatchObject({ width: 100, height: 60, widths: [100] });
    const { data } = await sharp(readFileSync(fileOf(still, 100))).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(200); // red: the first frame
    expect(data[2]).toBeLessThan(50);
    expect(stored(await upload(await picture(640, 480).avif().toBuffer(), "a.avif", "image/avif"))).toMatchObject({ widths: [480, 640], height: 480 });
  });

  it("a photo with EXIF orientation 6 comes out upright, without the tag", async () => {
    // Stored sideways, 400×200: red on the left, blue on the right. Orientation 6 says "turn
    // 90° clockwise to view", so upright it is 200×400 with red on top.
    const sideways = await picture(400, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const image = stored(await upload(sideways, "세로.jpg"));
    expect(image).toMatchObject({ width: 200, height: 400, widths: [200] });

    const file = sharp(readFileSync(fileOf(image, 200)));
    expect((await file.metadata()).orientation).toBeUndefined();
    const { data, info } = await file.raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
    const [topRed, , topBlue] = pixel(100, 50);
    const [bottomRed, , bottomBlue] = pixel(100, 350);
    expect(topRed).toBeGreaterThan(150);
    expect(topBlue).toBeLessThan(100);
    expect(bottomBlue).toBeGreaterThan(150);
    expect(bottomRed).toBeLessThan(100);
  });
});

describe("refusing an upload, and storing nothing", () => {
  it("a truncated JPEG: the Korean 'broken' message", async () => {
    const jpeg = await picture(1200, 800).jpeg().toBuffer();
    const before = await snapshot();
    const result = await upload(jpeg.subarray(0, Math.floor(jpeg.byteLength / 2)), "잘림.jpg");
    expect(result).toEqual({ ok: false, code: "broken", message: MEDIA_MESSAGES.broken });
    expect(result.ok || result.message).toBe("사진 파일이 손상되어 읽을 수 없습니다. 다른 파일을 골라 주세요.");
    await expectNothingStored(before);
  });

  it("JPEG magic bytes followed by garbage: 'broken'", async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    garbage.set([0xff, 0xd8, 0xff, 0xe0]);
    const before = await snapshot();
    expect(await upload(garbage, "가짜.jpg")).toMatchObject({ ok: false, code: "broken", message: MEDIA_MESSAGES.broken });
    await expectNothingStored(before);
  });

  it("an HTML page or an SVG named .png: not a picture", async () => {
    const before = await snapshot();
    const html = new TextEncoder().encode("<!doctype html><script>alert(document.cookie)</script>");
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script></svg>');
    expect(await upload(html, "photo.png", "image/png")).toEqual({ ok: false, code: "not-image", message: MEDIA_MESSAGES.notImage });
    expect(await upload(svg, "photo.png", "image/png")).toEqual({ ok: false, code: "not-image", message: MEDIA_MESSAGES.notImage });
    expect(await upload(svg, "photo.svg", "image/svg+xml")).toMatchObject({ ok: false, code: "not-image" });
    await expectNothingStored(before);
  });

  it("an empty file: asks for a picture", async () => {
    expect(await upload(new Uint8Array(0), "empty.jpg")).toEqual({ ok: false, code: "no-file", message: MEDIA_MESSAGES.noFile });
  });

  it("over 10 MB: refused on its size, before it is read or decoded", async () => {
    class UnreadableBlob extends Blob {
      override arrayBuffer(): Promise<ArrayBuffer> {
        throw new Error("an oversized upload was read");
      }
    }
    const before = await snapshot();
    const huge = new UnreadableBlob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), new Uint8Array(MEDIA_MAX_BYTES - 3)]);
    expect(huge.size).toBe(MEDIA_MAX_BYTES + 1);
    expect(await media.saveUploadedImage({ file: huge, alt: "", uploaderId: reporterId })).toEqual({
      ok: false,
      code: "too-large",
      message: "사진 파일은 10MB까지 올릴 수 있습니다.",
    });
    await expectNothingStored(before);
  });

  it("a decompression bomb (48 megapixels in a few kilobytes): refused before it is decoded", async () => {
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#ffffff" } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.byteLength).toBeLessThan(MEDIA_MAX_BYTES);
    const before = await snapshot();
    expect(await upload(bomb, "bomb.png", "image/png")).toEqual({ ok: false, code: "too-many-pixels", message: MEDIA_MESSAGES.tooManyPixels });
    await expectNothingStored(before);
  });

  it("a row that cannot be written takes its files with it", async () => {
    const before = await snapshot();
    await expect(upload(await picture(500, 300).png().toBuffer(), "a.png", "image/png", "", 99_999_999)).rejects.toThrow();
    await expectNothingStored(before);
  });
});

describe("reading stored pictures", () => {
  it("by id and by ids, in the order asked, without missing ones", async () => {
    const first = stored(await upload(await picture(700, 350).jpeg().toBuffer(), "1.jpg"));
    const second = stored(await upload(await picture(200, 200).png().toBuffer(), "2.png", "image/png"));
    expect(await media.getMediaImage(first.id)).toEqual(first);
    expect(await media.getMediaImage(99_999_999)).toBeNull();
    expect(await media.getMediaImages([second.id, 99_999_999, first.id])).toEqual([second, first]);
    expect(await media.getMediaImages([])).toEqual([]);
  });

  it("alt text: its uploader and editors may change it, another reporter may not", async () => {
    const image = stored(await upload(await picture(100, 100).png().toBuffer(), "a.png", "image/png", "처음"));
    expect(await media.updateMediaImageAlt(image.id, "고친 설명", { id: otherReporterId, role: "reporter" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await media.updateMediaImageAlt(image.id, "고친 설명", { id: reporterId, role: "reporter" })).toMatchObject({ ok: true, image: { alt: "고친 설명" } });
    expect(await media.updateMediaImageAlt(image.id, "편집자 설명", { id: editorId, role: "editor" })).toMatchObject({ ok: true, image: { alt: "편집자 설명" } });
    expect(await media.updateMediaImageAlt(99_999_999, "x", { id: editorId, role: "editor" })).toMatchObject({ ok: false, code: "not-found" });
  });
});

describe("the /media route", () => {
  const get = (segments: string[], headers: Record<string, string> = {}, method: "GET" | "HEAD" = "GET") =>
    route[method](new Request(`http://localhost/media/${segments.join("/")}`, { method, headers }), { params: Promise.resolve({ path: segments }) });
  const segmentsOf = (image: MediaImageView, width: number) => `${image.key}-${width}.webp`.split("/");

  it("serves a stored file as immutable WebP, with an ETag that answers 304", async () => {
    const image = stored(await upload(await picture(1000, 500).jpeg().toBuffer(), "a.jpg"));
    const response = await get(segmentsOf(image, 960));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(readFileSync(fileOf(image, 960)))).toBe(true);
    expect(response.headers.get("content-length")).toBe(String(statSync(fileOf(image, 960)).size));

    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);
    const again = await get(segmentsOf(image, 960), { "If-None-Match": `W/${etag}` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await get(segmentsOf(image, 960), { "If-None-Match": '"other"' })).status).toBe(200);

    const head = await get(segmentsOf(image, 480), {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(statSync(fileOf(image, 480)).size));
    expect(await head.text()).toBe("");
  });

  it("answers 404 for anything but a stored key and width", async () => {
    const image = stored(await upload(await picture(500, 500).png().toBuffer(), "a.png", "image/png"));
    const [year, month, name] = segmentsOf(image, 500);
    const missing = [
      segmentsOf(image, 960), // a width that was not stored
      [year, month, name.replace(/^[a-z2-7]/, (c) => (c === "a" ? "b" : "a"))], // another key
      [year, month, "..", month, name],
      ["..", "..", "etc", "passwd"],
      [year, month, `${name}.tmp`],
      [year, month, name.replace(".webp", ".png")],
      [year, `${month}/${name}`], // a slash inside a segment
      [`${year}/${month}/${name}`],
      [year, month, name, ""],
      ["%2e%2e", year, month, name],
    ];
    for (const segments of missing) {
      const response = await get(segments);
      expect(response.status, segments.join("/")).toBe(404);
    }
    expect((await get(segmentsOf(image, 500))).status).toBe(200);
  });
});
