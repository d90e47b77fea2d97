import { ArticleImage } from "@/components/media/article-image";
import type { Article } from "@/lib/data/posts";
import { formatDateTime, isoKoreanTime } from "@/lib/format";
import { siteConfig } from "@/lib/site-config";

type PrintArticleProps = {
  article: Article;
  boardTitle: string;
  /** The article's own address in full (https://…/news/12), printed and in the QR code. */
  articleUrl: string;
  /** The QR code of articleUrl as inline SVG markup (lib/print/qr-code.ts). */
  qrSvg: string;
};

/** The lead picture is printed at the text width (about 180 mm, some 700 CSS pixels). */
const PRINT_IMAGE_SIZES = "(max-width: 800px) 100vw, 800px";

/**
 * An article as it goes on paper: the site's name and the board over a rule, headline,
 * subtitle, byline, date and time, the article's address and a QR code back to it, the lead
 * picture, the body and the tags, and a source line under it. The layout and the print sizes
 * are in app/(print)/print-view.css; the body keeps the site's `.article-body` styles (headings,
 * lists, tables) at print size.
 */
export function PrintArticle({ article, boardTitle, articleUrl, qrSvg }: PrintArticleProps) {
  return (
    <article className="print-article" aria-labelledby="print-title">
      <header>
        <div className="print-masthead">
          <span className="print-site">{siteConfig.name}</span>
          <span className="print-board">
            {article.isNotice ? "공지 · " : ""}
            {boardTitle}
          </span>
        </div>
        <div className="print-head">
          <div>
            <h1 id="print-title">{article.title}</h1>
            {article.subtitle && <p className="print-subtitle">{article.subtitle}</p>}
            <dl className="print-meta">
              <div>
                <dt>글쓴이</dt>
                <dd className="print-byline">{article.authorName}</dd>
              </div>
              <div>
                <dt>입력</dt>
                <dd>
                  <time dateTime={isoKoreanTime(article.publishedAt)}>{formatDateTime(article.publishedAt)}</time>
                </dd>
              </div>
            </dl>
            <p className="print-url">
              <span>기사 주소</span> <a href={articleUrl}>{articleUrl}</a>
            </p>
          </div>
          <figure className="print-qr">
            <div role="img" aria-label="기사 주소 QR 코드" dangerouslySetInnerHTML={{ __html: qrSvg }} />
            <figcaption>QR 코드로 원문 보기</figcaption>
          </figure>
        </div>
      </header>
      {article.leadImage && (
        <figure className="print-figure">
          <ArticleImage image={article.leadImage} sizes={PRINT_IMAGE_SIZES} priority />
        </figure>
      )}
      <div className="article-body print-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      {article.tags.length > 0 && (
        <ul className="print-tags" aria-label="태그">
          {article.tags.map((tag) => (
            <li key={tag}>#{tag}</li>
          ))}
        </ul>
      )}
      <footer className="print-source">
        <p>
          출처: {siteConfig.name} <span className="print-source-url">{articleUrl}</span>
        </p>
        <p>ⓒ {siteConfig.name}. 무단 전재 및 재배포 금지.</p>
      </footer>
    </article>
  );
}
