import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { SECOND_EXPIRY_MS } from "../lib/cache/second-expiry";
import { DEMO_ACCOUNTS } from "../lib/seed/seed-site";
import { ownAddress } from "./support/client-address";

/**
 * Comments as readers write them, in Chromium against the production build. Each test is a
 * different reader (its own user agent and address): the one-comment-per-15-seconds rule holds
 * per commenter address, and the tests share one server.
 */
test.use({
  // Its own address too: the 15-second rule and blocks go by the commenter's address.
  extraHTTPHeaders: async ({}, use) => {
    await use(ownAddress().extraHTTPHeaders);
  },
  userAgent: async ({}, use, testInfo) => {
    await use(`Mozilla/5.0 (X11; Linux x86_64) Chrome/140 comments-e2e/${testInfo.project.name}/${testInfo.testId}/${testInfo.retry}`);
  },
});

/** The comment section of every state a test reaches, photographed for a person to look at (the first one whole). */
async function snapshot(page: Page, name: string, { fullPage = false } = {}) {
  const path = `e2e/screenshots/${test.info().project.name}-comments-${name}.png`;
  if (fullPage) await page.screenshot({ path, fullPage: true });
  else await section(page).screenshot({ path });
}

/**
 * An article of page 20 of /news, a page the other specs leave alone; one article per test.
 * (The three notices pinned on top of every page are left alone too.)
 */
async function openArticle(page: Page, article: number): Promise<string> {
  await page.goto("/news?page=20");
  await page.locator("table tbody tr").filter({ hasNot: page.getByText("공지", { exact: true }) }).nth(article).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/news\/\d+\?page=20$/);
  return page.url();
}

const section = (page: Page) => page.locator("#comments");
const mainForm = (page: Page) => page.locator("#comment-form form");
const commentCount = async (page: Page) => Number((await section(page).getByRole("heading", { level: 2 }).innerText()).replace(/\D/g, ""));
/** The comment (li) whose own text, not a reply's, contains `text`. */
const commentWith = (page: Page, text: string): Locator =>
  section(page).locator("li[id^='comment-']").filter({ has: page.locator(":scope > .comment-own > p", { hasText: text }) });

async function writeComment(form: Locator, { name, password, body }: { name?: string; password?: string; body: string }) {
  if (name !== undefined) await form.getByLabel("이름").fill(name);
  if (password !== undefined) await form.getByLabel("비밀번호").fill(password);
  await form.getByRole("textbox", { name: /^(댓글|답글)$/ }).fill(body);
  await form.getByRole("button", { name: "등록" }).click();
}

/**
 * A second reader on the same server: another user agent, so another visitor. With `showing`,
 * a comment just written that this reader must see. The article comes from Next's cache: a
 * render of it already under way when the comment was written (a prefetch, say) can store the
 * page without it, and the write expires the page again SECOND_EXPIRY_MS later for exactly that
 * (lib/cache/cross-instance-revalidation.ts). So a reader who reloads sees it within that
 * window, and this reloads for up to twice as long, not a moment more.
 */
async function anotherReader(browser: Browser, url: string, name: string, showing?: string): Promise<Page> {
  const context = await browser.newContext({ userAgent: `Mozilla/5.0 comments-e2e/${name}/${test.info().testId}`, locale: "ko-KR", timezoneId: "Asia/Seoul", ...ownAddress() });
  const page = await context.newPage();
  await page.goto(url);
  if (showing) {
    await expect(async () => {
      if ((await commentWith(page, showing).count()) === 0) await page.reload();
      await expect(commentWith(page, showing)).toBeVisible({ timeout: 250 });
    }).toPass({ timeout: 2 * SECOND_EXPIRY_MS, intervals: [250] });
  }
  return page;
}

