"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { LogoutButton } from "@/components/auth/logout-button";
import { parseSessionUser, type SessionUser } from "@/lib/auth/session-user";

type Account = { status: "unknown" } | { status: "anonymous" } | { status: "signed-in"; user: SessionUser };

const loginHref = (path: string) => `/login?callbackUrl=${encodeURIComponent(path)}`;
const currentPath = () => `${window.location.pathname}${window.location.search}`;

/**
 * 로그인 / "<name> · 로그아웃" in the site header. The public pages are the same for everyone
 * (cacheable), so the server never reads the session for them: this leaf asks
 * /api/auth/session from the browser after each navigation. Reading it also keeps an active
 * session from timing out (next-auth re-signs the cookie).
 */
export function AccountLink() {
  const pathname = usePathname();
  const [account, setAccount] = useState<Account>({ status: "unknown" });
  const [returnPath, setReturnPath] = useState(pathname);

  useEffect(() => {
    setReturnPath(currentPath());
    const controller = new AbortController();
    fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin", signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((session: { user?: unknown } | null) => {
        const user = parseSessionUser(session?.user);
        setAccount(user ? { status: "signed-in", user } : { status: "anonymous" });
      })
      .catch(() => {
        if (!controller.signal.aborted) setAccount({ status: "anonymous" });
      });
    return () => controller.abort();
  }, [pathname]);

  return (
    <div className="flex min-h-5 min-w-16 items-center justify-end gap-1.5 text-[13px] text-gray-600">
      {account.status === "anonymous" && (
        <a
          href={loginHref(returnPath)}
          // The query string may have changed since (paging), so take the address as it is now.
          onClick={(event) => (event.currentTarget.href = loginHref(currentPath()))}
          className="font-semibold hover:text-brand-700 hover:underline"
        >
          로그인
        </a>
      )}
      {account.status === "signed-in" && (
        <>
          <span className="font-semibold text-gray-800">{account.user.displayName}</span>
          <span aria-hidden="true">·</span>
          <LogoutButton className="cursor-pointer hover:text-brand-700 hover:underline" />
        </>
      )}
      {account.status === "unknown" && (
        <noscript>
          <a href={loginHref(pathname)} className="font-semibold hover:text-brand-700 hover:underline">
            로그인
          </a>
        </noscript>
      )}
    </div>
  );
}
