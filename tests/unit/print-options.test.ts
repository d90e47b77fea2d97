import { describe, expect, it } from "vitest";
import { parsePrintOptions, printViewHref } from "@/lib/print/print-options";

describe("the print view's address", () => {
  it("is /<board>/<id>/print, with comments and autoprint only when on", () => {
    expect(printViewHref("news", 12)).toBe("/news/12/print");
    expect(printViewHref("news", 12, { comments: true })).toBe("/news/12/print?comments=1");
    expect(printViewHref("news", 12, { autoprint: true })).toBe("/news/12/print?autoprint=1");
    expect(printViewHref("news", 12, { comments: true, autoprint: true })).toBe("/news/12/print?comments=1&autoprint=1");
    expect(printViewHref("news", 12, { comments: false })).toBe("/news/12/print");
  });

  it("reads only `1` as on (the first of repeated keys)", () => {
    expect(parsePrintOptions({})).toEqual({ comments: false, autoprint: false });
    expect(parsePrintOptions({ comments: "1", autoprint: "1" })).toEqual({ comments: true, autoprint: true });
    expect(parsePrintOptions({ comments: "true", autoprint: "0" })).toEqual({ comments: false, autoprint: false });
    expect(parsePrintOptions({ comments: ["1", "0"] })).toEqual({ comments: true, autoprint: false });
  });
});
