import { z } from "zod";

/**
 * Comments: the one schema, shared by the comment forms (checked in the browser before they
 * post, and for their maxLength attributes) and by the server actions, which parse every
 * submission again. Create, edit and delete are variants picked from it.
 */
export const COMMENT_BODY_MAX = 2000;
export const GUEST_NAME_MAX = 20;
export const COMMENT_PASSWORD_MIN = 4;
export const COMMENT_PASSWORD_MAX = 64;

/** Characters nobody types on purpose: C0/C1 controls (except tab and newline), bidi overrides, BOM. */
const UNTYPABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
/** Invisible characters that would let two names look alike. */
const INVISIBLE = /[\u200B-\u200F\u2060\u3164\u115F\u1160]/g;

/**
 * A comment body as stored: Unicode NFC (a Mac's decomposed Hangul becomes ordinary syllables),
 * \n line breaks, no control characters, no trailing spaces on a line, at most one empty line in
 * a row, trimmed.
 */
export function normalizeCommentBody(text: string): string {
  return text
    .toWellFormed().normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(UNTYPABLE, "")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A guest's name as stored: NFC, no control or invisible characters, single spaces, trimmed. */
export function normalizeGuestName(text: string): string {
  return text.toWellFormed().normalize("NFC").replace(UNTYPABLE, "").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}

/** Names a guest may not take: they read as the newsroom speaking. */
const RESERVED_NAMES = ["관리자", "운영자", "편집국", "편집자", "기자", "admin", "administrator", "운영진"];
const isReserved = (name: string) => RESERVED_NAMES.includes(name.replace(/\s/g, "").toLowerCase());

const id = z.string({ error: "잘못된 요청입니다." }).regex(/^[1-9]\d{0,8}$/, { error: "잘못된 요청입니다." }).transform(Number);
const optionalId = z
  .string({ error: "잘못된 요청입니다." })
  .regex(/^(|[1-9]\d{0,8})$/, { error: "잘못된 요청입니다." })
  .transform((value) => (value === "" ? null : Number(value)));

const body = z
  .string({ error: "댓글 내용을 입력해 주세요." })
  .transform(normalizeCommentBody)
  .pipe(
    z
      .string()
      .min(1, { error: "댓글 내용을 입력해 주세요.", abort: true })
      .max(COMMENT_BODY_MAX, { error: `댓글은 ${COMMENT_BODY_MAX.toLocaleString("ko-KR")}자까지 쓸 수 있습니다.` }),
  );

const guestName = z
  .string({ error: "이름을 입력해 주세요." })
  .transform(normalizeGuestName)
  .pipe(
    z
      .string()
      .min(1, { error: "이름을 입력해 주세요.", abort: true })
      .max(GUEST_NAME_MAX, { error: `이름은 ${GUEST_NAME_MAX}자까지 쓸 수 있습니다.`, abort: true })
      .refine((name) => !isReserved(name), { error: "사용할 수 없는 이름입니다." }),
  );

// Passwords are taken exactly as typed: no trimming, no normalization.
const password = z
  .string({ error: "비밀번호를 입력해 주세요." })
  .min(1, { error: "비밀번호를 입력해 주세요.", abort: true })
  .min(COMMENT_PASSWORD_MIN, { error: `비밀번호는 ${COMMENT_PASSWORD_MIN}자 이상 입력해 주세요.`, abort: true })
  .max(COMMENT_PASSWORD_MAX, { error: `비밀번호는 ${COMMENT_PASSWORD_MAX}자까지 입력할 수 있습니다.` });

/** Edit and delete: a guest comment needs its password, an own or moderated comment does not. */
const passwordIfAny = z
  .string()
  .max(COMMENT_PASSWORD_MAX, { error: `비밀번호는 ${COMMENT_PASSWORD_MAX}자까지 입력할 수 있습니다.` });

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

export type CommentField = "body" | "guestName" | "password";
export type CommentFieldErrors = Partial<Record<CommentField, string[]>>;

/** What the forms send, as strings ("" for a field the form does not have). */
export type CommentFormInput = Record<"postId" | "parentId" | "commentId" | CommentField, string>;

const INPUT_FIELDS = ["postId", "parentId", "commentId", "body", "guestName", "password"] as const;

/** The comment fields of a submitted form; anything else (the framework's own fields) is left out. */
export function commentFormInput(data: FormData): CommentFormInput {
  const input = {} as CommentFormInput;
  for (const field of INPUT_FIELDS) {
    const value = data.get(field);
    input[field] = typeof value === "string" ? value : "";
  }
  return input;
}

/** The per-field messages of a failed parse, for the fields a person can correct. */
export function commentFieldErrors(error: z.ZodError): CommentFieldErrors {
  const { fieldErrors } = z.flattenError(error) as { fieldErrors: Record<string, string[] | undefined> };
  const result: CommentFieldErrors = {};
  for (const field of ["body", "guestName", "password"] as const) {
    if (fieldErrors[field]?.length) result[field] = fieldErrors[field];
  }
  return result;
}

/**
 * What every comment action returns (null before the first submission). A failure keeps what
 * was typed (never the password) so the form, with or without JavaScript, shows it again.
 */
export type CommentFormState =
  | { ok: true; message: string; commentId: number }
  | { ok: false; message: string; fieldErrors: CommentFieldErrors; values: { body: string; guestName: string } }
  | null;
