"use client";

import { useId } from "react";
import { deleteCommentAction } from "@/lib/actions/comments";
import { PasswordField } from "./comment-fields";
import { CommentFormShell } from "./comment-form-shell";
import { announceComment, useCommentForm } from "./use-comment-form";

type CommentDeleteFormProps = {
  commentId: number;
  /** A guest comment deleted by its writer: the password. Own comments and moderators need none. */
  needsPassword: boolean;
  listQuery: string;
  permalink: string;
  cancel: { onCancel?: () => void; href: string };
  onDone?: () => void;
};

/** 삭제: asks for the password of a guest comment, or only to confirm. */
export function CommentDeleteForm({ commentId, needsPassword, listQuery, permalink, cancel, onDone }: CommentDeleteFormProps) {
  const id = useId();
  const form = useCommentForm({
    action: deleteCommentAction,
    permalink,
    required: () => (needsPassword ? ["password"] : []),
    onSuccess: (result) => {
      announceComment(result.message);
      onDone?.();
      // The comment is gone (or a placeholder now): go back to the top of the comments.
      document.getElementById("comments-title")?.focus();
    },
  });
  return (
    <CommentFormShell
      form={form}
      label="댓글 삭제"
      className="mt-2 space-y-2.5 rounded border border-orange-200 bg-orange-50/50 p-3"
      hidden={{ commentId, listQuery }}
      messageAutoFocus={!form.errors.password}
      cancel={cancel}
      submit={{ label: "삭제", pendingText: "삭제 중…", tone: "danger" }}
    >
      <p id={`${id}-question`} className="text-sm font-semibold text-gray-800">
        이 댓글을 삭제할까요?
      </p>
      {needsPassword && (
        <div className="sm:max-w-60">
          <PasswordField id={`${id}-password`} error={form.errors.password} hint="댓글을 쓸 때 정한 비밀번호" autoFocus />
        </div>
      )}
    </CommentFormShell>
  );
}
