import { NotFoundMessage } from "@/components/site/not-found-message";

/** A missing, unpublished or deleted article has no print view: the site's 404. */
export default function PrintNotFound() {
  return (
    <main id="main" className="print-sheet">
      <NotFoundMessage />
    </main>
  );
}
