import { expect, test, type Page } from "@playwright/test";
import { SEED_PAGE_ROWS } from "../lib/seed/seed-page";

/** Every page a test visits is photographed into e2e/screenshots for a person to look at. */
async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${test.info().project.name}-${name}.png`, fullPage: true });
}

const listRows = (page: Page) => page.locator("table tbody tr");
const numbersShown = async (page: Page) =>
  (await listRows(page).locator("td:first-child").allInnerTexts()).map((text) => text.trim());

test("a reader opens the board, pages to the end, sorts, opens an article and follows the list under it", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "지역뉴스" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  const firstNumbers = await numbersShown(page);
  expect(firstNumbers.slice(0, 3)).toEqual(["공지", "공지", "공지"]);
  expect(firstNumbers.slice(3)).toEqual(Array.from({ length: 20 }, (_, i) => String(560 - i)));
  await expect(page.getByText("/ 28", { exact: true })).toBeVisible();
  await snapshot(page, "01-front-page");

  // The last page: numbers 20 to 1.
  await page.getByRole("link", { name: "마지막 페이지" }).click();
  await expect(page).toHaveURL(/\/news\?page=28$/);
  expect((await numbersShown(page)).filter((n) => n !== "공지")).toEqual(Array.from({ length: 20 }, (_, i) => String(20 - i)));
  await expect(page.locator('[aria-current="page"]').first()).toHaveText("28");
  await snapshot(page, "02-last-page");

  // Sort by views: most read first, notices no longer pinned.
  await page.getByRole("link", { name: /^조회 수/ }).click();
  await expect(page).toHaveURL(/sort=views/);
  const views = (await listRows(page).locator("td:last-child").allInnerTexts()).map((text) => Number(text.replace(/,/g, "")));
  expect(views).toHaveLength(20);
  expect([...views].sort((a, b) => b - a)).toEqual(views);
  await snapshot(page, "03-sorted-by-views");

  // Sort by title, then reverse it: exactly the seed page.
  await page.getByRole("link", { name: /^제목/ }).click();
  await expect(page).toHaveURL(/sort=title$/);
  await page.getByRole("link", { name: /^제목/ }).click();
  await expect(page).toHaveURL(/sort=title&order=desc$/);
  const rows = listRows(page);
  await expect(rows).toHaveCount(20);
  for (const [index, seed] of SEED_PAGE_ROWS.entries()) {
    await expect(rows.nth(index).locator("td")).toHaveText([String(seed.number), seed.title, seed.author, seed.date, String(seed.views)]);
  }
  await snapshot(page, "04-sorted-by-title-desc");

  // Open the third article; the list under it is the same page with the article marked.
  await rows.nth(2).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_PAGE_ROWS[2].title);
  await expect(page.getByText("kmbn2019").first()).toBeVisible();
  const listUnder = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "지역뉴스" }) });
  await expect(listUnder.locator('tr[aria-current="page"]')).toContainText(SEED_PAGE_ROWS[2].title);
  await expect(listUnder.locator("tbody tr").first()).toContainText(SEED_PAGE_ROWS[0].title);
  await snapshot(page, "05-article");

  // Follow the list under the article to page 2 of the same order, and open an article there.
  await listUnder.getByRole("link", { name: "2 페이지" }).click();
  await expect(page).toHaveURL(/\/news\?sort=title&order=desc&page=2$/);
  expect((await numbersShown(page))[0]).toBe("540");
  const title = (await listRows(page).nth(0).locator("td").nth(1).locator("a").innerText()).trim();
  await listRows(page).nth(0).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page).toHaveURL(/sort=title&order=desc&page=2$/);
  await expect(page.locator('tr[aria-current="page"]')).toContainText(title);
  await snapshot(page, "06-article-from-page-2");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the page-jump box and the column headers still work", async ({ page }) => {
    await page.goto("/news?sort=title&order=desc");
    await page.getByLabel(/이동할 페이지/).fill("28");
    await page.getByRole("button", { name: "이동" }).click();
    await expect(page).toHaveURL(/sort=title&order=desc&page=28|order=desc&sort=title&page=28|page=28/);
    expect((await numbersShown(page)).at(-1)).toBe("1");
    await expect(page.locator('[aria-current="page"]').first()).toHaveText("28");
    await page.getByRole("link", { name: /^날짜/ }).click();
    await expect(page).toHaveURL(/sort=date/);
    await snapshot(page, "07-no-js-jump");
  });
});

test("a missing article or board is a 404 page in the site's style; bad list parameters fall back", async ({ page }) => {
  const missing = await page.goto("/news/99999999");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "요청하신 페이지를 찾을 수 없습니다" })).toBeVisible();
  await expect(page.getByRole("link", { name: "지역뉴스" }).first()).toBeVisible();
  await snapshot(page, "08-not-found");

  expect((await page.goto("/no-such-board"))?.status()).toBe(404);
  const odd = await page.goto("/news?page=-3&sort=password&order=sideways");
  expect(odd?.status()).toBe(200);
  expect((await numbersShown(page)).slice(3, 4)).toEqual(["560"]);
  const deep = await page.goto("/news?page=99999999999");
  expect(deep?.status()).toBe(200);
  await expect(page.locator('[aria-current="page"]').first()).toHaveText("28");
});
