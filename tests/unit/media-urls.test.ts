import { describe, expect, it } from "vitest";
import mediaImageLoader from "@/lib/media/image-loader";
import { bodyImageWidth, MEDIA_MAX_BYTES, MEDIA_WIDTHS, scaledHeight, storedWidthsFor } from "@/lib/media/media-rules";
import {
  bodyImageOf,
  closestStoredWidth,
  mediaImageSrc,
  mediaImageUrl,
  mediaLoaderUrl,
  nextImageSrc,
  parseMediaFilePath,
  parseStoredWidths,
} from "@/lib/media/media-url";
import nextConfig from "@/next.config";

const KEY = "2026/11/abcdefghijklmnopqrstuvwx";

describe("stored widths", () => {
  it("are the standard widths below the picture's own, and its own up to 1600; never wider than it", () => {
    expect(storedWidthsFor(3000)).toEqual([480, 960, 1600]);
    expect(storedWidthsFor(1600)).toEqual([480, 960, 1600]);
    expect(storedWidthsFor(1000)).toEqual([480, 960, 1000]);
    expect(storedWidthsFor(960)).toEqual([480, 960]);
    expect(storedWidthsFor(600)).toEqual([480, 600]);
    expect(storedWidthsFor(480)).toEqual([480]);
    expect(storedWidthsFor(300)).toEqual([300]);
    expect(storedWidthsFor(1)).toEqual([1]);
  });

  it("keep the aspect ratio, at least one pixel high", () => {
    expect(scaledHeight({ width: 1600, height: 1067 }, 480)).toBe(320);
    expect(scaledHeight({ width: 1600, height: 2 }, 480)).toBe(1);
  });

  it("an article body shows the largest up to 960", () => {
    expect(bodyImageWidth([480, 960, 1600])).toBe(960);
    expect(bodyImageWidth([480, 600])).toBe(600);
    expect(bodyImageWidth([300])).toBe(300);
  });

  it("the limits are the ones the issue asks for", () => {
    expect(MEDIA_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(MEDIA_WIDTHS).toEqual([480, 960, 1600]);
  });

  it("parse back from the database, ascending, ignoring junk", () => {
    expect(parseStoredWidths("480,960,1600")).toEqual([480, 960, 1600]);
    expect(parseStoredWidths("960,480,x,")).toEqual([480, 960]);
  });
});

describe("media addresses", () => {
  it("are /media/<key>-<width>.webp", () => {
    expect(mediaImageUrl(KEY, 960)).toBe(`/media/${KEY}-960.webp`);
    expect(mediaImageSrc(KEY, [480, 960, 1600])).toBe(`/media/${KEY}-1600.webp?w=480,960,1600`);
  });

  it("only an exact key and width below /media/ names a file", () => {
    expect(parseMediaFilePath(`${KEY}-960.webp`)).toEqual({ key: KEY, width: 960 });
    for (const bad of [
      `../${KEY}-960.webp`,
      `${KEY}/../../etc/passwd`,
      `2026/11/../11/abcdefghijklmnopqrstuvwx-960.webp`,
      `${KEY}-960.webp.tmp`,
      `.${KEY}-960.webp.abc123.tmp`,
      `${KEY}-0960.webp`,
      `${KEY}-960.png`,
      `${KEY}.webp`,
      `2026/13/abcdefghijklmnopqrstuvwx-960.webp`,
      `2026/11/ABCDEFGHIJKLMNOPQRSTUVWX-960.webp`,
      `2026/11/abcdefghijklmnopqrstuvw1-960.webp`,
      `2026/11/abcdefghijklmnopqrstuvwx-960.webp/`,
      `/${KEY}-960.webp`,
      `${KEY}-960.webp\n`,
      "",
    ]) {
      expect(parseMediaFilePath(bad), bad).toBeNull();
    }
  });

  it("an upload's answer is the file up to 960 wide with that file's size", () => {
    const image = { id: 7, key: KEY, width: 1600, height: 1067, widths: [480, 960, 1600], alt: "바다" };
    expect(bodyImageOf(image)).toEqual({ id: 7, src: `/media/${KEY}-960.webp`, width: 960, height: 640, alt: "바다" });
    expect(bodyImageOf({ ...image, width: 300, height: 200, widths: [300] })).toEqual({ id: 7, src: `/media/${KEY}-300.webp`, width: 300, height: 200, alt: "바다" });
  });
});

describe("the next/image loader", () => {
  const src = mediaImageSrc(KEY, [480, 960, 1600]);

  it("serves the narrowest stored width at least as wide as asked, else the widest", () => {
    expect(closestStoredWidth([480, 960, 1600], 100)).toBe(480);
    expect(closestStoredWidth([480, 960, 1600], 480)).toBe(480);
    expect(closestStoredWidth([480, 960, 1600], 481)).toBe(960);
    expect(closestStoredWidth([480, 960, 1600], 3840)).toBe(1600);
    expect(mediaImageLoader({ src, width: 960 })).toBe(`/media/${KEY}-960.webp`);
    expect(mediaImageLoader({ src, width: 1080, quality: 75 })).toBe(`/media/${KEY}-1600.webp`);
    expect(mediaImageLoader({ src: mediaImageSrc(KEY, [480, 600]), width: 1600 })).toBe(`/media/${KEY}-600.webp`);
  });

  it("without the widths, goes no wider than the file named (and down to the standard widths below it)", () => {
    expect(mediaLoaderUrl(`/media/${KEY}-960.webp`, 1600)).toBe(`/media/${KEY}-960.webp`);
    expect(mediaLoaderUrl(`/media/${KEY}-960.webp`, 300)).toBe(`/media/${KEY}-480.webp`);
    expect(mediaLoaderUrl(`/media/${KEY}-300.webp`, 1600)).toBe(`/media/${KEY}-300.webp`);
  });

  it("an upload's src is given the widths below it for next/image, so no srcset entry is the src itself", () => {
    expect(nextImageSrc(`/media/${KEY}-960.webp`)).toBe(`/media/${KEY}-960.webp?w=480,960`);
    expect(nextImageSrc(`/media/${KEY}-300.webp`)).toBe(`/media/${KEY}-300.webp?w=300`);
    expect(nextImageSrc(`/media/${KEY}-1600.webp?w=480,960,1600`)).toBe(`/media/${KEY}-1600.webp?w=480,960,1600`);
    expect(nextImageSrc("/logo.png")).toBe("/logo.png");
    for (const width of [480, 960, 1600]) {
      expect(mediaLoaderUrl(nextImageSrc(`/media/${KEY}-960.webp`), width)).not.toBe(nextImageSrc(`/media/${KEY}-960.webp`));
    }
  });

  it("leaves anything else alone", () => {
    expect(mediaLoaderUrl("/logo.png", 480)).toBe("/logo.png");
    expect(mediaLoaderUrl(`/media/${KEY}-960.webp?w=480,x`, 480)).toBe(`/media/${KEY}-960.webp?w=480,x`);
  });

  it("next.config.ts uses it, with srcset widths that are the stored widths", () => {
    expect(nextConfig.images).toMatchObject({ loader: "custom", loaderFile: "./lib/media/image-loader.ts", deviceSizes: [...MEDIA_WIDTHS], imageSizes: [] });
  });
});
