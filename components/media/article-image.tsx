import Image from "next/image";
import type { MediaImageView } from "@/lib/data/media";
import { mediaImageSrc, nextImageSrc, type UploadedImage } from "@/lib/media/media-url";

/**
 * The article column's width: the site's main column is max-w-5xl (64rem) with 1rem padding
 * each side. The browser picks a srcset entry for this; a picture narrower than the column
 * shows at its own size (max-w-full, never stretched).
 */
export const ARTICLE_IMAGE_SIZES = "(max-width: 64rem) calc(100vw - 2rem), 62rem";

type ArticleImageProps = {
  /** A stored picture (every stored width is offered) or an upload's answer (its width and the ones below). */
  image: MediaImageView | UploadedImage;
  sizes?: string;
  /** The page's main picture (a lead image at the top): fetched at once and first, not lazily. */
  priority?: boolean;
  className?: string;
};

/**
 * An uploaded picture through next/image: width and height from the stored file (no layout
 * shift), a srcset of the stored WebP widths (lib/media/image-loader.ts), lazy loading below
 * the fold. A server component; next/image itself is the client part.
 */
export function ArticleImage({ image, sizes = ARTICLE_IMAGE_SIZES, priority = false, className = "" }: ArticleImageProps) {
  const src = "key" in image ? mediaImageSrc(image.key, image.widths) : nextImageSrc(image.src);
  return (
    <Image
      src={src}
      width={image.width}
      height={image.height}
      alt={image.alt}
      sizes={sizes}
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : undefined}
      className={`h-auto max-w-full ${className}`.trim()}
    />
  );
}
