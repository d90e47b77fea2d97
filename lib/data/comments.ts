import "server-only";
import { db } from "@/lib/db";
import { wasEdited } from "@/lib/comments/thread-rules";

export type CommentNode = {
  id: number;
  authorName: string;
  isGuest: boolean;
  /** The signed-in author's user id (the page shows them their own 수정/삭제), or null for a guest. */
  userId: number | null;
  body: string;
  createdAt: Date;
  /** Changed after it was written: shows "(수정됨)". */
  isEdited: boolean;
  /**
   * A deleted (or hidden) comment that still has replies keeps its place, without its text or
   * author; `removal` says which placeholder to show.
   */
  isDeleted: boolean;
  removal: "deleted" | "hidden" | null;
  depth: number;
  replies: CommentNode[];
};

/**
 * The comments of an article as a thread: top-level comments oldest first, each followed by
 * its replies. Deleted and hidden comments stay only as a placeholder when something still
 * answers them (so a reply never loses its place in the thread).
 */
export async function getCommentThread(postId: number): Promise<CommentNode[]> {
  const records = await db.comment.findMany({
    where: { postId },
    orderBy: [{ id: "asc" }],
    select: {
      id: true,
      parentId: true,
      depth: true,
      guestName: true,
      userId: true,
      body: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      user: { select: { displayName: true } },
    },
  });
  const nodes = new Map<number, CommentNode>();
  const roots: CommentNode[] = [];
  for (const record of records) {
    const removal = record.status === "visible" ? null : record.status === "hidden" ? "hidden" : "deleted";
    const isDeleted = removal !== null;
    const node: CommentNode = {
      id: record.id,
      authorName: isDeleted ? "" : (record.user?.displayName ?? record.guestName ?? "손님"),
      isGuest: record.userId === null,
      userId: isDeleted ? null : record.userId,
      body: isDeleted ? "" : record.body,
      createdAt: record.createdAt,
      isEdited: !isDeleted && wasEdited(record.createdAt, record.updatedAt),
      isDeleted,
      removal,
      depth: record.depth,
      replies: [],
    };
    nodes.set(record.id, node);
    const parent = record.parentId === null ? undefined : nodes.get(record.parentId);
    (parent ? parent.replies : roots).push(node);
  }
  return prune(roots);
}

/** Drops deleted and hidden comments that nothing answers any more. */
function prune(nodes: CommentNode[]): CommentNode[] {
  return nodes.flatMap((node) => {
    const replies = prune(node.replies);
    return node.isDeleted && replies.length === 0 ? [] : [{ ...node, replies }];
  });
}
