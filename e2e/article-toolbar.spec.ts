import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/** Every state a test reaches is photographed into e2e/screenshots for a person to look at. */
async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${test.info().project.name}-toolbar-${name}.png`, fullPage: true });
}

const toolbar = (page: Page) => page.getByRole("navigation", { name: "문서 도구" });
const button = (page: Page, name: string) => toolbar(page).getByRole("button", { name, exact: true });
const link = (page: Page, name: string) => toolbar(page).getByRole("link", { name, exact: true });
const helpDialog = (page: Page) => page.getByRole("dialog", { name: "단축키 안내" });
const boardList = (page: Page) => page.getByRole("table", { name: /글 목록/ });
/** A row of the board list (under an article: one that is not the article itself). */
const listRowLink = (page: Page, index: number) =>
  boardList(page).locator("tbody tr:not([aria-current])").nth(index).getByRole("link").first();

const fontSizeOf = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((element) => getComputedStyle(element).fontSize);
const bodyFont = (page: Page) => fontSizeOf(page, ".article-body");
const scrollY = (page: Page) => page.evaluate(() => Math.round(window.scrollY));
const bottomScrollY = (page: Page) =>
  page.evaluate(() => Math.round(document.documentElement.scrollHeight - window.innerHeight));
const articleId = (page: Page) => new URL(page.url()).pathname.split("/")[2];

/** Opens the first numbered article of /news the way a reader does, from the list. */
async function openArticle(page: Page, row = 3) {
  await page.goto("/news");
  await listRowLink(page, row).click();
  await expect(page).toHaveURL(/\/news\/\d+/);
  await expect(toolbar(page)).toBeVisible();
}

/** Where the comment section's top is in the viewport (0: scrolled to it). */
const commentsTop = async (page: Page) => Math.round((await page.locator("#comments").boundingBox())!.y);

/** A key as the Korean 2-set layout sends it: `key` is a Hangul jamo, `code` the physical key. */
async function pressKoreanKey(page: Page, jamo: string, code: string) {
  const cdp = await page.context().newCDPSession(page);
  const keyCode = code.charCodeAt(3);
  await cdp.send("Input.dispatchKeyEvent", { type: "keyDown", key: jamo, code, text: jamo, windowsVirtualKeyCode: keyCode });
  await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", key: jamo, code, windowsVirtualKeyCode: keyCode });
  await cdp.detach();
}

test("크게 / 작게 / 기본 size the article body only, stop at the ends and are kept without a flash", async ({ page }) => {
  await openArticle(page);
  const headline = await fontSizeOf(page, "h1");
  const listCell = await fontSizeOf(page, "main table tbody td");
  expect(await bodyFont(page)).toBe("17px");
  await snapshot(page, "01-default");

  await button(page, "글자 크게").click();
  await expect.poll(() => bodyFont(page)).toBe("19px");
  await expect(toolbar(page).getByRole("status")).toHaveText("글자 크기 3/5단계");
  expect(await fontSizeOf(page, "h1")).toBe(headline);
  expect(await fontSizeOf(page, "main table tbody td")).toBe(listCell);

  // Up to the largest step: 크게 turns inert (and stays focusable), clicking it changes nothing.
  await button(page, "글자 크게").click();
  await button(page, "글자 크게").click();
  await expect.poll(() => bodyFont(page)).toBe("23px");
  await expect(button(page, "글자 크게")).toHaveAttribute("aria-disabled", "true");
  await button(page, "글자 크게").click({ force: true }); // Playwright waits for aria-disabled controls
  expect(await bodyFont(page)).toBe("23px");
  await expect(button(page, "글자 크게")).toBeFocused();
  await snapshot(page, "02-largest");

  // Down to the smallest step.
  for (let i = 0; i < 4; i++) await button(page, "글자 작게").click();
  await expect.poll(() => bodyFont(page)).toBe("15px");
  await expect(button(page, "글자 작게")).toHaveAttribute("aria-disabled", "true");
  await expect(button(page, "글자 크게")).not.toHaveAttribute("aria-disabled");
  await expect(toolbar(page).getByRole("status")).toHaveText("글자 크기 1/5단계");
  await snapshot(page, "03-smallest");

  await button(page, "글자 크기 기본").click();
  await expect.poll(() => bodyFont(page)).toBe("17px");
  expect(await fontSizeOf(page, "h1")).toBe(headline);

  // 21px is kept on another article (opened from the list under this one) and after a reload.
  await button(page, "글자 크게").click();
  await button(page, "글자 크게").click();
  await expect.poll(() => bodyFont(page)).toBe("21px");
  const firstId = articleId(page);
  await listRowLink(page, 6).click();
  await expect.poll(() => articleId(page)).not.toBe(firstId);
  expect(await bodyFont(page)).toBe("21px");
  await expect(button(page, "글자 크게")).not.toHaveAttribute("aria-disabled");

  // The first frame that paints the body already has the kept size, and the toolbar (whose
  // font buttons need JavaScript) already has its final height: nothing jumps after load.
  await page.addInitScript(() => {
    const firstFrame = () => {
      const body = document.querySelector(".article-body");
      const bar = document.querySelector('nav[aria-label="문서 도구"]');
      if (!body || !bar) return requestAnimationFrame(firstFrame);
      Object.assign(window, {
        firstFrame: { font: getComputedStyle(body).fontSize, barHeight: bar.getBoundingClientRect().height },
      });
    };
    requestAnimationFrame(firstFrame);
  });
  await page.reload({ waitUntil: "commit" });
  await expect(page.locator("html")).toHaveAttribute("data-article-font", "21");
  await page.waitForLoadState("load");
  const firstFrame = await page.evaluate(() => (window as unknown as { firstFrame: { font: string; barHeight: number } }).firstFrame);
  expect(firstFrame.font).toBe("21px");
  expect(firstFrame.barHeight).toBe(await toolbar(page).evaluate((bar) => bar.getBoundingClientRect().height));
  expect(await bodyFont(page)).toBe("21px");
});

test("위로 / 아래로 / 댓글로 가기 scroll within the page, Back still works, and 인쇄 links to the print view", async ({ page }) => {
  await openArticle(page);
  const title = await page.getByRole("heading", { level: 1 }).innerText();

  await link(page, "아래로").click();
  await expect.poll(() => scrollY(page)).toBe(await bottomScrollY(page));
  await expect(page).toHaveURL(/#page-bottom$/);

  await link(page, "위로").click();
  await expect.poll(() => scrollY(page)).toBe(0);
  await expect(page).toHaveURL(/#top$/);

  await link(page, "댓글로 가기").click();
  await expect.poll(() => commentsTop(page)).toBe(0);
  await expect(page).toHaveURL(/#comments$/);

  await expect(link(page, "인쇄")).toHaveAttribute("href", `/news/${articleId(page)}/print?autoprint=1`);

  // The jumps are history entries the router knows: Back from another article lands here.
  await listRowLink(page, 4).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(title);
  await page.goBack();
  await expect(page).toHaveURL(/#comments$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  // With reduced motion the jump is instant.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await link(page, "아래로").click();
  expect(await scrollY(page)).toBe(await bottomScrollY(page));
});

test("every shortcut key works, also on a Korean keyboard, and none while typing or with Ctrl", async ({ page }) => {
  await openArticle(page);
  const id = articleId(page);

  await page.keyboard.press("+");
  await expect.poll(() => bodyFont(page)).toBe("19px");
  await page.keyboard.press("=");
  await expect.poll(() => bodyFont(page)).toBe("21px");
  await page.keyboard.press("-");
  await expect.poll(() => bodyFont(page)).toBe("19px");
  await page.keyboard.press("0");
  await expect.poll(() => bodyFont(page)).toBe("17px");

  await page.keyboard.press("b");
  await expect.poll(() => scrollY(page)).toBe(await bottomScrollY(page));
  await expect(page).toHaveURL(/#page-bottom$/);
  await page.keyboard.press("t");
  await expect.poll(() => scrollY(page)).toBe(0);
  await page.keyboard.press("c");
  await expect.poll(() => commentsTop(page)).toBe(0);
  await expect(page).toHaveURL(/#comments$/);

  // Korean layout: B types "ㅠ", T "ㅅ", - and = stay as they are.
  await pressKoreanKey(page, "ㅠ", "KeyB");
  await expect.poll(() => scrollY(page)).toBe(await bottomScrollY(page));
  await pressKoreanKey(page, "ㅅ", "KeyT");
  await expect.poll(() => scrollY(page)).toBe(0);

  await page.keyboard.press("?");
  await expect(helpDialog(page)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(helpDialog(page)).toBeHidden();

  // Typing a page number in the list's page-jump box is typing, not shortcuts.
  const jump = page.getByLabel(/이동할 페이지/);
  await jump.scrollIntoViewIfNeeded();
  const before = { y: await scrollY(page), url: page.url() };
  await jump.focus();
  for (const key of ["t", "b", "c", "+", "0", "?", "p"]) await page.keyboard.press(key);
  await expect(helpDialog(page)).toBeHidden();
  expect(await scrollY(page)).toBe(before.y);
  expect(await bodyFont(page)).toBe("17px");
  expect(page.url()).toBe(before.url);
  await jump.blur();

  // Ctrl (and Alt, ⌘) combinations are the browser's.
  for (const key of ["Control+b", "Control+Equal", "Alt+t"]) await page.keyboard.press(key);
  expect(await scrollY(page)).toBe(before.y);
  expect(await bodyFont(page)).toBe("17px");
  expect(page.url()).toBe(before.url);

  // P goes to the print view (built later, so it may be a 404 today).
  await page.keyboard.press("p");
  await page.waitForURL(`**/news/${id}/print?autoprint=1`);
});

test("the 단축키 dialog lists the shortcuts, keeps focus inside, closes on Escape and can turn shortcuts off", async ({ page }) => {
  await openArticle(page);
  const opener = button(page, "단축키");
  await opener.click();
  const dialog = helpDialog(page);
  await expect(dialog).toBeVisible();
  const close = dialog.getByRole("button", { name: "닫기" });
  await expect(close).toBeFocused();
  for (const description of ["이전 문서", "다음 문서", "본문 글자 크게", "본문 글자 작게", "본문 글자 크기 기본으로", "맨 위로", "맨 아래로", "댓글로 가기", "인쇄", "단축키 안내 열기"]) {
    await expect(dialog.getByRole("definition").getByText(description, { exact: true })).toBeVisible();
  }
  expect((await new AxeBuilder({ page }).include("dialog").analyze()).violations).toEqual([]);
  await snapshot(page, "04-help-dialog");

  // Tab and Shift+Tab go round the dialog's two controls and never leave it.
  const toggle = dialog.getByRole("checkbox", { name: "단축키 사용" });
  await page.keyboard.press("Tab");
  await expect(toggle).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(close).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(toggle).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(close).toBeFocused();

  // While it is open, shortcuts rest; Escape closes it and focus returns to 단축키.
  await page.keyboard.press("b");
  expect(page.url()).not.toContain("#page-bottom"); // a jump changes the URL at once
  expect(await scrollY(page)).toBe(0);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // Opened with "?" from the page body: 닫기 also returns focus to 단축키.
  await page.locator(".article-body").click();
  await page.keyboard.press("?");
  await expect(dialog).toBeVisible();
  await close.click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // A click on the backdrop closes it too.
  await opener.click();
  await page.mouse.click(5, 5);
  await expect(dialog).toBeHidden();

  // Turned off (kept across reloads): keys do nothing until turned back on.
  await opener.click();
  await toggle.uncheck();
  await page.keyboard.press("Escape");
  await page.reload();
  await page.keyboard.press("?");
  await page.keyboard.press("b");
  await expect(dialog).toBeHidden();
  expect(page.url()).not.toContain("#page-bottom");
  expect(await scrollY(page)).toBe(0);
  await opener.click();
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await page.keyboard.press("Escape");
  await page.keyboard.press("b");
  await expect.poll(() => scrollY(page)).toBe(await bottomScrollY(page));
});

test("at the end of the list 다음 문서 is shown inert, → does nothing, and the toolbar passes axe", async ({ page }) => {
  // The last row of the last page (number 1) has no next article in the default order.
  await page.goto("/news?page=28");
  await boardList(page).locator("tbody tr").last().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/news\/\d+/);
  const url = page.url();
  await expect(toolbar(page).getByRole("link", { name: /다음 문서/ })).toHaveCount(0);
  await expect(toolbar(page).locator('span[aria-disabled="true"]', { hasText: "다음 문서" })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await page.waitForLoadState("networkidle");
  expect(page.url()).toBe(url);
  expect((await new AxeBuilder({ page }).include('nav[aria-label="문서 도구"]').analyze()).violations).toEqual([]);
  await snapshot(page, "05-last-article");
});

test("on a phone every control is a 44px touch target and the bar wraps into two rows", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openArticle(page);
  const controls = toolbar(page).locator("a:visible, button:visible, span[aria-disabled]:visible");
  await expect(controls).toHaveCount(9); // 단축키 hides on phones: no keyboard to use it with.
  for (const height of await controls.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().height))) {
    expect(height).toBeGreaterThanOrEqual(44);
  }
  const rows = new Set(await controls.evaluateAll((elements) => elements.map((element) => Math.round(element.getBoundingClientRect().top))));
  expect(rows.size).toBe(2);
  await snapshot(page, "06-phone");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the toolbar's links still work and no dead control shows", async ({ page }) => {
    await openArticle(page);
    // The font buttons and 단축키 need JavaScript: they are not shown at all.
    await expect(toolbar(page).getByRole("button")).toHaveCount(0);
    for (const anchor of await toolbar(page).getByRole("link").all()) {
      expect(await anchor.getAttribute("href")).toBeTruthy();
    }

    await link(page, "아래로").click();
    await expect(page).toHaveURL(/#page-bottom$/);
    expect(await scrollY(page)).toBe(await bottomScrollY(page));
    await link(page, "위로").click();
    await expect(page).toHaveURL(/#top$/);
    expect(await scrollY(page)).toBe(0);
    await link(page, "댓글로 가기").click();
    await expect(page).toHaveURL(/#comments$/);
    await expect(page.locator("#comments")).toBeInViewport();
    await snapshot(page, "07-no-js");

    const id = articleId(page);
    await link(page, "인쇄").click();
    await page.waitForURL(`**/news/${id}/print?autoprint=1`);
  });
});
