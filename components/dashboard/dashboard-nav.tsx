import Link from "next/link";
import { canAdminister, canModerate, type Role } from "@/lib/auth/roles";

/** The dashboard's menu: only the pages this role may open. */
export function DashboardNav({ role }: { role: Role }) {
  const items = [
    { href: "/dashboard", label: "홈" },
    { href: "/dashboard/posts", label: "기사 목록" },
    { href: "/dashboard/posts/new", label: "새 기사 쓰기" },
    ...(canModerate(role) ? [{ href: "/dashboard/comments", label: "댓글 관리" }] : []),
    ...(canAdminister(role)
      ? [
          { href: "/dashboard/admin/users", label: "사용자" },
          { href: "/dashboard/admin/boards", label: "게시판" },
        ]
      : []),
  ];
  return (
    <nav aria-label="편집국 메뉴" className="mx-auto max-w-6xl px-4">
      <ul className="flex flex-wrap gap-1 text-sm font-semibold">
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="inline-block border-b-2 border-transparent px-3 py-2 text-gray-700 hover:border-brand-600 hover:text-brand-700">
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
