"use client";

import { useId } from "react";
import { createCommentAction } from "@/lib/actions/comments";
import { BodyField, GuestNameField, PasswordField } from "./comment-fields";
import { CommentFormShell } from "./comment-form-shell";
import { announceComment, revealComment, useCommentForm } from "./use-comment-form";
import { useCommentViewer } from "./use-comment-viewer";

type CommentFormProps = {
  postId: number;
  /** The comment this answers; null for a new top-level comment. */
  parentId: number | null;
  /** The list the reader came from (canonical query, without "?"), kept on the way back. */
  listQuery: string;
  /** Where the form posts without JavaScript (lib/comments/comment-links.ts). */
  permalink: string;
  /** A reply form: closes with 취소 (JavaScript) or goes back to this address (without). */
  cancel?: { onCancel?: () => void; href: string };
  onPosted?: () => void;
  autoFocus?: boolean;
};

/**
 * Writing a comment or a reply. Guests give a name and a password (to edit or delete it later);
 * a signed-in reader writes as themselves. Works as a plain form post without JavaScript.
 */
export function CommentForm({ postId, parentId, listQuery, permalink, cancel, onPosted, autoFocus }: CommentFormProps) {
  const id = useId();
  const viewer = useCommentViewer();
  const form = useCommentForm({
    action: createCommentAction,
    permalink,
    required: () => (asMember ? ["body"] : ["body", "guestName", "password"]),
    onSuccess: (result, element) => {
      // Clear the text for the next comment; keep the guest's name, as bulletin boards do.
      const field = (name: string) => element.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
      const guestName = field("guestName")?.value;
      element.reset();
      for (const name of ["body", "password"]) {
        const input = field(name);
        if (!input) continue;
        input.value = "";
        input.dispatchEvent(new Event("input", { bubbles: true })); // the character count follows
      }
      const nameInput = field("guestName");
      if (nameInput && guestName) nameInput.value = guestName;
      announceComment(result.message);
      onPosted?.();
      revealComment(result.commentId);
    },
  });
  // The server asks for a name and password when the session it sees has ended.
  const sessionEnded = Boolean(form.errors.guestName || form.errors.password);
  const asMember = viewer !== null && !sessionEnded;
  const isReply = parentId !== null;
  const firstInvalid = (["guestName", "password", "body"] as const).find((field) => form.errors[field]);

  return (
    <CommentFormShell
      form={form}
      label={isReply ? "답글 쓰기" : "댓글 쓰기"}
      className="space-y-2.5 rounded border border-gray-300 bg-gray-50 p-3"
      hidden={{ postId, parentId: parentId ?? "", listQuery }}
      messageAutoFocus={!firstInvalid}
      cancel={cancel}
      submit={{ label: "등록", pendingText: "등록 중…" }}
    >
      {asMember && <input type="hidden" name="asMember" value="1" />}
      {asMember ? (
        <p className="text-[13px] text-gray-700">
          <span className="font-semibold text-gray-900">{viewer.displayName}</span> 님으로 {isReply ? "답글" : "댓글"}을 씁니다.
        </p>
      ) : (
        <div className="flex flex-col gap-2 sm:flex-row">
          <GuestNameField
            id={`${id}-name`}
            error={form.errors.guestName}
            defaultValue={form.values?.guestName}
            autoFocus={firstInvalid === "guestName"}
          />
          <PasswordField
            id={`${id}-password`}
            error={form.errors.password}
            hint="수정·삭제할 때 필요합니다."
            autoFocus={firstInvalid === "password"}
          />
        </div>
      )}
      <BodyField
        id={`${id}-body`}
        label={isReply ? "답글" : "댓글"}
        error={form.errors.body}
        defaultValue={form.values?.body}
        autoFocus={firstInvalid ? firstInvalid === "body" : autoFocus}
      />
    </CommentFormShell>
  );
}
