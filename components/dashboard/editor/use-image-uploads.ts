"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Editor } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { NodeSelection, type Transaction } from "@tiptap/pm/state";
import { insertPoint } from "@tiptap/pm/transform";
import { uploadImageAction, type UploadedImage, type UploadImageResult } from "@/lib/actions/media";
import { MEDIA_MAX_BYTES } from "@/lib/media/media-rules";
import { imageFilesFrom } from "./clipboard-files";
import { imageDimension, mediaImagePath } from "./media-image";
import { addUploadPlaceholders, findUploadPlaceholder, removeUploadPlaceholder } from "./upload-placeholder";

export const UPLOAD_MESSAGES = {
  uploading: "이미지 올리는 중…",
  notImage: "이미지 파일만 넣을 수 있습니다.",
  tooLarge: `사진 파일은 ${MEDIA_MAX_BYTES / 1024 / 1024}MB까지 올릴 수 있습니다.`,
  failed: "이미지를 올리지 못했습니다. 파일이 너무 크거나 연결이 끊겼을 수 있습니다. 잠시 후 다시 시도해 주세요.",
  placeGone: "이미지를 넣을 자리가 지워져서 올린 이미지를 넣지 않았습니다.",
  insertedAskAlt: "이미지를 넣었습니다. 아래 칸에 사진 설명(대체 텍스트)을 적어 주세요.",
  insertedHint: "이미지를 넣었습니다. 이미지를 누르면 사진 설명(대체 텍스트)을 적을 수 있습니다.",
} as const;

export type UploadNotice = { tone: "info" | "error"; text: string };

type UseImageUploadsOptions = {
  /** An uploaded image was put in and selected, the reporter having done nothing meanwhile: ask for its alt text. */
  onAskAlt: () => void;
};

/**
 * Uploading images into the editor: each file goes to `uploadImageAction` (one at a time, in
 * the order chosen), a placeholder marks where it will land, and the result is put there as
 * <img src width height alt>. Only the /media/ address the server returns ever enters the
 * document: never a blob: or data: URL. `pending` and `notice` feed the status line.
 */
export function useImageUploads({ onAskAlt }: UseImageUploadsOptions) {
  const [pending, setPending] = useState(0);
  const [notice, setNotice] = useState<UploadNotice | null>(null);
  const nextId = useRef(0);
  const onAskAltRef = useRef(onAskAlt);
  useEffect(() => {
    onAskAltRef.current = onAskAlt;
  }, [onAskAlt]);

  const uploadImages = useCallback(async (editor: Editor, chosen: File[], pos: number) => {
    const images = imageFilesFrom(chosen);
    if (images.length === 0) {
      setNotice({ tone: "error", text: UPLOAD_MESSAGES.notImage });
      return;
    }
    const errors: string[] = [];
    const files = images.filter((file) => {
      if (file.size <= MEDIA_MAX_BYTES) return true;
      errors.push(`${file.name}: ${UPLOAD_MESSAGES.tooLarge}`);
      return false;
    });
    if (files.length === 0 || editor.isDestroyed) {
      setNotice({ tone: "error", text: errors.join(" ") });
      return;
    }

    const ids = files.map(() => `upload-${++nextId.current}`);
    editor.view.dispatch(addUploadPlaceholders(editor.state.tr, ids, clampPos(editor, pos)));
    setPending((count) => count + files.length);
    setNotice(null);

    // The document as the last step of this batch left it: if it is still the same when the
    // next image arrives, the reporter has not touched the editor, and the new image may take
    // the selection (so the alt box can ask about it) without getting in their way.
    let untouchedDoc = editor.state.doc;
    let askedAlt = false;
    let inserted = 0;

    for (const [index, file] of files.entries()) {
      const result = await upload(file);
      setPending((count) => count - 1);
      if (editor.isDestroyed) return;

      const id = ids[index];
      const at = findUploadPlaceholder(editor.state, id);
      const tr = editor.state.tr;
      if (!result.ok || at === null) {
        const message = result.ok ? UPLOAD_MESSAGES.placeGone : result.message;
        errors.push(files.length > 1 ? `${file.name}: ${message}` : message);
        editor.view.dispatch(removeUploadPlaceholder(tr, id));
        continue;
      }

      const node = editor.schema.nodes.image.create(imageAttributes(result.image));
      const imagePos = insertBlock(tr, at, node);
      if (imagePos === null) {
        errors.push(UPLOAD_MESSAGES.placeGone);
        editor.view.dispatch(removeUploadPlaceholder(tr, id));
        continue;
      }
      removeUploadPlaceholder(tr, id, { ids: ids.slice(index + 1), pos: imagePos + node.nodeSize });
      // Not while the reporter types somewhere else (the alt box of the batch's previous image).
      const selectIt = editor.state.doc === untouchedDoc && !typingInAField();
      if (selectIt) tr.setSelection(NodeSelection.create(tr.doc, imagePos));
      editor.view.dispatch(tr.scrollIntoView());
      untouchedDoc = editor.state.doc;
      inserted += 1;
      askedAlt = selectIt;
    }

    if (errors.length > 0) setNotice({ tone: "error", text: errors.join(" ") });
    else if (inserted > 0) setNotice({ tone: "info", text: askedAlt ? UPLOAD_MESSAGES.insertedAskAlt : UPLOAD_MESSAGES.insertedHint });
    if (askedAlt && errors.length === 0) onAskAltRef.current();
  }, []);

  const showNotice = useCallback((next: UploadNotice | null) => setNotice(next), []);

  return { pending, notice, uploadImages, showNotice };
}

/** One file through the server action; a thrown error (network, body too large) becomes a message. */
async function upload(file: File): Promise<UploadImageResult> {
  const formData = new FormData();
  formData.set("file", file);
  try {
    const result = await uploadImageAction(formData);
    if (result.ok && !mediaImagePath(result.image.src)) return { ok: false, message: UPLOAD_MESSAGES.failed };
    return result;
  } catch {
    return { ok: false, message: UPLOAD_MESSAGES.failed };
  }
}

function imageAttributes(image: UploadedImage) {
  return {
    src: image.src,
    alt: image.alt ?? "",
    width: imageDimension(image.width),
    height: imageDimension(image.height),
  };
}

function typingInAField(): boolean {
  const active = document.activeElement;
  return active instanceof HTMLTextAreaElement || (active instanceof HTMLInputElement && active.type !== "file");
}

function clampPos(editor: Editor, pos: number): number {
  return Math.max(0, Math.min(pos, editor.state.doc.content.size));
}

/**
 * Puts a block node (the image) at `pos`, or as near as the document allows: an empty
 * paragraph there is replaced; at the start or end of a paragraph it goes before or after it;
 * in the middle of one, the paragraph is split around it. Returns where the node went.
 */
function insertBlock(tr: Transaction, pos: number, node: ProseMirrorNode): number | null {
  const $pos = tr.doc.resolve(pos);
  const parent = $pos.parent;
  if (parent.isTextblock && parent.content.size === 0 && $pos.depth > 0) {
    const container = $pos.node(-1);
    if (container.canReplaceWith($pos.index(-1), $pos.indexAfter(-1), node.type)) {
      tr.replaceWith($pos.before(), $pos.after(), node);
      return $pos.before();
    }
  }
  let point = insertPoint(tr.doc, pos, node.type);
  if (point === null && parent.isTextblock && $pos.depth > 0) {
    tr.split(pos);
    point = insertPoint(tr.doc, pos + 1, node.type);
  }
  if (point === null) return null;
  tr.insert(point, node);
  return point;
}
