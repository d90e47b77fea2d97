"use server";

import { submittedForm } from "@/lib/actions/submitted-form";
import { revalidatePath } from "next/cache";
import { revalidateArticle } from "@/lib/cache-tags";
import { blockCommenter, moderateComment, unblockCommenter } from "@/lib/data/moderation";
import { formInput, invalidForm, refusedForm, type DashboardFormState } from "@/lib/validations/dashboard-form";
import {
  BLOCK_FIELDS,
  BlockCommenterSchema,
  MODERATE_FIELDS,
  ModerateCommentSchema,
  UNBLOCK_FIELDS,
  UnblockCommenterSchema,
  type BlockCommenterField,
  type ModerateCommentField,
  type UnblockCommenterField,
} from "@/lib/validations/moderation";
import { SESSION_ENDED_MESSAGE, signedInStaff } from "./signed-in-staff";

/**
 * The 댓글 관리 page's actions. Each parses its form with the shared schema, takes the acting
 * user from the session and leaves the role check to lib/data/moderation.ts, which reads the
 * account again; a reporter (or anyone) posting these by hand gets a Korean refusal and
 * changes nothing. A change readers see expires the article's cached page.
 */

const MODERATION_PATH = "/dashboard/comments";

export async function moderateCommentAction(
  _previous: DashboardFormState<ModerateCommentField>,
  formData: FormData,
): Promise<DashboardFormState<ModerateCommentField>> {
  formData = submittedForm(formData);
  const input = formInput(formData, MODERATE_FIELDS);
  const parsed = ModerateCommentSchema.safeParse(input);
  if (!parsed.success) return invalidForm(input, parsed.error, []);
  const actor = await signedInStaff();
  if (!actor) return refusedForm(input, { message: SESSION_ENDED_MESSAGE });
  const result = await moderateComment(actor, parsed.data);
  if (!result.ok) return refusedForm(input, result);
  if (result.changed) {
    revalidateArticle(result.boardSlug, result.postId);
    revalidatePath(MODERATION_PATH);
  }
  return { ok: true, message: result.message };
}

export async function blockCommenterAction(
  _previous: DashboardFormState<BlockCommenterField>,
  formData: FormData,
): Promise<DashboardFormState<BlockCommenterField>> {
  formData = submittedForm(formData);
  const input = formInput(formData, BLOCK_FIELDS);
  const parsed = BlockCommenterSchema.safeParse(input);
  if (!parsed.success) return invalidForm(input, parsed.error, ["reason", "duration"]);
  const actor = await signedInStaff();
  if (!actor) return refusedForm(input, { message: SESSION_ENDED_MESSAGE });
  const result = await blockCommenter(actor, parsed.data);
  if (!result.ok) return refusedForm(input, result);
  // Nothing readers see changes; the list shows the block.
  revalidatePath(MODERATION_PATH);
  return { ok: true, message: result.message };
}

export async function unblockCommenterAction(
  _previous: DashboardFormState<UnblockCommenterField>,
  formData: FormData,
): Promise<DashboardFormState<UnblockCommenterField>> {
  formData = submittedForm(formData);
  const input = formInput(formData, UNBLOCK_FIELDS);
  const parsed = UnblockCommenterSchema.safeParse(input);
  if (!parsed.success) return invalidForm(input, parsed.error, []);
  const actor = await signedInStaff();
  if (!actor) return refusedForm(input, { message: SESSION_ENDED_MESSAGE });
  const result = await unblockCommenter(actor, parsed.data);
  if (!result.ok) return refusedForm(input, result);
  revalidatePath(MODERATION_PATH);
  return { ok: true, message: result.message };
}
