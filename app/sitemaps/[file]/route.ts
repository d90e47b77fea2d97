import { articleSitemapResponse } from "@/lib/sitemaps/sitemap-response";

/** An article sitemap, /sitemaps/articles-<k>.xml (at most 50,000 articles each; lib/sitemaps). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  return articleSitemapResponse((await params).file);
}
