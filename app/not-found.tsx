import { NotFoundMessage } from "@/components/site/not-found-message";

/** Addresses outside every route group (the public site's own 404 sits in app/(site)). */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-16">
      <NotFoundMessage />
    </main>
  );
}
