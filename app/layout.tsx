import type { Metadata, Viewport } from "next";
import { ROOT_INLINE_SCRIPT } from "@/lib/security/inline-scripts";
import { siteConfig } from "@/lib/site-config";
import "./globals.css";

export const metadata: Metadata = {
  // Relative URLs in any page's metadata resolve against the site's public address (SITE_URL).
  metadataBase: new URL(`${siteConfig.url}/`),
  title: { default: siteConfig.name, template: `%s | ${siteConfig.name}` },
  description: siteConfig.description,
  // Defaults for pages that set none; a page's own openGraph replaces this whole object.
  openGraph: { type: "website", siteName: siteConfig.name, locale: siteConfig.locale, title: siteConfig.name, description: siteConfig.description },
  twitter: { card: "summary" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The inline script sets a class and the reader's article font size on <html> before the
    // first paint, so <html> differs from the server's on purpose. The Content-Security-Policy
    // allows it by its hash (lib/security/inline-scripts.ts).
    <html lang="ko" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: ROOT_INLINE_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
