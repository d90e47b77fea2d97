import type { Page } from "@playwright/test";

/**
 * The id of the n-th article (not a notice) of a page of the /news list. Specs that read or
 * change articles behind the pages each keep to a list page the other specs leave alone
 * (security: 24, view counting: 12), so their counters and titles are theirs alone.
 * NaN when the row's link is not that page's article link.
 */
export async function articleOfNewsPage(page: Page, listPage: number, n: number): Promise<number> {
  await page.goto(`/news?page=${listPage}`);
  const href = await page
    .locator("table tbody tr")
    .filter({ hasNot: page.getByText("공지", { exact: true }) })
    .nth(n)
    .getByRole("link")
    .first()
    .getAttribute("href");
  const link = /^\/news\/(\d+)\?page=(\d+)$/.exec(href ?? "");
  return link && Number(link[2]) === listPage ? Number(link[1]) : NaN;
}
