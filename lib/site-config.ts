/**
 * The site's identity, in one place. Set by environment variables on a real site
 * (README: Configuration); the defaults name the demo.
 */
export const siteConfig = {
  name: process.env.SITE_NAME ?? "KMBN 지역뉴스",
  description: process.env.SITE_DESCRIPTION ?? "인천·경기·경남의 행정, 경제, 생활 소식을 전하는 지역 뉴스",
} as const;
