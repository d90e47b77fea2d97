import type { ReactNode } from "react";

/** The toolbar's pictures: 24-unit line drawings in the text colour, hidden from screen readers (the buttons are labelled). */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

export const toolbarIcons = {
  link: (
    <Icon>
      <path d="M10 14a4.5 4.5 0 0 0 6.4 0l3.2-3.2a4.5 4.5 0 0 0-6.4-6.4L11.8 5.8" />
      <path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3.2 3.2a4.5 4.5 0 0 0 6.4 6.4l1.4-1.4" />
    </Icon>
  ),
  bulletList: (
    <Icon>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <circle cx="4.5" cy="6" r="1" fill="currentColor" />
      <circle cx="4.5" cy="12" r="1" fill="currentColor" />
      <circle cx="4.5" cy="18" r="1" fill="currentColor" />
    </Icon>
  ),
  orderedList: (
    <Icon>
      <path d="M10 6h10M10 12h10M10 18h10" />
      <path d="M4 4.5 5.5 4v4" strokeWidth="1.5" />
      <path d="M4 11h2.5L4 14.5h2.5" strokeWidth="1.5" />
      <path d="M4 17h2.5l-1.2 1.5a1.2 1.2 0 1 1-1.3 1.5" strokeWidth="1.5" />
    </Icon>
  ),
  blockquote: (
    <Icon>
      <path d="M4 5v14" strokeWidth="3" />
      <path d="M9 7h11M9 12h11M9 17h7" />
    </Icon>
  ),
  horizontalRule: (
    <Icon>
      <path d="M3 12h18" />
      <path d="M7 6h10M7 18h10" strokeWidth="1.5" opacity="0.45" />
    </Icon>
  ),
  image: (
    <Icon>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <circle cx="8.5" cy="10" r="1.5" />
      <path d="m21 16-5-5-9 8" />
    </Icon>
  ),
  table: (
    <Icon>
      <rect x="3" y="4" width="18" height="16" rx="1.5" />
      <path d="M3 9.5h18M3 14.8h18M9 9.5V20M15 9.5V20" />
    </Icon>
  ),
  undo: (
    <Icon>
      <path d="M9 14 4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </Icon>
  ),
  redo: (
    <Icon>
      <path d="m15 14 5-5-5-5" />
      <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
    </Icon>
  ),
} as const;
