"use client";

import { usePathname } from "next/navigation";
import type { FormEvent } from "react";
import { logoutAction } from "@/lib/actions/logout";
import { safeCallbackPath } from "@/lib/auth/callback-url";

/**
 * 로그아웃: a form posting to logoutAction, a server action, so it works without JavaScript
 * and needs no CSRF token (the reader comes back to the page's path, without its query).
 * With JavaScript the button calls the action, then loads the page it was on afresh, query
 * string and all, so everything on it sees the reader logged out.
 */
export function LogoutButton({ className }: { className?: string }) {
  const pathname = usePathname();

  async function logOut(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    formData.set("js", "1");
    await logoutAction(formData);
    window.location.assign(safeCallbackPath(`${window.location.pathname}${window.location.search}`));
  }

  return (
    <form action={logoutAction} onSubmit={logOut} className="inline">
      <input type="hidden" name="callbackUrl" value={pathname} />
      <button type="submit" className={className}>
        로그아웃
      </button>
    </form>
  );
}
