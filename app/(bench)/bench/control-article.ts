/**
 * The article of the article-shaped control (/bench/prerendered-article): one of the control
 * list's rows (./control-list.ts) as an article the way the seeded board has them, its body
 * made by the seed's own generator from a fixed seed, no comments (as most seeded articles),
 * and the control list under it. The page renders the real article page's markup
 * (ArticlePageView) without a database, so its HTML is the size of an article page, on the
 * wire as well: `npm run bench` prints both sizes.
 */
import type { Metadata } from "next";
import type { ArticlePageViewProps } from "@/components/article/article-page-body";
import { createRandom, generateBody } from "@/lib/seed/generate";
import { articleMetadata } from "@/lib/seo/article-seo";
import { CONTROL_BOARD, CONTROL_LIST } from "./control-list";

const ROW = 10;
const BODY_SEED = 9;

const row = CONTROL_LIST.rows[ROW];
const neighbour = (index: number) => ({ id: CONTROL_LIST.rows[index].id, title: CONTROL_LIST.rows[index].title });

export const CONTROL_ARTICLE_PAGE: ArticlePageViewProps = {
  board: CONTROL_BOARD,
  article: {
    ...row,
    commentCount: 0,
    boardId: CONTROL_BOARD.id,
    subtitle: "",
    bodyHtml: generateBody(createRandom(BODY_SEED), row.title, `${row.title} 소식입니다.`),
    isNotice: false,
    updatedAt: row.publishedAt,
    leadImage: null,
    tags: [],
  },
  query: {},
  comments: [],
  list: CONTROL_LIST,
  neighbours: { previous: neighbour(ROW - 1), next: neighbour(ROW + 1) },
};

/** The real article page's metadata, kept out of search engines. */
export const CONTROL_ARTICLE_METADATA: Metadata = {
  ...articleMetadata(CONTROL_ARTICLE_PAGE.board, CONTROL_ARTICLE_PAGE.article),
  robots: { index: false, follow: false },
};
