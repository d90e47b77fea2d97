import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateBoardForm } from "@/components/dashboard/boards/create-board-form";
import { requireAdmin } from "@/lib/auth/require-user";
import { listBoardsForAdmin } from "@/lib/data/admin-boards";
import { formatCount } from "@/lib/format";

export const metadata: Metadata = { title: "게시판" };

/** 게시판 (admins only): the boards in menu order, each linking to its settings, and a form for a new one. */
export default async function AdminBoardsPage() {
  const admin = await requireAdmin();
  const result = await listBoardsForAdmin(admin);
  if (!result.ok) notFound();

  return (
    <div className="space-y-8">
      <section aria-labelledby="boards-title" className="space-y-4">
        <h1 id="boards-title" className="text-xl font-bold text-gray-900">
          게시판
        </h1>
        {result.boards.length === 0 ? (
          <p className="text-sm text-gray-600">아직 게시판이 없습니다. 아래에서 만들어 주세요.</p>
        ) : (
          <div className="overflow-x-auto rounded border border-gray-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-gray-200 bg-gray-50 text-xs text-gray-600">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">순서</th>
                  <th scope="col" className="px-3 py-2 font-semibold">이름</th>
                  <th scope="col" className="px-3 py-2 font-semibold">주소</th>
                  <th scope="col" className="px-3 py-2 text-right font-semibold">글</th>
                  <th scope="col" className="px-3 py-2 text-right font-semibold">분류</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {result.boards.map((board, index) => (
                  <tr key={board.id}>
                    <td className="px-3 py-2 tabular-nums">
                      {board.position}
                      {index === 0 && <span className="ml-1 text-xs text-gray-500">(첫 화면)</span>}
                    </td>
                    <td className="px-3 py-2">
                      <Link href={`/dashboard/admin/boards/${board.slug}`} className="font-semibold text-brand-700 hover:underline">
                        {board.title}
                      </Link>
                    </td>
                    <td className="px-3 py-2">
                      <Link href={`/${board.slug}`} className="font-mono text-[13px] text-gray-700 hover:underline">
                        /{board.slug}
                      </Link>
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatCount(board.postCount)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatCount(board.categoryCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="new-board-title" className="space-y-3 rounded border border-gray-200 bg-white p-4">
        <h2 id="new-board-title" className="text-lg font-bold text-gray-900">
          새 게시판
        </h2>
        <CreateBoardForm />
      </section>
    </div>
  );
}
