/**
 * An article's status (Post.status, stored as a string): the one list of them, with the Korean
 * words the dashboard shows. Pure, so client components may import it too.
 */
export const POST_STATUSES = ["draft", "scheduled", "published", "deleted"] as const;

export type PostStatus = (typeof POST_STATUSES)[number];

export const POST_STATUS_LABELS: Record<PostStatus, string> = {
  draft: "임시저장",
  scheduled: "예약",
  published: "게시됨",
  deleted: "삭제됨",
};

export function isPostStatus(value: unknown): value is PostStatus {
  return typeof value === "string" && (POST_STATUSES as readonly string[]).includes(value);
}
