"use client";

import { useState } from "react";
import { articlePageHref, commentAnchor, replyAnchor, type CommentMode } from "@/lib/comments/comment-links";
import { CommentDeleteForm } from "./comment-delete-form";
import { CommentEditForm } from "./comment-edit-form";
import { CommentForm } from "./comment-form";
import { isModerator, useCommentViewer, useHydrated } from "./use-comment-viewer";

type CommentControlsProps = {
  postId: number;
  articlePath: string;
  listQuery: string;
  comment: { id: number; body: string; isGuest: boolean; userId: number | null };
  /** False when the board's reply depth is reached here. */
  canReply: boolean;
  /** The form the page address opens (?reply=…, ?edit=…, ?delete=…), for readers without JavaScript. */
  initialMode: CommentMode | null;
};

const LABELS: Record<CommentMode, string> = { reply: "답글", edit: "수정", delete: "삭제" };

/**
 * 답글 · 수정 · 삭제 under a comment, and the form each opens right there. Without JavaScript
 * they are links that open the form through the address; with it they are buttons that open
 * and close it in place. 수정/삭제 show on guest comments (the password decides), on the
 * signed-in reader's own comments, and 삭제 on every comment for editors and admins.
 */
export function CommentControls({ postId, articlePath, listQuery, comment, canReply, initialMode }: CommentControlsProps) {
  const hydrated = useHydrated();
  const viewer = useCommentViewer();
  const [mode, setMode] = useState<CommentMode | null>(initialMode);

  const own = viewer !== null && comment.userId !== null && viewer.id === comment.userId;
  const moderator = isModerator(viewer);
  const allowed: Record<CommentMode, boolean> = {
    reply: canReply,
    edit: comment.isGuest || own,
    delete: comment.isGuest || own || moderator,
  };
  // A guest comment asks for its password, unless a moderator deletes it.
  const editNeedsPassword = comment.isGuest;
  const deleteNeedsPassword = comment.isGuest && !moderator;

  // Opens a form without JavaScript; the form's autofocus field brings it into view.
  const hrefFor = (next: CommentMode) => articlePageHref(articlePath, listQuery, { mode: next, commentId: comment.id });
  const backHref = articlePageHref(articlePath, listQuery, null, commentAnchor(comment.id));
  const panelId = `comment-${comment.id}-panel`;
  // "답글" alone is ambiguous in a list of comments: the author's name describes which one.
  const authorId = `comment-${comment.id}-author`;
  const close = () => setMode(null);
  const shown = (Object.keys(LABELS) as CommentMode[]).filter((candidate) => allowed[candidate]);

  return (
    // Buttons and forms, not part of the comment: not printed (Ctrl+P on the article).
    <div className="print:hidden">
      {shown.length > 0 && (
        <ul className="mt-1.5 flex gap-1 text-[13px]" aria-label="댓글 기능">
          {shown.map((candidate) => (
            <li key={candidate}>
              {hydrated ? (
                <button
                  type="button"
                  onClick={() => setMode(mode === candidate ? null : candidate)}
                  aria-expanded={mode === candidate}
                  aria-controls={mode === candidate ? panelId : undefined}
                  aria-describedby={authorId}
                  className={controlClass(mode === candidate)}
                >
                  {LABELS[candidate]}
                </button>
              ) : (
                <a href={hrefFor(candidate)} rel="nofollow" aria-describedby={authorId} className={controlClass(mode === candidate)}>
                  {LABELS[candidate]}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {mode && allowed[mode] && (
        <div id={panelId}>
          {mode === "reply" && (
            <div id={replyAnchor(comment.id)} className="mt-2">
              <CommentForm
                postId={postId}
                parentId={comment.id}
                listQuery={listQuery}
                permalink={hrefFor("reply")}
                cancel={{ onCancel: close, href: backHref }}
                onPosted={close}
                autoFocus
              />
            </div>
          )}
          {mode === "edit" && (
            <CommentEditForm
              commentId={comment.id}
              body={comment.body}
              needsPassword={editNeedsPassword}
              listQuery={listQuery}
              permalink={hrefFor("edit")}
              cancel={{ onCancel: close, href: backHref }}
              onDone={close}
            />
          )}
          {mode === "delete" && (
            <CommentDeleteForm
              commentId={comment.id}
              needsPassword={deleteNeedsPassword}
              listQuery={listQuery}
              permalink={hrefFor("delete")}
              cancel={{ onCancel: close, href: backHref }}
              onDone={close}
            />
          )}
        </div>
      )}
    </div>
  );
}

function controlClass(active: boolean): string {
  return `inline-flex cursor-pointer items-center rounded px-2 py-0.5 ${
    active ? "bg-brand-50 font-semibold text-brand-700" : "text-gray-600 hover:bg-gray-100 hover:text-gray-900"
  }`;
}
