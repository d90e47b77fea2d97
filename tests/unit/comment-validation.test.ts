import { describe, expect, it } from "vitest";
import {
  commentFieldErrors,
  commentFormInput,
  CreateGuestCommentSchema,
  CreateMemberCommentSchema,
  DeleteCommentSchema,
  EditCommentSchema,
  EditGuestCommentSchema,
  normalizeCommentBody,
  normalizeGuestName,
} from "@/lib/validations/comment";

const guest = (overrides: Partial<Record<string, string>> = {}) => ({
  postId: "12",
  parentId: "",
  commentId: "",
  body: "좋은 기사입니다.",
  guestName: "독자",
  password: "1234",
  ...overrides,
});

const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : commentFieldErrors(result.error as Parameters<typeof commentFieldErrors>[0]);

describe("the comment schema", () => {
  it("accepts a guest comment and gives numbers and normalized text", () => {
    const parsed = CreateGuestCommentSchema.parse(guest({ body: "  첫 줄\r\n둘째 줄  \r\n\r\n\r\n\r\n넷째  ", guestName: "  홍  길동 " }));
    expect(parsed).toEqual({ postId: 12, parentId: null, body: "첫 줄\n둘째 줄\n\n넷째", guestName: "홍 길동", password: "1234" });
    expect(CreateGuestCommentSchema.parse(guest({ parentId: "7" })).parentId).toBe(7);
  });

  it("says in Korean what is wrong with each field", () => {
    expect(errorsOf(CreateGuestCommentSchema.safeParse(guest({ body: " \n\t " })))).toEqual({ body: ["댓글 내용을 입력해 주세요."] });
    expect(errorsOf(CreateGuestCommentSchema.safeParse(guest({ body: "가".repeat(2001) })))).toEqual({ body: ["댓글은 2,000자까지 쓸 수 있습니다."] });
    expect(errorsOf(CreateGuestCommentSchema.safeParse(guest({ guestName: "   " })))).toEqual({ guestName: ["이름을 입력해 주세요."] });
    expect(errorsOf(CreateGuestCommentSchema.safeParse(guest({ guestName: "가".repeat(21) })))).toEqual({ guestName: ["이름은 20자까지 쓸 수 있습니다."] });
    expect(errorsOf(CreateGuestCommentSchema.safeParse(guest({ guestName: "관 리 자" })))).toEqual({ guestName: ["사용할 수 없는 이름입니다."] });
    expect(errorsOf(CreateGuestCommentSchema.safeParse(guest({ password: "" })))).toEqual({ password: ["비밀번호를 입력해 주세요."] });
    expect(errorsOf(CreateGuestCommentSchema.safeParse(guest({ password: "123" })))).toEqual({ password: ["비밀번호는 4자 이상 입력해 주세요."] });
    expect(errorsOf(CreateGuestCommentSchema.safeParse(guest({ password: "x".repeat(65) })))).toEqual({ password: ["비밀번호는 64자까지 입력할 수 있습니다."] });
    expect(errorsOf(CreateGuestCommentSchema.safeParse(guest({ body: "", guestName: "", password: "" })))).toEqual({
      body: ["댓글 내용을 입력해 주세요."],
      guestName: ["이름을 입력해 주세요."],
      password: ["비밀번호를 입력해 주세요."],
    });
  });

  it("takes exactly 1 to 2,000 characters of body after trimming", () => {
    expect(CreateGuestCommentSchema.safeParse(guest({ body: "가" })).success).toBe(true);
    expect(CreateGuestCommentSchema.safeParse(guest({ body: ` ${"가".repeat(2000)} ` })).success).toBe(true);
    expect(CreateGuestCommentSchema.safeParse(guest({ body: "가".repeat(2001) })).success).toBe(false);
  });

  it("takes passwords exactly as typed", () => {
    expect(CreateGuestCommentSchema.parse(guest({ password: " 12 34 " })).password).toBe(" 12 34 ");
    expect(CreateGuestCommentSchema.safeParse(guest({ password: "x".repeat(64) })).success).toBe(true);
  });

  it("refuses ids that are not positive whole numbers", () => {
    for (const postId of ["", "0", "-1", "1.5", "1e3", "abc", "9999999999"]) {
      const result = CreateGuestCommentSchema.safeParse(guest({ postId }));
      expect(result.success, postId).toBe(false);
      expect(errorsOf(result)).toEqual({});
    }
    expect(CreateGuestCommentSchema.safeParse(guest({ parentId: "x" })).success).toBe(false);
  });

  it("has a member variant without name and password", () => {
    expect(CreateMemberCommentSchema.parse({ postId: "3", parentId: "", body: "회원 댓글", guestName: "", password: "" })).toEqual({
      postId: 3,
      parentId: null,
      body: "회원 댓글",
    });
  });

  it("has edit and delete variants: the password only required where the form knows it is a guest's", () => {
    expect(EditCommentSchema.parse({ commentId: "5", body: "고친 글", password: "" })).toEqual({ commentId: 5, body: "고친 글", password: "" });
    expect(errorsOf(EditGuestCommentSchema.safeParse({ commentId: "5", body: "고친 글", password: "" }))).toEqual({ password: ["비밀번호를 입력해 주세요."] });
    expect(errorsOf(EditCommentSchema.safeParse({ commentId: "5", body: "", password: "" }))).toEqual({ body: ["댓글 내용을 입력해 주세요."] });
    expect(DeleteCommentSchema.parse({ commentId: "5", password: "abcd" })).toEqual({ commentId: 5, password: "abcd" });
  });
});

describe("normalization", () => {
  it("removes control characters, bidi overrides and NUL (PostgreSQL refuses NUL in text)", () => {
    expect(normalizeCommentBody("a\u0000b\u202Ec\u0007d\te")).toBe("abcd\te");
    expect(normalizeGuestName("관\u200B리\u200D자")).toBe("관리자");
  });

  it("composes Hangul typed on a Mac (NFD) into ordinary syllables", () => {
    const decomposed = "한글".normalize("NFD");
    expect(decomposed).not.toBe("한글");
    expect(normalizeCommentBody(decomposed)).toBe("한글");
    expect(normalizeGuestName(decomposed)).toBe("한글");
  });
});

describe("reading a submitted form", () => {
  it("takes the comment fields as strings and leaves the framework's fields out", () => {
    const data = new FormData();
    data.set("postId", "1");
    data.set("body", "본문");
    data.set("$ACTION_ID_abc", "");
    data.set("password", new File(["x"], "x.txt"));
    expect(commentFormInput(data)).toEqual({ postId: "1", parentId: "", commentId: "", body: "본문", guestName: "", password: "" });
  });
});
