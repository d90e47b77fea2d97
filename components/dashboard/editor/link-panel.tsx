"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { Editor } from "@tiptap/react";
import { normalizeLinkHref } from "./link-href";

type LinkPanelProps = {
  editor: Editor;
  id: string;
  onClose: () => void;
};

/**
 * The link box under the toolbar (opened by 링크 or Ctrl/⌘+K): the address of the link at the
 * cursor, to change or remove; or a new one for the selected text (or, with nothing selected,
 * inserted as its own text). Only http(s) and mailto addresses; a bare domain gets https://.
 * Not a <form>: the editor sits inside the article form, so Enter is handled here and never
 * submits the article.
 */
export function LinkPanel({ editor, id, onClose }: LinkPanelProps) {
  const [initialHref] = useState(() => (editor.getAttributes("link").href as string | undefined) ?? "");
  const [value, setValue] = useState(initialHref);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const isEditing = initialHref !== "";

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  function apply() {
    const result = normalizeLinkHref(value);
    if (!result.ok) {
      setError(result.message);
      inputRef.current?.focus();
      return;
    }
    const { href } = result;
    if (editor.isActive("link")) {
      editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
    } else if (editor.state.selection.empty) {
      // Nothing selected: the address becomes the link's text, and typing after it is plain text again.
      const text = value.trim().replace(/^mailto:/i, "");
      editor
        .chain()
        .focus()
        .insertContent({ type: "text", text, marks: [{ type: "link", attrs: { href } }] })
        .unsetMark("link")
        .run();
    } else {
      editor.chain().focus().setLink({ href }).run();
    }
    onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onClose();
  }

  function cancel() {
    onClose();
    editor.commands.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    } else if (event.key === "Enter" && event.target === inputRef.current) {
      event.preventDefault();
      apply();
    }
  }

  const inputId = `${id}-href`;
  const errorId = `${id}-error`;
  return (
    <div
      id={id}
      role="group"
      aria-label={isEditing ? "링크 고치기" : "링크 넣기"}
      onKeyDown={onKeyDown}
      className="flex flex-wrap items-center gap-2 border-b border-gray-300 bg-white px-3 py-2 text-sm"
    >
      <label htmlFor={inputId} className="font-semibold text-gray-800">
        링크 주소
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://"
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="min-w-0 flex-1 basis-60 rounded border border-gray-300 px-2 py-1 focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-notice"
      />
      <button type="button" onClick={apply} className="rounded bg-brand-700 px-3 py-1 font-semibold text-white hover:bg-brand-800">
        적용
      </button>
      {isEditing && (
        <button type="button" onClick={remove} className="rounded border border-gray-300 px-3 py-1 text-gray-800 hover:bg-gray-100">
          링크 삭제
        </button>
      )}
      <button type="button" onClick={cancel} className="rounded border border-gray-300 px-3 py-1 text-gray-800 hover:bg-gray-100">
        취소
      </button>
      {error && (
        <p id={errorId} role="alert" className="basis-full text-notice">
          {error}
        </p>
      )}
    </div>
  );
}
