import "server-only";
import { actsOnAnyArticle } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { MEDIA_ALT_MAX, MEDIA_MAX_BYTES } from "@/lib/media/media-rules";
import { removeMediaFiles, newMediaKey, writeMediaFiles } from "@/lib/media/media-store";
import { bodyImageOf, parseStoredWidths, type UploadedImage } from "@/lib/media/media-url";
import { processImage } from "@/lib/media/process-image";
import { MEDIA_MESSAGES, normalizeAltText } from "@/lib/validations/media";

export { bodyImageOf, mediaImageSrc, mediaImageUrl, type UploadedImage } from "@/lib/media/media-url";

/**
 * Uploaded pictures: storing an upload (checked, re-encoded, written under MEDIA_DIR, then its
 * MediaImage row) and reading stored pictures for pages. The checks here do not rely on the
 * caller: an upload over 10 MB is refused before it is read, and what the bytes are decides
 * whether it is a picture (lib/media/process-image.ts). A failed upload leaves no file and no row.
 */

/** A stored picture as pages use it. `width`/`height` are those of the largest file. */
export type MediaImageView = { id: number; key: string; width: number; height: number; widths: number[]; alt: string };

export type SaveImageFailure = {
  ok: false;
  code: "no-file" | "too-large" | "not-image" | "broken" | "too-many-pixels";
  message: string;
};
export type SaveImageResult = { ok: true; image: MediaImageView } | SaveImageFailure;

export type NewImage = {
  /** The upload as received (a File from the form). */
  file: Blob;
  /** Alt text, as the schema parsed it (lib/validations/media.ts); normalized again here. */
  alt: string;
  uploaderId: number;
};

/** Alt text as stored, whoever the caller: normalized and at most MEDIA_ALT_MAX characters. */
const storedAlt = (alt: string) => normalizeAltText(alt).slice(0, MEDIA_ALT_MAX);

const VIEW_SELECT = { id: true, key: true, width: true, height: true, widths: true, alt: true } as const;

/** A MediaImage row as selected from the database (widths as stored, "480,960,1600"). */
export type MediaImageRow = { id: number; key: string; width: number; height: number; widths: string; alt: string };

function toView(row: MediaImageRow): MediaImageView {
  return { id: row.id, key: row.key, width: row.width, height: row.height, widths: parseStoredWidths(row.widths), alt: row.alt };
}

/**
 * A stored picture as an article body and the upload fields use it: the file up to 960 px
 * wide, with that file's size. Takes a row selected elsewhere (e.g. a post's lead image,
 * `select: { id, key, width, height, widths, alt }`) or a MediaImageView.
 */
export function toUploadedImage(image: MediaImageRow | MediaImageView): UploadedImage {
  return bodyImageOf(typeof image.widths === "string" ? toView(image as MediaImageRow) : (image as MediaImageView));
}

/** Stores an upload: its files at each stored width, then its row. */
export async function saveUploadedImage({ file, alt, uploaderId }: NewImage): Promise<SaveImageResult> {
  if (file.size === 0) return { ok: false, code: "no-file", message: MEDIA_MESSAGES.noFile };
  // Refused on its declared size, before a byte is read or decoded.
  if (file.size > MEDIA_MAX_BYTES) return { ok: false, code: "too-large", message: MEDIA_MESSAGES.tooLarge };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength > MEDIA_MAX_BYTES) return { ok: false, code: "too-large", message: MEDIA_MESSAGES.tooLarge };

  const processed = await processImage(bytes);
  if (!processed.ok) return processed;
  const { image } = processed;

  const key = newMediaKey();
  const widths = image.files.map((stored) => stored.width);
  await writeMediaFiles(key, image.files);
  try {
    const row = await db.mediaImage.create({
      data: { key, width: image.width, height: image.height, widths: widths.join(","), bytes: bytes.byteLength, alt: storedAlt(alt), uploaderId },
      select: VIEW_SELECT,
    });
    return { ok: true, image: toView(row) };
  } catch (error) {
    await removeMediaFiles(key, widths);
    throw error;
  }
}

/** A stored picture, or null. */
export async function getMediaImage(id: number): Promise<MediaImageView | null> {
  const row = await db.mediaImage.findUnique({ where: { id }, select: VIEW_SELECT });
  return row && toView(row);
}

/** Stored pictures by id, in the order asked for; ids with no picture are left out. */
export async function getMediaImages(ids: readonly number[]): Promise<MediaImageView[]> {
  if (ids.length === 0) return [];
  const rows = await db.mediaImage.findMany({ where: { id: { in: [...new Set(ids)] } }, select: VIEW_SELECT });
  const byId = new Map(rows.map((row) => [row.id, toView(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type UpdateAltResult = { ok: true; image: MediaImageView } | { ok: false; code: "not-found" | "forbidden"; message: string };

/** Changes a picture's alt text: its uploader may, and editors and admins. */
export async function updateMediaImageAlt(id: number, alt: string, actor: { id: number; role: Role }): Promise<UpdateAltResult> {
  const image = await db.mediaImage.findUnique({ where: { id }, select: { uploaderId: true } });
  if (!image) return { ok: false, code: "not-found", message: MEDIA_MESSAGES.notFound };
  if (image.uploaderId !== actor.id && !actsOnAnyArticle(actor.role)) return { ok: false, code: "forbidden", message: MEDIA_MESSAGES.forbidden };
  const row = await db.mediaImage.update({ where: { id }, data: { alt: storedAlt(alt) }, select: VIEW_SELECT });
  return { ok: true, image: toView(row) };
}
