/**
 * Metadata of the list pages: the front page and each board's list. Pure.
 *
 * Canonical URLs: a board's list in its own order is canonical at /<board> (page 1) or
 * /<board>?page=N, within a category with ?category=…; a sorted list points at the board's
 * own order (same category), since it holds the same articles. Search results stay out of
 * search engines (noindex, but their links are followed). Every list page links its board's
 * feeds and the site's.
 */
import type { Metadata } from "next";
import { boardHref, isDefaultOrder, type ListState } from "@/lib/board/list-state";
import { absoluteUrl, siteConfig } from "@/lib/site-config";
import { feedAlternates, type SeoBoard } from "./article-seo";

type ListBoard = SeoBoard & { description: string; categories: { slug: string }[] };

export function boardListMetadata(board: ListBoard, state: ListState): Metadata {
  const category = board.categories.some((known) => known.slug === state.category) ? state.category : null;
  const canonical = absoluteUrl(boardHref(board.slug, { category, page: isDefaultOrder(state) ? state.page : 1 }));
  const description = board.description || siteConfig.description;
  return {
    title: board.title,
    description,
    alternates: { canonical, types: feedAlternates(board) },
    ...(state.search ? { robots: { index: false, follow: true } } : {}),
    openGraph: { type: "website", url: canonical, title: board.title, description, siteName: siteConfig.name, locale: siteConfig.locale },
  };
}

/**
 * The front page (/, the first board's list): the site's own title and the site's feeds.
 * Its later pages hold the first board's list, whose canonical address is the board's.
 */
export function frontPageMetadata(board: ListBoard | null, state: ListState): Metadata {
  const listed = board && (state.page > 1 || state.category || state.search || !isDefaultOrder(state));
  if (board && listed) return { ...boardListMetadata(board, state), title: { absolute: siteConfig.name } };
  const canonical = absoluteUrl("/");
  return {
    alternates: { canonical, types: feedAlternates(null) },
    openGraph: { type: "website", url: canonical, title: siteConfig.name, description: siteConfig.description, siteName: siteConfig.name, locale: siteConfig.locale },
  };
}
