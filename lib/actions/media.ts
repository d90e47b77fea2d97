"use server";

import { submittedForm } from "@/lib/actions/submitted-form";
import { getSessionUser } from "@/lib/auth/session";
import { saveUploadedImage, toUploadedImage, updateMediaImageAlt } from "@/lib/data/media";
import type { UploadedImage as StoredImage } from "@/lib/media/media-url";
import { firstMediaMessage, MEDIA_MESSAGES, UpdateImageAltSchema, UploadImageSchema, uploadImageFormInput } from "@/lib/validations/media";

/**
 * Picture uploads from the dashboard: the lead image field (components/dashboard/
 * lead-image-field.tsx) and the article editor's drop, paste and picker. Each action checks
 * the session itself, parses the form with the shared schema and leaves the rest to the data
 * layer (lib/data/media.ts), which checks size and content again. Bad input never throws: it
 * comes back as { ok: false, message } in Korean.
 */

/** A stored picture as an article body uses it: `src` is `/media/<key>-<w>.webp`, w ≤ 960, with that file's size. */
export type UploadedImage = StoredImage;
export type UploadImageResult = { ok: true; image: UploadedImage } | { ok: false; message: string };

/** formData: "file" (File, required, ≤ 10 MB), "alt" (optional, ≤ 200 characters). Any signed-in role may upload. */
export async function uploadImageAction(formData: FormData): Promise<UploadImageResult> {
  formData = submittedForm(formData);
  const user = await getSessionUser();
  if (!user) return { ok: false, message: MEDIA_MESSAGES.signInRequired };
  const parsed = UploadImageSchema.safeParse(uploadImageFormInput(formData));
  if (!parsed.success) return { ok: false, message: firstMediaMessage(parsed.error) };
  try {
    const result = await saveUploadedImage({ file: parsed.data.file, alt: parsed.data.alt, uploaderId: user.id });
    if (!result.ok) return { ok: false, message: result.message };
    return { ok: true, image: toUploadedImage(result.image) };
  } catch (error) {
    // The disk or the database failed, not the upload: say so, and leave the details to the log.
    console.error("image upload failed", error);
    return { ok: false, message: MEDIA_MESSAGES.saveFailed };
  }
}

/** formData: "id" (the picture), "alt". Its uploader, editors and admins may change it. */
export async function updateImageAltAction(formData: FormData): Promise<UploadImageResult> {
  formData = submittedForm(formData);
  const user = await getSessionUser();
  if (!user) return { ok: false, message: MEDIA_MESSAGES.signInRequired };
  const parsed = UpdateImageAltSchema.safeParse({ id: formData.get("id"), alt: formData.get("alt") ?? "" });
  if (!parsed.success) return { ok: false, message: firstMediaMessage(parsed.error) };
  const result = await updateMediaImageAlt(parsed.data.id, parsed.data.alt, user);
  if (!result.ok) return { ok: false, message: result.message };
  return { ok: true, image: toUploadedImage(result.image) };
}
