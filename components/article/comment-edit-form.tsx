"use client";

import { useId } from "react";
import { editCommentAction } from "@/lib/actions/comments";
import { BodyField, PasswordField } from "./comment-fields";
import { CommentFormShell } from "./comment-form-shell";
import { announceComment, revealComment, useCommentForm } from "./use-comment-form";

type CommentEditFormProps = {
  commentId: number;
  body: string;
  /** A guest comment: its password proves the writer. A signed-in author's own comment needs none. */
  needsPassword: boolean;
  listQuery: string;
  permalink: string;
  cancel: { onCancel?: () => void; href: string };
  onDone?: () => void;
};

/** 수정: the comment's text to change, and its password when it is a guest's. */
export function CommentEditForm({ commentId, body, needsPassword, listQuery, permalink, cancel, onDone }: CommentEditFormProps) {
  const id = useId();
  const form = useCommentForm({
    action: editCommentAction,
    permalink,
    required: () => (needsPassword ? ["body", "password"] : ["body"]),
    onSuccess: (result) => {
      announceComment(result.message);
      onDone?.();
      revealComment(result.commentId);
    },
  });
  const firstInvalid = (["body", "password"] as const).find((field) => form.errors[field]);
  return (
    <CommentFormShell
      form={form}
      label="댓글 수정"
      className="mt-2 space-y-2.5 rounded border border-gray-300 bg-gray-50 p-3"
      hidden={{ commentId, listQuery }}
      messageAutoFocus={!firstInvalid}
      cancel={cancel}
      submit={{ label: "수정", pendingText: "저장 중…" }}
    >
      <BodyField
        id={`${id}-body`}
        label="댓글 수정"
        error={form.errors.body}
        defaultValue={form.values?.body ?? body}
        autoFocus={firstInvalid ? firstInvalid === "body" : true}
      />
      {needsPassword && (
        <div className="sm:max-w-60">
          <PasswordField id={`${id}-password`} error={form.errors.password} hint="댓글을 쓸 때 정한 비밀번호" autoFocus={firstInvalid === "password"} />
        </div>
      )}
    </CommentFormShell>
  );
}
