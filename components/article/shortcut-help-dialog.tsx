"use client";

import type { KeyboardEvent, Ref } from "react";
import { SHORTCUTS } from "./shortcut-keys";
import { toolbarControlClass } from "./toolbar-styles";

type ShortcutHelpDialogProps = {
  ref: Ref<HTMLDialogElement>;
  shortcutsOn: boolean;
  onShortcutsOnChange: (on: boolean) => void;
  onClose: () => void;
};

const FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/**
 * Tab and Shift+Tab go round the dialog's controls. A modal <dialog> makes the page behind it
 * inert, but browsers still let Tab leave it for their own toolbar; this keeps it inside.
 */
function keepTabInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== "Tab") return;
  const focusable = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
  if (focusable.length === 0) return;
  const index = focusable.indexOf(document.activeElement as HTMLElement);
  if (event.shiftKey && index <= 0) {
    event.preventDefault();
    focusable[focusable.length - 1].focus();
  } else if (!event.shiftKey && (index === -1 || index === focusable.length - 1)) {
    event.preventDefault();
    focusable[0].focus();
  }
}

/**
 * 단축키 안내: every shortcut, and a switch to turn them all off (WCAG 2.1.4 / KWCAG 2.2
 * "문자 단축키": single-key shortcuts must be possible to turn off, e.g. for speech input).
 * Opened with showModal() by ArticleShortcuts; Escape, 닫기 and a click on the backdrop close it.
 */
export function ShortcutHelpDialog({ ref, shortcutsOn, onShortcutsOnChange, onClose }: ShortcutHelpDialogProps) {
  return (
    // The dialog itself is only hit by clicks on the backdrop: its content fills it.
    <dialog
      ref={ref}
      aria-labelledby="shortcut-help-title"
      onClose={onClose}
      onKeyDown={keepTabInside}
      onClick={(event) => {
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-gray-300 bg-white p-0 text-gray-900 shadow-xl backdrop:bg-gray-900/50"
    >
      <div className="p-5">
        <div className="flex items-center justify-between gap-4 border-b-2 border-gray-800 pb-3">
          <h2 id="shortcut-help-title" className="text-lg font-bold">
            단축키 안내
          </h2>
          <form method="dialog">
            <button type="submit" className={toolbarControlClass}>
              닫기
            </button>
          </form>
        </div>
        <dl className="mt-1 divide-y divide-gray-100 text-[15px]">
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.action} className="grid grid-cols-[7rem_1fr] items-center py-1.5">
              <dt className="text-gray-500">
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && " 또는 "}
                    <kbd className="inline-block min-w-7 rounded border border-b-2 border-gray-300 bg-gray-50 px-1.5 py-0.5 text-center font-sans text-[13px] font-semibold text-gray-800">
                      {key}
                    </kbd>
                  </span>
                ))}
              </dt>
              <dd className="text-gray-800">{shortcut.description}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-[13px] leading-relaxed text-gray-600">
          입력 칸에 글을 쓰는 중이거나 Ctrl, Alt, ⌘ 키를 누르고 있을 때는 동작하지 않습니다.
        </p>
        <label className="mt-3 flex min-h-11 items-center gap-2 rounded border border-gray-200 bg-gray-50 px-3 text-sm font-medium sm:min-h-9">
          <input
            type="checkbox"
            checked={shortcutsOn}
            onChange={(event) => onShortcutsOnChange(event.target.checked)}
            className="size-4 accent-brand-600"
          />
          단축키 사용
        </label>
      </div>
    </dialog>
  );
}
