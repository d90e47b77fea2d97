"use client";

import { useRouter } from "next/navigation";
import { useLayoutEffect, useRef, useSyncExternalStore } from "react";
import { changeFontStep, resetFontStep } from "./article-font";
import { jumpTo } from "./in-page-link";
import { ShortcutHelpDialog } from "./shortcut-help-dialog";
import { shortcutFor, type ShortcutAction } from "./shortcut-keys";
import { toolbarControlClass } from "./toolbar-styles";

type ArticleShortcutsProps = {
  previousHref: string | null;
  nextHref: string | null;
  printHref: string;
};

// The reader's "단축키 사용" switch, kept like the font size. Only "off" is stored.
const SHORTCUTS_OFF_KEY = "article-shortcuts-off";
const SHORTCUTS_SWITCH_EVENT = "article-shortcuts-switch";

function readShortcutsOn() {
  try {
    return localStorage.getItem(SHORTCUTS_OFF_KEY) === null;
  } catch {
    return true;
  }
}

function saveShortcutsOn(on: boolean) {
  try {
    if (on) localStorage.removeItem(SHORTCUTS_OFF_KEY);
    else localStorage.setItem(SHORTCUTS_OFF_KEY, "1");
  } catch {
    // Storage blocked: the switch holds for this page only.
  }
  window.dispatchEvent(new Event(SHORTCUTS_SWITCH_EVENT));
}

function subscribeToShortcutsSwitch(callback: () => void) {
  window.addEventListener(SHORTCUTS_SWITCH_EVENT, callback);
  return () => window.removeEventListener(SHORTCUTS_SWITCH_EVENT, callback);
}

/** Keys typed into a form field or editable text are the reader's words, not shortcuts. */
const isTypingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.matches("input, textarea, select"));

/**
 * The article page's keyboard shortcuts (list in shortcut-keys.ts), the 단축키 button and
 * the help dialog it opens. The button needs JavaScript, so it is hidden without it; on
 * phones, which have no keyboard to use shortcuts with, it is hidden too.
 */
export function ArticleShortcuts({ previousHref, nextHref, printHref }: ArticleShortcutsProps) {
  const router = useRouter();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const shortcutsOn = useSyncExternalStore(subscribeToShortcutsSwitch, readShortcutsOn, () => true);

  // A layout effect, so the listener is swapped in the same commit that shows the next article:
  // with a passive effect, a key pressed between that commit and the (later, on a busy machine)
  // effect flush reached the previous article's listener, and → went to that article's next.
  useLayoutEffect(() => {
    if (!shortcutsOn) return;
    /** Does what the key asks; false when there is nothing to do (no previous article). */
    const run = (action: ShortcutAction): boolean => {
      switch (action) {
        case "previous":
        case "next": {
          const href = action === "previous" ? previousHref : nextHref;
          if (href) router.push(href);
          return href !== null;
        }
        case "font-up":
          changeFontStep(1);
          return true;
        case "font-down":
          changeFontStep(-1);
          return true;
        case "font-reset":
          resetFontStep();
          return true;
        case "top":
          jumpTo("#top");
          return true;
        case "bottom":
          jumpTo("#page-bottom");
          return true;
        case "comments":
          jumpTo("#comments");
          return true;
        case "print":
          window.location.assign(printHref);
          return true;
        case "help":
          dialogRef.current?.showModal();
          return true;
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      // Ctrl/Alt/⌘ combinations belong to the browser and the system (Ctrl+P prints the page
      // as it is, ⌘+← goes back); Shift is part of "?" and "+". While the help dialog is
      // open, keys are its own (Escape closes it natively).
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (dialogRef.current?.open || isTypingIn(event.target)) return;
      // The switch as stored now: right after a load, hydration renders with the server's
      // snapshot (on) and this listener is live until the stored "off" re-renders it away.
      if (!readShortcutsOn()) return;
      const action = shortcutFor(event);
      if (action && run(action)) event.preventDefault();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [shortcutsOn, previousHref, nextHref, printHref, router]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="dialog"
        onClick={() => dialogRef.current?.showModal()}
        className={`${toolbarControlClass} max-sm:hidden no-js:hidden`}
      >
        단축키
      </button>
      <ShortcutHelpDialog
        ref={dialogRef}
        shortcutsOn={shortcutsOn}
        onShortcutsOnChange={saveShortcutsOn}
        // Back to the button that opens it, also when "?" opened it from elsewhere.
        onClose={() => buttonRef.current?.focus()}
      />
    </>
  );
}
