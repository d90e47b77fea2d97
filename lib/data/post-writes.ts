import "server-only";
import { forgetBoardLists } from "@/lib/board/board-memory";
import { ARTICLE_FORBIDDEN_MESSAGE, canOnArticle, NOTICE_FORBIDDEN_MESSAGE, type Actor, type ArticleAction } from "@/lib/auth/permissions";
import { hasVisibleContent, sanitizeArticleHtml } from "@/lib/content/sanitize-article-html";
import { db } from "@/lib/db";
import type { PostStatus } from "@/lib/posts/post-status";
import { postSearchDocument } from "@/lib/search/documents";
import type { AutosaveInput, PostFieldName, PostFields } from "@/lib/validations/post";

/**
 * Writing articles: create, save, publish, schedule, unpublish, delete, restore, autosave and
 * restoring a revision. Each function takes the signed-in actor and checks, itself, that the
 * actor may do this to this article (lib/auth/permissions.ts): the server actions are only the
 * way in, and a forged call is refused here with a Korean message and changes nothing.
 *
 * What every write keeps true:
 *   - the body is sanitized (allowlist) before it is stored; nothing else reaches bodyHtml;
 *   - the search document (PostSearch) is written in the same transaction as title and body;
 *   - every explicit save adds a PostRevision; autosaves replace the writer's newest autosave;
 *   - only published articles are public; publishedAt is the publication time (the virtual
 *     number is publication order), or the time a scheduled article will publish itself.
 *
 * Results tell the caller which boards' public pages changed, so it can revalidate them.
 */

export type PostWriteFailure = {
  ok: false;
  code: "not-found" | "forbidden" | "invalid" | "deleted" | "conflict";
  message: string;
  field?: PostFieldName;
};

export type PostWriteSuccess = {
  ok: true;
  postId: number;
  status: PostStatus;
  /** Boards whose public pages may show this article before or after the write. */
  boardSlugs: string[];
};

export type PostWriteResult = PostWriteSuccess | PostWriteFailure;


/** What the form's buttons do to the article's status. */
export type PublishingChoice = { kind: "save" } | { kind: "publish" } | { kind: "schedule"; at: Date };

const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

const notFound: PostWriteFailure = { ok: false, code: "not-found", message: "기사를 찾을 수 없습니다." };
const forbidden: PostWriteFailure = { ok: false, code: "forbidden", message: ARTICLE_FORBIDDEN_MESSAGE };

type Transaction = Parameters<Parameters<typeof db.$transaction>[0]>[0];

type ExistingPost = {
  id: number;
  authorId: number;
  status: string;
  isNotice: boolean;
  publishedAt: Date | null;
  board: { slug: string };
};

async function findExisting(postId: number): Promise<ExistingPost | null> {
  return db.post.findUnique({
    where: { id: postId },
    select: { id: true, authorId: true, status: true, isNotice: true, publishedAt: true, board: { select: { slug: true } } },
  });
}

/** The article if it exists and the actor may do `action` to it; otherwise the refusal. */
async function authorize(actor: Actor, postId: number, action: ArticleAction): Promise<ExistingPost | PostWriteFailure> {
  const post = await findExisting(postId);
  if (!post) return notFound;
  if (!canOnArticle(actor, action, post)) return forbidden;
  return post;
}

const isFailure = (value: unknown): value is PostWriteFailure => typeof value === "object" && value !== null && (value as PostWriteFailure).ok === false;

type ResolvedFields = {
  boardId: number;
  boardSlug: string;
  categoryId: number | null;
  leadImageId: number | null;
  bodyHtml: string;
};

/** Checks the references a form names (board, category, lead image) and sanitizes the body. */
async function resolveFields(fields: Pick<PostFields, "boardSlug" | "categoryId" | "leadImageId" | "bodyHtml">): Promise<ResolvedFields | PostWriteFailure> {
  const board = await db.board.findUnique({
    where: { slug: fields.boardSlug },
    select: { id: true, slug: true, categories: { select: { id: true } } },
  });
  if (!board) return { ok: false, code: "invalid", field: "boardSlug", message: "게시판을 골라 주세요." };
  if (fields.categoryId !== null && !board.categories.some((category) => category.id === fields.categoryId)) {
    return { ok: false, code: "invalid", field: "categoryId", message: "이 게시판에 없는 분류입니다." };
  }
  if (fields.leadImageId !== null) {
    const image = await db.mediaImage.findUnique({ where: { id: fields.leadImageId }, select: { id: true } });
    if (!image) return { ok: false, code: "invalid", field: "leadImageId", message: "대표 이미지를 찾을 수 없습니다. 다시 올려 주세요." };
  }
  return {
    boardId: board.id,
    boardSlug: board.slug,
    categoryId: fields.categoryId,
    leadImageId: fields.leadImageId,
    bodyHtml: sanitizeArticleHtml(fields.bodyHtml),
  };
}

