import { z } from "zod";
import {
  COMMENT_BODY_MAX,
  COMMENT_MESSAGES,
  COMMENT_PASSWORD_MAX,
  COMMENT_PASSWORD_MIN,
  GUEST_NAME_MAX,
  normalizeCommentBody,
  normalizeGuestName,
  type CommentFieldErrors,
} from "./comment-fields";

export * from "./comment-fields";

/**
 * Comments: the one schema, parsed by the server actions on every submission (create, edit and
 * delete are variants picked from it). The limits, normalizers, form fields and result type
 * live in ./comment-fields.ts, which the browser's comment forms import without zod.
 */

/** Names a guest may not take: they read as the newsroom speaking. */
const RESERVED_NAMES = ["관리자", "운영자", "편집국", "편집자", "기자", "admin", "administrator", "운영진"];
const isReserved = (name: string) => RESERVED_NAMES.includes(name.replace(/\s/g, "").toLowerCase());

const id = z.string({ error: "잘못된 요청입니다." }).regex(/^[1-9]\d{0,8}$/, { error: "잘못된 요청입니다." }).transform(Number);
const optionalId = z
  .string({ error: "잘못된 요청입니다." })
  .regex(/^(|[1-9]\d{0,8})$/, { error: "잘못된 요청입니다." })
  .transform((value) => (value === "" ? null : Number(value)));

const body = z
  .string({ error: COMMENT_MESSAGES.bodyRequired })
  .transform(normalizeCommentBody)
  .pipe(
    z
      .string()
      .min(1, { error: COMMENT_MESSAGES.bodyRequired, abort: true })
      .max(COMMENT_BODY_MAX, { error: COMMENT_MESSAGES.bodyTooLong }),
  );

const guestName = z
  .string({ error: COMMENT_MESSAGES.nameRequired })
  .transform(normalizeGuestName)
  .pipe(
    z
      .string()
      .min(1, { error: COMMENT_MESSAGES.nameRequired, abort: true })
      .max(GUEST_NAME_MAX, { error: COMMENT_MESSAGES.nameTooLong, abort: true })
      .refine((name) => !isReserved(name), { error: "사용할 수 없는 이름입니다." }),
  );

// Passwords are taken exactly as typed: no trimming, no normalization.
const password = z
  .string({ error: COMMENT_MESSAGES.passwordRequired })
  .min(1, { error: COMMENT_MESSAGES.passwordRequired, abort: true })
  .min(COMMENT_PASSWORD_MIN, { error: COMMENT_MESSAGES.passwordTooShort, abort: true })
  .max(COMMENT_PASSWORD_MAX, { error: COMMENT_MESSAGES.passwordTooLong });

/** Edit and delete: a guest comment needs its password, an own or moderated comment does not. */
const passwordIfAny = z
  .string()
  .max(COMMENT_PASSWORD_MAX, { error: COMMENT_MESSAGES.passwordTooLong });

export const CommentSchema = z.object({
  postId: id,
  /** The comment a reply answers; "" for a top-level comment. */
  parentId: optionalId,
  commentId: id,
  body,
  guestName,
  password,
});

/** A comment by a reader without an account: name and password. */
export const CreateGuestCommentSchema = CommentSchema.pick({ postId: true, parentId: true, body: true, guestName: true, password: true });
/** A comment by a signed-in user: the session says who. */
export const CreateMemberCommentSchema = CommentSchema.pick({ postId: true, parentId: true, body: true });
/** Editing a guest comment (the browser knows the comment is a guest's and asks for the password). */
export const EditGuestCommentSchema = CommentSchema.pick({ commentId: true, body: true, password: true });
/** Editing as the action sees it: the data layer decides whether this comment needs a password. */
export const EditCommentSchema = CommentSchema.pick({ commentId: true, body: true }).extend({ password: passwordIfAny });
export const DeleteGuestCommentSchema = CommentSchema.pick({ commentId: true, password: true });
export const DeleteCommentSchema = CommentSchema.pick({ commentId: true }).extend({ password: passwordIfAny });

/** The per-field messages of a failed parse, for the fields a person can correct. */
export function commentFieldErrors(error: z.ZodError): CommentFieldErrors {
  const { fieldErrors } = z.flattenError(error) as { fieldErrors: Record<string, string[] | undefined> };
  const result: CommentFieldErrors = {};
  for (const field of ["body", "guestName", "password"] as const) {
    if (fieldErrors[field]?.length) result[field] = fieldErrors[field];
  }
  return result;
}

