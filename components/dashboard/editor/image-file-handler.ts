import { Extension, type Editor } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { imageFilesFrom, shouldUploadPastedFiles } from "./clipboard-files";

export type ImageFileHandlerOptions = {
  /** Upload these image files and put them at `pos`. */
  onImages: (editor: Editor, files: File[], pos: number) => void;
  /** Files were dropped, but none of them is an image. */
  onNotImages: () => void;
};

/**
 * Images pasted from the clipboard (a screenshot, a browser's "copy image") or dropped from
 * the desktop go to the upload instead of into the document as data: or blob: URLs. Pasted
 * HTML with text in it (Word, a web page) is pasted as usual; its images are dropped by the
 * image node's parse rule unless they are this site's /media/ images.
 */
export const ImageFileHandler = Extension.create<ImageFileHandlerOptions>({
  name: "imageFileHandler",

  addOptions() {
    return { onImages: () => {}, onNotImages: () => {} };
  },

  addProseMirrorPlugins() {
    const { editor, options } = this;
    return [
      new Plugin({
        key: new PluginKey("imageFileHandler"),
        props: {
          handlePaste(view, event) {
            const data = event.clipboardData;
            if (!data) return false;
            const files = imageFilesFrom(data.files);
            if (!shouldUploadPastedFiles(files, data.getData("text/html"))) return false;
            event.preventDefault();
            // Pasting replaces the selection, as pasting text would.
            if (!view.state.selection.empty) view.dispatch(view.state.tr.deleteSelection());
            options.onImages(editor, files, view.state.selection.from);
            return true;
          },
          handleDrop(view, event, _slice, moved) {
            // Moving an image or text inside the editor is ProseMirror's own business.
            if (moved || !event.dataTransfer || event.dataTransfer.files.length === 0) return false;
            event.preventDefault();
            const files = imageFilesFrom(event.dataTransfer.files);
            if (files.length === 0) {
              options.onNotImages();
              return true;
            }
            const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.to;
            options.onImages(editor, files, pos);
            return true;
          },
        },
      }),
    ];
  },
});
