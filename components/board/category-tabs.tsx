import Link from "next/link";
import { boardHref, type ListState } from "@/lib/board/list-state";
import type { CategorySummary } from "@/lib/data/boards";

/** 전체 · 행정 · 경제 …: a board's categories as tabs; the sort and search stay, the page starts over. */
export function CategoryTabs({ boardSlug, categories, state }: { boardSlug: string; categories: CategorySummary[]; state: ListState }) {
  if (categories.length === 0) return null;
  const tabs = [{ slug: null, name: "전체" }, ...categories];
  return (
    <nav aria-label="분류" className="mb-3 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-gray-300 text-[15px]">
        {tabs.map((tab) => {
          const active = state.category === tab.slug;
          return (
            <li key={tab.slug ?? "all"}>
              <Link
                href={boardHref(boardSlug, { ...state, category: tab.slug, page: 1 })}
                aria-current={active ? "true" : undefined}
                className={`-mb-px inline-block border-b-2 px-4 py-2 ${
                  active ? "border-brand-700 font-bold text-brand-700" : "border-transparent text-gray-600 hover:border-gray-400 hover:text-gray-900"
                }`}
              >
                {tab.name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
