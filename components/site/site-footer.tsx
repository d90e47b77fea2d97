import { siteConfig } from "@/lib/site-config";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-gray-200 bg-gray-50 print:hidden">
      <div className="mx-auto max-w-5xl px-4 py-8 text-sm text-gray-600">
        <p className="font-semibold text-gray-800">{siteConfig.name}</p>
        <p className="mt-1">{siteConfig.description}</p>
        <p className="mt-3">기사 제보·보도자료는 편집국으로 보내 주세요. 무단 전재 및 재배포 금지.</p>
      </div>
    </footer>
  );
}
