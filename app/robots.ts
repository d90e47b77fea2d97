import type { MetadataRoute } from "next";
import { SITEMAP_INDEX_PATH } from "@/lib/seo/site-paths";
import { absoluteUrl } from "@/lib/site-config";

/**
 * /robots.txt: everything public may be crawled except the newsroom, the API, the login page,
 * the print views (/<board>/<id>/print, a copy of the article) and the benchmark's control
 * pages (/bench/…, app/(bench)). Paths end in `/` or `$`
 * where a board's slug could start with the same letters (a board "dashboard-news" stays
 * crawlable). Rendered per request: the sitemap's address comes from SITE_URL at run time,
 * not at build time.
 */
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/dashboard$", "/dashboard/", "/api/", "/login$", "/login?", "/*/*/print", "/bench/"],
    },
    sitemap: absoluteUrl(SITEMAP_INDEX_PATH),
  };
}
