import type { NextConfig } from "next";
import { ARTICLE_PATH, ARTICLE_QUERY_KEYS, BOARD_PATH, LIST_QUERY_KEYS } from "./lib/routing/cached-urls";
import { SECURITY_HEADERS } from "./lib/security/security-headers";

// Which URLs the full-route cache serves (lib/routing/cached-urls.ts): shared with proxy.ts.
const nextConfig: NextConfig = {
  // NEXT_DIST_DIR: another build folder, so two builds (and their e2e servers) can share one
  // checkout, e.g. a second engineer's test run on the same machine. Default .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and Node-only database drivers stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
  // Uploaded pictures are resized once, at upload, into the widths below (MEDIA_WIDTHS in
  // lib/media/media-rules.ts) and served as files by app/media; the loader points each srcset
  // entry at a stored file. No image optimizer runs.
  images: {
    loader: "custom",
    loaderFile: "./lib/media/image-loader.ts",
    deviceSizes: [480, 960, 1600],
    imageSizes: [],
  },
  experimental: {
    // Image uploads (lib/actions/media.ts) are up to 10 MB (MEDIA_MAX_BYTES) plus the form's
    // multipart overhead; the action itself refuses anything over 10 MB. Dashboard pages pass
    // through proxy.ts, which would otherwise cut a body off at 10 MB.
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
    // Cached pages (the article route) are kept in the server's memory only, not also on disk.
    // Next's default cache handler keeps tag invalidations (revalidateTag / updateTag, see
    // lib/cache-tags.ts) in memory: pages on disk would outlive them across a restart, and
    // would be shared by every server started from this build (the e2e servers of both
    // engines, each on its own database). In memory, the cache lives and dies with the process
    // that knows what was invalidated; a restart starts it empty.
    isrFlushToDisk: false,
  },
  async rewrites() {
    // After the file-system routes: /dashboard, /login and the other app routes are never
    // rewritten, only what app/(site)/[board] would otherwise answer.
    return [
      {
        source: BOARD_PATH,
        missing: LIST_QUERY_KEYS.map((key) => ({ type: "query" as const, key })),
        destination: "/:board/cached",
      },
      {
        source: ARTICLE_PATH,
        missing: ARTICLE_QUERY_KEYS.map((key) => ({ type: "query" as const, key })),
        destination: "/:board/:postId/cached",
      },
      // The site's feeds: a cached route needs a parameter to render nothing at build (app/feeds).
      { source: "/:format(rss|atom).xml", destination: "/feeds/:format" },
    ];
  },
  async headers() {
    // Print views (app/(print)) repeat their article: kept out of search engines (the page's
    // <meta name="robots"> says so too; this also covers clients that read only headers).
    return [
      { source: `${ARTICLE_PATH}/print`, headers: [{ key: "X-Robots-Tag", value: "noindex" }] },
      // Every response (SECURITY.md); the CSP and HSTS come from proxy.ts.
      { source: "/:path*", headers: SECURITY_HEADERS.map(({ key, value }) => ({ key, value })) },
    ];
  },
  async redirects() {
    // The cached routes are reached by the rewrites only; their own addresses are the board's and the article's.
    return [
      { source: `${BOARD_PATH}/cached`, destination: "/:board", permanent: true },
      { source: `${ARTICLE_PATH}/cached`, destination: "/:board/:postId", permanent: true },
      { source: "/feeds/:format(rss|atom)", destination: "/:format.xml", permanent: true },
    ];
  },
};

export default nextConfig;
