import { z } from "zod";
import { BAD_REQUEST_MESSAGE, idField, lineField } from "./dashboard-form";
import { RESERVED_BOARD_SLUGS } from "@/lib/routing/cached-urls";

/**
 * Boards and their categories (게시판 관리, admins only): the one schema of each, shared by
 * the forms and the server actions; create and update are variants picked from it.
 */

/**
 * A board's address, /<slug>: as lib/data/boards.ts (BOARD_SLUG_PATTERN) and next.config.ts's
 * article rewrite read it (tests/integration/admin.test.ts checks they agree).
 */
export const BOARD_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** Category slugs, as lib/board/list-state.ts reads ?category=. */
export const CATEGORY_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const SLUG_RULE = "영문 소문자, 숫자, 하이픈(-)으로 40자까지 (하이픈으로 시작하지 않게)";

/** Top-level addresses that are not boards (the app's own routes): lib/routing/cached-urls.ts. */
export { RESERVED_BOARD_SLUGS };

export const VIEW_COUNT_MODE_OPTIONS = ["every", "once", "off"] as const;
export const VIEW_COUNT_MODE_LABELS: Record<(typeof VIEW_COUNT_MODE_OPTIONS)[number], string> = {
  every: "볼 때마다 셈",
  once: "하루에 한 번만 셈 (방문자별)",
  off: "세지 않음",
};

export const BOARD_LIMITS = {
  title: 40,
  description: 200,
  position: { min: 0, max: 9999 },
  rowsPerPage: { min: 5, max: 100 },
  pageLinkCount: { min: 3, max: 20 },
  maxCommentDepth: { min: 0, max: 10 },
  categoryName: 20,
} as const;

/** A whole number typed into a field, between min and max. */
function wholeNumber(label: string, { min, max }: { min: number; max: number }) {
  const message = `${label}는 ${min}부터 ${max}까지의 정수로 입력해 주세요.`;
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,6}$/, { error: message })
    .transform(Number)
    .pipe(z.number().min(min, { error: message }).max(max, { error: message }));
}

const slug = (pattern: RegExp, label: string) =>
  z
    .string({ error: `${label}를 입력해 주세요.` })
    .trim()
    .min(1, { error: `${label}를 입력해 주세요.`, abort: true })
    .regex(pattern, { error: `${label}는 ${SLUG_RULE}로 지어 주세요.` });

export const BoardSchema = z.object({
  boardId: idField,
  slug: slug(BOARD_SLUG_PATTERN, "주소").refine((value) => !(RESERVED_BOARD_SLUGS as readonly string[]).includes(value), {
    error: "사이트가 쓰는 주소라 게시판 주소로 쓸 수 없습니다.",
  }),
  title: lineField(BOARD_LIMITS.title, { empty: "게시판 이름을 입력해 주세요.", tooLong: `게시판 이름은 ${BOARD_LIMITS.title}자까지 쓸 수 있습니다.` }),
  description: lineField(BOARD_LIMITS.description, { tooLong: `설명은 ${BOARD_LIMITS.description}자까지 쓸 수 있습니다.` }),
  position: wholeNumber("메뉴 순서", BOARD_LIMITS.position),
  rowsPerPage: wholeNumber("한 쪽의 글 수", BOARD_LIMITS.rowsPerPage),
  pageLinkCount: wholeNumber("쪽 번호 개수", BOARD_LIMITS.pageLinkCount),
  /** A checkbox: "on" when ticked, absent ("") when not. */
  noticesOnEveryPage: z.string().transform((value) => value === "on" || value === "1"),
  maxCommentDepth: wholeNumber("답글 깊이", BOARD_LIMITS.maxCommentDepth),
  viewCountMode: z.enum(VIEW_COUNT_MODE_OPTIONS, { error: "조회수 세는 방식을 골라 주세요." }),
});

const SETTINGS = {
  title: true,
  description: true,
  position: true,
  rowsPerPage: true,
  pageLinkCount: true,
  noticesOnEveryPage: true,
  maxCommentDepth: true,
  viewCountMode: true,
} as const;

/** A new board: its address (fixed from then on) and its settings. */
export const CreateBoardSchema = BoardSchema.pick({ slug: true, ...SETTINGS });
/** A board's settings; the address stays (links to its articles are out in the world). */
export const UpdateBoardSchema = BoardSchema.pick({ boardId: true, ...SETTINGS });

export const BOARD_SETTING_FIELDS = Object.keys(SETTINGS) as (keyof typeof SETTINGS)[];
export const CREATE_BOARD_FIELDS = ["slug", ...BOARD_SETTING_FIELDS] as const;
export const UPDATE_BOARD_FIELDS = ["boardId", ...BOARD_SETTING_FIELDS] as const;
export type CreateBoardField = (typeof CREATE_BOARD_FIELDS)[number];
export type UpdateBoardField = (typeof UPDATE_BOARD_FIELDS)[number];
export type BoardSettingField = (typeof BOARD_SETTING_FIELDS)[number];
export type NewBoard = z.infer<typeof CreateBoardSchema>;
export type BoardSettings = Omit<NewBoard, "slug">;

/** A new board's settings, as the create form starts (the schema's defaults). */
export const DEFAULT_BOARD_SETTINGS: Record<BoardSettingField, string> = {
  title: "",
  description: "",
  position: "0",
  rowsPerPage: "20",
  pageLinkCount: "10",
  noticesOnEveryPage: "on",
  maxCommentDepth: "5",
  viewCountMode: "once",
};

export const CategorySchema = z.object({
  boardId: idField,
  categoryId: idField,
  slug: slug(CATEGORY_SLUG_PATTERN, "분류 주소"),
  name: lineField(BOARD_LIMITS.categoryName, { empty: "분류 이름을 입력해 주세요.", tooLong: `분류 이름은 ${BOARD_LIMITS.categoryName}자까지 쓸 수 있습니다.` }),
  direction: z.enum(["up", "down"], { error: BAD_REQUEST_MESSAGE }),
});

export const AddCategorySchema = CategorySchema.pick({ boardId: true, slug: true, name: true });
export const RenameCategorySchema = CategorySchema.pick({ categoryId: true, name: true });
export const MoveCategorySchema = CategorySchema.pick({ categoryId: true, direction: true });
export const DeleteCategorySchema = CategorySchema.pick({ categoryId: true });

export const ADD_CATEGORY_FIELDS = ["boardId", "slug", "name"] as const;
export const RENAME_CATEGORY_FIELDS = ["categoryId", "name"] as const;
export const MOVE_CATEGORY_FIELDS = ["categoryId", "direction"] as const;
export const DELETE_CATEGORY_FIELDS = ["categoryId"] as const;
export type AddCategoryField = (typeof ADD_CATEGORY_FIELDS)[number];
export type RenameCategoryField = (typeof RENAME_CATEGORY_FIELDS)[number];
export type MoveCategoryField = (typeof MOVE_CATEGORY_FIELDS)[number];
export type DeleteCategoryField = (typeof DELETE_CATEGORY_FIELDS)[number];
