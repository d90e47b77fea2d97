/**
 * What the comment forms and the comment schema (lib/validations/comment.ts) share without zod:
 * the limits (the forms' maxLength attributes and their check before posting), the
 * normalization of a body and a name, the form's fields and the result every comment action
 * returns. The browser bundle imports this module only; zod stays on the server.
 */
export const COMMENT_BODY_MAX = 2000;
export const GUEST_NAME_MAX = 20;
export const COMMENT_PASSWORD_MIN = 4;
export const COMMENT_PASSWORD_MAX = 64;

/** The messages a reader sees for a field in error (the schema's and the forms' check's). */
export const COMMENT_MESSAGES = {
  bodyRequired: "댓글 내용을 입력해 주세요.",
  bodyTooLong: `댓글은 ${COMMENT_BODY_MAX.toLocaleString("ko-KR")}자까지 쓸 수 있습니다.`,
  nameRequired: "이름을 입력해 주세요.",
  nameTooLong: `이름은 ${GUEST_NAME_MAX}자까지 쓸 수 있습니다.`,
  passwordRequired: "비밀번호를 입력해 주세요.",
  passwordTooShort: `비밀번호는 ${COMMENT_PASSWORD_MIN}자 이상 입력해 주세요.`,
  passwordTooLong: `비밀번호는 ${COMMENT_PASSWORD_MAX}자까지 입력할 수 있습니다.`,
} as const;

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

/**
 * The browser's check before a form posts, without zod: the fields this form requires are
 * filled in (as the schema normalizes them) and within the limits. The server action parses
 * the submission with the schema again and has the last word (a reserved name, say, is its
 * to refuse); this only saves a round trip for what a reader most often gets wrong.
 */
export function checkCommentFields(input: CommentFormInput, required: readonly CommentField[]): CommentFieldErrors {
  const errors: CommentFieldErrors = {};
  if (required.includes("body")) {
    const body = normalizeCommentBody(input.body);
    if (body === "") errors.body = [COMMENT_MESSAGES.bodyRequired];
    else if (body.length > COMMENT_BODY_MAX) errors.body = [COMMENT_MESSAGES.bodyTooLong];
  }
  if (required.includes("guestName")) {
    const name = normalizeGuestName(input.guestName);
    if (name === "") errors.guestName = [COMMENT_MESSAGES.nameRequired];
    else if (name.length > GUEST_NAME_MAX) errors.guestName = [COMMENT_MESSAGES.nameTooLong];
  }
  if (required.includes("password")) {
    const password = input.password;
    if (password === "") errors.password = [COMMENT_MESSAGES.passwordRequired];
    else if (password.length < COMMENT_PASSWORD_MIN) errors.password = [COMMENT_MESSAGES.passwordTooShort];
    else if (password.length > COMMENT_PASSWORD_MAX) errors.password = [COMMENT_MESSAGES.passwordTooLong];
  }
  return errors;
}

/**
 * What every comment action returns (null before the first submission). A failure keeps what
 * was typed (never the password) so the form, with or without JavaScript, shows it again.
 */
export type CommentFormState =
  | { ok: true; message: string; commentId: number }
  | { ok: false; message: string; fieldErrors: CommentFieldErrors; values: { body: string; guestName: string } }
  | null;
