import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

/**
 * Where an image being uploaded will go: a "이미지 올리는 중…" mark in the text (a widget
 * decoration, not part of the document, so it is never saved or undone). The decorations are
 * mapped through every edit, so when the upload finishes the image lands where the reporter
 * put it even if they kept typing above it. This is ProseMirror's upload-placeholder pattern.
 */

/** Marks to take away, then marks to put (both at once moves marks). */
type PlaceholderAction = { remove?: string[]; add?: Array<{ id: string; pos: number }> };

const uploadPlaceholderKey = new PluginKey<DecorationSet>("imageUploadPlaceholder");

function placeholderWidget(): HTMLElement {
  const element = document.createElement("span");
  element.className = "rich-text-editor-upload-placeholder";
  element.contentEditable = "false";
  // Its words come from CSS (app/globals.css): the status line above the editor is what is
  // announced, and only one "이미지 올리는 중…" is in the page's text.
  element.setAttribute("aria-hidden", "true");
  return element;
}

export const UploadPlaceholder = Extension.create({
  name: "imageUploadPlaceholder",

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: uploadPlaceholderKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            let next = set.map(tr.mapping, tr.doc);
            const action = tr.getMeta(uploadPlaceholderKey) as PlaceholderAction | undefined;
            const { remove, add } = action ?? {};
            if (remove?.length) next = next.remove(next.find(undefined, undefined, (spec) => remove.includes(spec.id)));
            if (add?.length) next = next.add(tr.doc, add.map(({ id, pos }) => Decoration.widget(pos, placeholderWidget, { id })));
            return next;
          },
        },
        props: {
          decorations(state) {
            return uploadPlaceholderKey.getState(state);
          },
        },
      }),
    ];
  },
});

/** Marks `pos` as the place where each of these uploads will land. */
export function addUploadPlaceholders(tr: Transaction, ids: string[], pos: number): Transaction {
  return tr.setMeta(uploadPlaceholderKey, { add: ids.map((id) => ({ id, pos })) } satisfies PlaceholderAction);
}

/**
 * Removes an upload's mark (done or failed). With `moveOthers`, the batch's marks still
 * waiting move to `moveOthers.pos` (just after the image that was put in), so the next image
 * lands after it and a batch keeps the order the files were chosen in.
 */
export function removeUploadPlaceholder(
  tr: Transaction,
  id: string,
  moveOthers?: { ids: string[]; pos: number },
): Transaction {
  const others = moveOthers?.ids ?? [];
  return tr.setMeta(uploadPlaceholderKey, {
    remove: [id, ...others],
    add: others.map((other) => ({ id: other, pos: moveOthers!.pos })),
  } satisfies PlaceholderAction);
}

/** Where an upload's mark is now, or null if the text around it was deleted. */
export function findUploadPlaceholder(state: EditorState, id: string): number | null {
  const set = uploadPlaceholderKey.getState(state);
  const found = set?.find(undefined, undefined, (spec) => spec.id === id);
  return found && found.length > 0 ? found[0].from : null;
}
