import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../lib/seed/seed-site";
import { ownAddress } from "./support/client-address";

/**
 * The editors' and admins' pages in real Chromium: comment moderation (hide, restore, block a
 * commenter, who then cannot comment) and the admin pages (a new account that can log in, a new
 * board with a category that appears on the site). Each page is photographed.
 */
test.describe.configure({ mode: "serial" });

async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${test.info().project.name}-dashboard-admin-${name}.png`, fullPage: true });
}

async function logIn(browser: Browser, account: { loginId: string; password: string }, path: string): Promise<Page> {
  const page = await (await browser.newContext(ownAddress())).newPage();
  await page.goto(`/login?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("아이디").fill(account.loginId);
  await page.getByLabel("비밀번호").fill(account.password);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  return page;
}

const suffix = Date.now().toString(36);

test("an editor hides and restores a guest's comment, then blocks its writer, who can no longer comment", async ({ browser }) => {
  // A guest comments on an article, from an address of their own.
  const guest = await (await browser.newContext(ownAddress())).newPage();
  await guest.goto("/news");
  await guest.locator("table tbody tr").filter({ has: guest.locator("td", { hasText: /^\d+$/ }) }).first().getByRole("link").first().click();
  await guest.waitForURL(/\/news\/\d+/);
  const articleUrl = guest.url();
  const body = `e2e 관리 대상 댓글 ${suffix}`;
  const form = guest.locator("form", { has: guest.getByRole("button", { name: "등록" }) }).first();
  await form.getByLabel("이름").fill("지나가는 독자");
  await form.getByLabel("비밀번호").fill("1234");
  await form.getByRole("textbox", { name: "댓글" }).fill(body);
  await form.getByRole("button", { name: "등록" }).click();
  await expect(guest.getByText(body)).toBeVisible();

  const page = await logIn(browser, DEMO_ACCOUNTS.editor, "/dashboard/comments");
  const row = page.locator("li", { hasText: body }).first();
  await expect(row).toBeVisible();
  await snapshot(page, "01-comments");

  // The article's cached page follows at once, or, when a render was in flight at the
  // moment of the change, within the second expiry two seconds later (lib/cache-tags.ts).
  const seenByReaders = async (count: number) =>
    expect(async () => {
      await guest.goto(articleUrl);
      await expect(guest.getByText(body)).toHaveCount(count, { timeout: 500 });
    }).toPass({ timeout: 10_000, intervals: [500] });

  await row.getByRole("button", { name: "숨기기" }).click();
  await expect(row.getByRole("button", { name: "복원" })).toBeVisible();
  await seenByReaders(0);

  await row.getByRole("button", { name: "복원" }).click();
  await expect(row.getByRole("button", { name: "숨기기" })).toBeVisible();
  await seenByReaders(1);

  await row.getByText("작성자 차단").click();
  await row.getByLabel("사유 (선택)").fill("e2e 도배");
  await row.getByRole("button", { name: "차단", exact: true }).click();
  await expect(page.getByRole("region", { name: /차단/ }).or(page.locator("section", { hasText: "e2e 도배" })).first()).toContainText("e2e 도배");
  await snapshot(page, "02-blocked");

  // The blocked guest's next comment is refused in Korean, and nothing is stored.
  await guest.goto(articleUrl);
  const again = guest.locator("form", { has: guest.getByRole("button", { name: "등록" }) }).first();
  await again.getByLabel("이름").fill("지나가는 독자");
  await again.getByLabel("비밀번호").fill("1234");
  await again.getByRole("textbox", { name: "댓글" }).fill(`차단 뒤 댓글 ${suffix}`);
  await again.getByRole("button", { name: "등록" }).click();
  await expect(guest.getByText("댓글 작성이 제한되었습니다.").first()).toBeVisible();
  await guest.reload();
  await expect(guest.getByText(`차단 뒤 댓글 ${suffix}`)).toHaveCount(0);
  await guest.context().close();
  await page.context().close();
});

test("an admin creates a reporter who can then log in, and a board with a category that appears on the site", async ({ browser }) => {
  const page = await logIn(browser, DEMO_ACCOUNTS.admin, "/dashboard/admin/users");
  await snapshot(page, "03-users");
  const create = page.getByRole("form", { name: "새 사용자 만들기" });
  const loginId = `e2e${suffix}`;
  await create.getByLabel("아이디").fill(loginId);
  await create.getByLabel("이름 (기사에 실리는 이름)").fill("새내기 기자");
  await create.getByLabel("처음 비밀번호").fill("first-password-1");
  await create.getByRole("button").click();
  await expect(page.locator("table")).toContainText(loginId);

  const newcomer = await logIn(browser, { loginId, password: "first-password-1" }, "/dashboard");
  await expect(newcomer.getByText("새내기 기자", { exact: true })).toBeVisible();
  await newcomer.context().close();

  await page.getByRole("navigation", { name: "편집국 메뉴" }).getByRole("link", { name: "게시판" }).click();
  await expect(page).toHaveURL(/\/dashboard\/admin\/boards$/);
  const slug = `e2e-${suffix}`;
  const newBoard = page.getByRole("form", { name: "새 게시판 만들기" });
  await newBoard.getByLabel("주소").fill(slug);
  await newBoard.getByLabel("게시판 이름").fill("시민기자");
  await newBoard.getByRole("button").last().click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/admin/boards/${slug}$`));
  const category = page.getByRole("form", { name: "분류 더하기" });
  await category.getByLabel("분류 이름").fill("제보");
  await category.getByLabel("분류 주소").fill("tips");
  await category.getByRole("button").click();
  await expect(page.getByText("제보").first()).toBeVisible();
  await snapshot(page, "04-board-settings");

  const reader = await browser.newPage();
  await reader.goto(`/${slug}`);
  await expect(reader.getByRole("heading", { name: "시민기자" }).first()).toBeVisible();
  await expect(reader.getByRole("navigation", { name: "게시판", exact: true })).toContainText("시민기자");
  await expect(reader.getByRole("link", { name: "제보" })).toBeVisible();
  await reader.close();
  await page.context().close();
});

test("the dashboard's lists and stats pages render for an editor", async ({ browser }) => {
  const page = await logIn(browser, DEMO_ACCOUNTS.editor, "/dashboard/posts");
  await expect(page.getByRole("table")).toBeVisible();
  await snapshot(page, "05-all-posts");
  await page.getByRole("link", { name: "통계" }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/posts\/\d+\/stats$/);
  await snapshot(page, "06-article-stats");
  await page.context().close();
});
