import { ImageResponse } from "next/og";
import { findArticleCard } from "@/lib/data/feeds";
import { ArticleOgImage } from "@/lib/og/article-og-image";
import { ogFonts } from "@/lib/og/og-fonts";
import { OG_IMAGE_SIZE } from "@/lib/seo/article-seo";

/**
 * /og/article/<id>: the PNG link preview of a published article without a lead image
 * (lib/seo/article-seo.ts points og:image and twitter:image here, with ?v=<last change> so an
 * edited headline gets a new address). Drafts, scheduled, unpublished, deleted and unknown ids
 * are a 404. The picture may be kept for a day by browsers and proxies; a 404 for a minute, so
 * an article published since shows soon.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ postId: string }> }): Promise<Response> {
  const { postId } = await params;
  const card = /^\d{1,9}$/.test(postId) ? await findArticleCard(Number(postId)) : null;
  if (!card) {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" } });
  }
  return new ImageResponse(<ArticleOgImage card={card} />, {
    ...OG_IMAGE_SIZE,
    fonts: await ogFonts(),
    headers: { "Cache-Control": "public, max-age=86400, s-maxage=86400" },
  });
}
