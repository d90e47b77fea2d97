import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import fc from "fast-check";
import { ownAddress } from "./support/client-address";
import { configureFuzzSeed } from "../tests/support/fuzz-seed";
import { hiddenFormFields, serverActionId } from "../tests/support/server-action-form";

configureFuzzSeed();

/**
 * Bad input over HTTP against the production server, generated with fast-check: list, search,
 * article and feed URLs with arbitrary query strings (junk values, repeated and unknown keys,
 * broken percent-encoding, Hangul, control characters, huge values), the view beacon with junk
 * JSON and junk content types, and server actions posted with junk bodies. Nothing may answer
 * 500, and the server must still serve the board afterwards. Oversized bodies (12 MB) to a
 * server action and to the beacon are refused with a 4xx, not read into memory and not a crash.
 *
 * Nothing here changes what the other specs see: the beacon never names an existing article
 * and the junk action posts are refused before they reach the database. A failing property
 * prints its seed and counterexample (fast-check's report), which replays it.
 */
test.use({ extraHTTPHeaders: ownAddress().extraHTTPHeaders });
test.setTimeout(240_000);

const NASTY = [
  "", " ", "0", "-1", "1.5", "1e3", "99999999999999999999", "NaN", "null", "[]", "{}", "__proto__", "%", "%zz", "%E0%A4%A", "%00", "%C0%AF",
  "뿌리산업", "인천 개소식", "ㅎ", "\u1112\u1161\u11ab", "😀", "\u202E", "\u200B", "<script>alert(1)</script>", "javascript:alert(1)", "'\"", "\\", "*", "OR 1=1",
  "title", "number", "views", "comments", "asc", "desc", "economy", "title_content", "author", "comment", "a".repeat(300), "가".repeat(300),
];
const KEYS = ["page", "sort", "order", "category", "target", "q", "reply", "edit", "delete", "comments", "autoprint", "utm_source", "page[]", "q[0]", ""];

/** One query value: a nasty constant, any string, or a number. */
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

/** A query string: known and unknown keys, repeated keys, and now and then raw (not re-encoded) text. */
const queryString = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), value), { maxLength: 6 })
      .map((pairs) => new URLSearchParams(pairs).toString()),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom("%", "%zz", "%E0%A4%A", "%FF%FE", "%2", "&&", "==", "+", "%25", "a%00b")), { minLength: 1, maxLength: 4 })
      .map((pairs) => pairs.map(([key, raw]) => `${key}=${raw}`).join("&")),
  },
);

const isServerError = (response: APIResponse) => response.status() >= 500;

async function expectHealthy(request: APIRequestContext) {
  const response = await request.get("/news");
  expect(response.status()).toBe(200);
}

let articleIds: string[] = [];

