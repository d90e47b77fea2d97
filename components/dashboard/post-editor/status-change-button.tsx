"use client";

import { useActionState } from "react";
import { changePostStatusAction, restoreRevisionAction, type StatusChangeState } from "@/lib/actions/posts";

const initialState: StatusChangeState = { ok: true, message: null };

/**
 * One button that changes an article's status (게시 취소, 삭제, 복원) or restores a revision,
 * after a confirm() when `confirmText` is given. A plain form: without JavaScript it still
 * posts (and skips the question).
 */
export function StatusChangeButton({
  postId,
  change,
  revisionId,
  label,
  confirmText,
  className = "btn-secondary",
}: {
  postId: number;
  change?: "unpublish" | "delete" | "restore";
  revisionId?: number;
  label: string;
  confirmText?: string;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(revisionId ? restoreRevisionAction : changePostStatusAction, initialState);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirmText && !window.confirm(confirmText)) event.preventDefault();
      }}
    >
      <input type="hidden" name="postId" value={postId} />
      {change && <input type="hidden" name="change" value={change} />}
      {revisionId && <input type="hidden" name="revisionId" value={revisionId} />}
      <button type="submit" disabled={pending} className={className}>
        {label}
      </button>
      {state.message && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
