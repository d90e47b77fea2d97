/**
 * Builds the demo site: the 지역뉴스 board with the seed page's articles verbatim, generated
 * articles around them, a few notices, comments and replies, and the demo accounts.
 * Used by `npm run seed`, by `npm start` on an empty database and by the tests.
 */
import bcrypt from "bcryptjs";
import type { Database } from "../db/client";
import { insertRows, insertRowsReturningIds } from "../db/bulk-insert";
import type { BulkLoader } from "../db/bulk-load";
import { commentSearchDocument, postSearchDocument } from "../search/documents";
import { koreanDay } from "../visitors/visitor-key";
import { SEED_ARTICLE, SEED_PAGE_ROWS } from "./seed-page";
import {
  createRandom,
  generateBody,
  generateComments,
  generatePublishedAt,
  generateTitle,
  paragraphsToHtml,
  TITLE_CEILING,
  type GeneratedComment,
  type Random,
} from "./generate";

export const DEMO_BOARD = {
  slug: "news",
  title: "지역뉴스",
  description: "인천·경기·경남 지역의 행정, 경제, 생활 소식",
} as const;

/** The accounts README names. Change their passwords on a real site. */
export const DEMO_ACCOUNTS = {
  reporter: { loginId: "kmbn2019", password: "reporter-2020!", displayName: "kmbn2019", role: "reporter" },
  editor: { loginId: "desk", password: "editor-2020!", displayName: "편집데스크", role: "editor" },
  admin: { loginId: "admin", password: "admin-2020!", displayName: "관리자", role: "admin" },
} as const;

/** Other bylines on the demo board. They have no usable password. */
const OTHER_REPORTERS = [
  { loginId: "kimminji", displayName: "김민지 기자" },
  { loginId: "parksungho", displayName: "박성호 기자" },
  { loginId: "gyeongnam", displayName: "경남취재본부" },
] as const;

/** The demo board's categories, shown as tabs above its list. */
export const DEMO_CATEGORIES = [
  { slug: "government", name: "행정" },
  { slug: "economy", name: "경제" },
  { slug: "society", name: "사회" },
  { slug: "culture", name: "문화" },
] as const;

const NOTICE_TITLES = [
  "[공지] 지역뉴스 게시판 이용 안내",
  "[공지] 기사 제보 및 보도자료 접수 안내",
  "[공지] 댓글 운영 원칙",
] as const;

/** A hash no password matches: accounts that exist only as bylines. */
const NO_LOGIN = "!";

export const DEFAULT_POST_COUNT = 560;
export const DEFAULT_RANDOM_SEED = 2020;

export type SeedOptions = {
  /** Numbered articles on the demo board (notices come on top of these). At least 21. */
  posts?: number;
  /** PRNG seed: the same seed always gives the same site. */
  seed?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Write the articles through a bulk loader (lib/db/bulk-load.ts) instead of the Prisma client:
   * for very large boards (a million articles), on a database being filled from scratch.
   */
  loader?: BulkLoader;
};

/** Where the article batches go: the Prisma client, or a bulk loader. */
type RowWriter = Pick<BulkLoader, "insertRowsReturningIds" | "insertRows" | "transaction">;

function prismaWriter(database: Database): RowWriter {
  return {
    insertRowsReturningIds: (table, columns, rows) => insertRowsReturningIds(database, table, columns, rows),
    insertRows: (table, columns, rows) => insertRows(database, table, columns, rows),
    transaction: (load) => load(),
  };
}

/** Tables the article batches fill. */
const LOADED_TABLES = ["Post", "PostSearch", "ViewDaily", "Comment", "CommentSearch"] as const;

type PlannedPost = {
  title: string;
  /**
   * The body is made again when its batch is written (from the generator's state where it
   * began), so a million-article plan holds no bodies.
   */
  bodyHtml: () => string;
  authorId: number;
  publishedAt: Date;
  viewCount: number;
  isNotice: boolean;
  categoryId: number | null;
  comments: GeneratedComment[];
};

const BATCH_SIZE = 5_000;

const POST_COLUMNS = [
  "boardId", "authorId", "categoryId", "title", "bodyHtml", "status", "publishedAt",
  "isNotice", "viewCount", "commentCount", "createdAt", "updatedAt",
] as const;

const COMMENT_COLUMNS = [
  "postId", "parentId", "depth", "guestName", "passwordHash", "body", "status", "createdAt", "updatedAt",
] as const;

/** Parses "2020.09.14" as a Korean-time moment of that day. */
function koreanDate(day: string, hour: number, minute: number): Date {
  const [year, month, date] = day.split(".").map(Number);
  return new Date(Date.UTC(year, month - 1, date, hour - 9, minute));
}

