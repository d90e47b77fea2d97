import { boardFeedResponse } from "@/lib/feeds/feed-response";

/**
 * A board's RSS 2.0 feed, /<board>/rss.xml: its newest 50 published articles (lib/feeds). The
 * static segment "rss.xml" never meets an article, whose segment is a number. Served from
 * Next's full-route cache: nothing at build (no params listed), each board's feed rendered on
 * its first request and kept under the board's tag (lib/feeds/feed-response.ts says what
 * refreshes it), or for an hour.
 */
export const revalidate = 3600;
export const dynamicParams = true;

export async function generateStaticParams(): Promise<{ board: string }[]> {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ board: string }> }): Promise<Response> {
  return boardFeedResponse((await params).board, "rss");
}
