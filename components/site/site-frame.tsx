import { SiteFooter } from "./site-footer";

/**
 * The public site's page frame: header, main column and footer, with the targets of the article
 * toolbar's 위로 / 아래로 (plain links, so they work without JS). The header comes in as a
 * slot: the site's own reads the boards menu from the database; the benchmark's control pages
 * (app/(bench)) pass the same header with a fixed menu.
 */
export function SiteFrame({ header, children }: { header: React.ReactNode; children: React.ReactNode }) {
  return (
    <>
      <div id="top" />
      {header}
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
      <SiteFooter />
      <div id="page-bottom" />
    </>
  );
}
