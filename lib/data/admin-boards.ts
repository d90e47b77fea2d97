import "server-only";
import { db } from "@/lib/db";
import { forgetRememberedBoards } from "./boards";
import type { BoardSettings, NewBoard } from "@/lib/validations/admin-boards";
import { isUniqueViolation, refusal, refuseUnlessAdmin, TRANSACTION_OPTIONS, type Refusal, type StaffActor } from "./staff-access";

/**
 * Boards as admins manage them: create a board, change its settings, and add, rename, reorder
 * and delete its categories. Every function takes the acting user and checks they are an admin
 * (as the database has it now, lib/data/staff-access.ts). Each change returns the board's slug,
 * and says whether the site menu changed, so the action can revalidate what readers see
 * (lib/cache-tags.ts revalidateBoard, revalidateSiteMenu). Each write also makes this process
 * forget the boards it keeps in memory (lib/data/boards.ts). A board's slug never changes:
 * links to its articles are out in the world.
 */

export type AdminBoardRow = {
  id: number;
  slug: string;
  title: string;
  position: number;
  postCount: number;
  categoryCount: number;
};

/** Every board in menu order (the first is the front page). */
export async function listBoardsForAdmin(actor: StaffActor): Promise<{ ok: true; boards: AdminBoardRow[] } | Refusal> {
  const refused = await refuseUnlessAdmin(actor);
  if (refused) return refused;
  const boards = await db.board.findMany({
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, slug: true, title: true, position: true, _count: { select: { posts: true, categories: true } } },
  });
  return {
    ok: true,
    boards: boards.map(({ _count, ...board }) => ({ ...board, postCount: _count.posts, categoryCount: _count.categories })),
  };
}

export type AdminCategory = { id: number; slug: string; name: string; position: number; postCount: number };

export type AdminBoard = BoardSettings & {
  id: number;
  slug: string;
  /** In tab order. */
  categories: AdminCategory[];
};

const asViewCountMode = (mode: string): BoardSettings["viewCountMode"] => (mode === "every" || mode === "off" ? mode : "once");

/** One board with all its settings and categories, or a refusal ("not-found" for an unknown slug). */
export async function findBoardForAdmin(actor: StaffActor, slug: string): Promise<{ ok: true; board: AdminBoard } | Refusal> {
  const refused = await refuseUnlessAdmin(actor);
  if (refused) return refused;
  const board = await db.board.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      position: true,
      rowsPerPage: true,
      pageLinkCount: true,
      noticesOnEveryPage: true,
      maxCommentDepth: true,
      viewCountMode: true,
      categories: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true, slug: true, name: true, position: true, _count: { select: { posts: true } } },
      },
    },
  });
  if (!board) return refusal("not-found", BOARD_NOT_FOUND);
  return {
    ok: true,
    board: {
      ...board,
      viewCountMode: asViewCountMode(board.viewCountMode),
      categories: board.categories.map(({ _count, ...category }) => ({ ...category, postCount: _count.posts })),
    },
  };
}

const BOARD_NOT_FOUND = "게시판을 찾을 수 없습니다.";
const CATEGORY_NOT_FOUND = "분류를 찾을 수 없습니다.";
const SLUG_TAKEN = "이미 다른 게시판이 쓰는 주소입니다.";
const CATEGORY_SLUG_TAKEN = "이 게시판에 같은 주소의 분류가 있습니다.";

/** What a board change leaves for the action to revalidate. */
export type BoardChange = { ok: true; slug: string; menuChanged: boolean; changed: boolean; message: string };

/** A new board, shown in the site menu at its position. */
export async function createBoard(actor: StaffActor, input: NewBoard): Promise<BoardChange | Refusal<"slug">> {
  const refused = await refuseUnlessAdmin(actor);
  if (refused) return refused;
  if (await db.board.findUnique({ where: { slug: input.slug }, select: { id: true } })) return refusal("conflict", SLUG_TAKEN, "slug");
  try {
    await db.board.create({ data: input, select: { id: true } });
    forgetRememberedBoards();
  } catch (error) {
    if (isUniqueViolation(error)) return refusal("conflict", SLUG_TAKEN, "slug");
    throw error;
  }
  return { ok: true, slug: input.slug, menuChanged: true, changed: true, message: `'${input.title}' 게시판을 만들었습니다.` };
}

/** New settings for a board. The menu changes when its title or position does. */
export async function updateBoardSettings(actor: StaffActor, input: BoardSettings & { boardId: number }): Promise<BoardChange | Refusal> {
  const refused = await refuseUnlessAdmin(actor);
  if (refused) return refused;
  const { boardId, ...settings } = input;
  const board = await db.board.findUnique({ where: { id: boardId }, select: { slug: true, title: true, position: true } });
  if (!board) return refusal("not-found", BOARD_NOT_FOUND);
  const { count } = await db.board.updateMany({ where: { id: boardId }, data: settings });
  forgetRememberedBoards();
  if (count !== 1) return refusal("not-found", BOARD_NOT_FOUND);
  return {
    ok: true,
    slug: board.slug,
    menuChanged: board.title !== settings.title || board.position !== settings.position,
    changed: true,
    message: "게시판 설정을 저장했습니다.",
  };
}

