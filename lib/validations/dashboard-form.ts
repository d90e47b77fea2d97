import { z } from "zod";

/**
 * The one result shape of the dashboard's form actions (comment moderation, users, boards),
 * null before the first submission. A failure says what went wrong per field, in Korean, and
 * hands back what was typed (never a password) so the form shows it again, with or without
 * JavaScript.
 */
export type DashboardFormState<Field extends string> =
  | { ok: true; message: string }
  | {
      ok: false;
      message: string;
      fieldErrors: Partial<Record<Field, string[]>>;
      values: Partial<Record<Field, string>>;
    }
  | null;

/** The named fields of a submitted form as strings ("" for a missing one); nothing else. */
export function formInput<Field extends string>(data: FormData, fields: readonly Field[]): Record<Field, string> {
  const input = {} as Record<Field, string>;
  for (const field of fields) {
    const value = data.get(field);
    input[field] = typeof value === "string" ? value : "";
  }
  return input;
}

/** The per-field messages of a failed parse, for the listed fields only. */
export function fieldErrorsOf<Field extends string>(error: z.ZodError, fields: readonly Field[]): Partial<Record<Field, string[]>> {
  const { fieldErrors } = z.flattenError(error) as { fieldErrors: Record<string, string[] | undefined> };
  const result: Partial<Record<Field, string[]>> = {};
  for (const field of fields) {
    const messages = fieldErrors[field];
    if (messages?.length) result[field] = messages;
  }
  return result;
}

export const CHECK_INPUT_MESSAGE = "입력한 내용을 확인해 주세요.";
export const BAD_REQUEST_MESSAGE = "잘못된 요청입니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.";

/**
 * A failed parse as a form state: per-field messages for `typedFields` (the fields a person fills
 * in or picks; a problem with a hidden id is a bad request, not something to correct), and the
 * typed values minus the `secret` ones.
 */
export function invalidForm<Field extends string>(
  input: Record<Field, string>,
  error: z.ZodError,
  typedFields: readonly Field[],
  secret: readonly Field[] = [],
): DashboardFormState<Field> {
  const fieldErrors = fieldErrorsOf(error, typedFields);
  return {
    ok: false,
    message: Object.keys(fieldErrors).length ? CHECK_INPUT_MESSAGE : BAD_REQUEST_MESSAGE,
    fieldErrors,
    values: keptValues(input, secret),
  };
}

/** A refusal of the data layer as a form state: its message, on its field when it names one. */
export function refusedForm<Field extends string>(
  input: Record<Field, string>,
  refusal: { message: string; field?: Field },
  secret: readonly Field[] = [],
): DashboardFormState<Field> {
  return {
    ok: false,
    message: refusal.message,
    fieldErrors: refusal.field ? ({ [refusal.field]: [refusal.message] } as Partial<Record<Field, string[]>>) : {},
    values: keptValues(input, secret),
  };
}

function keptValues<Field extends string>(input: Record<Field, string>, secret: readonly Field[]): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = { ...input };
  for (const field of secret) delete values[field];
  return values;
}

/** A positive database id as a form sends it. */
export const idField = z
  .string({ error: "잘못된 요청입니다." })
  .regex(/^[1-9]\d{0,8}$/, { error: "잘못된 요청입니다." })
  .transform(Number);

/** Unicode NFC, no control or invisible characters, single spaces, trimmed: names and titles. */
export function normalizeLine(text: string): string {
  return text
    .toWellFormed().normalize("NFC")
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A one-line text field: normalized, then at most `max` characters, and not empty when
 * `messages.empty` says what to tell someone who left it empty.
 */
export function lineField(max: number, messages: { empty?: string; tooLong: string }) {
  const limited = z.string().max(max, { error: messages.tooLong });
  return z
    .string({ error: messages.empty ?? BAD_REQUEST_MESSAGE })
    .transform(normalizeLine)
    .pipe(messages.empty ? z.string().min(1, { error: messages.empty, abort: true }).pipe(limited) : limited);
}