export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  return (await database.board.count()) === 0;
}

export async function clearSite(database: Database): Promise<void> {
  await database.viewDaily.deleteMany();
  await database.commentSearch.deleteMany();
  await database.postSearch.deleteMany();
  await database.viewEvent.deleteMany();
  await database.comment.deleteMany();
  await database.post.deleteMany();
  await database.category.deleteMany();
  await database.board.deleteMany();
  await database.user.deleteMany();
}

export async function seedDemoSite(database: Database, options: SeedOptions = {}): Promise<{ posts: number; comments: number }> {
  const postCount = options.posts ?? DEFAULT_POST_COUNT;
  const minimum = SEED_PAGE_ROWS.length + 1;
  if (!Number.isInteger(postCount) || postCount < minimum) {
    throw new Error(`--posts must be a whole number of at least ${minimum} (the seed page's articles)`);
  }
  const random = createRandom(options.seed ?? DEFAULT_RANDOM_SEED);

  await clearSite(database);

  const [reporter, admin] = await Promise.all(
    [DEMO_ACCOUNTS.reporter, DEMO_ACCOUNTS.editor, DEMO_ACCOUNTS.admin].map(async (account) =>
      database.user.create({
        data: {
          loginId: account.loginId,
          displayName: account.displayName,
          role: account.role,
          passwordHash: await bcrypt.hash(account.password, 10),
        },
      }),
    ),
  );
  const others = [];
  for (const byline of OTHER_REPORTERS) {
    others.push(await database.user.create({ data: { ...byline, role: "reporter", passwordHash: NO_LOGIN } }));
  }
  const board = await database.board.create({
    data: { ...DEMO_BOARD, position: 0, categories: { create: DEMO_CATEGORIES.map((category, position) => ({ ...category, position })) } },
    include: { categories: { orderBy: { position: "asc" } } },
  });
  // Categories come from a stream of their own, so adding them left every other draw as it was.
  const categoryRandom = createRandom((options.seed ?? DEFAULT_RANDOM_SEED) + 1);
  const pickCategory = () => categoryRandom.pick(board.categories).id;

  // Plan every article first, then insert them oldest first so ids follow publication order.
  const planned: PlannedPost[] = SEED_PAGE_ROWS.map((row) => ({
    title: row.title,
    bodyHtml: replayBody(random, (again) => generateBody(again, row.title, `${row.title} 소식입니다.`)),
    authorId: reporter.id,
    publishedAt: koreanDate(row.date, random.int(8, 18), random.int(0, 59)),
    viewCount: row.views,
    isNotice: false,
    categoryId: pickCategory(),
    comments: [],
  }));
  planned.push({
    title: SEED_ARTICLE.title,
    bodyHtml: () => paragraphsToHtml(SEED_ARTICLE.paragraphs),
    authorId: reporter.id,
    publishedAt: koreanDate(SEED_ARTICLE.date, 14, 20),
    viewCount: 37,
    isNotice: false,
    categoryId: board.categories[0].id,
    comments: [],
  });
  const authors = [reporter.id, reporter.id, reporter.id, ...others.map((user) => user.id)];
  while (planned.length < postCount) {
    const title = generateTitle(random);
    if (title >= TITLE_CEILING) throw new Error(`generated title sorts above the seed page: ${title}`);
    planned.push({
      title,
      bodyHtml: replayBody(random, (again) => generateBody(again, title)),
      authorId: random.pick(authors),
      publishedAt: generatePublishedAt(random),
      viewCount: random.int(20, 500),
      isNotice: false,
      categoryId: pickCategory(),
      comments: generateComments(random),
    });
  }
  NOTICE_TITLES.forEach((title, index) => {
    planned.push({
      title,
      bodyHtml: () => paragraphsToHtml([`${title.replace("[공지] ", "")}입니다.`, "문의는 편집국으로 연락해 주시기 바랍니다."]),
      authorId: admin.id,
      publishedAt: koreanDate("2020.01.02", 9, index),
      viewCount: random.int(100, 500),
      isNotice: true,
      categoryId: null,
      comments: [],
    });
  });
  planned.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());

  const total = planned.length;
  const writer = options.loader ?? prismaWriter(database);
  const searchDocuments = new SearchDocumentCache();
  const load = async () => {
    let commentTotal = 0;
    for (let start = 0; start < total; start += BATCH_SIZE) {
      const batch = planned.slice(start, start + BATCH_SIZE).map((post) => ({ ...post, bodyHtml: post.bodyHtml() }));
      commentTotal += await writer.transaction(async () => {
        const postIds = await writer.insertRowsReturningIds(
          "Post",
          POST_COLUMNS,
          batch.map((post) => [
            board.id, post.authorId, post.categoryId, post.title, post.bodyHtml, "published", post.publishedAt,
            post.isNotice, post.viewCount, post.comments.length, post.publishedAt, post.publishedAt,
          ]),
        );
        await writer.insertRows(
          "PostSearch",
          ["postId", "titleTokens", "bodyTokens"],
          batch.map((post, index) => {
            const document = searchDocuments.of(post);
            return [postIds[index], document.titleTokens, document.bodyTokens];
          }),
        );
        // The demo's view counts are history: one rolled-up day each, so viewCount = events + rollups holds.
        await writer.insertRows(
          "ViewDaily",
          ["postId", "day", "views"],
          batch.flatMap((post, index) => (post.viewCount > 0 ? [[postIds[index], koreanDay(post.publishedAt), post.viewCount]] : [])),
        );
        return insertComments(
          writer,
          batch.map((post, index) => ({ postId: postIds[index], publishedAt: post.publishedAt, comments: post.comments })),
        );
      });
      options.onProgress?.(Math.min(start + BATCH_SIZE, total), total);
    }
    return commentTotal;
  };
  const commentTotal = options.loader ? await options.loader.withoutSecondaryIndexes(LOADED_TABLES, load) : await load();
  return { posts: total, comments: commentTotal };
}

