import { Extension } from "@tiptap/core";

export type EditorShortcutsOptions = {
  /** Ctrl/⌘+K: open the link box. */
  onOpenLink: () => void;
  /** Alt+F10 (as in most word processors and TinyMCE): move focus to the toolbar. */
  onFocusToolbar: () => void;
};

/** Keyboard shortcuts that open parts of the editor's own UI (the formatting keys are TipTap's). */
export const EditorShortcuts = Extension.create<EditorShortcutsOptions>({
  name: "articleEditorShortcuts",

  addOptions() {
    return { onOpenLink: () => {}, onFocusToolbar: () => {} };
  },

  addKeyboardShortcuts() {
    return {
      "Mod-k": () => {
        this.options.onOpenLink();
        return true;
      },
      "Alt-F10": () => {
        this.options.onFocusToolbar();
        return true;
      },
    };
  },
});
