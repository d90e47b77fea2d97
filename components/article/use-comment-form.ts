"use client";

import { useActionState, useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import {
  checkCommentFields,
  commentFormInput,
  type CommentField,
  type CommentFieldErrors,
  type CommentFormState,
} from "@/lib/validations/comment-fields";

type CommentAction = (state: CommentFormState, formData: FormData) => Promise<CommentFormState>;
type Success = Extract<NonNullable<CommentFormState>, { ok: true }>;

type Options = {
  action: CommentAction;
  /** The page address the form posts to without JavaScript (lib/comments/comment-links.ts). */
  permalink: string;
  /** The fields this form requires, checked (filled in, within the limits) before anything is sent. */
  required: () => readonly CommentField[];
  onSuccess: (result: Success, form: HTMLFormElement) => void;
};

/**
 * The behaviour all comment forms share. Without JavaScript the <form> posts to the server
 * action and the page comes back with the result (useActionState's permalink keeps each form's
 * result on that form). With it, the required fields are checked first (filled in, within the
 * limits: lib/validations/comment-fields.ts, no zod in the browser; the action parses with the
 * shared schema again), then the action is called directly: nothing typed is lost on an error (the form is not reset),
 * focus moves to the first field in error or to the message, and success is handled in the
 * submit's own continuation, so it still runs when the refreshed page has removed the form
 * (a deleted comment takes its form with it). A failed request is a message, not a crash.
 */
export function useCommentForm({ action, permalink, required, onSuccess }: Options) {
  // What a post without JavaScript came back with (rendered by the server); the <form> needs formAction for that post.
  const [serverRendered, formAction] = useActionState(action, null, permalink);
  const [result, setResult] = useState<CommentFormState>(null);
  const [pending, startTransition] = useTransition();
  const [checked, setChecked] = useState<{ errors: CommentFieldErrors | null; attempt: number }>({ errors: null, attempt: 0 });
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const onSuccessRef = useRef(onSuccess);
  useEffect(() => {
    onSuccessRef.current = onSuccess;
  });
  const state = result ?? serverRendered;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = commentFormInput(data);
    const errors = checkCommentFields(input, required());
    const hasErrors = Object.keys(errors).length > 0;
    setChecked((previous) => ({ errors: hasErrors ? errors : null, attempt: previous.attempt + 1 }));
    if (hasErrors) return;
    data.set("js", "1");
    startTransition(async () => {
      let next: CommentFormState;
      try {
        next = await action(null, data);
      } catch {
        next = {
          ok: false,
          message: "저장하지 못했습니다. 연결을 확인하고 다시 시도해 주세요.",
          fieldErrors: {},
          values: { body: input.body, guestName: input.guestName },
        };
      }
      startTransition(() => setResult(next));
      if (next?.ok) onSuccessRef.current(next, form);
    });
  }

  const focusProblem = () => {
    const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (field ?? messageRef.current)?.focus();
  };

  // A check in the browser or the server found something: go to the first field in error, or the message.
  useEffect(() => {
    if (checked.errors) focusProblem();
  }, [checked]);
  useEffect(() => {
    if (result?.ok === false) focusProblem();
  }, [result]);

  const failure = state?.ok === false ? state : null;
  const errors: CommentFieldErrors = checked.errors ?? failure?.fieldErrors ?? {};
  // The server's message shows above the buttons, unless a field already says the same.
  const repeatsField = failure ? Object.values(failure.fieldErrors).some((messages) => messages?.includes(failure.message)) : false;
  const message = checked.errors || repeatsField ? null : (failure?.message ?? null);
  return {
    formRef,
    messageRef,
    formAction,
    onSubmit,
    pending,
    errors,
    message,
    /** What was typed before a failed post without JavaScript (the page came back with it). */
    values: result === null && serverRendered?.ok === false ? serverRendered.values : null,
  };
}

/**
 * After a comment appears or changes: bring it into view, focus it (screen readers read it) and
 * put its address in the location bar. The refreshed page may land a moment after the result.
 */
export function revealComment(commentId: number, attemptsLeft = 40) {
  const element = document.getElementById(`comment-${commentId}`);
  if (!element) {
    if (attemptsLeft > 0) window.setTimeout(() => revealComment(commentId, attemptsLeft - 1), 50);
    return;
  }
  window.history.replaceState(window.history.state, "", `#comment-${commentId}`);
  element.scrollIntoView({ block: "center", behavior: "smooth" });
  element.focus({ preventScroll: true });
}

/** Says something to screen readers through the comment section's live region. */
export function announceComment(message: string) {
  window.dispatchEvent(new CustomEvent("comments:announce", { detail: message }));
}
