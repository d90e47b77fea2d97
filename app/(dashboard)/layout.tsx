import Link from "next/link";
import { LogoutButton } from "@/components/auth/logout-button";
import { DashboardNav } from "@/components/dashboard/dashboard-nav";
import { requireUser } from "@/lib/auth/require-user";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { siteConfig } from "@/lib/site-config";

/**
 * The newsroom's dashboard: every page under it is for signed-in staff and rendered per request
 * (it reads the session). The menu shows what the user's role may open; each page checks again.
 */
export const dynamic = "force-dynamic";

export const metadata = { robots: { index: false, follow: false } };

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="flex min-h-screen flex-col bg-gray-50">
      <header className="border-b border-gray-200 bg-white">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          본문 바로가기
        </a>
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-baseline gap-3">
            <Link href="/dashboard" className="text-lg font-extrabold tracking-tight text-brand-800">
              {siteConfig.name} <span className="font-semibold text-gray-500">편집국</span>
            </Link>
            <Link href="/" className="text-sm text-gray-600 underline-offset-2 hover:underline">
              사이트 보기
            </Link>
          </div>
          <div className="flex items-center gap-3 text-sm text-gray-700">
            <span>
              <strong className="font-semibold">{user.displayName}</strong>{" "}
              <span className="rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-600">{ROLE_LABELS[user.role]}</span>
            </span>
            <LogoutButton className="rounded border border-gray-300 px-2 py-1 hover:bg-gray-100" />
          </div>
        </div>
        <DashboardNav role={user.role} />
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
