/**
 * What kind of picture a file is, from its first bytes ("magic bytes") alone. The file's name
 * and the type the browser declared are never consulted: a PNG named photo.jpg is a PNG, and
 * an HTML or SVG page named photo.png is not a picture at all. Only the formats the site takes
 * are recognised; everything else (SVG, HEIC, TIFF, BMP, PDF, text) is null. Pure.
 */
export type ImageType = "jpeg" | "png" | "webp" | "gif" | "avif";

/** Bytes needed to tell every accepted format apart (an AVIF's ftyp box lists its brands). */
export const SNIFF_BYTES = 64;

const ascii = (bytes: Uint8Array, start: number, text: string) =>
  bytes.length >= start + text.length && [...text].every((char, i) => bytes[start + i] === char.charCodeAt(0));

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * An ISO-BMFF file whose ftyp box names an AVIF brand (`avif` still, `avis` sequence) as its
 * major brand or among its compatible brands. HEIC files share the container but not the
 * brands, so they are not AVIF.
 */
function isAvif(bytes: Uint8Array): boolean {
  if (!ascii(bytes, 4, "ftyp")) return false;
  const boxSize = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  if (boxSize < 16 || boxSize % 4 !== 0) return false;
  const end = Math.min(boxSize, bytes.length);
  const brandOffsets = [8, ...Array.from({ length: Math.max(0, (end - 16) / 4) }, (_, i) => 16 + i * 4)];
  return brandOffsets.some((offset) => ascii(bytes, offset, "avif") || ascii(bytes, offset, "avis"));
}

/** The accepted picture format these bytes start with, or null. Give it at least SNIFF_BYTES bytes. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, PNG_SIGNATURE) && ascii(bytes, 12, "IHDR")) return "png";
  if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) return "gif";
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP") && (ascii(bytes, 12, "VP8 ") || ascii(bytes, 12, "VP8L") || ascii(bytes, 12, "VP8X"))) {
    return "webp";
  }
  if (isAvif(bytes)) return "avif";
  return null;
}
