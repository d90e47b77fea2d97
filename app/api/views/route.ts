import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { countView } from "@/lib/data/views";
import { isOwnPageRequest } from "@/lib/security/same-origin";
import { siteConfig } from "@/lib/site-config";
import { clientIp } from "@/lib/visitors/visitor-key";

/**
 * The view beacon: POST {"postId": 123} from the article page's client component, or
 * GET ?post=123 from its <noscript> image when JavaScript is off. The article HTML itself never
 * counts, so it can come from a cache. The GET is the site's one GET that changes state
 * (SECURITY.md): it counts only when this site's own page asked for it (isOwnPageRequest), so
 * another site embedding the image, or a link to it, counts nothing. Always answers quickly and never with an error page:
 * a view that does not count is still a 204. A body over MAX_BODY_BYTES is refused (413) unread.
 */
const VISITOR_COOKIE = "nv";
const VISITOR_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
const MAX_BODY_BYTES = 256;

const beaconSchema = z.object({ postId: z.coerce.number().int().positive().max(2_147_483_647) });

/** A transparent 1×1 GIF for the no-JavaScript image. */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

async function handle(request: NextRequest, postId: number | null, respond: () => NextResponse): Promise<NextResponse> {
  const existingId = request.cookies.get(VISITOR_COOKIE)?.value;
  const cookieId = existingId && /^[A-Za-z0-9_-]{16,64}$/.test(existingId) ? existingId : null;
  const response = respond();
  response.headers.set("Cache-Control", "no-store");
  const newId = cookieId ?? randomBytes(16).toString("base64url");
  if (!cookieId) {
    response.cookies.set(VISITOR_COOKIE, newId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: VISITOR_COOKIE_MAX_AGE });
  }
  if (postId === null) return response;
  const viewer = await getSessionUser();
  const outcome = await countView({
    postId,
    visitor: { ip: clientIp(request.headers), userAgent: request.headers.get("user-agent") ?? "", cookieId: newId },
    viewerUserId: viewer?.id ?? null,
  });
  response.headers.set("X-View-Counted", outcome.counted ? "1" : `0; ${outcome.reason}`);
  return response;
}

/**
 * The body as text, or null when it is longer than MAX_BODY_BYTES: refused on its declared
 * length, else read no further than the limit (a 12 MB post is never held in memory).
 */
async function smallBody(request: NextRequest): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isFinite(declared) || declared > MAX_BODY_BYTES) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function POST(request: NextRequest) {
  const body = await smallBody(request);
  if (body === null) return new NextResponse(null, { status: 413, headers: { "Cache-Control": "no-store" } });
  let postId: number | null = null;
  try {
    const parsed = beaconSchema.safeParse(JSON.parse(body));
    if (parsed.success) postId = parsed.data.postId;
  } catch {
    // Not JSON: nothing to count.
  }
  return handle(request, postId, () => new NextResponse(null, { status: 204 }));
}

export async function GET(request: NextRequest) {
  const parsed = beaconSchema.safeParse({ postId: request.nextUrl.searchParams.get("post") });
  const pixel = () => new NextResponse(PIXEL, { status: 200, headers: { "Content-Type": "image/gif", "Content-Length": String(PIXEL.length) } });
  if (parsed.success && !isOwnPageRequest(request.headers, siteConfig.url)) {
    const response = await handle(request, null, pixel);
    response.headers.set("X-View-Counted", "0; not-own-page");
    return response;
  }
  return handle(request, parsed.success ? parsed.data.postId : null, pixel);
}
