"use client";

import type { ReactNode } from "react";
import { CancelButton, FormMessage, SubmitButton } from "./comment-fields";
import type { useCommentForm } from "./use-comment-form";

type CommentFormShellProps = {
  /** The form's state and wiring, from useCommentForm. */
  form: Pick<ReturnType<typeof useCommentForm>, "formRef" | "formAction" | "onSubmit" | "messageRef" | "message" | "pending">;
  /** The form's accessible name (댓글 쓰기, 댓글 수정, …). */
  label: string;
  className: string;
  /** What the form posts besides its fields, in this order, as hidden inputs. */
  hidden: Record<string, string | number>;
  /** Whether the form's message takes focus when it appears (not when a field in error does). */
  messageAutoFocus: boolean;
  /** 취소: a button with JavaScript, a link to this address without it. */
  cancel?: { onCancel?: () => void; href: string };
  submit: { label: string; pendingText: string; tone?: "primary" | "danger" };
  children: ReactNode;
};

/**
 * What every comment form is around its fields: a <form> that posts to the server action
 * (so it works without JavaScript) and checks first with it, the hidden inputs, the message
 * about the whole form and the row of buttons.
 */
export function CommentFormShell({ form, label, className, hidden, messageAutoFocus, cancel, submit, children }: CommentFormShellProps) {
  return (
    <form ref={form.formRef} action={form.formAction} onSubmit={form.onSubmit} noValidate aria-label={label} className={className}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <FormMessage message={form.message} messageRef={form.messageRef} autoFocus={messageAutoFocus} />
      <div className="flex justify-end gap-2">
        {cancel && <CancelButton onCancel={cancel.onCancel} href={cancel.href} />}
        <SubmitButton pending={form.pending} pendingText={submit.pendingText} tone={submit.tone}>
          {submit.label}
        </SubmitButton>
      </div>
    </form>
  );
}
