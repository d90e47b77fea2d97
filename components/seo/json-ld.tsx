import { serializeJsonLd } from "@/lib/seo/article-seo";

/** Structured data for search engines, as a `<script type="application/ld+json">` escaped so no value can end the script. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