async function categoryWithBoard(categoryId: number) {
  return db.category.findUnique({
    where: { id: categoryId },
    select: { id: true, boardId: true, name: true, board: { select: { slug: true } } },
  });
}

/** A new category, last in the board's tabs. */
export async function addCategory(
  actor: StaffActor,
  input: { boardId: number; slug: string; name: string },
): Promise<BoardChange | Refusal<"slug">> {
  const refused = await refuseUnlessAdmin(actor);
  if (refused) return refused;
  const board = await db.board.findUnique({ where: { id: input.boardId }, select: { slug: true } });
  if (!board) return refusal("not-found", BOARD_NOT_FOUND);
  try {
    await db.$transaction(async (tx) => {
      const last = await tx.category.findFirst({ where: { boardId: input.boardId }, orderBy: { position: "desc" }, select: { position: true } });
      await tx.category.create({
        data: { boardId: input.boardId, slug: input.slug, name: input.name, position: (last?.position ?? -1) + 1 },
        select: { id: true },
      });
    }, TRANSACTION_OPTIONS);
    forgetRememberedBoards();
  } catch (error) {
    if (isUniqueViolation(error)) return refusal("conflict", CATEGORY_SLUG_TAKEN, "slug");
    throw error;
  }
  return { ok: true, slug: board.slug, menuChanged: false, changed: true, message: `'${input.name}' 분류를 더했습니다.` };
}

/** A category's new name (its address, in links people keep, stays). */
export async function renameCategory(actor: StaffActor, input: { categoryId: number; name: string }): Promise<BoardChange | Refusal> {
  const refused = await refuseUnlessAdmin(actor);
  if (refused) return refused;
  const category = await categoryWithBoard(input.categoryId);
  if (!category) return refusal("not-found", CATEGORY_NOT_FOUND);
  if (category.name === input.name) {
    return { ok: true, slug: category.board.slug, menuChanged: false, changed: false, message: "이름이 그대로입니다." };
  }
  const { count } = await db.category.updateMany({ where: { id: category.id }, data: { name: input.name } });
  forgetRememberedBoards();
  if (count !== 1) return refusal("not-found", CATEGORY_NOT_FOUND);
  return { ok: true, slug: category.board.slug, menuChanged: false, changed: true, message: `분류 이름을 '${input.name}'(으)로 바꾸었습니다.` };
}

/**
 * Moves a category one place up or down in its board's tabs. The board's categories are
 * numbered 0, 1, 2… afresh in the same transaction, so positions stay distinct whatever they were.
 */
export async function moveCategory(actor: StaffActor, input: { categoryId: number; direction: "up" | "down" }): Promise<BoardChange | Refusal> {
  const refused = await refuseUnlessAdmin(actor);
  if (refused) return refused;
  const category = await categoryWithBoard(input.categoryId);
  if (!category) return refusal("not-found", CATEGORY_NOT_FOUND);
  const moved = await db.$transaction(async (tx) => {
    const siblings = await tx.category.findMany({
      where: { boardId: category.boardId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, position: true },
    });
    const from = siblings.findIndex((sibling) => sibling.id === category.id);
    const to = from + (input.direction === "up" ? -1 : 1);
    if (from === -1 || to < 0 || to >= siblings.length) return false;
    const order = siblings.map((sibling) => sibling.id);
    [order[from], order[to]] = [order[to], order[from]];
    for (const [position, id] of order.entries()) {
      if (siblings.find((sibling) => sibling.id === id)!.position !== position) {
        await tx.category.update({ where: { id }, data: { position }, select: { id: true } });
      }
    }
    return true;
  }, TRANSACTION_OPTIONS);
  forgetRememberedBoards();
  return {
    ok: true,
    slug: category.board.slug,
    menuChanged: false,
    changed: moved,
    message: moved ? "분류 순서를 바꾸었습니다." : input.direction === "up" ? "이미 맨 앞입니다." : "이미 맨 뒤입니다.",
  };
}

/** Deletes a category; its articles stay, with no category (Post.categoryId is set to null by the database). */
export async function deleteCategory(actor: StaffActor, input: { categoryId: number }): Promise<BoardChange | Refusal> {
  const refused = await refuseUnlessAdmin(actor);
  if (refused) return refused;
  const category = await categoryWithBoard(input.categoryId);
  if (!category) return refusal("not-found", CATEGORY_NOT_FOUND);
  const { count } = await db.category.deleteMany({ where: { id: category.id } });
  forgetRememberedBoards();
  return {
    ok: true,
    slug: category.board.slug,
    menuChanged: false,
    changed: count === 1,
    message: count === 1 ? `'${category.name}' 분류를 지웠습니다. 그 분류의 글은 분류 없음이 됩니다.` : "이미 지워진 분류입니다.",
  };
}
