import "server-only";
import { canOnArticle, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { toUploadedImage } from "@/lib/data/media";
import type { UploadedImage } from "@/lib/actions/media";
import type { PostStatus } from "@/lib/posts/post-status";

/**
 * What the dashboard's article editor, preview and revision history read. Every function takes
 * the signed-in actor and returns null for an article the actor may not edit, exactly as for
 * one that does not exist (pages turn both into a 404).
 */

export type EditorBoard = { slug: string; title: string; categories: { id: number; name: string }[] };

export async function listBoardsForEditor(): Promise<EditorBoard[]> {
  return db.board.findMany({
    select: { slug: true, title: true, categories: { select: { id: true, name: true }, orderBy: [{ position: "asc" }, { id: "asc" }] } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
}

export type EditablePost = {
  id: number;
  title: string;
  subtitle: string;
  bodyHtml: string;
  status: PostStatus;
  publishedAt: Date | null;
  deletedAt: Date | null;
  updatedAt: Date;
  isNotice: boolean;
  boardSlug: string;
  categoryId: number | null;
  leadImage: UploadedImage | null;
  tags: string[];
  authorId: number;
  authorName: string;
  /** The actor's autosave, when it is newer than the article's last explicit save. */
  pendingAutosave: { title: string; subtitle: string; bodyHtml: string; savedAt: Date } | null;
};

export async function findEditablePost(actor: Actor, postId: number): Promise<EditablePost | null> {
  const post = await db.post.findUnique({
    where: { id: postId },
    select: {
      id: true,
      title: true,
      subtitle: true,
      bodyHtml: true,
      status: true,
      publishedAt: true,
      deletedAt: true,
      updatedAt: true,
      isNotice: true,
      categoryId: true,
      authorId: true,
      author: { select: { displayName: true } },
      board: { select: { slug: true } },
      leadImage: { select: { id: true, key: true, width: true, height: true, widths: true, alt: true } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { position: "asc" } },
      revisions: { orderBy: { id: "desc" }, take: 1, select: { kind: true, authorId: true, title: true, subtitle: true, bodyHtml: true, createdAt: true } },
    },
  });
  if (!post || !canOnArticle(actor, "edit", post)) return null;
  const latest = post.revisions[0];
  // A draft is saved in place by autosave, so only a published or scheduled article can have
  // an autosave that differs from what is stored.
  const pendingAutosave =
    latest && latest.kind === "autosave" && latest.authorId === actor.id && post.status !== "draft"
      ? { title: latest.title, subtitle: latest.subtitle, bodyHtml: latest.bodyHtml, savedAt: latest.createdAt }
      : null;
  return {
    id: post.id,
    title: post.title,
    subtitle: post.subtitle,
    bodyHtml: post.bodyHtml,
    status: post.status as PostStatus,
    publishedAt: post.publishedAt,
    deletedAt: post.deletedAt,
    updatedAt: post.updatedAt,
    isNotice: post.isNotice,
    boardSlug: post.board.slug,
    categoryId: post.categoryId,
    leadImage: post.leadImage ? toUploadedImage(post.leadImage) : null,
    tags: post.tags.map((entry) => entry.tag.name),
    authorId: post.authorId,
    authorName: post.author.displayName,
    pendingAutosave,
  };
}

export type PreviewArticle = {
  id: number;
  title: string;
  subtitle: string;
  bodyHtml: string;
  status: PostStatus;
  authorName: string;
  boardTitle: string;
  publishedAt: Date | null;
  leadImage: UploadedImage | null;
  tags: string[];
  /** The text shown is the actor's autosave, not yet saved over the article. */
  fromAutosave: boolean;
};

/** The article as it would look with the actor's latest text (their autosave if newer). */
export async function findPreview(actor: Actor, postId: number): Promise<PreviewArticle | null> {
  const post = await findEditablePost(actor, postId);
  if (!post) return null;
  const board = await db.board.findUnique({ where: { slug: post.boardSlug }, select: { title: true } });
  const text = post.pendingAutosave ?? post;
  return {
    id: post.id,
    title: text.title,
    subtitle: text.subtitle,
    bodyHtml: text.bodyHtml,
    status: post.status,
    authorName: post.authorName,
    boardTitle: board?.title ?? "",
    publishedAt: post.publishedAt,
    leadImage: post.leadImage,
    tags: post.tags,
    fromAutosave: post.pendingAutosave !== null,
  };
}

export type RevisionSummary = { id: number; kind: string; authorName: string; createdAt: Date; title: string };

export async function listRevisions(actor: Actor, postId: number): Promise<RevisionSummary[] | null> {
  const post = await db.post.findUnique({ where: { id: postId }, select: { authorId: true } });
  if (!post || !canOnArticle(actor, "edit", post)) return null;
  const revisions = await db.postRevision.findMany({
    where: { postId },
    orderBy: { id: "desc" },
    take: 200,
    select: { id: true, kind: true, createdAt: true, title: true, author: { select: { displayName: true } } },
  });
  return revisions.map((revision) => ({ id: revision.id, kind: revision.kind, authorName: revision.author.displayName, createdAt: revision.createdAt, title: revision.title }));
}

export type RevisionText = { id: number; kind: string; title: string; subtitle: string; bodyHtml: string; createdAt: Date; authorName: string };

export async function findRevision(actor: Actor, postId: number, revisionId: number): Promise<RevisionText | null> {
  const post = await db.post.findUnique({ where: { id: postId }, select: { authorId: true } });
  if (!post || !canOnArticle(actor, "edit", post)) return null;
  const revision = await db.postRevision.findFirst({
    where: { id: revisionId, postId },
    select: { id: true, kind: true, title: true, subtitle: true, bodyHtml: true, createdAt: true, author: { select: { displayName: true } } },
  });
  return revision ? { ...revision, authorName: revision.author.displayName } : null;
}
