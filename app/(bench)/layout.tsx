import { SiteFrame } from "@/components/site/site-frame";
import { SiteHeaderView } from "@/components/site/site-header";
import { CONTROL_BOARDS_MENU } from "./bench/control-list";

/**
 * The benchmark's control pages (`npm run bench`, scripts/bench.ts): the public site's frame
 * and header, with the boards menu of the seeded site as a fixed list, so these pages touch no
 * database (the site's own layout, app/(site)/layout.tsx, reads the menu from it).
 */
export default function BenchControlLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame header={<SiteHeaderView boards={CONTROL_BOARDS_MENU} />}>{children}</SiteFrame>;
}
