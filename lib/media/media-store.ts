import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { MEDIA_KEY_PATTERN, mediaFileName, parseMediaFilePath } from "./media-url";

/**
 * Where uploaded pictures are kept: MEDIA_DIR (default ./data/media, resolved against the
 * working directory), one WebP file per stored width, `<year>/<month>/<key>-<width>.webp`.
 * Files are written whole or not at all (a temporary file, then a rename), so the media route
 * never serves half a picture, and a key is never reused, so a file never changes once there.
 */

/** The media folder, absolute. Read on every call, so a test can point it elsewhere. */
export function mediaDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.MEDIA_DIR || "./data/media");
}

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/** Lowercase RFC 4648 base32 without padding. */
function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A new key: the month (UTC) as folders, then 120 random bits, e.g. `2026/11/k3v7…` (24 characters). */
export function newMediaKey(now = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `${now.getUTCFullYear()}/${month}/${base32(randomBytes(15))}`;
}

/** The absolute path of a stored width. Refuses a key the server did not make. */
export function mediaFilePath(key: string, width: number): string {
  if (!MEDIA_KEY_PATTERN.test(key) || !Number.isSafeInteger(width) || width <= 0) throw new Error(`not a media file: ${key}-${width}`);
  return path.join(/*turbopackIgnore: true*/ mediaDir(), ...mediaFileName(key, width).split("/"));
}

/** Writes `data` to `target` atomically: a temporary file beside it, flushed, then renamed over. */
async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await open(temporary, "wx", 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Stores a picture's files under its key. On any failure, removes whatever was written and throws. */
export async function writeMediaFiles(key: string, files: readonly { width: number; data: Uint8Array }[]): Promise<void> {
  const paths = files.map((file) => mediaFilePath(key, file.width));
  await mkdir(path.dirname(paths[0]), { recursive: true });
  try {
    for (const [i, file] of files.entries()) await writeFileAtomic(paths[i], file.data);
  } catch (error) {
    await removeMediaFiles(key, files.map((file) => file.width));
    throw error;
  }
}

/** Removes a picture's files (those that exist). */
export async function removeMediaFiles(key: string, widths: readonly number[]): Promise<void> {
  await Promise.all(widths.map((width) => rm(mediaFilePath(key, width), { force: true })));
}

/** A stored file found from a path below /media/, with what a response needs to know of it. */
export type MediaFile = { path: string; size: number; etag: string };

/**
 * The stored file a path below /media/ names, as its segments (`2026`, `11`, `<key>-960.webp`), or null: for any
 * path that is not exactly a key and a width (no `..`, no other names, no temporary files)
 * and for files that are not there.
 */
export async function findMediaFile(segments: readonly string[]): Promise<MediaFile | null> {
  // Exactly year, month and file name: a segment with a slash in it (an encoded %2F) is refused too.
  if (segments.length !== 3 || segments.some((segment) => /[/\\]/.test(segment))) return null;
  const named = parseMediaFilePath(segments.join("/"));
  if (!named) return null;
  const filePath = mediaFilePath(named.key, named.width);
  try {
    const stats = await stat(filePath);
    if (!stats.isFile()) return null;
    // A key is never reused and its files never rewritten, so size and time name the content.
    return { path: filePath, size: stats.size, etag: `"${stats.size.toString(36)}-${Math.trunc(stats.mtimeMs).toString(36)}"` };
  } catch {
    return null;
  }
}
