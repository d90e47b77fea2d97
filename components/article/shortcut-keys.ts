/**
 * The article page's keyboard shortcuts (after the SketchBook5 skin's ←/→ and its toolbar):
 * which key does what, as the help dialog lists them and as the key listener reads them.
 */

export type ShortcutAction = "previous" | "next" | "font-up" | "font-down" | "font-reset" | "top" | "bottom" | "comments" | "print" | "help";

/** The shortcuts as the help dialog lists them, in its order. */
export const SHORTCUTS: { action: ShortcutAction; keys: string[]; description: string }[] = [
  { action: "previous", keys: ["←"], description: "이전 문서" },
  { action: "next", keys: ["→"], description: "다음 문서" },
  { action: "font-up", keys: ["+", "="], description: "본문 글자 크게" },
  { action: "font-down", keys: ["-"], description: "본문 글자 작게" },
  { action: "font-reset", keys: ["0"], description: "본문 글자 크기 기본으로" },
  { action: "top", keys: ["T"], description: "맨 위로" },
  { action: "bottom", keys: ["B"], description: "맨 아래로" },
  { action: "comments", keys: ["C"], description: "댓글로 가기" },
  { action: "print", keys: ["P"], description: "인쇄" },
  { action: "help", keys: ["?"], description: "단축키 안내 열기" },
];

const BY_KEY = new Map<string, ShortcutAction>([
  ["ArrowLeft", "previous"],
  ["ArrowRight", "next"],
  ["+", "font-up"],
  ["=", "font-up"],
  ["-", "font-down"],
  ["0", "font-reset"],
  ["t", "top"],
  ["b", "bottom"],
  ["c", "comments"],
  ["p", "print"],
  ["?", "help"],
]);

/**
 * Physical keys, for when the key typed no Latin character: the Korean 2-set layout types "ㅅ"
 * on the T key, and an active IME may report "Process".
 */
const BY_CODE = new Map<string, ShortcutAction>([
  ["KeyT", "top"],
  ["KeyB", "bottom"],
  ["KeyC", "comments"],
  ["KeyP", "print"],
  ["Digit0", "font-reset"],
  ["Minus", "font-down"],
  ["Equal", "font-up"],
]);

const PRINTABLE_ASCII = /^[\x20-\x7e]$/;

/** The shortcut a key press asks for, if any (modifier keys and focus are the caller's to check). */
export function shortcutFor(event: Pick<KeyboardEvent, "key" | "code" | "shiftKey">): ShortcutAction | null {
  const byKey = BY_KEY.get(event.key.length === 1 ? event.key.toLowerCase() : event.key);
  if (byKey) return byKey;
  // A key that typed some other ASCII character is that character on the reader's layout
  // (Shift+0 is ")"; on Dvorak the T key types "y"), so it is not a shortcut.
  if (PRINTABLE_ASCII.test(event.key)) return null;
  if (event.code === "Slash" && event.shiftKey) return "help";
  return BY_CODE.get(event.code) ?? null;
}
