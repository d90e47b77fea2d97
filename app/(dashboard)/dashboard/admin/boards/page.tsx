import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminCollectionPage, AdminTable } from "@/components/dashboard/admin-collection-page";
import { CreateBoardForm } from "@/components/dashboard/boards/create-board-form";
import { requireAdmin } from "@/lib/auth/require-user";
import { listBoardsForAdmin } from "@/lib/data/admin-boards";
import { formatCount } from "@/lib/format";

export const metadata: Metadata = { title: "게시판" };

const BOARD_COLUMNS = [{ label: "순서" }, { label: "이름" }, { label: "주소" }, { label: "글", numeric: true }, { label: "분류", numeric: true }];

/** 게시판 (admins only): the boards in menu order, each linking to its settings, and a form for a new one. */
export default async function AdminBoardsPage() {
  const admin = await requireAdmin();
  const result = await listBoardsForAdmin(admin);
  if (!result.ok) notFound();

  return (
    <AdminCollectionPage titleId="boards-title" title="게시판" createTitleId="new-board-title" createTitle="새 게시판" createForm={<CreateBoardForm />}>
      {result.boards.length === 0 ? (
        <p className="text-sm text-gray-600">아직 게시판이 없습니다. 아래에서 만들어 주세요.</p>
      ) : (
        <AdminTable columns={BOARD_COLUMNS}>
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
        </AdminTable>
      )}
    </AdminCollectionPage>
  );
}
