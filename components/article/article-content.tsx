import { ArticleImage } from "@/components/media/article-image";
import type { UploadedImage } from "@/lib/data/media";

/**
 * What is under an article's headline: the lead image, the body and the tags. Shared by the
 * public article page and the dashboard's preview, so a preview looks exactly like the article.
 * The body HTML is stored sanitized (lib/content/sanitize-article-html.ts).
 */
export function ArticleContent({ leadImage, bodyHtml, tags }: { leadImage: UploadedImage | null; bodyHtml: string; tags: string[] }) {
  return (
    <>
      {leadImage && (
        <figure className="mt-6">
          <ArticleImage image={leadImage} priority />
        </figure>
      )}
      <div className="article-body mt-6" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      {tags.length > 0 && (
        <ul className="mt-8 flex flex-wrap gap-2 text-sm" aria-label="태그">
          {tags.map((tag) => (
            <li key={tag} className="rounded-full bg-gray-100 px-3 py-1 text-gray-700">
              #{tag}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
