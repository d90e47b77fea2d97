import { describe, expect, it } from "vitest";
import { MEDIA_MAX_BYTES } from "@/lib/media/media-rules";
import { firstMediaMessage, MEDIA_MESSAGES, normalizeAltText, UpdateImageAltSchema, UploadImageSchema, uploadImageFormInput } from "@/lib/validations/media";

const form = (entries: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.set(name, value);
  return data;
};
const parseUpload = (data: FormData) => {
  const result = UploadImageSchema.safeParse(uploadImageFormInput(data));
  return result.success ? { ok: true as const, data: result.data } : { ok: false as const, message: firstMediaMessage(result.error) };
};
const file = (size: number, name = "a.jpg") => new File([new Uint8Array(size)], name, { type: "image/jpeg" });

describe("the upload schema", () => {
  it("takes a file and optional alt text, normalized", () => {
    const parsed = parseUpload(form({ file: file(10), alt: "  인천항의\n  \u200B아침  " }));
    expect(parsed.ok && parsed.data.alt).toBe("인천항의 아침");
    const withoutAlt = parseUpload(form({ file: file(10) }));
    expect(withoutAlt.ok && withoutAlt.data.alt).toBe("");
  });

  it("asks for a file when there is none, or an empty one, or a string", () => {
    expect(parseUpload(form({}))).toEqual({ ok: false, message: MEDIA_MESSAGES.noFile });
    expect(parseUpload(form({ file: file(0, "") }))).toEqual({ ok: false, message: MEDIA_MESSAGES.noFile });
    expect(parseUpload(form({ file: "photo.jpg" }))).toEqual({ ok: false, message: MEDIA_MESSAGES.noFile });
  });

  it("takes exactly 10 MB and refuses one byte more", () => {
    expect(parseUpload(form({ file: file(MEDIA_MAX_BYTES) })).ok).toBe(true);
    expect(parseUpload(form({ file: file(MEDIA_MAX_BYTES + 1) }))).toEqual({ ok: false, message: "사진 파일은 10MB까지 올릴 수 있습니다." });
  });

  it("alt text is at most 200 characters, counted after normalizing", () => {
    expect(parseUpload(form({ file: file(10), alt: "가".repeat(200) })).ok).toBe(true);
    expect(parseUpload(form({ file: file(10), alt: `  ${"가".repeat(200)}  ` })).ok).toBe(true);
    expect(parseUpload(form({ file: file(10), alt: "가".repeat(201) }))).toEqual({ ok: false, message: MEDIA_MESSAGES.altTooLong });
  });

  it("changing alt text needs a picture id", () => {
    expect(UpdateImageAltSchema.safeParse({ id: "12", alt: " 설명 " }).data).toEqual({ id: 12, alt: "설명" });
    expect(UpdateImageAltSchema.safeParse({ id: "0", alt: "" }).success).toBe(false);
    expect(UpdateImageAltSchema.safeParse({ id: null, alt: "" }).success).toBe(false);
  });

  it("alt text is one line of NFC text", () => {
    expect(normalizeAltText("\u1100\u1161\u11a8 사진")).toBe("각 사진");
    expect(normalizeAltText("a\u202Eb\tc\r\nd")).toBe("a b c d");
  });
});
