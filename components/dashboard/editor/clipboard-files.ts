/**
 * Which pasted or dropped files the editor uploads as images. Pure helpers, so they can be
 * unit-tested without a browser.
 */

/** Image files among a paste's or a drop's files (other files are ignored). */
export function imageFilesFrom(files: ArrayLike<File> | null | undefined): File[] {
  return Array.from(files ?? []).filter((file) => file.type.startsWith("image/"));
}

/**
 * Whether pasted HTML carries text a reporter meant to paste. Word, Excel and Hangul put a
 * picture of the copied selection on the clipboard next to its HTML; then the text is what was
 * meant, and the picture must not be uploaded. A browser's "copy image" puts an <img> alone in
 * the HTML: no text, so the file is uploaded.
 */
export function htmlHasVisibleText(html: string): boolean {
  const text = html
    .replace(/<(style|script|head|title)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;|&#160;|&#xa0;/gi, "");
  return text.trim() !== "";
}

/** Whether a paste should upload its image files rather than paste its HTML or text. */
export function shouldUploadPastedFiles(files: File[], html: string): boolean {
  return files.length > 0 && !htmlHasVisibleText(html);
}
