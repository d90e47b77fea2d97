import "server-only";
import sharp, { type FormatEnum, type Metadata } from "sharp";
import { MEDIA_MESSAGES } from "@/lib/validations/media";
import { MEDIA_MAX_PIXELS, scaledHeight, storedWidthsFor } from "./media-rules";
import { SNIFF_BYTES, sniffImageType, type ImageType } from "./sniff-image-type";

/**
 * An upload made into the files the site keeps: decoded once (at most MEDIA_MAX_PIXELS, so a
 * small file that unpacks into gigabytes is refused before it is), turned upright by its EXIF
 * orientation, then re-encoded as WebP at each stored width (lib/media/media-rules.ts), never
 * wider than the original. Re-encoding drops everything but the pixels: EXIF (camera, GPS
 * position), XMP, comments, ICC profiles (converted to sRGB) and whatever a crafted file hid
 * after its image data. Animated GIF and WebP keep their first frame.
 */

export type ProcessedFile = { width: number; height: number; data: Buffer };
export type ProcessedImage = { type: ImageType; width: number; height: number; files: ProcessedFile[] };
export type ProcessImageResult =
  | { ok: true; image: ProcessedImage }
  | { ok: false; code: "not-image" | "broken" | "too-many-pixels"; message: string };

/** The decoder libvips reports for each accepted format (AVIF is read by the HEIF loader). */
const DECODER: Record<ImageType, keyof FormatEnum> = { jpeg: "jpeg", png: "png", webp: "webp", gif: "gif", avif: "heif" };

const WEBP_OPTIONS = { quality: 80, effort: 4 } as const;
/** A picture that takes longer than this to encode is given up on. */
const TIMEOUT_SECONDS = 60;

const refuse = (code: "not-image" | "broken" | "too-many-pixels") => ({
  ok: false as const,
  code,
  message: { "not-image": MEDIA_MESSAGES.notImage, broken: MEDIA_MESSAGES.broken, "too-many-pixels": MEDIA_MESSAGES.tooManyPixels }[code],
});

/** sharp's refusal of a picture over limitInputPixels (its header gives the size away). */
const isPixelLimit = (error: unknown) => error instanceof Error && /pixel limit/i.test(error.message);

/** Makes the stored files of an upload, or says in Korean why it cannot be a picture here. */
export async function processImage(bytes: Uint8Array): Promise<ProcessImageResult> {
  const type = sniffImageType(bytes.subarray(0, SNIFF_BYTES));
  if (!type) return refuse("not-image");

  // failOn "warning": a truncated or damaged file is refused rather than stored half grey.
  const input = () => sharp(bytes, { limitInputPixels: MEDIA_MAX_PIXELS, failOn: "warning", autoOrient: true, pages: 1 });

  let metadata: Metadata;
  try {
    metadata = await input().metadata();
  } catch (error) {
    return refuse(isPixelLimit(error) ? "too-many-pixels" : "broken");
  }
  // What the decoder found must be what the bytes said (an AVIF brand on a HEIC file is not AVIF).
  if (metadata.format !== DECODER[type] || (type === "avif" && metadata.compression !== "av1")) return refuse("broken");
  const pageHeight = metadata.pageHeight ?? metadata.height;
  if (!metadata.width || !pageHeight) return refuse("broken");
  if (metadata.width * pageHeight > MEDIA_MAX_PIXELS) return refuse("too-many-pixels");

  try {
    // The upright picture at the largest stored width, decoded once; the smaller widths are made from it.
    const widths = storedWidthsFor(metadata.autoOrient.width);
    const largest = widths[widths.length - 1];
    const { data: pixels, info } = await input()
      .timeout({ seconds: TIMEOUT_SECONDS })
      .resize({ width: largest, withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const upright = { width: info.width, height: info.height };
    const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };

    const files: ProcessedFile[] = [];
    for (const width of storedWidthsFor(upright.width)) {
      const height = width === upright.width ? upright.height : scaledHeight(upright, width);
      let pipeline = sharp(pixels, raw).timeout({ seconds: TIMEOUT_SECONDS });
      if (width !== upright.width) pipeline = pipeline.resize({ width, height, fit: "fill" });
      const { data, info: written } = await pipeline.webp(WEBP_OPTIONS).toBuffer({ resolveWithObject: true });
      files.push({ width: written.width, height: written.height, data });
    }
    const stored = files[files.length - 1];
    return { ok: true, image: { type, width: stored.width, height: stored.height, files } };
  } catch (error) {
    // Only the decoder and encoder run above: whatever fails there is the file's doing.
    return refuse(isPixelLimit(error) ? "too-many-pixels" : "broken");
  }
}
