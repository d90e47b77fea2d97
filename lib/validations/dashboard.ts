import { z } from "zod";
import { postId } from "./post";
import type { RawSearchParams } from "@/lib/board/list-state";
import { POST_STATUSES } from "@/lib/posts/post-status";

/**
 * The dashboard's article lists as they travel in the URL: whose articles (scope), which status,
 * a title search and the page. Parsing never fails: a malformed or unknown value falls back to
 * its default, so no query string typed into the address bar can break the page.
 */
export const DASHBOARD_POSTS_PER_PAGE = 20;
/** Longest title search kept (characters); anything longer is cut, not refused. */
export const DASHBOARD_SEARCH_MAX = 100;
/** Deepest page a URL may name; the list shows its last page for anything past the end. */
const MAX_PAGE = 1_000_000;

/** "mine": the actor's own articles; "all": everyone's (editors and admins; reporters still see their own). */
export const POST_LIST_SCOPES = ["mine", "all"] as const;
export type PostListScope = (typeof POST_LIST_SCOPES)[number];

const UNTYPABLE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** A title search as used: NFC, no control or invisible characters, single spaces, trimmed, at most DASHBOARD_SEARCH_MAX characters. */
export function normalizeTitleSearch(text: string): string {
  const line = text.toWellFormed().normalize("NFC").replace(/\s+/g, " ").replace(UNTYPABLE, "").replace(/ {2,}/g, " ").trim();
  return Array.from(line).slice(0, DASHBOARD_SEARCH_MAX).join("").trim();
}

/** The first of a repeated parameter (?status=draft&status=deleted reads as draft). */
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const dashboardPostsParamsSchema = z.object({
  scope: z.preprocess(firstValue, z.enum(POST_LIST_SCOPES)).catch("all"),
  /** Absent: every status but deleted (deleted articles have a tab of their own). */
  status: z.preprocess(firstValue, z.enum(POST_STATUSES).optional()).catch(undefined),
  q: z.preprocess(firstValue, z.string().transform(normalizeTitleSearch)).catch(""),
  page: z
    .preprocess(
      firstValue,
      z
        .string()
        .trim()
        .regex(/^\d+$/)
        .transform((digits) => Math.min(Math.max(Number(digits), 1), MAX_PAGE)),
    )
    .catch(1),
});

export type DashboardPostsParams = z.infer<typeof dashboardPostsParamsSchema>;

export const DEFAULT_DASHBOARD_POSTS_PARAMS: DashboardPostsParams = { scope: "all", status: undefined, q: "", page: 1 };

export function parseDashboardPostsParams(params: RawSearchParams): DashboardPostsParams {
  const parsed = dashboardPostsParamsSchema.safeParse(params);
  return parsed.success ? parsed.data : DEFAULT_DASHBOARD_POSTS_PARAMS;
}

/**
 * A dashboard list URL for `path` ("/dashboard/posts"), leaving out whatever is the default:
 * dashboardPostsHref("/dashboard/posts", { status: "draft", page: 2 }) → "/dashboard/posts?status=draft&page=2".
 */
export function dashboardPostsHref(path: string, params: Partial<DashboardPostsParams>, fragment?: string): string {
  const query = new URLSearchParams();
  if (params.scope && params.scope !== "all") query.set("scope", params.scope);
  if (params.status) query.set("status", params.status);
  if (params.q) query.set("q", params.q);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  const text = query.toString();
  return `${path}${text ? `?${text}` : ""}${fragment ? `#${fragment}` : ""}`;
}

/** The [id] of a dashboard article URL: a positive whole number, or null (the page is then a 404). */
export function parsePostIdParam(value: string): number | null {
  const parsed = postId.safeParse(value);
  return parsed.success ? parsed.data : null;
}
