import { readFile } from "node:fs/promises";
import { findMediaFile } from "@/lib/media/media-store";

/**
 * Uploaded pictures: `/media/<year>/<month>/<key>-<width>.webp`, read from MEDIA_DIR
 * (lib/media/media-store.ts). They are written while the site runs, long after `next build`,
 * so public/ would not serve them; this route does. Only a path that is exactly a stored key
 * and width is looked up (lib/media/media-url.ts); anything else is a plain 404. A file never
 * changes once written, so browsers and proxies may keep it for a year.
 */
type RouteContext = { params: Promise<{ path: string[] }> };

const notFound = () => new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** True when If-None-Match names this ETag (weak or strong), or is `*`. */
function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}

async function respond(request: Request, context: RouteContext, withBody: boolean): Promise<Response> {
  const { path } = await context.params;
  const file = await findMediaFile(path);
  if (!file) return notFound();
  const headers = new Headers({
    "Content-Type": "image/webp",
    "Cache-Control": "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    ETag: file.etag,
  });
  if (matchesEtag(request.headers.get("if-none-match"), file.etag)) return new Response(null, { status: 304, headers });
  headers.set("Content-Length", String(file.size));
  if (!withBody) return new Response(null, { status: 200, headers });
  let data: Buffer;
  try {
    data = await readFile(file.path);
  } catch {
    return notFound();
  }
  headers.set("Content-Length", String(data.byteLength));
  return new Response(new Uint8Array(data), { status: 200, headers });
}

export function GET(request: Request, context: RouteContext): Promise<Response> {
  return respond(request, context, true);
}

export function HEAD(request: Request, context: RouteContext): Promise<Response> {
  return respond(request, context, false);
}