test.beforeAll(async ({ request }) => {
  const html = await (await request.get("/news?page=2")).text();
  articleIds = [...new Set([...html.matchAll(/href="\/news\/(\d+)/g)].map((match) => match[1]))].slice(0, 5);
  expect(articleIds.length).toBeGreaterThan(0);
});

test("list, search, article, print and feed URLs with arbitrary query strings never answer 500", async ({ request }) => {
  const paths = fc.oneof(
    fc.constant("/news"),
    fc.constant("/"),
    fc.constantFrom(...articleIds).map((id) => `/news/${id}`),
    fc.constantFrom(...articleIds).map((id) => `/news/${id}/print`),
    fc.constant("/news/rss.xml"),
    fc.constant("/news/atom.xml"),
    fc.oneof(fc.constantFrom("0", "999999999", "1e3", "-1", "abc", "%E0"), fc.nat().map(String)).map((id) => `/news/${id}`),
    fc.constant("/api/views"),
  );
  await fc.assert(
    fc.asyncProperty(paths, queryString, async (path, query) => {
      const response = await request.get(`${path}?${query}`, { maxRedirects: 0 });
      expect(isServerError(response), `${response.status()} for ${path}?${query}`).toBe(false);
    }),
    { numRuns: 250, verbose: 1 },
  );
  await expectHealthy(request);
});

test("a path whose percent-escapes do not decode is a 400, not a 500", async ({ request }) => {
  for (const path of ["/news/%E0", "/%E0", "/news/1%E0/print", "/media/%E0", "/api/%FF", "/dashboard/%C0"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
  }
  await expectHealthy(request);
});

test("the view beacon takes junk JSON and junk content types without an error", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  // Never an existing article: the view counts of the seeded board stay as the other specs expect.
  const json = fc.jsonValue().filter((parsed) => !(parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) && "postId" in parsed));
  const body = fc.oneof(
    json.map((parsed) => JSON.stringify(parsed)),
    fc.constantFrom('{"postId":"abc"}', '{"postId":-1}', '{"postId":1e308}', '{"postId":999999999}', '{"postId":[1]}', '{"postId":{"a":1}}', '{"__proto__":{"postId":1}}', "{", "null", ""),
    fc.string({ maxLength: 300 }),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  );
  const contentType = fc.constantFrom("application/json", "text/plain", "text/plain;charset=UTF-8", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/octet-stream", "", "a/b; charset=nope");
  await fc.assert(
    fc.asyncProperty(body, contentType, async (data, type) => {
      const response = await request.post("/api/views", { data, headers: { Origin: origin, ...(type ? { "Content-Type": type } : {}) } });
      expect(response.status(), `${response.status()} for ${type} ${String(data).slice(0, 80)}`).toBeLessThan(500);
    }),
    { numRuns: 150, verbose: 1 },
  );
  await expectHealthy(request);
});

/** The comment form's server action, as a browser without JavaScript posts it: its $ACTION_ fields. */
async function commentActionFields(request: APIRequestContext): Promise<{ url: string; fields: Record<string, string>; actionId: string }> {
  const url = `/news/${articleIds[0]}`;
  const form = hiddenFormFields(await (await request.get(url)).text(), 'name="guestName"');
  const fields = Object.fromEntries(form.filter(([name]) => name.startsWith("$ACTION_")));
  const actionId = serverActionId(form) ?? "";
  expect(actionId, "a server action id on the article page").not.toBe("");
  return { url, fields, actionId };
}

test("server actions posted with junk bodies answer without a 500", async ({ request, baseURL }) => {
  const { url, fields, actionId } = await commentActionFields(request);
  expect(actionId).toMatch(/^[0-9a-f]{40,}$/);
  const origin = new URL(baseURL!).origin;
  const junkField = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 50 }));
  // As the enhanced form posts it (Next-Action header), with a body that is not what React
  // sends: to this build's comment action (proxy.ts refuses any body that is not a form, 400) and
  // to action ids that do not exist.
  const rawBody = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom("[]", "[{}]", '["$@1"]', '["$K1"]', '"$Q"', "{", "null", '["$F1"]', '{"0":"$T"}'),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  );
  const contentType = fc.constantFrom("text/plain;charset=UTF-8", "multipart/form-data; boundary=----x", "application/x-www-form-urlencoded", "application/json");
  await fc.assert(
    fc.asyncProperty(rawBody, contentType, fc.oneof(fc.constantFrom(actionId, actionId, "0".repeat(42), "x", `${actionId}0`, actionId.slice(1)), fc.string({ unit: fc.constantFrom(..."0123456789abcdefxyz-_$%"), minLength: 1, maxLength: 50 })), async (body, type, id) => {
      const response = await request.post(url, { data: body, headers: { "Next-Action": id, "Content-Type": type, Origin: origin }, maxRedirects: 0 });
      expect(response.status(), `${response.status()} for Next-Action ${id} ${type} ${String(body).slice(0, 80)}`).toBeLessThan(500);
    }),
    { numRuns: 80, verbose: 1 },
  );
  // A well-formed multipart form that React did not encode, to the real action: its arguments
  // (field "0") junk, references React never sends here, or a form reference with odd fields.
  // proxy.ts refuses what is not React's encoding of a form (400); the actions treat a missing
  // form as an empty one (lib/actions/submitted-form.ts).
  const argsField = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.constantFrom("[]", '["$K1"]', '["$undefined","$K1"]', '[null,"$K1"]', '[{},"$K2"]', '["$K1","$K1"]', '["$@1","$K1"]', '[{"a":"$D2020"},"$K1"]', "{}", '"x"', "[1,2]"),
  );
  await fc.assert(
    fc.asyncProperty(argsField, fc.dictionary(fc.constantFrom("1_body", "1_postId", "1_guestName", "1_password", "1_js", "body"), junkField), async (args, extra) => {
      const response = await request.post(url, { multipart: { "0": args, ...extra }, headers: { "Next-Action": actionId, Origin: origin }, maxRedirects: 0 });
      expect(response.status(), `${response.status()} for arguments ${args.slice(0, 80)} ${JSON.stringify(extra).slice(0, 80)}`).toBeLessThan(500);
    }),
    { numRuns: 60, verbose: 1 },
  );
  // As a browser without JavaScript posts it: the form's $ACTION_ fields, then junk in the comment fields.
  await fc.assert(
    fc.asyncProperty(fc.dictionary(fc.constantFrom("postId", "parentId", "body", "guestName", "password", "js", "listQuery", "asMember", "junk"), junkField), async (junk) => {
      const response = await request.post(url, { multipart: { ...fields, ...junk }, headers: { Origin: origin }, maxRedirects: 0 });
      expect(response.status(), `${response.status()} for ${JSON.stringify(junk).slice(0, 120)}`).toBeLessThan(500);
    }),
    { numRuns: 40, verbose: 1 },
  );
  await expectHealthy(request);
});

test("a 12 MB body to a server action and to the view beacon is refused with a 4xx, and the server stays up", async ({ request, baseURL }) => {
  const { url, fields, actionId } = await commentActionFields(request);
  const origin = new URL(baseURL!).origin;
  const huge = "가".repeat(4 * 1024 * 1024); // 12 MB of UTF-8
  const asForm = await request.post(url, { multipart: { ...fields, body: huge, guestName: "독자", password: "1234" }, headers: { Origin: origin }, maxRedirects: 0, timeout: 60_000 });
  expect(asForm.status(), "no-JavaScript form post").toBeGreaterThanOrEqual(400);
  expect(asForm.status(), "no-JavaScript form post").toBeLessThan(500);
  const asFetch = await request.post(url, { data: JSON.stringify([huge]), headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Origin: origin }, maxRedirects: 0, timeout: 60_000 });
  expect(asFetch.status(), "enhanced action post").toBeGreaterThanOrEqual(400);
  expect(asFetch.status(), "enhanced action post").toBeLessThan(500);
  const beacon = await request.post("/api/views", { data: JSON.stringify({ postId: 999999999, padding: huge }), headers: { "Content-Type": "application/json", Origin: origin }, timeout: 60_000 });
  expect(beacon.status(), "view beacon").toBe(413);
  await expectHealthy(request);
});
