/**
 * Addresses of stored pictures. A picture is kept as one WebP file per stored width,
 * `<key>-<width>.webp` under MEDIA_DIR, and served at `/media/<key>-<width>.webp`
 * (app/media/[...path]/route.ts). Keys are made by the server (lib/media/media-store.ts):
 * `<year>/<month>/<24 base32 characters>`, e.g. `2026/11/k3v7…`. Pure, so the image loader
 * (which runs in the browser) and the upload field can use it.
 */
import { bodyImageWidth, MEDIA_WIDTHS, scaledHeight } from "./media-rules";

/** A media key: `2026/11/` and 24 characters of lowercase base32 (120 random bits). */
export const MEDIA_KEY_PATTERN = /^\d{4}\/(?:0[1-9]|1[0-2])\/[a-z2-7]{24}$/;

const KEY = String.raw`\d{4}/(?:0[1-9]|1[0-2])/[a-z2-7]{24}`;
const WIDTH = String.raw`[1-9]\d{0,3}`;
/** A stored file's path below MEDIA_DIR (and below /media/). */
const FILE_PATH = new RegExp(`^(${KEY})-(${WIDTH})\\.webp$`);
/** What next/image is given as src: a file's address with the stored widths, `?w=480,960,1600`. */
const IMAGE_SRC = new RegExp(`^/media/(${KEY})-(${WIDTH})\\.webp(?:\\?w=(${WIDTH}(?:,${WIDTH}){0,15}))?$`);

/** Public address of the file `width` wide of the picture `key`. */
export function mediaImageUrl(key: string, width: number): string {
  return `/media/${key}-${width}.webp`;
}

/** File name of a stored width, relative to MEDIA_DIR (with the key's folders). */
export function mediaFileName(key: string, width: number): string {
  return `${key}-${width}.webp`;
}

/** The key and width named by a path below /media/ (`2026/11/…-960.webp`), or null for anything else. */
export function parseMediaFilePath(relativePath: string): { key: string; width: number } | null {
  const match = FILE_PATH.exec(relativePath);
  return match ? { key: match[1], width: Number(match[2]) } : null;
}

/**
 * The src to give next/image for a picture: its largest file, with every stored width in the
 * query so the image loader (lib/media/image-loader.ts) can point each srcset entry at a file
 * that exists. The query never reaches the server: the loader drops it.
 */
export function mediaImageSrc(key: string, widths: readonly number[]): string {
  return `${mediaImageUrl(key, Math.max(...widths))}?w=${widths.join(",")}`;
}

/** The stored width to serve for a requested one: the narrowest at least as wide, else the widest. */
export function closestStoredWidth(widths: readonly number[], requested: number): number {
  const sorted = [...widths].sort((a, b) => a - b);
  return sorted.find((width) => width >= requested) ?? sorted[sorted.length - 1];
}

/**
 * The widths known to exist from one stored file's name alone: that width, and each of
 * MEDIA_WIDTHS below it (a picture is stored at every one of them narrower than itself).
 */
export function widthsUpTo(width: number): number[] {
  return [...MEDIA_WIDTHS.filter((candidate) => candidate < width), width];
}

/**
 * next/image's loader, as a pure function: the address of the stored file to use where
 * `width` pixels are wanted. The widths come from the src's query (mediaImageSrc); a src
 * without it (an article body's `/media/<key>-960.webp`) can still go down to the stored
 * widths below the one it names (widthsUpTo). Anything not under /media/ is returned as it is.
 */
export function mediaLoaderUrl(src: string, width: number): string {
  const match = IMAGE_SRC.exec(src);
  if (!match) return src;
  const [, key, named, list] = match;
  const widths = list ? list.split(",").map(Number) : widthsUpTo(Number(named));
  return mediaImageUrl(key, closestStoredWidth(widths, width));
}

/**
 * The src to give next/image for a file address such as an upload's answer
 * (`/media/<key>-960.webp`): with the widths known to exist (widthsUpTo) in the query, as
 * mediaImageSrc does for a stored picture. The loader would manage without them, but then its
 * answer for the file's own width would be the src itself, which next/image reports (in
 * development) as a loader that ignores width.
 */
export function nextImageSrc(src: string): string {
  const match = IMAGE_SRC.exec(src);
  if (!match || match[3]) return src;
  return `${src}?w=${widthsUpTo(Number(match[2])).join(",")}`;
}

/** Stored widths as kept in MediaImage.widths ("480,960,1600"), ascending. */
export function parseStoredWidths(value: string): number[] {
  return value
    .split(",")
    .map(Number)
    .filter((width) => Number.isSafeInteger(width) && width > 0)
    .sort((a, b) => a - b);
}

/** A stored picture as an article body uses it (and what the upload action answers). */
export type UploadedImage = { id: number; src: string; width: number; height: number; alt: string };

/**
 * The file an article body shows of a stored picture: the largest stored width up to
 * BODY_IMAGE_MAX_WIDTH (960), with that file's own width and height.
 */
export function bodyImageOf(image: { id: number; key: string; width: number; height: number; widths: readonly number[]; alt: string }): UploadedImage {
  const width = bodyImageWidth(image.widths);
  const height = width === image.width ? image.height : scaledHeight(image, width);
  return { id: image.id, src: mediaImageUrl(image.key, width), width, height, alt: image.alt };
}
