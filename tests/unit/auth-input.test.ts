import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeCallbackPathFrom } from "@/lib/auth/callback-url";
import { canModerate, isRole } from "@/lib/auth/roles";
import { parseSessionUser } from "@/lib/auth/session-user";
import { LoginSchema } from "@/lib/validations/login";

describe("callbackUrl after logging in: same-site paths only", () => {
  it.each([
    ["/news", "/news"],
    ["/news/12?sort=title&order=desc&page=2", "/news/12?sort=title&order=desc&page=2"],
    ["/news#comments", "/news#comments"],
    ["/%EB%89%B4%EC%8A%A4", "/%EB%89%B4%EC%8A%A4"],
  ])("keeps %s", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it.each([
    "https://evil.example",
    "https://evil.example/news",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "news",
    "",
    "/login?callbackUrl=/news",
    "/api/auth/signout",
  ])("turns %j into the front page", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it("ignores what is not a string", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/news"])).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
  });

  it("accepts an absolute URL only on the site's own origin (next-auth's redirect callback)", () => {
    expect(safeCallbackPathFrom("http://127.0.0.1:3200/news?page=2", "http://127.0.0.1:3200")).toBe("/news?page=2");
    expect(safeCallbackPathFrom("http://127.0.0.1:3201/news", "http://127.0.0.1:3200")).toBe("/");
    expect(safeCallbackPathFrom("https://evil.example/news", "http://127.0.0.1:3200")).toBe("/");
    expect(safeCallbackPathFrom("/news", "http://127.0.0.1:3200")).toBe("/news");
    expect(safeCallbackPathFrom("not a url", "http://127.0.0.1:3200")).toBe("/");
  });
});

describe("the login form's input", () => {
  it("trims the id, keeps the password as typed", () => {
    expect(LoginSchema.parse({ loginId: "  kmbn2019 ", password: " pw " })).toEqual({ loginId: "kmbn2019", password: " pw " });
  });

  it("says in Korean what is missing or too long", () => {
    const empty = LoginSchema.safeParse({ loginId: " ", password: "" });
    expect(empty.success).toBe(false);
    const messages = empty.error!.issues.map((issue) => issue.message);
    expect(messages).toEqual(["아이디를 입력해 주세요.", "비밀번호를 입력해 주세요."]);
    const long = LoginSchema.safeParse({ loginId: "a".repeat(51), password: "b".repeat(201) });
    expect(long.error!.issues.map((issue) => issue.message)).toEqual(["아이디는 50자 이하입니다.", "비밀번호는 200자 이하입니다."]);
    const missing = LoginSchema.safeParse({ loginId: null });
    expect(missing.error!.issues.map((issue) => issue.message)).toEqual(["아이디를 입력해 주세요.", "비밀번호를 입력해 주세요."]);
  });
});

describe("roles and the session user", () => {
  it("lets editors and admins moderate, not reporters", () => {
    expect(canModerate("reporter")).toBe(false);
    expect(canModerate("editor")).toBe(true);
    expect(canModerate("admin")).toBe(true);
    expect(isRole("owner")).toBe(false);
  });

  it("parses the session JSON strictly", () => {
    expect(parseSessionUser({ id: 3, displayName: "관리자", role: "admin", extra: 1 })).toEqual({ id: 3, displayName: "관리자", role: "admin" });
    expect(parseSessionUser({ id: "3", displayName: "관리자", role: "admin" })).toBeNull();
    expect(parseSessionUser({ id: 3, displayName: "", role: "admin" })).toBeNull();
    expect(parseSessionUser({ id: 3, displayName: "x", role: "root" })).toBeNull();
    expect(parseSessionUser(undefined)).toBeNull();
  });
});
