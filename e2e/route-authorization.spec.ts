import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../lib/seed/seed-site";
import { ownAddress } from "./support/client-address";
import { openE2eDatabase } from "./support/e2e-database";

/**
 * Who may read what, over HTTP against the production server: the public routes (article,
 * print view, generated preview image) show published articles only, to everyone alike; the
 * dashboard's pages answer by role (a visitor is sent to log in, a role without the page gets
 * a 404); the internal routes answer nobody but the server itself. The server actions' own
 * matrix is tests/integration/action-authorization.test.ts.
 */
type Who = "guest" | "reporter" | "editor" | "admin";

async function clientFor(browser: Browser, who: Who): Promise<APIRequestContext> {
  const context = await browser.newContext(ownAddress());
  if (who !== "guest") {
    const account = DEMO_ACCOUNTS[who];
    const page = await context.newPage();
    await page.goto("/login?callbackUrl=%2Fdashboard");
    await page.getByLabel("아이디").fill(account.loginId);
    await page.getByLabel("비밀번호").fill(account.password);
    await page.getByRole("button", { name: "로그인" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.close();
  }
  return context.request;
}

const status = async (client: APIRequestContext, path: string) => (await client.get(path, { maxRedirects: 0 })).status();

test("a draft is readable by nobody on the public routes, and in the dashboard only by its author and editors", async ({ browser, baseURL }) => {
  // A seeded article by the demo reporter, made a draft for the test (behind the product's back).
  const reader = await browser.newPage();
  await reader.goto("/news?page=20");
  const row = reader.locator("table tbody tr", { hasText: DEMO_ACCOUNTS.reporter.displayName }).first();
  const href = await row.getByRole("link").first().getAttribute("href");
  const postId = Number(/\/news\/(\d+)/.exec(href!)![1]);
  await reader.close();
  const database = await openE2eDatabase(baseURL!);
  await database.setPostStatus(postId, "draft");
  try {
    const expectations: Record<Who, { preview: number; edit: number }> = {
      guest: { preview: 307, edit: 307 },
      reporter: { preview: 200, edit: 200 },
      editor: { preview: 200, edit: 200 },
      admin: { preview: 200, edit: 200 },
    };
    for (const who of Object.keys(expectations) as Who[]) {
      const client = await clientFor(browser, who);
      // The plain URL /news/<id> is served from the cache, which this test's direct database
      // write does not revalidate (a write through the product does: dashboard.spec.ts checks
      // that an unpublished article's plain URL is a 404); the per-request URL reads the database.
      for (const path of [`/news/${postId}?page=20`, `/news/${postId}/print`, `/og/article/${postId}`]) {
        expect(await status(client, path), `${who} ${path}`).toBe(404);
      }
      expect(await status(client, `/dashboard/posts/${postId}/preview`), `${who} preview`).toBe(expectations[who].preview);
      expect(await status(client, `/dashboard/posts/${postId}/edit`), `${who} edit`).toBe(expectations[who].edit);
      await client.dispose();
    }
  } finally {
    await database.setPostStatus(postId, "published");
    await database.close();
  }
});

test("dashboard pages answer by role: a visitor is sent to log in, a role without the page gets a 404", async ({ browser }) => {
  const pages: Record<string, Record<Who, number>> = {
    "/dashboard": { guest: 307, reporter: 200, editor: 200, admin: 200 },
    "/dashboard/posts/new": { guest: 307, reporter: 200, editor: 200, admin: 200 },
    "/dashboard/comments": { guest: 307, reporter: 404, editor: 200, admin: 200 },
    "/dashboard/admin/users": { guest: 307, reporter: 404, editor: 404, admin: 200 },
    "/dashboard/admin/boards": { guest: 307, reporter: 404, editor: 404, admin: 200 },
    "/dashboard/admin/boards/news": { guest: 307, reporter: 404, editor: 404, admin: 200 },
  };
  for (const who of ["guest", "reporter", "editor", "admin"] as Who[]) {
    const client = await clientFor(browser, who);
    for (const [path, expected] of Object.entries(pages)) {
      expect(await status(client, path), `${who} ${path}`).toBe(expected[who]);
    }
    await client.dispose();
  }
});

test("the internal routes answer only the server itself", async ({ request }) => {
  for (const path of ["/api/internal/publish-due", "/api/internal/revalidate"]) {
    expect((await request.post(path, { data: { tags: ["article:1"] } })).status(), path).toBe(404);
    expect((await request.post(path, { headers: { "x-internal-token": "guess" }, data: { tags: ["article:1"] } })).status(), path).toBe(404);
  }
});
