import { PrintButton } from "./print-button";

type PrintActionsProps = {
  /** The article's own page, /news/12. */
  articlePath: string;
  /** The print view with comments switched the other way. */
  toggleCommentsHref: string;
  commentsShown: boolean;
};

const controlClass =
  "inline-flex items-center gap-1 rounded border border-gray-300 bg-white px-3 py-1.5 text-sm font-semibold text-gray-800 hover:bg-gray-50";

/**
 * Above the sheet on screen, never on paper: back to the article, comments in or out (a plain
 * link, so it works without JavaScript) and 인쇄.
 */
export function PrintActions({ articlePath, toggleCommentsHref, commentsShown }: PrintActionsProps) {
  return (
    <nav aria-label="인쇄 도구" className="print-actions mx-auto flex max-w-[210mm] flex-wrap items-center justify-between gap-2 print:hidden">
      <a href={articlePath} className={controlClass}>
        <span aria-hidden="true">←</span>기사로 돌아가기
      </a>
      <div className="flex flex-wrap items-center gap-2">
        <a href={toggleCommentsHref} className={controlClass} rel="nofollow">
          {commentsShown ? "댓글 빼기" : "댓글 포함"}
        </a>
        <PrintButton className="btn-primary" />
      </div>
    </nav>
  );
}
