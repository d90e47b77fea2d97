/**
 * The list counts the database's triggers keep (PostListCount, prisma/<engine>/migrations/
 * …_list_counts): after every kind of write that moves an article into, out of or between
 * lists — publish, schedule, unpublish, delete, restore, notice on and off, another category,
 * another board, a category deleted, a row deleted — and under concurrent publishing, each
 * board's and each category's count equals its rows counted one by one, on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";
import type { DatabaseEngine } from "@/lib/db/engine";
import { countedListRows, listCount, type ListFilter } from "@/lib/data/list-query";
import type { PostFields } from "@/lib/validations/post";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/throwaway-database";

let throwaway: ThrowawayDatabase;
let db: Database;
let writes: typeof import("@/lib/data/post-writes");
let admin: typeof import("@/lib/data/admin-boards");
let editor: Actor;
let administrator = 0;
const boards = { news: 0, life: 0 };
const categories = { economy: 0, society: 0 };

const fields = (overrides: Partial<PostFields> = {}): PostFields => ({
  title: "목록 수 시험",
  subtitle: "",
  boardSlug: "news",
  categoryId: null,
  bodyHtml: "<p>본문</p>",
  leadImageId: null,
  tags: [],
  isNotice: false,
  ...overrides,
});

async function publish(overrides: Partial<PostFields> = {}): Promise<number> {
  const result = await writes.createPost(editor, fields(overrides), { kind: "publish" });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.postId;
}

async function edit(postId: number, overrides: Partial<PostFields>): Promise<void> {
  const result = await writes.updatePost(editor, postId, fields(overrides), { kind: "publish" });
  if (!result.ok) throw new Error(JSON.stringify(result));
}

const number = async (query: Parameters<Database["$queryRaw"]>[0]) => Number((await db.$queryRaw<{ count: number | bigint }[]>(query))[0].count);

/** Every list of both boards: whole board and each category (and no category), kept count against counted rows. */
async function expectCountsExact(): Promise<Record<string, number>> {
  const filters: [string, ListFilter][] = [
    ["news", { boardId: boards.news, categoryId: null, search: null }],
    ["news/economy", { boardId: boards.news, categoryId: categories.economy, search: null }],
    ["news/society", { boardId: boards.news, categoryId: categories.society, search: null }],
    ["life", { boardId: boards.life, categoryId: null, search: null }],
  ];
  const counts: Record<string, number> = {};
  for (const [name, filter] of filters) {
    const kept = await number(listCount(db.engine, filter));
    expect(kept, name).toBe(await number(countedListRows(db.engine, filter)));
    counts[name] = kept;
  }
  return counts;
}

beforeAll(async () => {
  throwaway = await createThrowawayDatabase(process.env.TEST_ENGINE as DatabaseEngine, { label: "list-counts" });
  process.env.DATABASE_URL = throwaway.url;
  ({ db } = await import("@/lib/db"));
  writes = await import("@/lib/data/post-writes");
  admin = await import("@/lib/data/admin-boards");
  boards.news = (await db.board.create({ data: { slug: "news", title: "뉴스", position: 0 }, select: { id: true } })).id;
  boards.life = (await db.board.create({ data: { slug: "life", title: "생활", position: 1 }, select: { id: true } })).id;
  categories.economy = (await db.category.create({ data: { boardId: boards.news, slug: "economy", name: "경제" }, select: { id: true } })).id;
  categories.society = (await db.category.create({ data: { boardId: boards.news, slug: "society", name: "사회", position: 1 }, select: { id: true } })).id;
  const user = await db.user.create({ data: { loginId: "desk", displayName: "편집국", role: "editor", passwordHash: "!" }, select: { id: true } });
  editor = { id: user.id, displayName: "편집국", role: "editor" };
  administrator = (await db.user.create({ data: { loginId: "admin", displayName: "관리", role: "admin", passwordHash: "!" }, select: { id: true } })).id;
});

afterAll(async () => {
  await db?.$disconnect();
  await throwaway?.drop();
});

describe("list counts kept by the database", () => {
  it("follow every write that moves an article into, out of or between lists", async () => {
    expect(await expectCountsExact()).toEqual({ news: 0, "news/economy": 0, "news/society": 0, life: 0 });

    const plain = await publish();
    const economy = await publish({ categoryId: categories.economy });
    await publish({ categoryId: categories.society });
    await publish({ boardSlug: "life" });
    const draft = (await writes.createPost(editor, fields(), { kind: "save" })) as { ok: true; postId: number };
    await writes.createPost(editor, fields(), { kind: "schedule", at: new Date(Date.now() + 3_600_000) });
    await publish({ isNotice: true });
    expect(await expectCountsExact()).toEqual({ news: 3, "news/economy": 1, "news/society": 1, life: 1 });

    await edit(draft.postId, {});
    expect((await expectCountsExact()).news).toBe(4);
    await edit(plain, { isNotice: true });
    expect((await expectCountsExact()).news).toBe(3);
    await edit(plain, { isNotice: false });
    await edit(economy, { categoryId: categories.society });
    expect(await expectCountsExact()).toEqual({ news: 4, "news/economy": 0, "news/society": 2, life: 1 });
    await edit(economy, { boardSlug: "life", categoryId: null });
    expect(await expectCountsExact()).toEqual({ news: 3, "news/economy": 0, "news/society": 1, life: 2 });

    for (const change of ["unpublish", "delete", "restore"] as const) {
      const result = await writes.changePostStatus(editor, plain, change);
      expect(result.ok, change).toBe(true);
      await expectCountsExact();
    }
    // Views and comments move the counters on the row, not its place in any list.
    await db.post.update({ where: { id: economy }, data: { viewCount: { increment: 5 }, commentCount: { increment: 1 } } });
    await expectCountsExact();

    // A deleted category leaves its articles in the board, without a category (ON DELETE SET NULL).
    const deleted = await admin.deleteCategory({ id: administrator, role: "admin" }, { categoryId: categories.society });
    expect(deleted.ok).toBe(true);
    expect((await expectCountsExact())["news/society"]).toBe(0);

    await db.post.delete({ where: { id: economy } });
    await db.post.deleteMany({ where: { boardId: boards.news, isNotice: true } });
    await expectCountsExact();
  });

  it("stay exact when many articles are published, unpublished and moved at once", async () => {
    const ids = await Promise.all(Array.from({ length: 16 }, (_, index) => publish({ boardSlug: index % 2 ? "life" : "news", categoryId: index % 2 ? null : categories.economy })));
    await Promise.all(ids.map((postId, index) => (index % 3 === 0 ? writes.changePostStatus(editor, postId, "unpublish") : index % 3 === 1 ? edit(postId, { boardSlug: "life", categoryId: null }) : edit(postId, { isNotice: true }))));
    await expectCountsExact();
  });
});
