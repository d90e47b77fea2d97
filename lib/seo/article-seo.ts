/**
 * What an article tells search engines, feed readers and link previews, built in one place
 * for both article routes (app/(site)/[board]/[postId] and its cached twin), the feeds and the
 * tests: its description, its preview image, its Next metadata (canonical, Open Graph,
 * Twitter card, feed links) and its NewsArticle JSON-LD. Pure: everything comes from the
 * article, its board and lib/site-config.ts.
 */
import type { Metadata } from "next";
import type { UploadedImage } from "@/lib/media/media-url";
import { absoluteUrl, siteConfig } from "@/lib/site-config";
import { htmlToText } from "@/lib/text/html-to-text";
import { articleOgImagePath, articlePath, FEED_CONTENT_TYPES, feedPath, type FeedFormat } from "./site-paths";

/** The fields of an article these need (lib/data/posts.ts Article and lib/data/feeds.ts FeedArticle both have them). */
export type SeoArticle = {
  id: number;
  title: string;
  subtitle: string;
  bodyHtml: string;
  authorName: string;
  publishedAt: Date;
  updatedAt: Date;
  isNotice: boolean;
  leadImage: UploadedImage | null;
  tags: string[];
};
export type SeoBoard = { slug: string; title: string };

/** Descriptions are cut near this many characters (search results show about this much Korean text). */
export const DESCRIPTION_LENGTH = 150;

/** Text cut to about `length` characters, at a space when one is near the end, with "…". */
export function truncateText(text: string, length: number): string {
  const chars = Array.from(text);
  if (chars.length <= length) return text;
  const head = chars.slice(0, length).join("");
  const space = head.lastIndexOf(" ");
  return `${(space > length * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** The article's lead (its subtitle), else the start of its body text, on one line. */
export function articleDescription(article: Pick<SeoArticle, "subtitle" | "bodyHtml">): string {
  const lead = article.subtitle.trim() || htmlToText(article.bodyHtml);
  return truncateText(lead.replace(/\s+/g, " ").trim(), DESCRIPTION_LENGTH);
}

export type PreviewImage = { url: string; width: number; height: number; alt: string; generated: boolean };

/** The size of the generated preview image (app/og/article/[postId]). */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** The picture a link preview shows: the lead image, or one generated from the headline. */
export function articlePreviewImage(article: Pick<SeoArticle, "id" | "title" | "updatedAt" | "leadImage">): PreviewImage {
  if (article.leadImage) {
    const { src, width, height, alt } = article.leadImage;
    return { url: absoluteUrl(src), width, height, alt: alt || article.title, generated: false };
  }
  return { url: absoluteUrl(articleOgImagePath(article.id, article.updatedAt)), ...OG_IMAGE_SIZE, alt: article.title, generated: true };
}

/**
 * `<link rel="alternate">` feeds for a page: the board's RSS and Atom feeds first (when the
 * page belongs to a board), then the whole site's.
 */
export function feedAlternates(board: SeoBoard | null): NonNullable<Metadata["alternates"]>["types"] {
  const links = (format: FeedFormat, label: string) => [
    ...(board ? [{ url: absoluteUrl(feedPath(format, board.slug)), title: `${siteConfig.name} ${board.title} ${label}` }] : []),
    { url: absoluteUrl(feedPath(format)), title: `${siteConfig.name} 전체 기사 ${label}` },
  ];
  return { [FEED_CONTENT_TYPES.rss]: links("rss", "RSS"), [FEED_CONTENT_TYPES.atom]: links("atom", "Atom") };
}

/** An article's page metadata: title, description, canonical URL, feeds, Open Graph and Twitter card. */
export function articleMetadata(board: SeoBoard, article: SeoArticle): Metadata {
  const url = absoluteUrl(articlePath(board.slug, article.id));
  const description = articleDescription(article);
  const image = articlePreviewImage(article);
  const ogImage = { url: image.url, width: image.width, height: image.height, alt: image.alt };
  return {
    title: article.title,
    description,
    authors: [{ name: article.authorName }],
    keywords: article.tags.length > 0 ? article.tags : undefined,
    alternates: { canonical: url, types: feedAlternates(board) },
    openGraph: {
      type: "article",
      url,
      title: article.title,
      description,
      siteName: siteConfig.name,
      locale: siteConfig.locale,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      authors: [article.authorName],
      section: board.title,
      tags: article.tags,
      images: [ogImage],
    },
    twitter: { card: "summary_large_image", title: article.title, description, images: [{ url: image.url, alt: image.alt }] },
  };
}

/** The publisher, as JSON-LD and the feeds name it: the site, with its logo. */
export function publisherJsonLd() {
  return {
    "@type": "Organization",
    name: siteConfig.name,
    url: absoluteUrl("/"),
    logo: { "@type": "ImageObject", url: absoluteUrl(siteConfig.logo.src), width: siteConfig.logo.width, height: siteConfig.logo.height },
  };
}

/**
 * The article as schema.org structured data: a NewsArticle (a notice, being an announcement
 * about the site, is a plain Article), with the fields Google's article rich results read.
 */
export function articleJsonLd(board: SeoBoard, article: SeoArticle) {
  const url = absoluteUrl(articlePath(board.slug, article.id));
  const image = articlePreviewImage(article);
  return {
    "@context": "https://schema.org",
    "@type": article.isNotice ? "Article" : "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    headline: article.title,
    description: articleDescription(article),
    image: [{ "@type": "ImageObject", url: image.url, width: image.width, height: image.height }],
    datePublished: article.publishedAt.toISOString(),
    dateModified: article.updatedAt.toISOString(),
    author: [{ "@type": "Person", name: article.authorName }],
    publisher: publisherJsonLd(),
    articleSection: board.title,
    ...(article.tags.length > 0 ? { keywords: article.tags } : {}),
    inLanguage: siteConfig.language,
    isAccessibleForFree: true,
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` becomes \u003c, so a title holding
 * `</script>` or `<!--` cannot end the script or start a comment in the HTML around it (the
 * JSON means the same); U+2028/U+2029 are escaped for old JavaScript parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
