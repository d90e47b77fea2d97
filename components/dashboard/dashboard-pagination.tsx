import { PageLinks } from "@/components/board/page-links";
import { dashboardPostsHref, type DashboardPostsParams } from "@/lib/validations/dashboard";

type DashboardPaginationProps = {
  /** The list's page ("/dashboard/posts") and its state in the URL. */
  path: string;
  params: DashboardPostsParams;
  pageCount: number;
  /** An id on the page to land on (the table's section), so a page link does not start at the top. */
  fragment?: string;
};

const PAGE_LINKS = 7;

/** ‹ 이전 · 1 … 4 5 [6] 7 8 … 20 · 다음 ›: plain links that keep the list's state (works without JavaScript). */
export function DashboardPagination({ path, params, pageCount, fragment }: DashboardPaginationProps) {
  if (pageCount <= 1) return null;
  const href = (target: number) => dashboardPostsHref(path, { ...params, page: target }, fragment);
  return <PageLinks label="기사 목록 페이지" page={params.page} pageCount={pageCount} linkCount={PAGE_LINKS} href={href} className="mt-4 text-sm" />;
}
