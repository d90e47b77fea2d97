"use server";

import { submittedForm } from "@/lib/actions/submitted-form";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { revalidateArticle } from "@/lib/cache-tags";
import {
  autosavePost,
  changePostStatus,
  createPost,
  restoreRevision,
  updatePost,
  type PostWriteResult,
  type PublishingChoice,
} from "@/lib/data/post-writes";
import { wakeScheduler } from "@/lib/publishing/scheduler";
import {
  AutosaveSchema,
  parseKoreanLocalTime,
  postFieldErrors,
  postFormInput,
  postId as postIdSchema,
  PostSubmissionSchema,
  type PostFieldName,
} from "@/lib/validations/post";

/**
 * The article form's server actions. Each parses the form with the shared schema, reads the
 * session itself and leaves the permission checks to lib/data/post-writes.ts, which refuses a
 * forged call on someone else's article. Refusals come back as state for the form (Korean,
 * per field where there is one), never as an exception; success redirects to the article's
 * edit page, so a reload posts nothing twice.
 */

export type PostFormState = {
  ok: boolean;
  message: string | null;
  fieldErrors: Partial<Record<PostFieldName, string[]>>;
};

const SIGNED_OUT = "로그인이 끝났습니다. 다른 탭에서 다시 로그인한 뒤 저장해 주세요. 쓰던 내용은 이 화면에 남아 있습니다.";

function revalidateWrite(result: Extract<PostWriteResult, { ok: true }>): void {
  for (const slug of result.boardSlugs) revalidateArticle(slug, result.postId);
}

function refused(result: Extract<PostWriteResult, { ok: false }>): PostFormState {
  return { ok: false, message: result.message, fieldErrors: result.field ? { [result.field]: [result.message] } : {} };
}

/** What the buttons' intent asks for: keep the status, publish now, or publish at a time. */
function choiceOf(intent: "save" | "publish" | "schedule", publishAt: string): PublishingChoice {
  if (intent === "schedule") return { kind: "schedule", at: parseKoreanLocalTime(publishAt)! };
  return { kind: intent };
}

export async function savePostAction(_previous: PostFormState, formData: FormData): Promise<PostFormState> {
  formData = submittedForm(formData);
  const parsed = PostSubmissionSchema.safeParse(postFormInput(formData));
  if (!parsed.success) {
    const fieldErrors = postFieldErrors(parsed.error);
    const message = Object.keys(fieldErrors).length ? "입력한 내용을 확인해 주세요." : "잘못된 요청입니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.";
    return { ok: false, message, fieldErrors };
  }
  const user = await getSessionUser();
  if (!user) return { ok: false, message: SIGNED_OUT, fieldErrors: {} };
  const { postId, intent, publishAt, ...fields } = parsed.data;
  const choice = choiceOf(intent, publishAt);
  const result = postId === null ? await createPost(user, fields, choice) : await updatePost(user, postId, fields, choice);
  if (!result.ok) return refused(result);
  revalidateWrite(result);
  if (intent === "schedule") wakeScheduler();
  redirect(`/dashboard/posts/${result.postId}/edit?saved=${intent}`);
}

export type AutosaveState = { ok: true; postId: number | null; savedAt: string | null } | { ok: false; message: string };

/** Called by the form in the background; never redirects. */
export async function autosavePostAction(formData: FormData): Promise<AutosaveState> {
  formData = submittedForm(formData);
  const parsed = AutosaveSchema.safeParse(postFormInput(formData));
  if (!parsed.success) {
    const first = parsed.error.issues[0]?.message ?? "자동 저장하지 못했습니다.";
    return { ok: false, message: `자동 저장하지 못했습니다: ${first}` };
  }
  const user = await getSessionUser();
  if (!user) return { ok: false, message: "로그인이 끝나 자동 저장하지 못했습니다. 다시 로그인해 주세요." };
  const result = await autosavePost(user, parsed.data);
  if (!result.ok) return { ok: false, message: result.message };
  return { ok: true, postId: result.postId, savedAt: result.savedAt?.toISOString() ?? null };
}

const StatusChangeSchema = z.object({
  postId: postIdSchema,
  change: z.enum(["unpublish", "delete", "restore"], { error: "잘못된 요청입니다." }),
});

export type StatusChangeState = { ok: boolean; message: string | null };

/** 게시 취소, 삭제, 복원: small forms beside the editor and in the article lists. */
export async function changePostStatusAction(_previous: StatusChangeState, formData: FormData): Promise<StatusChangeState> {
  formData = submittedForm(formData);
  const parsed = StatusChangeSchema.safeParse({ postId: formData.get("postId"), change: formData.get("change") });
  if (!parsed.success) return { ok: false, message: "잘못된 요청입니다." };
  const user = await getSessionUser();
  if (!user) return { ok: false, message: "로그인이 필요합니다." };
  const result = await changePostStatus(user, parsed.data.postId, parsed.data.change);
  if (!result.ok) return { ok: false, message: result.message };
  revalidateWrite(result);
  redirect(`/dashboard/posts/${result.postId}/edit?saved=${parsed.data.change}`);
}

const RestoreRevisionSchema = z.object({ postId: postIdSchema, revisionId: postIdSchema });

export async function restoreRevisionAction(_previous: StatusChangeState, formData: FormData): Promise<StatusChangeState> {
  formData = submittedForm(formData);
  const parsed = RestoreRevisionSchema.safeParse({ postId: formData.get("postId"), revisionId: formData.get("revisionId") });
  if (!parsed.success) return { ok: false, message: "잘못된 요청입니다." };
  const user = await getSessionUser();
  if (!user) return { ok: false, message: "로그인이 필요합니다." };
  const result = await restoreRevision(user, parsed.data.postId, parsed.data.revisionId);
  if (!result.ok) return { ok: false, message: result.message };
  revalidateWrite(result);
  redirect(`/dashboard/posts/${result.postId}/edit?saved=restore`);
}
