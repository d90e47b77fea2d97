"use client";

/**
 * The print view's 인쇄 button: opens the browser's print dialog. It needs JavaScript, so it
 * hides without it (the reader prints with the browser's menu or Ctrl+P), and it is never on paper.
 */
export function PrintButton({ className }: { className: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={`${className} no-js:hidden print:hidden`}>
      인쇄
    </button>
  );
}
