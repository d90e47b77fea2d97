import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";

/**
 * The public site: readers' pages, each under the site header and footer. The layout sets no
 * rendering mode of its own (a `dynamic = "force-dynamic"` here would hold for every page
 * under it): each page says whether it is rendered per request or kept in the cache, and none
 * is rendered at build time, when there may be no database. The header reads no session, so
 * it can be cached with the page.
 */
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
