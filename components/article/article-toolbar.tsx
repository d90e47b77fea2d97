import Link from "next/link";
import { ArticleShortcuts } from "./article-shortcuts";
import { FontSizeControls } from "./font-size-controls";
import { InPageLink } from "./in-page-link";
import { toolbarControlClass, toolbarControlDisabledClass } from "./toolbar-styles";

/** An article next to this one in the list the reader came from; null at the list's ends. */
export type Neighbour = { href: string; title: string } | null;

type ArticleToolbarProps = {
  /** The row above this article in the list. */
  previous: Neighbour;
  /** The row below this article in the list. */
  next: Neighbour;
  /** The print view, e.g. `/news/123/print?autoprint=1`. */
  printHref: string;
};

/**
 * The bar above an article, after the SketchBook5 skin's: 단축키 · 이전 문서 / 다음 문서 ·
 * 크게 / 작게 / 기본 · 위로 / 아래로 · 댓글로 가기 · 인쇄. Links work without JavaScript;
 * the font buttons and the shortcuts (client leaves) need it and hide without it.
 */
export function ArticleToolbar({ previous, next, printHref }: ArticleToolbarProps) {
  return (
    <nav
      aria-label="문서 도구"
      className="mb-5 flex flex-wrap items-center gap-x-3 gap-y-2 rounded border border-gray-200 bg-gray-50 p-2 print:hidden"
    >
      <div className="flex gap-1">
        <ArticleShortcuts previousHref={previous?.href ?? null} nextHref={next?.href ?? null} printHref={printHref} />
        <NeighbourLink neighbour={previous} rel="prev" />
        <NeighbourLink neighbour={next} rel="next" />
      </div>
      {/* Right-aligned from `sm` up; on phones its groups flow with the ones above (two rows, not three). */}
      <div className="flex flex-wrap gap-x-3 gap-y-2 max-sm:contents sm:ml-auto">
        <FontSizeControls />
        <div className="flex gap-1">
          <InPageLink href="#top" className={toolbarControlClass}>
            <span aria-hidden="true">↑</span>위로
          </InPageLink>
          <InPageLink href="#page-bottom" className={toolbarControlClass}>
            <span aria-hidden="true">↓</span>아래로
          </InPageLink>
        </div>
        <div className="flex gap-1">
          <InPageLink href="#comments" className={toolbarControlClass}>
            댓글로 가기
          </InPageLink>
          <a href={printHref} className={toolbarControlClass}>
            인쇄
          </a>
        </div>
      </div>
    </nav>
  );
}

/** 이전 문서 / 다음 문서: a link titled with the neighbour's headline, or an inert label. */
function NeighbourLink({ neighbour, rel }: { neighbour: Neighbour; rel: "prev" | "next" }) {
  const label = rel === "prev" ? "이전 문서" : "다음 문서";
  const text =
    rel === "prev" ? (
      <>
        <span aria-hidden="true">‹</span>
        {label}
      </>
    ) : (
      <>
        {label}
        <span aria-hidden="true">›</span>
      </>
    );
  if (!neighbour) {
    return (
      <span aria-disabled="true" className={toolbarControlDisabledClass}>
        {text}
      </span>
    );
  }
  return (
    <Link href={neighbour.href} rel={rel} title={neighbour.title} aria-label={`${label}: ${neighbour.title}`} className={toolbarControlClass}>
      {text}
    </Link>
  );
}
