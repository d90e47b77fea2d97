/**
 * The print view's address and what its query asks for: `/<board>/<id>/print`, with
 * `?comments=1` to print the comment thread too and `?autoprint=1` (the article toolbar's 인쇄)
 * to open the browser's print dialog once the page has loaded. Pure, for the page, its links
 * and the toolbar.
 */

type RawQuery = Record<string, string | string[] | undefined>;

export type PrintOptions = { comments: boolean; autoprint: boolean };

const isOn = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) === "1";

export function parsePrintOptions(query: RawQuery): PrintOptions {
  return { comments: isOn(query.comments), autoprint: isOn(query.autoprint) };
}

/** `/news/12/print`, `/news/12/print?comments=1`, `/news/12/print?autoprint=1`. */
export function printViewHref(boardSlug: string, postId: number, options: Partial<PrintOptions> = {}): string {
  const query = new URLSearchParams();
  if (options.comments) query.set("comments", "1");
  if (options.autoprint) query.set("autoprint", "1");
  const search = query.toString();
  return `/${boardSlug}/${postId}/print${search ? `?${search}` : ""}`;
}