test("a guest comments, another replies, a wrong password is refused, the right one deletes, an edit is marked", async ({ page, browser }) => {
  const articleUrl = await openArticle(page, 0);
  const before = await commentCount(page);

  // A comment with an address in it, Korean written right after it, and two lines.
  const body = "첫 댓글입니다. https://www.incheon.go.kr/news/1에서 봤어요\n둘째 줄도 있습니다.";
  await writeComment(mainForm(page), { name: "인천독자", password: "pass1234", body });
  const mine = commentWith(page, "첫 댓글입니다.");
  await expect(mine).toBeVisible();
  await expect(mine).toBeFocused();
  await expect(page).toHaveURL(/#comment-\d+$/);
  const mineId = await mine.getAttribute("id");
  expect(page.url()).toContain(`#${mineId}`);
  await expect(mine.getByText("인천독자", { exact: true })).toBeVisible();
  await expect(mine.getByText("손님", { exact: true })).toBeVisible();
  const link = mine.getByRole("link", { name: "https://www.incheon.go.kr/news/1" });
  await expect(link).toHaveAttribute("href", "https://www.incheon.go.kr/news/1");
  await expect(link).toHaveAttribute("rel", "nofollow ugc noopener noreferrer");
  await expect(link).toHaveAttribute("target", "_blank");
  expect(await mine.locator(":scope > .comment-own > p").nth(1).innerText()).toBe(body);
  expect(await commentCount(page)).toBe(before + 1);
  // The form is ready for another comment: text cleared, the name kept.
  await expect(mainForm(page).getByRole("textbox", { name: "댓글" })).toHaveValue("");
  await expect(mainForm(page).getByLabel("이름")).toHaveValue("인천독자");
  await snapshot(page, "01-posted", { fullPage: true });

  // Another reader answers it with the inline reply form.
  const other = await anotherReader(browser, articleUrl, "replier", "첫 댓글입니다.");
  const target = commentWith(other, "첫 댓글입니다.");
  await target.getByRole("button", { name: "답글" }).click();
  const replyForm = target.getByRole("form", { name: "답글 쓰기" });
  await expect(replyForm.getByRole("textbox", { name: "답글" })).toBeFocused();
  await snapshot(other, "02-reply-form");
  await writeComment(replyForm, { name: "송도주민", password: "reply1234", body: "저도 그 기사 봤습니다." });
  const reply = commentWith(other, "저도 그 기사 봤습니다.");
  await expect(reply).toBeVisible();
  await expect(replyForm).toHaveCount(0);
  // Nested under the comment it answers.
  await expect(commentWith(other, "첫 댓글입니다.").locator("ol li", { hasText: "저도 그 기사 봤습니다." })).toHaveCount(1);
  await snapshot(other, "03-replied");

  // The first reader tries to delete with a wrong password: refused, nothing changes.
  await page.reload();
  const own = commentWith(page, "첫 댓글입니다.");
  await own.getByRole("button", { name: "삭제" }).first().click();
  const deleteForm = own.getByRole("form", { name: "댓글 삭제" });
  await expect(deleteForm.getByLabel("비밀번호")).toBeFocused();
  await deleteForm.getByLabel("비밀번호").fill("wrong-password");
  await deleteForm.getByRole("button", { name: "삭제" }).click();
  await expect(deleteForm.getByText("비밀번호가 맞지 않습니다.")).toBeVisible();
  await expect(deleteForm.getByLabel("비밀번호")).toHaveAttribute("aria-invalid", "true");
  await expect(deleteForm.getByLabel("비밀번호")).toBeFocused();
  await snapshot(page, "04-wrong-password");
  await page.reload();
  await expect(commentWith(page, "첫 댓글입니다.")).toBeVisible();
  expect(await commentCount(page)).toBe(before + 2);

  // The right password deletes it; the reply keeps its place under "삭제된 댓글입니다."
  const again = commentWith(page, "첫 댓글입니다.");
  await again.getByRole("button", { name: "삭제" }).first().click();
  await again.getByRole("form", { name: "댓글 삭제" }).getByLabel("비밀번호").fill("pass1234");
  await again.getByRole("form", { name: "댓글 삭제" }).getByRole("button", { name: "삭제" }).click();
  const placeholder = page.locator(`#${mineId}`);
  await expect(placeholder.locator(":scope > .comment-own > p").first()).toHaveText("삭제된 댓글입니다.");
  await expect(placeholder.locator(":scope > .comment-own > p")).toHaveCount(1);
  await expect(placeholder.getByText("저도 그 기사 봤습니다.")).toBeVisible();
  await expect(page.getByText("첫 댓글입니다.")).toHaveCount(0);
  expect(await commentCount(page)).toBe(before + 1);
  await snapshot(page, "05-deleted-with-reply");

  // The replier edits their reply with its password: marked (수정됨).
  await other.reload();
  const ownReply = commentWith(other, "저도 그 기사 봤습니다.");
  await ownReply.getByRole("button", { name: "수정" }).click();
  const editForm = ownReply.getByRole("form", { name: "댓글 수정" });
  await editForm.getByRole("textbox", { name: "댓글 수정" }).fill("저도 그 기사 봤습니다. 고쳐 씁니다.");
  await editForm.getByLabel("비밀번호").fill("reply1234");
  await editForm.getByRole("button", { name: "수정" }).click();
  const edited = commentWith(other, "고쳐 씁니다.");
  await expect(edited.getByText("(수정됨)")).toBeVisible();
  await expect(editForm).toHaveCount(0);
  await snapshot(other, "06-edited");

  const accessibility = await new AxeBuilder({ page: other }).include("#comments").analyze();
  expect(accessibility.violations).toEqual([]);
  await other.context().close();
});

test("an empty comment is refused in Korean and what was typed stays", async ({ page }) => {
  await openArticle(page, 1);
  const form = mainForm(page);
  await writeComment(form, { name: "빈칸독자", password: "1234", body: "   \n  " });
  const bodyField = form.getByRole("textbox", { name: "댓글" });
  await expect(form.getByText("댓글 내용을 입력해 주세요.")).toBeVisible();
  await expect(bodyField).toHaveAttribute("aria-invalid", "true");
  await expect(bodyField).toBeFocused();
  await expect(form.getByLabel("이름")).toHaveValue("빈칸독자");
  await expect(form.getByLabel("비밀번호")).toHaveValue("1234");
  // The message is tied to the field for screen readers.
  const describedBy = await bodyField.getAttribute("aria-describedby");
  await expect(page.locator(`#${describedBy}`)).toHaveText("댓글 내용을 입력해 주세요.");

  // Missing name and a short password: each field says what is wrong.
  await form.getByLabel("이름").fill("");
  await form.getByLabel("비밀번호").fill("12");
  await bodyField.fill("내용은 있습니다.");
  await form.getByRole("button", { name: "등록" }).click();
  await expect(form.getByText("이름을 입력해 주세요.")).toBeVisible();
  await expect(form.getByText("비밀번호는 4자 이상 입력해 주세요.")).toBeVisible();
  await expect(form.getByLabel("이름")).toBeFocused();
  await expect(bodyField).toHaveValue("내용은 있습니다.");
  await snapshot(page, "07-empty-body");
});

test("a second comment within 15 seconds is refused with the seconds to wait, the text kept", async ({ page }) => {
  await openArticle(page, 2);
  const form = mainForm(page);
  await writeComment(form, { name: "급한독자", password: "1234", body: "먼저 쓴 댓글" });
  await expect(commentWith(page, "먼저 쓴 댓글")).toBeVisible();
  await writeComment(form, { password: "1234", body: "바로 또 쓰는 댓글" });
  const message = form.getByRole("alert").filter({ hasText: "15초" });
  await expect(message).toHaveText(/^댓글은 15초에 한 번 쓸 수 있습니다\. (1[0-5]|[1-9])초 후에 다시 시도해 주세요\.$/);
  await expect(message).toBeFocused();
  await expect(form.getByRole("textbox", { name: "댓글" })).toHaveValue("바로 또 쓰는 댓글");
  await expect(commentWith(page, "바로 또 쓰는 댓글")).toHaveCount(0);
  await snapshot(page, "08-flood");
});

test("a signed-in admin comments without a name or password and deletes a guest's comment", async ({ page, browser }) => {
  const articleUrl = await openArticle(page, 3);
  // A guest comment to moderate, from another reader.
  const guestPage = await anotherReader(browser, articleUrl, "guest");
  await writeComment(mainForm(guestPage), { name: "광고봇", password: "spam1234", body: "광고 댓글 http://spam.example/buy" });
  await expect(commentWith(guestPage, "광고 댓글")).toBeVisible();
  await guestPage.context().close();

  const admin = DEMO_ACCOUNTS.admin;
  await page.goto(`/login?callbackUrl=${encodeURIComponent(new URL(articleUrl).pathname)}`);
  await page.getByLabel("아이디").fill(admin.loginId);
  await page.getByLabel("비밀번호").fill(admin.password);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page).toHaveURL(new RegExp(`${new URL(articleUrl).pathname}$`));

  const form = mainForm(page);
  await expect(form.getByText(`${admin.displayName} 님으로 댓글을 씁니다.`)).toBeVisible();
  await expect(form.getByLabel("이름")).toHaveCount(0);
  await writeComment(form, { body: "운영진입니다. 규칙에 어긋난 글은 지웁니다." });
  const mine = commentWith(page, "운영진입니다.");
  await expect(mine).toBeVisible();
  await expect(mine.getByText(admin.displayName, { exact: true })).toBeVisible();
  await expect(mine.getByText("회원", { exact: true })).toBeVisible();
  await expect(mine.getByRole("button", { name: "수정" })).toBeVisible();

  // A moderator deletes the guest's comment without its password.
  const spam = commentWith(page, "광고 댓글");
  await expect(spam.getByRole("button", { name: "수정" })).toBeVisible();
  await spam.getByRole("button", { name: "삭제" }).click();
  const deleteForm = spam.getByRole("form", { name: "댓글 삭제" });
  await expect(deleteForm.getByLabel("비밀번호")).toHaveCount(0);
  await snapshot(page, "09-moderator-delete");
  await deleteForm.getByRole("button", { name: "삭제" }).click();
  await expect(commentWith(page, "광고 댓글")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "댓글을 삭제했습니다." })).toHaveCount(1);
  await snapshot(page, "10-moderated");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a guest posts a comment, gets the error back with the name kept, and replies through the link", async ({ page }) => {
    await openArticle(page, 4);
    const form = mainForm(page);

    // An empty comment: the page comes back with the message and the name as typed.
    await form.getByLabel("이름").fill("noscript독자");
    await form.getByLabel("비밀번호").fill("1234");
    await form.getByRole("button", { name: "등록" }).click();
    await expect(form.getByText("댓글 내용을 입력해 주세요.")).toBeVisible();
    await expect(form.getByLabel("이름")).toHaveValue("noscript독자");
    await expect(form.getByRole("textbox", { name: "댓글" })).toBeFocused();
    await snapshot(page, "11-no-js-error");

    // A comment: posted, then redirected back to the article at the new comment.
    await form.getByLabel("비밀번호").fill("1234");
    await form.getByRole("textbox", { name: "댓글" }).fill("스크립트 없이 쓴 댓글");
    await form.getByRole("button", { name: "등록" }).click();
    await expect(page).toHaveURL(/\/news\/\d+\?page=20#comment-\d+$/);
    const mine = commentWith(page, "스크립트 없이 쓴 댓글");
    await expect(mine).toBeVisible();
    expect(page.url()).toContain(`#${await mine.getAttribute("id")}`);
    await snapshot(page, "12-no-js-posted");

    // 답글 is a link that opens the reply form on the page.
    await mine.getByRole("link", { name: "답글" }).click();
    await expect(page).toHaveURL(/[?&]reply=\d+$/);
    const replyForm = mine.getByRole("form", { name: "답글 쓰기" });
    await expect(replyForm).toBeVisible();
    await expect(replyForm.getByRole("textbox", { name: "답글" })).toBeFocused();
    await expect(replyForm.getByRole("link", { name: "취소" })).toBeVisible();
    await snapshot(page, "13-no-js-reply-form");

    // 삭제 with a wrong password: refused on the page that comes back.
    await mine.getByRole("link", { name: "삭제" }).click();
    const deleteForm = mine.getByRole("form", { name: "댓글 삭제" });
    await deleteForm.getByLabel("비밀번호").fill("0000");
    await deleteForm.getByRole("button", { name: "삭제" }).click();
    await expect(page.getByText("비밀번호가 맞지 않습니다.")).toBeVisible();
    await expect(commentWith(page, "스크립트 없이 쓴 댓글")).toBeVisible();
    await snapshot(page, "14-no-js-wrong-password");
  });
});
