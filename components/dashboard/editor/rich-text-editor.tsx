"use client";

/**
 * The article body editor (TipTap 3), a client leaf of the dashboard's article form.
 *
 * It makes only the HTML the server keeps (lib/content/sanitize-article-html.ts): paragraphs,
 * h2–h4 (h1 is the title), bold, italic, strike, http(s)/mailto links, bullet and numbered
 * lists, quotes, rules, tables (header row, add/delete rows and columns), code, and images
 * from /media/ only. Images are uploaded with `uploadImageAction` (lib/actions/media.ts) when
 * chosen with the 이미지 button, dropped on the text or pasted; a mark shows where each one
 * will land, the status line says "이미지 올리는 중…" or why it failed, and a selected image
 * shows a box for its alt text (focused right after an upload). Blob, data and remote image
 * URLs never enter the document.
 *
 * Uncontrolled: `initialHtml` is read once (remount with a new `key` to load other HTML);
 * `onChange` gets `editor.getHTML()` after every change (not on mount). An empty body is
 * `<p></p>`. Rendered on the client only (`immediatelyRender: false`); until then a box of the
 * same size stands in.
 *
 * Keyboard: Alt+F10 goes from the text to the toolbar (arrows move along it, Escape goes
 * back); Ctrl/⌘+K opens the link box; TipTap's shortcuts for the rest (shown in the tooltips).
 * The editable area is a labelled textbox (`aria-labelledby={labelId}`, `aria-describedby` and
 * `aria-invalid` when `errorId` is given) with `data-testid="rich-text-editor"`; the file input
 * is `input[type=file][data-testid="editor-image-input"]`; the status line is
 * `data-testid="editor-status"`. Styles: `.article-body` plus the `.rich-text-editor` section
 * of app/globals.css.
 */

import { useCallback, useEffect, useId, useMemo, useRef, useState, type JSX } from "react";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { NodeSelection } from "@tiptap/pm/state";
import { ACCEPTED_IMAGE_TYPES } from "@/lib/media/media-rules";
import { articleEditorExtensions } from "./editor-extensions";
import { EditorShortcuts } from "./editor-shortcuts";
import { EditorToolbar } from "./editor-toolbar";
import { ImageAltPanel, type SelectedImage } from "./image-alt-panel";
import { ImageFileHandler } from "./image-file-handler";
import { LinkPanel } from "./link-panel";
import { UPLOAD_MESSAGES, useImageUploads } from "./use-image-uploads";

export type RichTextEditorProps = {
  /** id of the visible label element, for aria-labelledby on the editable area */
  labelId: string;
  /** stored HTML to start from */
  initialHtml: string;
  /** called with the editor's HTML on every change (debounce not needed) */
  onChange: (html: string) => void;
  /** id of an element with the field's error text, for aria-describedby, or undefined */
  errorId?: string;
};

