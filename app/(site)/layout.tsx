import { SiteFrame } from "@/components/site/site-frame";
import { SiteHeader } from "@/components/site/site-header";

/**
 * The public site: readers' pages, each under the site header and footer. The layout sets no
 * rendering mode of its own (a `dynamic = "force-dynamic"` here would hold for every page
 * under it): each page says whether it is rendered per request or kept in the cache, and none
 * is rendered at build time, when there may be no database. The header reads no session, so
 * it can be cached with the page.
 */
export default function PublicSiteLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame header={<SiteHeader />}>{children}</SiteFrame>;
}
