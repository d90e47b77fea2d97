/**
 * RSS 2.0 and Atom 1.0 documents from a list of articles. Pure: the data layer
 * (lib/data/feeds.ts) reads the articles, lib/feeds/feed-documents.ts puts them together, and
 * the routes only add headers and caching.
 *
 * Every text goes through escapeXml (lib/xml/escape-xml.ts). Article HTML (stored sanitized)
 * goes into <content:encoded> (RSS) and <content type="html"> (Atom) as escaped text, not
 * CDATA, so a body holding "]]>" needs no special case; its root-relative links and images
 * (/media/…) are made absolute, since a feed reader has no page to resolve them against. The
 * plain-text summary in RSS's <description>, which readers render as HTML, is escaped as HTML
 * before it is escaped as XML (Atom's <summary type="text"> needs no such step).
 */
import type { FeedArticle } from "@/lib/data/feeds";
import { articleDescription, articlePreviewImage } from "@/lib/seo/article-seo";
import { articlePath, FEED_CONTENT_TYPES, type FeedFormat } from "@/lib/seo/site-paths";
import { absoluteUrl, siteConfig } from "@/lib/site-config";
import { escapeXml, xmlAttributes, xmlElement, XML_DECLARATION } from "@/lib/xml/escape-xml";

/** The feed itself: its title and description, the page it mirrors and its own address. */
export type FeedChannel = {
  title: string;
  description: string;
  /** The HTML page the feed follows: "/" or "/news". */
  pagePath: string;
  /** The feed's own address: "/rss.xml", "/news/atom.xml". */
  selfPath: string;
};

/** Root-relative src/href attributes ("/media/…", "/news/12") made absolute; others ("https:", "//", "#") left alone. */
export function absolutizeHtmlUrls(html: string): string {
  return html.replace(/(\s(?:src|href)\s*=\s*)(["'])\/(?!\/)/gi, (_whole, attribute: string, quote: string) => `${attribute}${quote}${absoluteUrl("/")}`);
}

/** The HTML a feed carries for an article: its lead image and subtitle, then its body. */
export function articleFeedHtml(article: FeedArticle): string {
  const parts: string[] = [];
  if (article.leadImage) {
    const image = articlePreviewImage(article);
    parts.push(`<figure><img src="${escapeXml(image.url)}" width="${image.width}" height="${image.height}" alt="${escapeXml(article.leadImage.alt)}"></figure>`);
  }
  if (article.subtitle.trim()) parts.push(`<p><strong>${escapeXml(article.subtitle.trim())}</strong></p>`);
  parts.push(absolutizeHtmlUrls(article.bodyHtml));
  return parts.join("\n");
}

/** The newest change among the articles (the feed's update time), or `fallback` for an empty feed. */
function lastChange(articles: FeedArticle[], fallback: Date): Date {
  return articles.reduce((newest, article) => (article.updatedAt > newest ? article.updatedAt : newest), articles.length ? new Date(0) : fallback);
}

const articleUrl = (article: FeedArticle) => absoluteUrl(articlePath(article.boardSlug, article.id));

/** RSS 2.0, with content:encoded for the full article, dc:creator for its byline and atom:link to itself. */
export function renderRss(channel: FeedChannel, articles: FeedArticle[], now: Date = new Date()): string {
  const items = articles.map((article) =>
    [
      "<item>",
      xmlElement("title", article.title),
      xmlElement("link", articleUrl(article)),
      xmlElement("guid", articleUrl(article), { isPermaLink: "true" }),
      xmlElement("pubDate", article.publishedAt.toUTCString()),
      xmlElement("dc:creator", article.authorName),
      xmlElement("category", article.boardTitle),
      ...article.tags.map((tag) => xmlElement("category", tag)),
      // RSS readers show <description> as HTML: the plain-text summary is escaped as HTML first,
      // so a subtitle or body text reading "<img onerror=…>" stays text there (Atom says type="text").
      xmlElement("description", escapeXml(articleDescription(article))),
      xmlElement("content:encoded", articleFeedHtml(article)),
      "</item>",
    ].join("\n"),
  );
  return [
    XML_DECLARATION,
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    "<channel>",
    xmlElement("title", channel.title),
    xmlElement("link", absoluteUrl(channel.pagePath)),
    xmlElement("description", channel.description),
    xmlElement("language", siteConfig.language),
    xmlElement("lastBuildDate", lastChange(articles, now).toUTCString()),
    `<atom:link${xmlAttributes({ href: absoluteUrl(channel.selfPath), rel: "self", type: FEED_CONTENT_TYPES.rss })}/>`,
    "<image>",
    xmlElement("url", absoluteUrl(siteConfig.logo.src)),
    xmlElement("title", channel.title),
    xmlElement("link", absoluteUrl(channel.pagePath)),
    "</image>",
    ...items,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}

/** Atom 1.0: one entry per article with its summary (text) and full content (HTML). */
export function renderAtom(channel: FeedChannel, articles: FeedArticle[], now: Date = new Date()): string {
  const entries = articles.map((article) =>
    [
      "<entry>",
      xmlElement("id", articleUrl(article)),
      xmlElement("title", article.title, { type: "text" }),
      `<link${xmlAttributes({ rel: "alternate", type: "text/html", href: articleUrl(article) })}/>`,
      xmlElement("published", article.publishedAt.toISOString()),
      xmlElement("updated", article.updatedAt.toISOString()),
      `<author>${xmlElement("name", article.authorName)}</author>`,
      `<category${xmlAttributes({ term: article.boardSlug, label: article.boardTitle })}/>`,
      ...article.tags.map((tag) => `<category${xmlAttributes({ term: tag })}/>`),
      xmlElement("summary", articleDescription(article), { type: "text" }),
      xmlElement("content", articleFeedHtml(article), { type: "html" }),
      "</entry>",
    ].join("\n"),
  );
  return [
    XML_DECLARATION,
    `<feed xmlns="http://www.w3.org/2005/Atom"${xmlAttributes({ "xml:lang": siteConfig.language })}>`,
    xmlElement("id", absoluteUrl(channel.selfPath)),
    xmlElement("title", channel.title, { type: "text" }),
    xmlElement("subtitle", channel.description, { type: "text" }),
    xmlElement("updated", lastChange(articles, now).toISOString()),
    `<link${xmlAttributes({ rel: "self", type: FEED_CONTENT_TYPES.atom, href: absoluteUrl(channel.selfPath) })}/>`,
    `<link${xmlAttributes({ rel: "alternate", type: "text/html", href: absoluteUrl(channel.pagePath) })}/>`,
    `<author>${xmlElement("name", siteConfig.name)}${xmlElement("uri", absoluteUrl("/"))}</author>`,
    xmlElement("logo", absoluteUrl(siteConfig.logo.src)),
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

export function renderFeed(format: FeedFormat, channel: FeedChannel, articles: FeedArticle[], now?: Date): string {
  return format === "rss" ? renderRss(channel, articles, now) : renderAtom(channel, articles, now);
}
