"use client";

import { useEffect } from "react";

const WARNING = "저장하지 않은 내용이 있습니다. 이 페이지를 떠날까요?";

/**
 * Asks before leaving while `isDirty()` says there are unsaved changes: the browser's own
 * prompt on reload, close and typed addresses (beforeunload), and a confirm() for links inside
 * the app, which Next follows without unloading the page.
 */
export function useUnsavedChangesWarning(isDirty: () => boolean): void {
  useEffect(() => {
    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (!isDirty()) return;
      event.preventDefault();
      event.returnValue = "";
    }
    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
      if (link.origin !== window.location.origin || (link.pathname === window.location.pathname && link.hash)) return;
      if (isDirty() && !window.confirm(WARNING)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    }
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [isDirty]);
}
