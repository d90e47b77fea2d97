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
      {/* Targets of the article toolbar's 위로 / 아래로 (plain links, so they work without JS). */}
      <div id="top" />
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
      <SiteFooter />
      <div id="page-bottom" />
    </>
  );
}
