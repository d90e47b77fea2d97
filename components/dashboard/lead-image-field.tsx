"use client";

import Image from "next/image";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { updateImageAltAction, uploadImageAction, type UploadedImage } from "@/lib/actions/media";
import { ACCEPTED_IMAGE_TYPES, MEDIA_ALT_MAX, MEDIA_MAX_BYTES } from "@/lib/media/media-rules";
import { nextImageSrc } from "@/lib/media/media-url";
import { SNIFF_BYTES, sniffImageType } from "@/lib/media/sniff-image-type";
import { MEDIA_MESSAGES } from "@/lib/validations/media";

/**
 * The article form's lead image: pick a file (or drop one on the field), it is uploaded at once
 * through uploadImageAction, previewed, and its id kept in a hidden input (`leadImageId`, ""
 * for none) that the article form sends. "삭제" only takes the picture off the article; the
 * stored picture stays (an article body may show it too).
 *
 * The alt text goes with the upload; changed later, it is saved to the picture on its own
 * (updateImageAltAction, when the field loses focus or Enter is pressed), so the article form
 * needs no field for it. The file and alt inputs have no name: the article form never sends a
 * file, and lives inside that form, so this field has no <form> of its own.
 *
 * Checked here before sending (size, and that the first bytes are a picture), so a wrong file
 * is refused at once; the server checks everything again.
 */
type Props = { initial: UploadedImage | null; name?: string };

type Status = { kind: "idle" } | { kind: "uploading"; fileName: string; size: number } | { kind: "saved"; message: string } | { kind: "error"; message: string };

