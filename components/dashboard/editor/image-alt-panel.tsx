"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { Editor } from "@tiptap/react";
import { MEDIA_ALT_MAX } from "@/lib/media/media-rules";

export type SelectedImage = { pos: number; src: string; alt: string };

type ImageAltPanelProps = {
  editor: Editor;
  id: string;
  image: SelectedImage;
  /** Focus the alt box as soon as it shows (right after an upload). */
  focusNow: boolean;
  onFocused: () => void;
};

/** Alt text as the media store keeps it: one line, single spaces. */
const cleanAlt = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Shown while an image is selected in the text (click it, or right after it was uploaded):
 * its description for screen readers (alt), and a way to take it out. Keyed by the image's src
 * (unique per upload), not its position, so text typed here survives an upload landing above.
 */
export function ImageAltPanel({ editor, id, image, focusNow, onFocused }: ImageAltPanelProps) {
  const [value, setValue] = useState(image.alt);
  const [saved, setSaved] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!focusNow) return;
    inputRef.current?.focus();
    onFocused();
  }, [focusNow, onFocused]);

  /** Whether `image.pos` still holds this image (an upload may have landed meanwhile and re-rendered us). */
  const stillThere = () => {
    const node = editor.state.doc.nodeAt(image.pos);
    return node?.type.name === "image" && node.attrs.src === image.src;
  };

  /** Button and Enter: apply and go back to the text. Leaving the box: apply, focus stays where it went. */
  function apply({ backToText }: { backToText: boolean }) {
    if (!stillThere()) return;
    const alt = cleanAlt(value);
    if (alt === image.alt && !backToText) return;
    if (alt !== image.alt) {
      const chain = backToText ? editor.chain().focus() : editor.chain();
      chain.setNodeSelection(image.pos).updateAttributes("image", { alt }).run();
    } else if (backToText) {
      editor.commands.focus();
    }
    setValue(alt);
    setSaved(true);
  }

  function removeImage() {
    if (!stillThere()) return;
    editor.chain().focus().setNodeSelection(image.pos).deleteSelection().run();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      editor.commands.focus();
    } else if (event.key === "Enter" && event.target === inputRef.current) {
      event.preventDefault();
      apply({ backToText: true });
    }
  }

  const inputId = `${id}-alt`;
  const hintId = `${id}-hint`;
  return (
    <div
      id={id}
      role="group"
      aria-label="선택한 이미지"
      onKeyDown={onKeyDown}
      className="flex flex-wrap items-center gap-2 border-b border-gray-300 bg-white px-3 py-2 text-sm"
    >
      <label htmlFor={inputId} className="font-semibold text-gray-800">
        사진 설명(대체 텍스트)
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        autoComplete="off"
        maxLength={MEDIA_ALT_MAX}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setSaved(false);
        }}
        onBlur={() => apply({ backToText: false })}
        aria-describedby={hintId}
        className="min-w-0 flex-1 basis-60 rounded border border-gray-300 px-2 py-1 focus:border-brand-600 focus:outline-none"
      />
      <button type="button" onClick={() => apply({ backToText: true })} className="rounded bg-brand-700 px-3 py-1 font-semibold text-white hover:bg-brand-800">
        설명 적용
      </button>
      <button type="button" onClick={removeImage} className="rounded border border-gray-300 px-3 py-1 text-gray-800 hover:bg-gray-100">
        이미지 빼기
      </button>
      <p id={hintId} aria-live="polite" className="basis-full text-xs text-gray-500">
        {saved ? "사진 설명을 적용했습니다." : "화면 낭독기가 사진 대신 읽는 글입니다. 사진에 무엇이 있는지 짧게 적어 주세요."}
      </p>
    </div>
  );
}
