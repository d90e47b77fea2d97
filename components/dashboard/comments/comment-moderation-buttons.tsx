"use client";

import { moderateCommentAction } from "@/lib/actions/moderation";
import {
  MODERATE_FIELDS,
  MODERATION_OPERATION_LABELS,
  type CommentStatus,
  type ModerationOperation,
} from "@/lib/validations/moderation";
import { FormMessage, SubmitButton } from "../form-controls";
import { useDashboardForm } from "../use-dashboard-form";

/** What may be done to a comment in each status; every one of them can be undone. */
const OPERATIONS_BY_STATUS: Record<CommentStatus, ModerationOperation[]> = {
  visible: ["hide", "delete"],
  hidden: ["restore", "delete"],
  deleted: ["restore"],
};

/** 숨기기 / 복원 / 삭제 of one comment: one form, the button pressed names the operation. */
export function CommentModerationButtons({ commentId, status }: { commentId: number; status: CommentStatus }) {
  // No schema check in the browser: the operation comes from the button pressed, which FormData
  // built from the form alone would not have; the action parses it.
  const form = useDashboardForm(moderateCommentAction, { fields: MODERATE_FIELDS });
  return (
    <form action={form.formAction} className="flex flex-wrap items-center gap-2" aria-label={`댓글 ${commentId} 관리`}>
      <input type="hidden" name="commentId" value={commentId} />
      {OPERATIONS_BY_STATUS[status].map((operation) => (
        <SubmitButton key={operation} name="operation" value={operation} pending={form.pending} tone={operation === "delete" ? "danger" : "plain"}>
          {MODERATION_OPERATION_LABELS[operation]}
        </SubmitButton>
      ))}
      <FormMessage message={form.message} ok={form.ok} />
    </form>
  );
}
