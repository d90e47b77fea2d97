import { z } from "zod";

/**
 * Articles: the one schema of the dashboard's article form, shared by the form (field limits,
 * maxLength attributes) and by the server actions, which parse every submission again.
 *
 * The body arrives as the editor's HTML and is sanitized on the server before it is stored
 * (lib/content/sanitize-article-html.ts); here it is only bounded in size.
 */
export const POST_TITLE_MAX = 200;
export const POST_SUBTITLE_MAX = 300;
/** Raw HTML from the editor; the sanitized body is usually much smaller. */
export const POST_BODY_MAX = 500_000;
export const POST_TAGS_MAX = 10;
export const POST_TAG_MAX = 30;

/** What pressing a button of the form asks for. */
export const POST_INTENTS = ["save", "publish", "schedule"] as const;
export type PostIntent = (typeof POST_INTENTS)[number];

const UNTYPABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** One line of text as stored: NFC, no control characters, single spaces, trimmed. */
export const normalizeLine = (text: string) => text.toWellFormed().normalize("NFC").replace(UNTYPABLE, "").replace(/\s+/g, " ").trim();

/** "광역버스, #교통,  인천 " → ["광역버스", "교통", "인천"]: trimmed, no leading #, no duplicates. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of text.split(/[,，\n]/)) {
    const tag = normalizeLine(part).replace(/^#+/, "").trim();
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}

const text = (message: string) => z.string({ error: message });
const optionalId = z
  .string({ error: "잘못된 요청입니다." })
  .regex(/^(|[1-9]\d{0,8})$/, { error: "잘못된 요청입니다." })
  .transform((value) => (value === "" ? null : Number(value)));

export const postId = z.string({ error: "잘못된 요청입니다." }).regex(/^[1-9]\d{0,8}$/, { error: "잘못된 요청입니다." }).transform(Number);

const title = text("제목을 입력해 주세요.")
  .transform(normalizeLine)
  .pipe(
    z
      .string()
      .min(1, { error: "제목을 입력해 주세요.", abort: true })
      .max(POST_TITLE_MAX, { error: `제목은 ${POST_TITLE_MAX}자까지 쓸 수 있습니다.` }),
  );

const subtitle = text("부제목이 올바르지 않습니다.")
  .transform(normalizeLine)
  .pipe(z.string().max(POST_SUBTITLE_MAX, { error: `부제목은 ${POST_SUBTITLE_MAX}자까지 쓸 수 있습니다.` }));

const bodyHtml = text("본문을 입력해 주세요.").max(POST_BODY_MAX, { error: "본문이 너무 깁니다. 나누어 실어 주세요." });

const tags = text("태그가 올바르지 않습니다.")
  .max(2000, { error: "태그가 너무 깁니다." })
  .transform(parseTags)
  .pipe(
    z
      .array(z.string().max(POST_TAG_MAX, { error: `태그는 하나에 ${POST_TAG_MAX}자까지 쓸 수 있습니다.` }))
      .max(POST_TAGS_MAX, { error: `태그는 ${POST_TAGS_MAX}개까지 달 수 있습니다.` }),
  );

const boardSlug = text("게시판을 골라 주세요.").regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: "게시판을 골라 주세요." });

/** A checkbox: "on" when ticked, absent otherwise. */
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.undefined(), z.null()], { error: "잘못된 요청입니다." })
  .transform((value) => value === "on" || value === "true");

/**
 * `<input type="datetime-local">` in Korean time ("2026-12-01T09:30"): the newsroom schedules
 * in KST whatever the browser's zone, and Korea has no daylight saving time.
 */
export function parseKoreanLocalTime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6] ?? "00"}+09:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The value of a datetime-local input in Korean time for a moment. */
export function koreanLocalTimeValue(date: Date): string {
  return new Date(date.getTime() + 9 * 3600_000).toISOString().slice(0, 16);
}

/** The article form's fields, as the form posts them. */
export const PostFieldsSchema = z.object({
  title,
  subtitle: subtitle.prefault(""),
  boardSlug,
  categoryId: optionalId.prefault(""),
  bodyHtml,
  leadImageId: optionalId.prefault(""),
  tags: tags.prefault(""),
  isNotice: checkbox,
});

export type PostFields = z.output<typeof PostFieldsSchema>;

/** Scheduling: how soon and how far ahead an article may be set to publish itself. */
export const SCHEDULE_MIN_LEAD_MS = 60_000;
export const SCHEDULE_MAX_LEAD_MS = 366 * 24 * 3600_000;

export const PostSubmissionSchema = PostFieldsSchema.extend({
  postId: optionalId.prefault(""),
  intent: z.enum(POST_INTENTS, { error: "잘못된 요청입니다." }),
  publishAt: z.string().prefault(""),
}).superRefine((value, context) => {
  if (value.intent !== "schedule") return;
  const at = parseKoreanLocalTime(value.publishAt);
  if (!at) {
    context.addIssue({ code: "custom", path: ["publishAt"], message: "예약 시각을 입력해 주세요." });
  } else if (at.getTime() < Date.now() + SCHEDULE_MIN_LEAD_MS) {
    context.addIssue({ code: "custom", path: ["publishAt"], message: "예약 시각은 지금부터 1분 뒤 이후여야 합니다." });
  } else if (at.getTime() > Date.now() + SCHEDULE_MAX_LEAD_MS) {
    context.addIssue({ code: "custom", path: ["publishAt"], message: "예약은 1년 안으로만 할 수 있습니다." });
  }
});

export type PostSubmission = z.output<typeof PostSubmissionSchema>;

/**
 * Autosave: the same fields, none required (a draft may still be empty), each only bounded.
 * A draft with neither title nor body is not stored.
 */
export const AutosaveSchema = PostFieldsSchema.extend({
  postId: optionalId.prefault(""),
  title: text("제목이 올바르지 않습니다.").transform(normalizeLine).pipe(z.string().max(POST_TITLE_MAX, { error: `제목은 ${POST_TITLE_MAX}자까지 쓸 수 있습니다.` })),
});

export type AutosaveInput = z.output<typeof AutosaveSchema>;

/** Reading a form: every field as a string (absent fields stay undefined for the defaults). */
export function postFormInput(formData: FormData): Record<string, string | undefined> {
  const read = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  return {
    postId: read("postId"),
    title: read("title"),
    subtitle: read("subtitle"),
    boardSlug: read("boardSlug"),
    categoryId: read("categoryId"),
    bodyHtml: read("bodyHtml"),
    leadImageId: read("leadImageId"),
    tags: read("tags"),
    isNotice: read("isNotice"),
    intent: read("intent"),
    publishAt: read("publishAt"),
  };
}

export type PostFieldName = "title" | "subtitle" | "boardSlug" | "categoryId" | "bodyHtml" | "leadImageId" | "tags" | "isNotice" | "publishAt";

export function postFieldErrors(error: z.ZodError): Partial<Record<PostFieldName, string[]>> {
  return z.flattenError(error).fieldErrors as Partial<Record<PostFieldName, string[]>>;
}
