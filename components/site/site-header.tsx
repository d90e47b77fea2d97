import Link from "next/link";
import { listBoards } from "@/lib/data/boards";
import { siteConfig } from "@/lib/site-config";
import { AccountLink } from "./account-link";

export async function SiteHeader() {
  return <SiteHeaderView boards={await listBoards()} />;
}

/** The header's markup for a given boards menu (the benchmark's control pages pass a fixed one). */
export function SiteHeaderView({ boards }: { boards: { slug: string; title: string }[] }) {
  return (
    <header className="border-b-2 border-brand-700 bg-white print:hidden">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        본문 바로가기
      </a>
      <div className="mx-auto flex max-w-5xl justify-end px-4 pt-2">
        <AccountLink />
      </div>
      <div className="mx-auto flex max-w-5xl flex-wrap items-end justify-between gap-3 px-4 pb-3 pt-1">
        <Link href="/" className="text-2xl font-extrabold tracking-tight text-brand-800">
          {siteConfig.name}
        </Link>
        <nav aria-label="게시판">
          <ul className="flex gap-4 text-[15px] font-semibold text-gray-700">
            {boards.map((board) => (
              <li key={board.slug}>
                <Link href={`/${board.slug}`} className="hover:text-brand-700">
                  {board.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
