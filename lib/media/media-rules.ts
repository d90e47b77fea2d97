/**
 * What an uploaded picture may be and how it is kept: the limits and the stored widths, in one
 * place. Pure, so the dashboard's upload fields can check a file before sending it, and the
 * server checks every upload again (lib/data/media.ts).
 */

/** Largest upload accepted, in bytes (10 MB). */
export const MEDIA_MAX_BYTES = 10 * 1024 * 1024;

/** Largest picture decoded, in pixels (40 megapixels): a decompression bomb stops here. */
export const MEDIA_MAX_PIXELS = 40_000_000;

/** Widths an upload is stored at, ascending. next.config.ts `images.deviceSizes` lists the same. */
export const MEDIA_WIDTHS = [480, 960, 1600] as const;

/** The widest file an article body links to (the body column is narrower than this). */
export const BODY_IMAGE_MAX_WIDTH = 960;

/** Longest alt text, in characters. */
export const MEDIA_ALT_MAX = 200;

/** For a file input's `accept`: what the server takes (checked by content there, not by name). */
export const ACCEPTED_IMAGE_TYPES = "image/jpeg,image/png,image/webp,image/gif,image/avif";

/**
 * The widths a picture `width` pixels wide is stored at: each of MEDIA_WIDTHS narrower than
 * it, and the picture's own width up to the largest. Never wider than the original: a 600-px
 * picture gets 480 and 600, a 300-px one just 300.
 */
export function storedWidthsFor(width: number): number[] {
  const largest = MEDIA_WIDTHS[MEDIA_WIDTHS.length - 1];
  const below = MEDIA_WIDTHS.filter((candidate) => candidate < width);
  return width > largest ? below : [...below, width];
}

/** The height of a stored file `width` wide, keeping the original's aspect ratio (at least 1). */
export function scaledHeight(original: { width: number; height: number }, width: number): number {
  return Math.max(1, Math.round((original.height * width) / original.width));
}

/** The width an article body shows: the largest stored width up to BODY_IMAGE_MAX_WIDTH, else the smallest. */
export function bodyImageWidth(widths: readonly number[]): number {
  const fitting = widths.filter((width) => width <= BODY_IMAGE_MAX_WIDTH);
  return fitting.length ? Math.max(...fitting) : Math.min(...widths);
}