/** The article's search document, always written with its title and body (lib/search/documents.ts). */
async function writeSearchDocument(tx: Transaction, postId: number, title: string, bodyHtml: string): Promise<void> {
  const document = postSearchDocument({ title, bodyHtml });
  await tx.postSearch.upsert({ where: { postId }, create: { postId, ...document }, update: document });
}

/** The columns a form sets, for create and update alike. */
function formColumns(fields: Pick<PostFields, "title" | "subtitle">, resolved: ResolvedFields) {
  return {
    boardId: resolved.boardId,
    categoryId: resolved.categoryId,
    leadImageId: resolved.leadImageId,
    title: fields.title,
    subtitle: fields.subtitle,
    bodyHtml: resolved.bodyHtml,
  };
}

/** Replaces an article's tags (in the order typed), creating tags that do not exist yet. */
async function writeTags(tx: Transaction, postId: number, names: string[]): Promise<void> {
  await tx.postTag.deleteMany({ where: { postId } });
  for (const [position, name] of names.entries()) {
    const tag = await tx.tag.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
    await tx.postTag.create({ data: { postId, tagId: tag.id, position } });
  }
}

/** The status and publication time a choice leads to from the current state. */
function nextPublication(choice: PublishingChoice, current: { status: string; publishedAt: Date | null } | null, now: Date) {
  switch (choice.kind) {
    case "publish":
      // Publishing again what is already public keeps its time (and so its number).
      return { status: "published" as const, publishedAt: current?.status === "published" && current.publishedAt ? current.publishedAt : now };
    case "schedule":
      return { status: "scheduled" as const, publishedAt: choice.at };
    case "save":
      return current
        ? { status: current.status as PostStatus, publishedAt: current.publishedAt }
        : { status: "draft" as const, publishedAt: null };
  }
}

function checkPublishable(choice: PublishingChoice, fields: { title: string }, bodyHtml: string): PostWriteFailure | null {
  if (choice.kind === "save") return null;
  if (!fields.title) return { ok: false, code: "invalid", field: "title", message: "제목을 입력해 주세요." };
  if (!hasVisibleContent(bodyHtml)) return { ok: false, code: "invalid", field: "bodyHtml", message: "본문을 입력해 주세요." };
  return null;
}

/**
 * A write that succeeded: the boards it touched forget what this process remembers of their
 * lists (totals, deep-page anchors: lib/board/board-memory.ts) before the writer's next read.
 * Other instances hear of it through the cache invalidation the action sends (lib/cache-tags.ts).
 */
function listsChanged(result: PostWriteSuccess): PostWriteSuccess {
  for (const slug of result.boardSlugs) forgetBoardLists(slug);
  return result;
}

/** A new article by the actor: a draft, published at once, or scheduled. */
export async function createPost(
  actor: Actor,
  fields: PostFields,
  choice: PublishingChoice,
  now = new Date(),
  revisionKind: "save" | "publish" | "schedule" | "autosave" = choice.kind,
): Promise<PostWriteResult> {
  if (fields.isNotice && !canOnArticle(actor, "set-notice", { authorId: actor.id })) {
    return { ok: false, code: "forbidden", field: "isNotice", message: NOTICE_FORBIDDEN_MESSAGE };
  }
  const resolved = await resolveFields(fields);
  if (isFailure(resolved)) return resolved;
  const refusal = checkPublishable(choice, fields, resolved.bodyHtml);
  if (refusal) return refusal;
  const { status, publishedAt } = nextPublication(choice, null, now);
  const postId = await db.$transaction(async (tx) => {
    const post = await tx.post.create({
      data: {
        ...formColumns(fields, resolved),
        authorId: actor.id,
        isNotice: fields.isNotice,
        status,
        publishedAt,
      },
      select: { id: true },
    });
    await writeSearchDocument(tx, post.id, fields.title, resolved.bodyHtml);
    await writeTags(tx, post.id, fields.tags);
    await tx.postRevision.create({
      data: { postId: post.id, authorId: actor.id, title: fields.title, subtitle: fields.subtitle, bodyHtml: resolved.bodyHtml, kind: revisionKind },
    });
    return post.id;
  }, TRANSACTION_OPTIONS);
  return listsChanged({ ok: true, postId, status, boardSlugs: [resolved.boardSlug] });
}

