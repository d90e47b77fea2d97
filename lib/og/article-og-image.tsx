import type { ArticleCard } from "@/lib/data/feeds";
import { formatDateTime } from "@/lib/format";
import { truncateText } from "@/lib/seo/article-seo";
import { siteConfig } from "@/lib/site-config";

/**
 * The generated link-preview picture of an article without a lead image (1200×630, drawn by
 * next/og's Satori: flexbox and inline styles only): the site's name and the board on top, the
 * headline large in the middle (wrapped between words, as Korean is set on the site), the byline
 * and date below. Colours are the site's brand colours (app/globals.css).
 */
const BRAND_700 = "#184d7e";
const BRAND_800 = "#123a60";
const BRAND_50 = "#eef5fb";

/** Longer headlines get smaller type, so up to about 90 characters fit in four lines. */
function headlineSize(title: string): number {
  const length = Array.from(title).length;
  return length <= 28 ? 68 : length <= 48 ? 60 : length <= 70 ? 52 : 46;
}

export function ArticleOgImage({ card }: { card: ArticleCard }) {
  const title = truncateText(card.title, 90);
  const host = new URL(siteConfig.url).host;
  return (
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", background: "#ffffff", fontFamily: "Pretendard" }}>
      <div style={{ height: 18, background: BRAND_700, display: "flex" }} />
      <div style={{ flex: 1, display: "flex", flexDirection: "column", padding: "44px 72px 48px" }}>
        <div style={{ display: "flex", alignItems: "center", gap: 20 }}>
          <div style={{ fontSize: 36, fontWeight: 700, color: BRAND_800, display: "flex" }}>{siteConfig.name}</div>
          <div style={{ fontSize: 26, fontWeight: 700, color: BRAND_700, background: BRAND_50, borderRadius: 999, padding: "6px 22px", display: "flex" }}>
            {card.boardTitle}
          </div>
        </div>
        <div style={{ flex: 1, display: "flex", alignItems: "center" }}>
          <div
            style={{
              fontSize: headlineSize(title),
              fontWeight: 700,
              lineHeight: 1.3,
              color: "#111827",
              wordBreak: "keep-all",
              display: "block",
              lineClamp: 4,
            }}
          >
            {title}
          </div>
        </div>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "flex-end", borderTop: "2px solid #e5e7eb", paddingTop: 24 }}>
          <div style={{ fontSize: 28, fontWeight: 400, color: "#4b5563", display: "flex" }}>{`${card.authorName} · ${formatDateTime(card.publishedAt)}`}</div>
          <div style={{ fontSize: 24, fontWeight: 400, color: "#6b7280", display: "flex" }}>{host}</div>
        </div>
      </div>
    </div>
  );
}
