"use client";

import { mediaLoaderUrl } from "./media-url";

/**
 * next/image's loader for the whole app (next.config.ts `images.loaderFile`). There is no
 * image optimizer: uploads are resized once, when they arrive (lib/media/process-image.ts),
 * and served as files. For each srcset entry this picks the stored file at least as wide as
 * the width asked for, from the widths listed in the src (`/media/<key>-<w>.webp?w=480,960,1600`,
 * made by mediaImageSrc). next.config.ts sets `deviceSizes` to the stored widths, so srcset
 * entries and files line up.
 */
export default function mediaImageLoader({ src, width }: { src: string; width: number; quality?: number }): string {
  return mediaLoaderUrl(src, width);
}