/** Saves the form over an existing article, and publishes or schedules it when asked. */
export async function updatePost(actor: Actor, postId: number, fields: PostFields, choice: PublishingChoice, now = new Date()): Promise<PostWriteResult> {
  const existing = await authorize(actor, postId, choice.kind === "save" ? "edit" : "publish");
  if (isFailure(existing)) return existing;
  if (existing.status === "deleted") {
    return { ok: false, code: "deleted", message: "삭제된 기사입니다. 편집자가 복원한 뒤 고칠 수 있습니다." };
  }
  if (fields.isNotice !== existing.isNotice && !canOnArticle(actor, "set-notice", existing)) {
    return { ok: false, code: "forbidden", field: "isNotice", message: NOTICE_FORBIDDEN_MESSAGE };
  }
  const resolved = await resolveFields(fields);
  if (isFailure(resolved)) return resolved;
  const refusal = checkPublishable(choice, fields, resolved.bodyHtml);
  if (refusal) return refusal;
  const { status, publishedAt } = nextPublication(choice, existing, now);
  const written = await db.$transaction(async (tx) => {
    // Conditional on the article not having been deleted meanwhile: a delete that commits
    // between the check above and here wins, and this save changes nothing.
    const { count } = await tx.post.updateMany({
      where: { id: postId, status: { not: "deleted" } },
      data: { ...formColumns(fields, resolved), isNotice: fields.isNotice, status, publishedAt },
    });
    if (count === 0) return false;
    await writeSearchDocument(tx, postId, fields.title, resolved.bodyHtml);
    await writeTags(tx, postId, fields.tags);
    // The explicit save supersedes the writer's pending autosave.
    await tx.postRevision.deleteMany({ where: { postId, authorId: actor.id, kind: "autosave" } });
    await tx.postRevision.create({
      data: { postId, authorId: actor.id, title: fields.title, subtitle: fields.subtitle, bodyHtml: resolved.bodyHtml, kind: choice.kind },
    });
    return true;
  }, TRANSACTION_OPTIONS);
  if (!written) return { ok: false, code: "deleted", message: "삭제된 기사입니다. 편집자가 복원한 뒤 고칠 수 있습니다." };
  return listsChanged({ ok: true, postId, status, boardSlugs: [...new Set([existing.board.slug, resolved.boardSlug])] });
}

export type AutosaveResult = { ok: true; postId: number; savedAt: Date } | { ok: true; postId: null; savedAt: null } | PostWriteFailure;

/**
 * Autosave. A new article becomes a draft as soon as it has a title or a body. A draft is
 * saved in place. A published or scheduled article is not changed (readers must not see
 * half-finished edits): the edit is kept as the writer's autosave revision, which the editor
 * offers back and the revision history can restore.
 */
