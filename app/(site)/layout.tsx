import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";

/**
 * Every public page reads the database at request time (never at build time, when there may
 * be no database at all). Caching by tag comes with the performance work.
 */
export const dynamic = "force-dynamic";

/** The public site: readers' pages, each under the site header and footer. */
export default function PublicSiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