export function RichTextEditor({ labelId, initialHtml, onChange, errorId }: RichTextEditorProps): JSX.Element {
  const baseId = useId();
  const editorId = `${baseId}-text`;
  const linkPanelId = `${baseId}-link`;
  const imagePanelId = `${baseId}-image`;

  // Read once: the parent passes its latest HTML back in, and reloading it would reset the cursor.
  const [content] = useState(initialHtml);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const toolbarRef = useRef<HTMLDivElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const [linkPanelOpen, setLinkPanelOpen] = useState(false);
  const [focusAlt, setFocusAlt] = useState(false);

  const askAlt = useCallback(() => setFocusAlt(true), []);
  const { pending, notice, uploadImages, showNotice } = useImageUploads({ onAskAlt: askAlt });

  const focusToolbar = useCallback(() => {
    toolbarRef.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
  }, []);

  // Stable across renders, so useEditor never rebuilds the editor (callbacks reach React state through setters).
  const extensions = useMemo(
    () => [
      ...articleEditorExtensions,
      ImageFileHandler.configure({
        onImages: (editor, files, pos) => void uploadImages(editor, files, pos),
        onNotImages: () => showNotice({ tone: "error", text: UPLOAD_MESSAGES.notImage }),
      }),
      EditorShortcuts.configure({ onOpenLink: () => setLinkPanelOpen(true), onFocusToolbar: focusToolbar }),
    ],
    [uploadImages, showNotice, focusToolbar],
  );

  // Changes only with the ids; useEditor then passes the new attributes to the view.
  const editorProps = useMemo(
    () => ({
      attributes: {
        id: editorId,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(errorId ? { "aria-describedby": errorId, "aria-invalid": "true" } : {}),
        "data-testid": "rich-text-editor",
        class: "article-body rich-text-editor-content",
      },
    }),
    [editorId, labelId, errorId],
  );

  const editor = useEditor({
    extensions,
    content,
    editorProps,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    onUpdate: ({ editor: current }) => onChangeRef.current(current.getHTML()),
  });

  const selectedImage = useEditorState({
    editor,
    selector: ({ editor: current }): SelectedImage | null => {
      const selection = current?.state.selection;
      if (!(selection instanceof NodeSelection) || selection.node.type.name !== "image") return null;
      return { pos: selection.from, src: String(selection.node.attrs.src ?? ""), alt: String(selection.node.attrs.alt ?? "") };
    },
  });

  // Clicking back into the text puts the link box away.
  useEffect(() => {
    if (!editor) return;
    const close = () => setLinkPanelOpen(false);
    editor.on("focus", close);
    return () => {
      editor.off("focus", close);
    };
  }, [editor]);

  const onAltFocused = useCallback(() => setFocusAlt(false), []);

  if (!editor) {
    return (
      <div className="rich-text-editor rounded border border-gray-300 bg-white" aria-busy="true">
        <div className="h-[41px] rounded-t border-b border-gray-300 bg-gray-50" />
        <div className="rich-text-editor-loading">편집기를 불러오는 중…</div>
      </div>
    );
  }

  const statusText = pending > 0 ? UPLOAD_MESSAGES.uploading + (pending > 1 ? ` (${pending}장 남음)` : "") : (notice?.text ?? "");

  return (
    <div className="rich-text-editor rounded border border-gray-300 bg-white" data-invalid={errorId ? "true" : undefined}>
      <EditorToolbar
        editor={editor}
        toolbarRef={toolbarRef}
        editorId={editorId}
        linkPanelId={linkPanelId}
        linkPanelOpen={linkPanelOpen}
        onToggleLinkPanel={() => setLinkPanelOpen((open) => !open)}
        onPickImage={() => fileInputRef.current?.click()}
      />
      {linkPanelOpen && <LinkPanel editor={editor} id={linkPanelId} onClose={() => setLinkPanelOpen(false)} />}
      {selectedImage && !linkPanelOpen && (
        <ImageAltPanel
          key={selectedImage.src}
          editor={editor}
          id={imagePanelId}
          image={selectedImage}
          focusNow={focusAlt}
          onFocused={onAltFocused}
        />
      )}
      <div
        role="status"
        aria-live="polite"
        data-testid="editor-status"
        data-tone={pending > 0 ? "info" : notice?.tone}
        className="border-b border-gray-300 px-3 py-1.5 text-sm font-semibold text-brand-700 data-[tone=error]:text-notice empty:border-0 empty:p-0"
      >
        {statusText}
      </div>
      <EditorContent editor={editor} />
      <input
        ref={fileInputRef}
        type="file"
        accept={ACCEPTED_IMAGE_TYPES}
        multiple
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid="editor-image-input"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = "";
          if (files.length > 0) void uploadImages(editor, files, editor.state.selection.to);
        }}
      />
      <p className="rounded-b border-t border-gray-200 bg-gray-50 px-3 py-1 text-xs text-gray-500">
        사진은 끌어다 놓거나 붙여 넣어도 올라갑니다. 서식 도구로 가기: Alt+F10 · 링크: Ctrl+K
      </p>
    </div>
  );
}