const UPLOAD_FAILED = "사진을 올리지 못했습니다. 연결을 확인하고 다시 시도해 주세요.";

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)}MB`;
  return `${Math.max(1, Math.round(bytes / 1024))}KB`;
}

/** Why this file cannot be a lead image, before it is sent; null when it may go. */
async function checkBeforeUpload(file: File): Promise<string | null> {
  if (file.size === 0) return MEDIA_MESSAGES.noFile;
  if (file.size > MEDIA_MAX_BYTES) return MEDIA_MESSAGES.tooLarge;
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return sniffImageType(head) ? null : MEDIA_MESSAGES.notImage;
}

export function LeadImageField({ initial, name = "leadImageId" }: Props) {
  const ids = { input: useId(), alt: useId(), altHint: useId(), status: useId(), error: useId() };
  const [image, setImage] = useState<UploadedImage | null>(initial);
  const [alt, setAlt] = useState(initial?.alt ?? "");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [localPreview, setLocalPreview] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [uploading, startUpload] = useTransition();
  const [savingAlt, startAltSave] = useTransition();
  const fileInput = useRef<HTMLInputElement>(null);
  /** The alt text the stored picture has, to save only what changed. */
  const savedAlt = useRef(initial?.alt ?? "");
  const busy = uploading || status.kind === "uploading";

  // The local preview shown while a file uploads is an object URL: let it go when replaced.
  useEffect(() => {
    if (!localPreview) return;
    return () => URL.revokeObjectURL(localPreview);
  }, [localPreview]);

  async function upload(file: File) {
    const refusal = await checkBeforeUpload(file);
    if (refusal) {
      setStatus({ kind: "error", message: refusal });
      return;
    }
    setStatus({ kind: "uploading", fileName: file.name, size: file.size });
    setLocalPreview(URL.createObjectURL(file));
    startUpload(async () => {
      const data = new FormData();
      data.set("file", file);
      data.set("alt", alt);
      let result: Awaited<ReturnType<typeof uploadImageAction>>;
      try {
        result = await uploadImageAction(data);
      } catch {
        result = { ok: false, message: UPLOAD_FAILED };
      }
      setLocalPreview(null);
      if (result.ok) {
        setImage(result.image);
        setAlt(result.image.alt);
        savedAlt.current = result.image.alt;
        setStatus({ kind: "saved", message: "대표 이미지를 올렸습니다." });
      } else {
        setStatus({ kind: "error", message: result.message });
      }
    });
  }

  function chooseFiles(files: FileList | null) {
    const file = files?.[0];
    // One upload at a time: a file picked or dropped meanwhile is ignored.
    if (file && !busy) void upload(file);
    // The same file may be picked again after an error.
    if (fileInput.current) fileInput.current.value = "";
  }

  function remove() {
    setImage(null);
    setAlt("");
    savedAlt.current = "";
    setStatus({ kind: "saved", message: "대표 이미지를 뺐습니다." });
    fileInput.current?.focus();
  }

  function saveAlt() {
    if (!image || alt === savedAlt.current) return;
    const imageId = image.id;
    const text = alt;
    startAltSave(async () => {
      const data = new FormData();
      data.set("id", String(imageId));
      data.set("alt", text);
      let result: Awaited<ReturnType<typeof updateImageAltAction>>;
      try {
        result = await updateImageAltAction(data);
      } catch {
        result = { ok: false, message: "사진 설명을 저장하지 못했습니다. 다시 시도해 주세요." };
      }
      if (result.ok) {
        savedAlt.current = result.image.alt;
        setImage((current) => (current?.id === imageId ? { ...current, alt: result.image.alt } : current));
        setStatus({ kind: "saved", message: "사진 설명을 저장했습니다." });
      } else {
        setStatus({ kind: "error", message: result.message });
      }
    });
  }

  const error = status.kind === "error" ? status.message : null;

  return (
    <div>
      <input type="hidden" name={name} value={image ? String(image.id) : ""} />
      <p className="mb-1 block text-sm font-semibold text-gray-800" id={`${ids.input}-label`}>
        대표 이미지 <span className="font-normal text-gray-500">(JPEG·PNG·WebP·GIF·AVIF, 10MB까지)</span>
      </p>

      <div
        className={`rounded border-2 border-dashed p-3 text-center text-sm ${dragging ? "border-brand-600 bg-brand-50" : "border-gray-300 bg-gray-50"}`}
        onDragEnter={(event) => {
          if (!event.dataTransfer.types.includes("Files")) return;
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes("Files")) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = busy ? "none" : "copy";
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(event) => {
          if (!event.dataTransfer.types.includes("Files")) return;
          event.preventDefault();
          setDragging(false);
          chooseFiles(event.dataTransfer.files);
        }}
      >
        {image || localPreview ? (
          <div className={busy ? "opacity-60" : undefined}>
            {localPreview ? (
              // A picture not yet uploaded: the browser's own copy, shown while it goes.
              // eslint-disable-next-line @next/next/no-img-element
              <img src={localPreview} alt="" className="mx-auto max-h-48 w-auto" />
            ) : (
              image && <Image src={nextImageSrc(image.src)} width={image.width} height={image.height} alt={alt} sizes="20rem" className="mx-auto h-auto max-h-48 w-auto" />
            )}
          </div>
        ) : (
          <p className="py-4 text-gray-600">사진을 여기에 끌어다 놓거나 아래 버튼으로 고르세요.</p>
        )}

        <div className="mt-3 flex flex-wrap items-center justify-center gap-2">
          <input
            ref={fileInput}
            id={ids.input}
            type="file"
            accept={ACCEPTED_IMAGE_TYPES}
            className="peer sr-only"
            aria-disabled={busy || undefined}
            aria-labelledby={`${ids.input}-label ${ids.input}-button`}
            aria-describedby={error ? ids.error : undefined}
            onChange={(event) => chooseFiles(event.currentTarget.files)}
          />
          <label
            htmlFor={ids.input}
            id={`${ids.input}-button`}
            className={`btn-secondary cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 ${busy ? "pointer-events-none opacity-60" : ""}`}
          >
            {image ? "다른 사진 고르기" : "사진 고르기"}
          </label>
          {image && !busy && (
            <button type="button" className="btn-danger" onClick={remove} aria-label="대표 이미지 삭제">
              삭제
            </button>
          )}
        </div>

        {busy && status.kind === "uploading" && (
          <div className="mt-3">
            <progress className="h-2 w-full" aria-labelledby={ids.status} />
          </div>
        )}
      </div>

      <p id={ids.status} role="status" aria-live="polite" className="mt-1 min-h-5 text-sm text-gray-600">
        {status.kind === "uploading" && `사진을 올리는 중입니다… (${status.fileName}, ${formatSize(status.size)})`}
        {status.kind === "saved" && status.message}
        {savingAlt && "사진 설명을 저장하는 중…"}
      </p>
      <p id={ids.error} role="alert" className="text-sm text-red-700">
        {error}
      </p>

      <label htmlFor={ids.alt} className="mt-3 mb-1 block text-sm font-semibold text-gray-800">
        사진 설명 <span className="font-normal text-gray-500">(대체 텍스트)</span>
      </label>
      <input
        id={ids.alt}
        type="text"
        value={alt}
        maxLength={MEDIA_ALT_MAX}
        autoComplete="off"
        className="input"
        aria-describedby={ids.altHint}
        onChange={(event) => setAlt(event.currentTarget.value)}
        onBlur={saveAlt}
        onKeyDown={(event) => {
          // Enter saves the description instead of submitting the article form.
          if (event.key === "Enter" && !event.nativeEvent.isComposing) {
            event.preventDefault();
            saveAlt();
          }
        }}
      />
      <p id={ids.altHint} className="mt-1 text-xs text-gray-500">
        화면을 볼 수 없는 독자에게 읽어 주는 설명입니다. 사진에 무엇이 있는지 {MEDIA_ALT_MAX}자 안에서 적어 주세요.
      </p>
    </div>
  );
}
