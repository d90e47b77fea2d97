import "server-only";
import { db } from "@/lib/db";

export type CommentNode = {
  id: number;
  authorName: string;
  isGuest: boolean;
  body: string;
  createdAt: Date;
  /** A deleted comment that still has replies keeps its place, without its text. */
  isDeleted: boolean;
  depth: number;
  replies: CommentNode[];
};

/**
 * The comments of an article as a thread: top-level comments oldest first, each followed by
 * its replies. Hidden comments are left out; deleted ones stay only as a placeholder when
 * something still answers them.
 */
export async function getCommentThread(postId: number): Promise<CommentNode[]> {
  const records = await db.comment.findMany({
    where: { postId, status: { in: ["visible", "deleted"] } },
    orderBy: [{ id: "asc" }],
    select: {
      id: true,
      parentId: true,
      depth: true,
      guestName: true,
      body: true,
      status: true,
      createdAt: true,
      user: { select: { displayName: true } },
    },
  });
  const nodes = new Map<number, CommentNode>();
  const roots: CommentNode[] = [];
  for (const record of records) {
    const isDeleted = record.status === "deleted";
    const node: CommentNode = {
      id: record.id,
      authorName: record.user?.displayName ?? record.guestName ?? "손님",
      isGuest: record.user === null,
      body: isDeleted ? "" : record.body,
      createdAt: record.createdAt,
      isDeleted,
      depth: record.depth,
      replies: [],
    };
    nodes.set(record.id, node);
    const parent = record.parentId === null ? undefined : nodes.get(record.parentId);
    (parent ? parent.replies : roots).push(node);
  }
  return prune(roots);
}

/** Drops deleted comments that nothing answers any more. */
function prune(nodes: CommentNode[]): CommentNode[] {
  return nodes.flatMap((node) => {
    const replies = prune(node.replies);
    return node.isDeleted && replies.length === 0 ? [] : [{ ...node, replies }];
  });
}
