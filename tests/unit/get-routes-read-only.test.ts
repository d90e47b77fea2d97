import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * "No GET changes state" (SECURITY.md: CSRF). A GET can be made by any page on any site (an
 * <img>, a link, a prefetch), and proxy.ts's Origin check covers only POST, PUT, PATCH and
 * DELETE, so every route handler that answers GET is listed here with what it does. A new GET
 * handler fails this test until someone adds it and says why it is safe.
 */
const READ_ONLY_GET_ROUTES: Record<string, string> = {
  "app/feeds/[format]/route.ts": "the site's RSS and Atom feeds (/rss.xml, /atom.xml)",
  "app/(site)/[board]/atom.xml/route.ts": "a board's Atom feed",
  "app/(site)/[board]/rss.xml/route.ts": "a board's RSS feed",
  "app/og/article/[postId]/route.tsx": "an article's generated preview image",
  "app/media/[...path]/route.ts": "an uploaded picture's stored file",
  "app/sitemap.xml/route.ts": "the sitemap index",
  "app/sitemaps/[file]/route.ts": "one sitemap of articles",
  "app/sitemaps/news.xml/route.ts": "the news sitemap",
  "app/sitemaps/pages.xml/route.ts": "the sitemap of boards and pages",
  // next-auth's GETs (/session, /csrf, /providers, /signin and /signout pages) read the session;
  // they set only the reader's own cookies (a re-signed session, a CSRF token). Signing out is a
  // POST with next-auth's CSRF token.
  "app/api/auth/[...nextauth]/route.ts": "next-auth: session, CSRF token, sign-in and sign-out pages",
};

/**
 * The one documented exception: the <noscript> image of an article counts a view on GET, so a
 * reader without JavaScript is counted. It counts only when this site's own page asked for it
 * (isOwnPageRequest: Sec-Fetch-Site same-origin, or a Referer on this site), so another site's
 * <img> counts nothing; and it counts exactly what the POST beacon would (one view per visitor,
 * article and day, bots and staff excluded, lib/data/views.ts).
 */
const STATE_CHANGING_GET_EXCEPTIONS: Record<string, string> = {
  "app/api/views/route.ts": "the no-JavaScript view pixel (deduplicated like the beacon)",
};

/** What a handler that writes would contain: a write through Prisma, a server action module, a view count, a cache expiry. */
const WRITE_PATTERN = /\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\(|@\/lib\/actions|countView|revalidate(Tag|Path)\(|\$executeRaw/;

function routeFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

const answersGet = (source: string) => /export\s+(async\s+)?function\s+GET\b|export\s+const\s+GET\b|export\s*\{[^}]*\bas\s+GET\b[^}]*\}|export\s*\{[^}]*\bGET\b[^}]*\}/.test(source);

describe("route handlers that answer GET", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const handlers = routeFiles(path.join(root, "app"))
    .map((file) => ({ file: path.relative(root, file).split(path.sep).join("/"), source: readFileSync(file, "utf8") }))
    .filter(({ source }) => answersGet(source));

  it("are each listed as read-only or as the documented exception", () => {
    expect(handlers.map(({ file }) => file).sort()).toEqual(Object.keys({ ...READ_ONLY_GET_ROUTES, ...STATE_CHANGING_GET_EXCEPTIONS }).sort());
  });

  it("write nothing, except the view pixel", () => {
    for (const { file, source } of handlers) {
      if (file in STATE_CHANGING_GET_EXCEPTIONS) expect(source, file).toMatch(WRITE_PATTERN);
      else expect(source, file).not.toMatch(WRITE_PATTERN);
    }
  });
});
