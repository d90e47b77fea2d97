import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BoardSettingsForm, type SavedBoardSettings } from "@/components/dashboard/boards/board-settings-form";
import { AddCategoryForm, DeleteCategoryForm, MoveCategoryForm, RenameCategoryForm } from "@/components/dashboard/boards/category-forms";
import { requireAdmin } from "@/lib/auth/require-user";
import { findBoardForAdmin, type AdminBoard } from "@/lib/data/admin-boards";
import { formatCount } from "@/lib/format";
import { BOARD_SLUG_PATTERN } from "@/lib/validations/admin-boards";

export const metadata: Metadata = { title: "게시판 설정" };

/** One board (admins only): its settings and its categories (분류), in tab order. */
export default async function AdminBoardPage({ params }: { params: Promise<{ slug: string }> }) {
  const admin = await requireAdmin();
  const { slug } = await params;
  if (!BOARD_SLUG_PATTERN.test(slug)) notFound();
  const result = await findBoardForAdmin(admin, slug);
  if (!result.ok) notFound();
  const { board } = result;

  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/dashboard/admin/boards" className="text-gray-600 hover:text-brand-700 hover:underline">
          ← 게시판 목록
        </Link>
      </p>
      <section aria-labelledby="board-title" className="space-y-4 rounded border border-gray-200 bg-white p-4">
        <h1 id="board-title" className="text-xl font-bold text-gray-900">
          {board.title}{" "}
          <Link href={`/${board.slug}`} className="font-mono text-sm font-normal text-gray-600 hover:underline">
            /{board.slug}
          </Link>
        </h1>
        <BoardSettingsForm boardId={board.id} saved={savedSettings(board)} />
      </section>
      <section aria-labelledby="categories-title" className="space-y-4 rounded border border-gray-200 bg-white p-4">
        <h2 id="categories-title" className="text-lg font-bold text-gray-900">
          분류
        </h2>
        {board.categories.length === 0 ? (
          <p className="text-sm text-gray-600">분류가 없습니다. 목록 위의 분류 탭은 분류가 있을 때만 보입니다.</p>
        ) : (
          <ol className="divide-y divide-gray-100 rounded border border-gray-200">
            {board.categories.map((category, index) => (
              <li key={category.id} className="flex flex-wrap items-start gap-x-4 gap-y-2 px-3 py-2.5">
                <div className="min-w-40">
                  <p className="font-semibold text-gray-900">{category.name}</p>
                  <p className="text-xs text-gray-500">
                    <span className="font-mono">?category={category.slug}</span> · 글 {formatCount(category.postCount)}개
                  </p>
                </div>
                <RenameCategoryForm categoryId={category.id} name={category.name} />
                <MoveCategoryForm
                  categoryId={category.id}
                  name={category.name}
                  isFirst={index === 0}
                  isLast={index === board.categories.length - 1}
                />
                <DeleteCategoryForm categoryId={category.id} name={category.name} postCount={category.postCount} />
              </li>
            ))}
          </ol>
        )}
        <h3 className="pt-2 text-base font-bold text-gray-900">분류 더하기</h3>
        <AddCategoryForm boardId={board.id} />
      </section>
    </div>
  );
}

function savedSettings(board: AdminBoard): SavedBoardSettings {
  return {
    title: board.title,
    description: board.description,
    position: String(board.position),
    rowsPerPage: String(board.rowsPerPage),
    pageLinkCount: String(board.pageLinkCount),
    noticesOnEveryPage: board.noticesOnEveryPage ? "on" : "",
    maxCommentDepth: String(board.maxCommentDepth),
    viewCountMode: board.viewCountMode,
  };
}
