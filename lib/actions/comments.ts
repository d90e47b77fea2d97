"use server";

import { submittedForm } from "@/lib/actions/submitted-form";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { articleHref, parseListState } from "@/lib/board/list-state";
import { revalidateArticle } from "@/lib/cache-tags";
import { createComment, deleteComment, editComment, type CommentActor, type CommentWriteResult } from "@/lib/data/comment-writes";
import { siteSecret } from "@/lib/data/site-secrets";
import {
  commentFieldErrors,
  commentFormInput,
  CreateGuestCommentSchema,
  CreateMemberCommentSchema,
  DeleteCommentSchema,
  EditCommentSchema,
  type CommentFormInput,
  type CommentFormState,
} from "@/lib/validations/comment";
import { clientIp, commenterKey } from "@/lib/visitors/visitor-key";

/**
 * The comment forms' server actions. Each parses the form with the shared schema, works out
 * who is asking from the request itself (session, commenter key) and leaves every permission
 * check to the data layer. Bad input and refusals come back as a CommentFormState, never as an
 * exception. The forms post with `js=1` when JavaScript runs them; without it (a plain form
 * post) success redirects back to the article, at the comment, so a reload posts nothing twice.
 */

/**
 * Who is asking: the session's user (or a guest), and the commenter key of the client's address
 * (lib/visitors/visitor-key.ts commenterKey). That key, not the daily visitor key, is stored
 * with the comment: it stays the same across days, so the 15-second rule, the password-guess
 * limits and an editor's block (CommentBlock) all follow the writer past midnight.
 */
async function currentActor(): Promise<CommentActor> {
  const [user, requestHeaders, secret] = await Promise.all([getSessionUser(), headers(), siteSecret("visitor")]);
  return { user: user ? { id: user.id, role: user.role } : null, visitorKey: commenterKey(secret, clientIp(requestHeaders)) };
}

function keptValues(input: CommentFormInput) {
  return { body: input.body, guestName: input.guestName };
}

function invalid(input: CommentFormInput, error: z.ZodError): CommentFormState {
  const fieldErrors = commentFieldErrors(error);
  const message = Object.keys(fieldErrors).length ? "입력한 내용을 확인해 주세요." : "잘못된 요청입니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.";
  return { ok: false, message, fieldErrors, values: keptValues(input) };
}

function refused(input: CommentFormInput, result: Extract<CommentWriteResult, { ok: false }>): CommentFormState {
  return {
    ok: false,
    message: result.message,
    fieldErrors: result.field ? { [result.field]: [result.message] } : {},
    values: keptValues(input),
  };
}

/** The article page the form was on, with the list the reader came from (never another site). */
function articleLocation(formData: FormData, boardSlug: string, postId: number, hash: string): string {
  const listQuery = formData.get("listQuery");
  const state = parseListState(Object.fromEntries(new URLSearchParams(typeof listQuery === "string" ? listQuery : "")));
  return `${articleHref(boardSlug, postId, state)}#${hash}`;
}

const isEnhanced = (formData: FormData) => formData.get("js") === "1";

export async function createCommentAction(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  formData = submittedForm(formData);
  const input = commentFormInput(formData);
  const actor = await currentActor();
  let result: CommentWriteResult;
  if (actor.user) {
    const parsed = CreateMemberCommentSchema.safeParse(input);
    if (!parsed.success) return invalid(input, parsed.error);
    result = await createComment({ ...parsed.data, guest: null }, actor);
  } else if (formData.get("asMember") === "1") {
    // The browser still showed the signed-in form, but the session has ended since.
    return {
      ok: false,
      message: "로그인이 끝났습니다. 다시 로그인하거나 이름과 비밀번호를 입력해 주세요.",
      fieldErrors: { guestName: ["이름을 입력해 주세요."], password: ["비밀번호를 입력해 주세요."] },
      values: keptValues(input),
    };
  } else {
    const parsed = CreateGuestCommentSchema.safeParse(input);
    if (!parsed.success) return invalid(input, parsed.error);
    const { guestName, password, ...comment } = parsed.data;
    result = await createComment({ ...comment, guest: { name: guestName, password } }, actor);
  }
  if (!result.ok) return refused(input, result);
  revalidateArticle(result.boardSlug, result.postId);
  if (!isEnhanced(formData)) redirect(articleLocation(formData, result.boardSlug, result.postId, `comment-${result.commentId}`));
  return { ok: true, message: "댓글을 등록했습니다.", commentId: result.commentId };
}

export async function editCommentAction(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  formData = submittedForm(formData);
  const input = commentFormInput(formData);
  const parsed = EditCommentSchema.safeParse(input);
  if (!parsed.success) return invalid(input, parsed.error);
  const result = await editComment(parsed.data, await currentActor());
  if (!result.ok) return refused(input, result);
  if (result.changed) revalidateArticle(result.boardSlug, result.postId);
  if (!isEnhanced(formData)) redirect(articleLocation(formData, result.boardSlug, result.postId, `comment-${result.commentId}`));
  return { ok: true, message: "댓글을 수정했습니다.", commentId: result.commentId };
}

export async function deleteCommentAction(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  formData = submittedForm(formData);
  const input = commentFormInput(formData);
  const parsed = DeleteCommentSchema.safeParse(input);
  if (!parsed.success) return invalid(input, parsed.error);
  const result = await deleteComment(parsed.data, await currentActor());
  if (!result.ok) return refused(input, result);
  revalidateArticle(result.boardSlug, result.postId);
  if (!isEnhanced(formData)) redirect(articleLocation(formData, result.boardSlug, result.postId, "comments"));
  return { ok: true, message: "댓글을 삭제했습니다.", commentId: result.commentId };
}
