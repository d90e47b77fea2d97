"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import {
  ARTICLE_FONT_SIZES,
  DEFAULT_FONT_STEP,
  changeFontStep,
  currentFontStep,
  resetFontStep,
  subscribeToFontStep,
} from "./article-font";
import { toolbarControlClass, toolbarControlDisabledClass } from "./toolbar-styles";

const stepLabel = (step: number) => `글자 크기 ${step + 1}/${ARTICLE_FONT_SIZES.length}단계`;

/**
 * 크게 / 작게 / 기본 for the article body text. They need JavaScript, so they are hidden
 * until the inline script in the root layout marks the page as scripted (`no-js:hidden`).
 * At the ends the buttons stay focusable (aria-disabled, not disabled) so a keyboard user
 * pressing 크게 repeatedly does not lose focus when the largest size is reached.
 */
export function FontSizeControls() {
  const step = useSyncExternalStore(subscribeToFontStep, currentFontStep, () => DEFAULT_FONT_STEP);
  // Spoken only after a change (by these buttons or the keyboard shortcuts), not on load.
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => subscribeToFontStep(() => setAnnouncement(stepLabel(currentFontStep()))), []);

  const atSmallest = step === 0;
  const atLargest = step === ARTICLE_FONT_SIZES.length - 1;
  const button = (label: string, text: string, disabled: boolean, onClick: () => void) => (
    <button
      type="button"
      aria-label={label}
      aria-disabled={disabled || undefined}
      onClick={disabled ? undefined : onClick}
      className={disabled ? toolbarControlDisabledClass : toolbarControlClass}
    >
      {text}
    </button>
  );

  return (
    <div role="group" aria-label="본문 글자 크기" className="flex gap-1 no-js:hidden">
      {button("글자 크게", "크게", atLargest, () => changeFontStep(1))}
      {button("글자 작게", "작게", atSmallest, () => changeFontStep(-1))}
      {button("글자 크기 기본", "기본", false, resetFontStep)}
      <span role="status" className="sr-only">
        {announcement}
      </span>
    </div>
  );
}
