import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/**
 * Reading through a list: previous/next follow the list the reader came from (sort, search,
 * category) across page edges; the search box, the category tabs and pinned notices; and an
 * accessibility scan of the list and article pages.
 */
async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${test.info().project.name}-reading-${name}.png`, fullPage: true });
}

const listRows = (page: Page) => page.locator("#board-list-title").locator("xpath=ancestor::section").locator("tbody tr");
const rowTitles = async (page: Page) => (await listRows(page).locator("td:nth-child(2) a").allInnerTexts()).map((text) => text.trim());
const headline = (page: Page) => page.getByRole("heading", { level: 1 });
const previousLink = (page: Page) => page.getByRole("link", { name: /이전 문서/ });
const nextLink = (page: Page) => page.getByRole("link", { name: /다음 문서/ });

test("previous and next cross a page edge under a title sort, by button and by arrow key", async ({ page }) => {
  await page.goto("/news?sort=title&order=desc&page=2");
  const page2First = (await rowTitles(page))[0];
  await page.goto("/news?sort=title&order=desc");
  const page1 = await rowTitles(page);
  expect(page1).toHaveLength(20);

  // The last row of page 1: its next is the first row of page 2.
  await listRows(page).nth(19).getByRole("link").click();
  await expect(headline(page)).toHaveText(page1[19]);
  await expect(page).toHaveURL(/sort=title&order=desc/);
  await snapshot(page, "01-last-row-of-page-1");
  await nextLink(page).click();
  await expect(headline(page)).toHaveText(page2First);
  await expect(page).toHaveURL(/sort=title&order=desc/);
  // The list under the article moved to page 2 with the article marked.
  await expect(page.locator('nav[aria-label="게시판 페이지"] [aria-current="page"]')).toHaveText("2");
  await expect(page.locator('tr[aria-current="page"]')).toContainText(page2First);
  await snapshot(page, "02-first-row-of-page-2");

  // ← goes back over the edge, → forward again.
  await page.keyboard.press("ArrowLeft");
  await expect(headline(page)).toHaveText(page1[19]);
  await page.keyboard.press("ArrowRight");
  await expect(headline(page)).toHaveText(page2First);

  // The top of the list has nothing before it: the control is disabled, not a link.
  await page.goto("/news?sort=title&order=desc");
  await listRows(page).first().getByRole("link").click();
  await expect(headline(page)).toHaveText(page1[0]);
  await expect(previousLink(page)).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "문서 도구" }).locator('[aria-disabled="true"]', { hasText: "이전 문서" })).toBeVisible();
  await page.keyboard.press("ArrowLeft");
  await expect(headline(page)).toHaveText(page1[0]);
  await nextLink(page).click();
  await expect(headline(page)).toHaveText(page1[1]);
});

test("a search pages its results, keeps the search everywhere, and previous/next stay inside it", async ({ page }) => {
  await page.goto("/news");
  await page.getByLabel("검색 범위").selectOption("title");
  await page.getByLabel("검색어").fill("인천");
  await page.getByRole("button", { name: "검색" }).click();
  await expect(page).toHaveURL(/target=title&q=%EC%9D%B8%EC%B2%9C/);
  await expect(page.getByText(/제목에서 ‘인천’ 검색 결과/)).toBeVisible();
  const page1 = await rowTitles(page);
  expect(page1).toHaveLength(20);
  for (const title of page1) expect(title).toContain("인천");
  // Notices are not pinned above search results.
  await expect(listRows(page).getByText("공지", { exact: true })).toHaveCount(0);
  await snapshot(page, "03-search-results");

  await page.getByRole("link", { name: "2 페이지" }).first().click();
  await expect(page).toHaveURL(/target=title&q=%EC%9D%B8%EC%B2%9C.*page=2/);
  const page2 = await rowTitles(page);
  for (const title of page2) expect(title).toContain("인천");
  await expect(page.getByLabel("검색어")).toHaveValue("인천");

  // From the last result of page 1, next is the first result of page 2; previous comes back.
  await page.goBack();
  await listRows(page).nth(19).getByRole("link").click();
  await expect(headline(page)).toHaveText(page1[19]);
  await nextLink(page).click();
  await expect(headline(page)).toHaveText(page2[0]);
  await expect(page).toHaveURL(/q=%EC%9D%B8%EC%B2%9C/);
  await previousLink(page).click();
  await expect(headline(page)).toHaveText(page1[19]);
  await snapshot(page, "04-article-in-search");

  // A keyword with nothing to search for gets a Korean explanation.
  await page.goto("/news?q=%21%21%21");
  await expect(page.getByRole("alert").filter({ hasText: "검색어에 글자나 숫자를 한 자 이상 넣어 주세요." })).toBeVisible();
  await snapshot(page, "05-search-error");

  // A Korean substring inside a longer word: "산업일자리" in "뿌리산업일자리센터".
  await page.goto("/news?target=title&q=%EC%82%B0%EC%97%85%EC%9D%BC%EC%9E%90%EB%A6%AC");
  await expect(listRows(page)).toHaveCount(1);
  await expect(listRows(page).first()).toContainText("인천 뿌리산업일자리센터 개소식");
});

test("category tabs filter the list and stay in every list link", async ({ page }) => {
  await page.goto("/news");
  const tabs = page.getByRole("navigation", { name: "분류" });
  await expect(tabs.getByRole("link", { name: "전체" })).toHaveAttribute("aria-current", "true");
  await tabs.getByRole("link", { name: "경제" }).click();
  await expect(page).toHaveURL(/\/news\?category=economy$/);
  await expect(tabs.getByRole("link", { name: "경제" })).toHaveAttribute("aria-current", "true");
  await expect(page.getByText(/전체 147건/)).toBeVisible();
  await snapshot(page, "06-category");

  await page.getByRole("link", { name: /^제목/ }).click();
  await expect(page).toHaveURL(/category=economy&sort=title/);
  await page.getByRole("link", { name: "2 페이지" }).first().click();
  await expect(page).toHaveURL(/category=economy&sort=title&page=2/);
  await listRows(page).first().getByRole("link").click();
  await expect(page).toHaveURL(/category=economy&sort=title&page=2/);
  await expect(nextLink(page)).toHaveAttribute("href", /category=economy&sort=title/);
});

test("notices are pinned on every page of the board's own order", async ({ page }) => {
  await page.goto("/news?page=5");
  await expect(listRows(page).getByText("공지", { exact: true })).toHaveCount(3);
  await page.goto("/news?sort=views&page=5");
  await expect(listRows(page).getByText("공지", { exact: true })).toHaveCount(0);
});

test("the list and article pages have no serious or critical accessibility violations", async ({ page }) => {
  const scanned: string[] = [];
  const scan = async (url: string) => {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
    expect(serious, url).toEqual([]);
    scanned.push(url);
  };
  await scan("/news");
  await scan("/news?sort=title&order=desc&page=2");
  await scan("/news?category=economy&target=title&q=%EC%9D%B8%EC%B2%9C");
  await page.goto("/news");
  const title = (await rowTitles(page))[3];
  await listRows(page).nth(3).getByRole("link").click();
  await expect(headline(page)).toHaveText(title);
  await scan(page.url());
  // The article page with the shortcut help open.
  await page.getByRole("button", { name: /단축키/ }).click();
  const results = await new AxeBuilder({ page }).include("dialog").analyze();
  expect(results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);
  expect(scanned).toHaveLength(4);
});
