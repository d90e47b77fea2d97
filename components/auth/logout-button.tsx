"use client";

import { useRef, type FormEvent } from "react";

/**
 * 로그아웃: a POST to next-auth's signout endpoint, which checks its CSRF token (a hidden
 * field matched against next-auth's CSRF cookie). The token is fetched from /api/auth/csrf
 * when the button is pressed, so pages that merely show the button cost no extra request.
 * Afterwards next-auth sends the reader back to the page they were on.
 */
export function LogoutButton({ className }: { className?: string }) {
  const csrfToken = useRef<HTMLInputElement>(null);
  const callbackUrl = useRef<HTMLInputElement>(null);

  async function submitWithToken(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    event.preventDefault();
    try {
      const response = await fetch("/api/auth/csrf", { cache: "no-store", credentials: "same-origin" });
      const body = (await response.json()) as { csrfToken?: unknown };
      if (typeof body.csrfToken === "string") csrfToken.current!.value = body.csrfToken;
    } catch {
      // Posting without a token still reaches next-auth, which then asks to confirm.
    }
    callbackUrl.current!.value = `${window.location.pathname}${window.location.search}`;
    form.submit();
  }

  return (
    <form method="post" action="/api/auth/signout" onSubmit={submitWithToken} className="inline">
      <input ref={csrfToken} type="hidden" name="csrfToken" defaultValue="" />
      <input ref={callbackUrl} type="hidden" name="callbackUrl" defaultValue="/" />
      <button type="submit" className={className}>
        로그아웃
      </button>
    </form>
  );
}
