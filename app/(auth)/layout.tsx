import Link from "next/link";
import { siteConfig } from "@/lib/site-config";

/**
 * Pages for getting in (login): a plain centred card under the site's name, without the
 * board menu. Per request: the login page reads the session cookie.
 */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-gray-50">
      <header className="border-b-2 border-brand-700 bg-white">
        <div className="mx-auto max-w-5xl px-4 py-4">
          <Link href="/" className="text-2xl font-extrabold tracking-tight text-brand-800">
            {siteConfig.name}
          </Link>
        </div>
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 py-12 sm:py-16">
        <div className="w-full max-w-sm">{children}</div>
      </main>
    </div>
  );
}
