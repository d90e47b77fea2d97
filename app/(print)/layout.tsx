import "./print-view.css";

/**
 * Print views (/<board>/<id>/print): no site header, menu, toolbar, list or footer, only the
 * sheet (and, on screen, the bar above it). The paper size, margins and page numbers are in
 * app/globals.css (@page), shared with printing the article page itself.
 */
export default function PrintLayout({ children }: { children: React.ReactNode }) {
  return <div className="print-view">{children}</div>;
}
