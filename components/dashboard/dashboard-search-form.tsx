import Link from "next/link";
import { DASHBOARD_SEARCH_MAX, dashboardPostsHref, type DashboardPostsParams } from "@/lib/validations/dashboard";

type DashboardSearchFormProps = {
  /** The list's page ("/dashboard/posts"); the search keeps its scope and status tab. */
  path: string;
  params: DashboardPostsParams;
  /** An id on the page to land on after searching. */
  fragment?: string;
};

/**
 * Title search over an article list: a GET form, so the results are an ordinary URL that pages
 * and reloads with the search kept, with or without JavaScript. The page goes back to 1.
 */
export function DashboardSearchForm({ path, params, fragment }: DashboardSearchFormProps) {
  const inputId = `${path.replaceAll("/", "-").slice(1)}-search`;
  return (
    <form method="get" action={fragment ? `${path}#${fragment}` : path} role="search" aria-label="기사 제목 검색" className="flex flex-wrap items-center gap-2">
      {params.scope !== "all" && <input type="hidden" name="scope" value={params.scope} />}
      {params.status && <input type="hidden" name="status" value={params.status} />}
      <label htmlFor={inputId} className="sr-only">
        제목 검색어
      </label>
      <input
        id={inputId}
        name="q"
        type="search"
        defaultValue={params.q}
        maxLength={DASHBOARD_SEARCH_MAX}
        placeholder="제목으로 찾기"
        className="w-full min-w-0 rounded border border-gray-300 bg-white px-3 py-1.5 text-sm sm:w-64"
      />
      <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
        검색
      </button>
      {params.q && (
        <Link href={dashboardPostsHref(path, { scope: params.scope, status: params.status }, fragment)} className="text-sm text-gray-600 underline hover:text-brand-700">
          검색 지우기
        </Link>
      )}
    </form>
  );
}
