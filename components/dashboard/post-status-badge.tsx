import { POST_STATUS_LABELS, type PostStatus } from "@/lib/posts/post-status";

const BADGE_CLASS: Record<PostStatus, string> = {
  draft: "border-gray-300 bg-gray-100 text-gray-700",
  scheduled: "border-amber-300 bg-amber-50 text-amber-800",
  published: "border-emerald-300 bg-emerald-50 text-emerald-800",
  deleted: "border-red-200 bg-red-50 text-red-700",
};

/** 임시저장 · 예약 · 게시됨 · 삭제됨, as a small coloured label (the word carries the meaning, not the colour). */
export function PostStatusBadge({ status }: { status: PostStatus }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-semibold ${BADGE_CLASS[status]}`}>
      {POST_STATUS_LABELS[status]}
    </span>
  );
}