export async function autosavePost(actor: Actor, input: AutosaveInput): Promise<AutosaveResult> {
  const now = new Date();
  if (input.postId === null) {
    if (!input.title && !hasVisibleContent(sanitizeArticleHtml(input.bodyHtml))) return { ok: true, postId: null, savedAt: null };
    const created = await createPost(actor, { ...input, isNotice: input.isNotice && canOnArticle(actor, "set-notice", { authorId: actor.id }) }, { kind: "save" }, now, "autosave");
    if (!created.ok) return created;
    return { ok: true, postId: created.postId, savedAt: now };
  }
  const existing = await authorize(actor, input.postId, "edit");
  if (isFailure(existing)) return existing;
  if (existing.status === "deleted") return { ok: false, code: "deleted", message: "삭제된 기사입니다." };
  const resolved = await resolveFields(input);
  if (isFailure(resolved)) return resolved;
  const postId = input.postId;
  await db.$transaction(async (tx) => {
    if (existing.status === "draft") {
      const { count } = await tx.post.updateMany({
        where: { id: postId, status: "draft" },
        data: {
          ...formColumns(input, resolved),
          // Only someone who may pin notices changes the flag.
          ...(canOnArticle(actor, "set-notice", existing) ? { isNotice: input.isNotice } : {}),
        },
      });
      if (count > 0) {
        await writeSearchDocument(tx, postId, input.title, resolved.bodyHtml);
        await writeTags(tx, postId, input.tags);
      }
    }
    const latest = await tx.postRevision.findFirst({ where: { postId }, orderBy: { id: "desc" }, select: { id: true, kind: true, authorId: true } });
    const content = { title: input.title, subtitle: input.subtitle, bodyHtml: resolved.bodyHtml };
    if (latest && latest.kind === "autosave" && latest.authorId === actor.id) {
      await tx.postRevision.update({ where: { id: latest.id }, data: { ...content, createdAt: now } });
    } else {
      await tx.postRevision.create({ data: { postId, authorId: actor.id, kind: "autosave", ...content, createdAt: now } });
    }
  }, TRANSACTION_OPTIONS);
  return { ok: true, postId, savedAt: now };
}

export type StatusChange = "unpublish" | "delete" | "restore";

/**
 * 게시 취소 (published or scheduled → draft), 삭제 (soft: status deleted, deletedAt set; any
 * status) and 복원 (deleted → draft; editors only). Each is a conditional update, so two at
 * once cannot both apply.
 */
export async function changePostStatus(actor: Actor, postId: number, change: StatusChange, now = new Date()): Promise<PostWriteResult> {
  const action: ArticleAction = change === "restore" ? "restore" : change === "delete" ? "delete" : "publish";
  const existing = await authorize(actor, postId, action);
  if (isFailure(existing)) return existing;
  const transitions = {
    unpublish: { from: ["published", "scheduled"], data: { status: "draft", publishedAt: null }, refusal: "게시 중이거나 예약된 기사가 아닙니다." },
    delete: { from: ["draft", "scheduled", "published"], data: { status: "deleted", deletedAt: now }, refusal: "이미 삭제된 기사입니다." },
    restore: { from: ["deleted"], data: { status: "draft", deletedAt: null, publishedAt: null }, refusal: "삭제된 기사가 아닙니다." },
  } as const;
  const transition = transitions[change];
  const { count } = await db.post.updateMany({ where: { id: postId, status: { in: [...transition.from] } }, data: transition.data });
  if (count === 0) return { ok: false, code: "conflict", message: transition.refusal };
  return listsChanged({ ok: true, postId, status: transition.data.status, boardSlugs: [existing.board.slug] });
}

/**
 * Brings back an older revision's title, subtitle and body. On a published article the
 * restored text is public at once (as any save is); a new 'restore' revision records it.
 */
export async function restoreRevision(actor: Actor, postId: number, revisionId: number): Promise<PostWriteResult> {
  const existing = await authorize(actor, postId, "edit");
  if (isFailure(existing)) return existing;
  if (existing.status === "deleted") return { ok: false, code: "deleted", message: "삭제된 기사입니다. 편집자가 복원한 뒤 고칠 수 있습니다." };
  const revision = await db.postRevision.findFirst({ where: { id: revisionId, postId }, select: { title: true, subtitle: true, bodyHtml: true } });
  if (!revision) return { ok: false, code: "not-found", message: "그 판을 찾을 수 없습니다." };
  const bodyHtml = sanitizeArticleHtml(revision.bodyHtml);
  const title = revision.title || "(제목 없음)";
  const written = await db.$transaction(async (tx) => {
    const { count } = await tx.post.updateMany({
      where: { id: postId, status: { not: "deleted" } },
      data: { title, subtitle: revision.subtitle, bodyHtml },
    });
    if (count === 0) return false;
    await writeSearchDocument(tx, postId, title, bodyHtml);
    await tx.postRevision.create({ data: { postId, authorId: actor.id, title, subtitle: revision.subtitle, bodyHtml, kind: "restore" } });
    return true;
  }, TRANSACTION_OPTIONS);
  if (!written) return { ok: false, code: "deleted", message: "삭제된 기사입니다." };
  return listsChanged({ ok: true, postId, status: existing.status as PostStatus, boardSlugs: [existing.board.slug] });
}