/**
 * Remembers where the generator stood before `generate` draws, draws it (the plan's stream
 * goes on as before), and returns a function that makes the same text again.
 */
function replayBody(random: Random, generate: (again: Random) => string): () => string {
  const state = random.state();
  generate(random);
  return () => generate(createRandom(state));
}

/**
 * postSearchDocument for the generated articles, from documents of their lines: bodies are a
 * few of the same paragraphs in new orders and titles repeat, so each is tokenized once. The
 * result is the same text (tokens never run across a line break; seed-site.test.ts checks it).
 */
export class SearchDocumentCache {
  private readonly lines = new Map<string, string>();
  private readonly titles = new Map<string, string>();

  of(post: { title: string; bodyHtml: string }): { titleTokens: string; bodyTokens: string } {
    let titleTokens = this.titles.get(post.title);
    if (titleTokens === undefined) {
      titleTokens = postSearchDocument({ title: post.title, bodyHtml: "" }).titleTokens;
      if (this.titles.size < 200_000) this.titles.set(post.title, titleTokens);
    }
    const body = post.bodyHtml.split("\n").map((line) => {
      let tokens = this.lines.get(line);
      if (tokens === undefined) {
        tokens = postSearchDocument({ title: "", bodyHtml: line }).bodyTokens;
        if (this.lines.size < 200_000) this.lines.set(line, tokens);
      }
      return tokens;
    });
    return { titleTokens, bodyTokens: body.filter(Boolean).join(" ") };
  }
}

/** A bcrypt hash of "1234", shared by the demo's guest comments (hashing each would be slow). */
let guestPasswordHash: string | undefined;

async function insertComments(
  writer: RowWriter,
  posts: { postId: number; publishedAt: Date; comments: GeneratedComment[] }[],
): Promise<number> {
  guestPasswordHash ??= await bcrypt.hash("1234", 10);
  // Insert level by level so every reply knows its parent's id.
  const idsByPost = new Map<number, number[]>();
  let inserted = 0;
  for (let depth = 0; ; depth += 1) {
    const rows = posts.flatMap(({ postId, publishedAt, comments }) =>
      comments.flatMap((comment, index) =>
        comment.depth === depth ? [{ postId, publishedAt, comment, index }] : [],
      ),
    );
    if (rows.length === 0) break;
    const created = await writer.insertRowsReturningIds(
      "Comment",
      COMMENT_COLUMNS,
      rows.map(({ postId, publishedAt, comment }) => {
        const createdAt = new Date(publishedAt.getTime() + comment.minutesAfterPost * 60_000);
        const parentId = comment.parentIndex === null ? null : idsByPost.get(postId)![comment.parentIndex];
        return [postId, parentId, comment.depth, comment.guestName, guestPasswordHash!, comment.body, "visible", createdAt, createdAt];
      }),
    );
    await writer.insertRows(
      "CommentSearch",
      ["commentId", "postId", "bodyTokens"],
      rows.map(({ postId, comment }, i) => [created[i], postId, commentSearchDocument(comment).bodyTokens]),
    );
    rows.forEach(({ postId, index }, i) => {
      const ids = idsByPost.get(postId) ?? [];
      ids[index] = created[i];
      idsByPost.set(postId, ids);
    });
    inserted += rows.length;
  }
  return inserted;
}
