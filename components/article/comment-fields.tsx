"use client";

import { useState, type ReactNode, type RefObject } from "react";
import { COMMENT_BODY_MAX, COMMENT_PASSWORD_MAX, GUEST_NAME_MAX } from "@/lib/validations/comment-fields";
import { useHydrated } from "./use-comment-viewer";

/** The pieces every comment form is made of: labelled fields with their errors, a message, buttons. */

export const fieldClass =
  "block w-full rounded border border-gray-300 bg-white px-2.5 py-1.5 text-[15px] text-gray-900 placeholder:text-gray-400 focus:border-brand-600 focus:outline-none focus-visible:outline-2 aria-[invalid=true]:border-notice aria-[invalid=true]:bg-orange-50/40";

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-[13px] font-semibold text-notice">
      {messages[0]}
    </p>
  );
}

export function GuestNameField({ id, error, defaultValue, autoFocus }: { id: string; error?: string[]; defaultValue?: string; autoFocus?: boolean }) {
  return (
    <div className="min-w-0 flex-1">
      <label htmlFor={id} className="mb-1 block text-[13px] font-semibold text-gray-700">
        이름
      </label>
      <input
        id={id}
        name="guestName"
        type="text"
        autoComplete="nickname"
        maxLength={GUEST_NAME_MAX}
        defaultValue={defaultValue}
        autoFocus={autoFocus}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && `${id}-error`)}
        className={fieldClass}
      />
      <FieldError id={`${id}-error`} messages={error} />
    </div>
  );
}

export function PasswordField({ id, error, hint, autoFocus }: { id: string; error?: string[]; hint?: string; autoFocus?: boolean }) {
  return (
    <div className="min-w-0 flex-1">
      <label htmlFor={id} className="mb-1 block text-[13px] font-semibold text-gray-700">
        비밀번호
      </label>
      <input
        id={id}
        name="password"
        type="password"
        // A comment password is not a site login: keep password managers out of it.
        autoComplete="off"
        maxLength={COMMENT_PASSWORD_MAX}
        autoFocus={autoFocus}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        className={fieldClass}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-[12px] text-gray-600">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={error} />
    </div>
  );
}

export function BodyField({
  id,
  error,
  defaultValue = "",
  label = "댓글",
  autoFocus,
  textareaRef,
}: {
  id: string;
  error?: string[];
  defaultValue?: string;
  label?: string;
  autoFocus?: boolean;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
}) {
  const hydrated = useHydrated();
  const [length, setLength] = useState(defaultValue.length);
  return (
    <div>
      <div className="mb-1 flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-[13px] font-semibold text-gray-700">
          {label}
        </label>
        {hydrated && (
          <span className={`text-[12px] tabular-nums ${length > COMMENT_BODY_MAX ? "text-notice" : "text-gray-600"}`} aria-hidden="true">
            {length.toLocaleString("ko-KR")} / {COMMENT_BODY_MAX.toLocaleString("ko-KR")}
          </span>
        )}
      </div>
      <textarea
        ref={textareaRef}
        id={id}
        name="body"
        rows={4}
        maxLength={COMMENT_BODY_MAX}
        defaultValue={defaultValue}
        autoFocus={autoFocus}
        onInput={(event) => setLength(event.currentTarget.value.length)}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && `${id}-error`)}
        className={`${fieldClass} min-h-24 resize-y leading-relaxed`}
      />
      <FieldError id={`${id}-error`} messages={error} />
    </div>
  );
}

/** A message about the whole form (too soon, wrong password, …): read out at once, focusable. */
export function FormMessage({ message, messageRef, autoFocus }: { message: string | null; messageRef: RefObject<HTMLParagraphElement | null>; autoFocus?: boolean }) {
  return (
    <p
      ref={messageRef}
      role="alert"
      tabIndex={-1}
      autoFocus={autoFocus && Boolean(message)}
      className={message ? "rounded border border-orange-200 bg-orange-50 px-3 py-2 text-sm font-semibold text-notice focus:outline-none" : "sr-only"}
    >
      {message}
    </p>
  );
}

export function SubmitButton({ pending, children, pendingText, tone = "primary" }: { pending: boolean; children: ReactNode; pendingText: string; tone?: "primary" | "danger" }) {
  const colours = tone === "danger" ? "bg-notice hover:bg-orange-800" : "bg-brand-700 hover:bg-brand-800";
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending || undefined}
      className={`min-w-16 cursor-pointer rounded px-4 py-1.5 text-sm font-bold text-white disabled:cursor-wait disabled:opacity-70 ${colours}`}
    >
      {pending ? pendingText : children}
    </button>
  );
}

export const secondaryButtonClass =
  "inline-flex cursor-pointer items-center rounded border border-gray-300 bg-white px-3 py-1.5 text-sm text-gray-700 hover:bg-gray-50";

/** 취소: a button with JavaScript, a link back to the comment without it. */
export function CancelButton({ onCancel, href }: { onCancel?: () => void; href: string }) {
  const hydrated = useHydrated();
  if (hydrated && onCancel) {
    return (
      <button type="button" onClick={onCancel} className={secondaryButtonClass}>
        취소
      </button>
    );
  }
  return (
    <a href={href} className={secondaryButtonClass}>
      취소
    </a>
  );
}
