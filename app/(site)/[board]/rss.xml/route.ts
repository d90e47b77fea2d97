import { boardFeedResponse } from "@/lib/feeds/feed-response";

/**
 * A board's RSS 2.0 feed, /<board>/rss.xml: its newest 50 published articles (lib/feeds). The
 * static segment "rss.xml" never meets an article, whose segment is a number.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ board: string }> }): Promise<Response> {
  return boardFeedResponse((await params).board, "rss");
}
