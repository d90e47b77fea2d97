import { z } from "zod";
import { MEDIA_ALT_MAX, MEDIA_MAX_BYTES } from "@/lib/media/media-rules";

/**
 * Uploaded pictures: the one schema, shared by the upload fields (which check a file's size
 * before sending it) and the media actions, which parse every submission again. What a file
 * really is (its bytes, not its name or declared type) is decided on the server, by
 * lib/media/sniff-image-type.ts and the decoder; the messages for that live here too, so
 * every refusal reads the same wherever it comes from.
 */
export const MEDIA_MESSAGES = {
  signInRequired: "로그인이 필요합니다.",
  noFile: "올릴 사진 파일을 골라 주세요.",
  tooLarge: `사진 파일은 ${MEDIA_MAX_BYTES / 1024 / 1024}MB까지 올릴 수 있습니다.`,
  notImage: "사진 파일이 아닙니다. JPEG, PNG, WebP, GIF, AVIF 파일만 올릴 수 있습니다.",
  broken: "사진 파일이 손상되어 읽을 수 없습니다. 다른 파일을 골라 주세요.",
  tooManyPixels: "사진의 화소 수가 너무 많습니다. 4,000만 화소 이하로 줄여서 올려 주세요.",
  altTooLong: `대체 텍스트는 ${MEDIA_ALT_MAX}자까지 쓸 수 있습니다.`,
  notFound: "사진을 찾을 수 없습니다. 다시 올려 주세요.",
  forbidden: "이 사진을 고칠 권한이 없습니다.",
  saveFailed: "사진을 저장하지 못했습니다. 잠시 후 다시 시도해 주세요.",
  invalid: "잘못된 요청입니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.",
} as const;

/** Characters nobody types on purpose: C0/C1 controls, bidi overrides, BOM, zero-width characters. */
const UNTYPABLE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** Alt text as stored: NFC, one line, single spaces, no control or invisible characters, trimmed. */
export function normalizeAltText(text: string): string {
  return text.toWellFormed().normalize("NFC").replace(UNTYPABLE, " ").replace(/\s+/g, " ").trim();
}

const id = z.string({ error: MEDIA_MESSAGES.invalid }).regex(/^[1-9]\d{0,8}$/, { error: MEDIA_MESSAGES.invalid }).transform(Number);

const file = z
  .file({ error: MEDIA_MESSAGES.noFile })
  .min(1, { error: MEDIA_MESSAGES.noFile, abort: true })
  .max(MEDIA_MAX_BYTES, { error: MEDIA_MESSAGES.tooLarge });

const alt = z
  .string({ error: MEDIA_MESSAGES.invalid })
  .transform(normalizeAltText)
  .pipe(z.string().max(MEDIA_ALT_MAX, { error: MEDIA_MESSAGES.altTooLong }));

export const MediaImageSchema = z.object({ id, file, alt });

/** An upload: the file, and alt text if the form has it ("" when not). */
export const UploadImageSchema = MediaImageSchema.pick({ file: true }).extend({ alt: alt.prefault("") });
/** Changing a stored picture's alt text. */
export const UpdateImageAltSchema = MediaImageSchema.pick({ id: true, alt: true });

export type UploadImageInput = z.infer<typeof UploadImageSchema>;

/** The fields of a submitted upload form, as the schema takes them (a missing alt is undefined). */
export function uploadImageFormInput(data: FormData): { file: unknown; alt: unknown } {
  const altValue = data.get("alt");
  return { file: data.get("file"), alt: altValue === null ? undefined : altValue };
}

/** The first message of a failed parse: an upload has one thing to say at a time. */
export function firstMediaMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? MEDIA_MESSAGES.invalid;
}
