/**
 * The text of one page of the site we migrate from (shared/seed/board-page.txt): the 20 rows
 * of its board list, sorted by title descending, and the full article shown above it.
 * The demo site holds them verbatim, so that page can be reproduced exactly.
 */

export type SeedListRow = { number: number; title: string; author: string; date: string; views: number };

/** The rows as the seed page lists them: numbers 560 to 541, title descending. */
export const SEED_PAGE_ROWS: readonly SeedListRow[] = [
  { number: 560, title: "힘내라 의령! ... 상품권 추석맞이 10% 특별할인", author: "kmbn2019", date: "2020.09.14", views: 35 },
  { number: 559, title: "힘내라 경기중소기업! 경기도주식회사-GS리테일-위메프 ‘우수상품전’ 개최", author: "kmbn2019", date: "2020.03.25", views: 35 },
  { number: 558, title: "흐린 물 출수 예상 안내", author: "kmbn2019", date: "2020.03.27", views: 31 },
  { number: 557, title: "확대되는 공공일자리 정책, 저소득층 근로소득은 오히려 감소", author: "kmbn2019", date: "2020.10.30", views: 34 },
  { number: 556, title: "혁신성장의 초석, 2020 인천 뿌리산업 채용박람회 개최", author: "kmbn2019", date: "2020.11.02", views: 34 },
  { number: 555, title: "혁신벤처투자 플랫폼 「머스트 라운드」 비대면 투자설명회 개최", author: "kmbn2019", date: "2020.06.25", views: 32 },
  { number: 554, title: "합천군, 수(水)려한 합천 쌀 영호진미 군민들의 입맛 사로잡아", author: "kmbn2019", date: "2020.05.25", views: 34 },
  { number: 553, title: "함양양파 24톤, 대만으로 첫 수출!!", author: "kmbn2019", date: "2020.05.29", views: 31 },
  { number: 552, title: "함양군, 진단키트 이용 농작물 병해충 신속진단", author: "kmbn2019", date: "2020.06.02", views: 33 },
  { number: 551, title: "함양군, 산림바이오매스 산물수집단 추가 모집", author: "kmbn2019", date: "2020.05.13", views: 32 },
  { number: 550, title: "함양군, 2020년 강소농 육성 기본교육 실시", author: "kmbn2019", date: "2020.05.28", views: 32 },
  { number: 549, title: "함양군 양파전문생산단지 농림부 차관 전격 방문", author: "kmbn2019", date: "2020.06.03", views: 34 },
  { number: 548, title: "함양 약초의 보고 ‘약초과학관’ 재개관", author: "kmbn2019", date: "2020.05.08", views: 31 },
  { number: 547, title: "함양 안의면사무소 전직원 전통시장 가는 날 행사 참여", author: "kmbn2019", date: "2020.03.23", views: 36 },
  { number: 546, title: "함께 성장하는 ‘경기도형 프랜차이즈 협동조합’ 모집", author: "kmbn2019", date: "2020.04.17", views: 31 },
  { number: 545, title: "한국치맥산업협회, 코로나19 의료진에 치킨 상품권 전달", author: "kmbn2019", date: "2020.03.27", views: 31 },
  { number: 544, title: "한국자유총연맹 의령군지회 농촌일손돕기 봉사활동 전개", author: "kmbn2019", date: "2020.06.25", views: 33 },
  { number: 543, title: "한국생활개선회 경기도연합회, 면 마스크 8,800장 릴레이 제작․기부", author: "kmbn2019", date: "2020.03.25", views: 32 },
  { number: 542, title: "한국생활개선의령군연합회 농산물 꾸러미 기탁", author: "kmbn2019", date: "2020.07.31", views: 32 },
  { number: 541, title: "한국생활개선경기도연합회, 수해 피해 농가에 위로 성금 전달", author: "kmbn2019", date: "2020.09.07", views: 36 },
];

/** The article the seed page shows in full. Its date is not on the page; 2020.09.03 fits its text. */
export const SEED_ARTICLE = {
  title: "인천 뿌리산업일자리센터 개소식",
  author: "kmbn2019",
  date: "2020.09.03",
  /** The original shows the lead line ("- …") as the first paragraph; it stays there. */
  paragraphs: [
    "- 인천지역 고용안정 선제대응 패키지 지원사업 본격 추진 신호탄",
    "인천시(시장 박남춘)3일 송도에 위치한 갯벌타워에서 인천 뿌리산업일자리센터 개소식을 갖고 인천지역 뿌리산업 고용안정 선제대응 패키지 지원사업을 본격적으로 추진한다고 밝혔다.",
    "이날 개소식에는 인천광역시 행정부시장, 인천시의회 산업경제위원회 위원장, 남동·서구 부구청장, 중부지방고용노동청장, 인천테크노파크원장, 인천 지역 뿌리기업 대표, 관련 유관기관 등이 참석해 인천 뿌리산업일자리센터의 개소를 축하했다.",
    "이번 행사는 경과보고와 주요 내빈의 축사, 인천테크노파크원장의 인사말과 테이프커팅, 기념촬영 순으로 진행됐다.",
    "인천 뿌리산업일자리센터는 뿌리산업 구직자·재직자뿐만 아니라 기업까지 종합적으로 지원하는 인천지역 고용안정 선제대응 패키지 지원 사업인 뿌리산업 도약, 더 좋은 내일(job)사업 추진을 위한 전담조직으로 인천테크노파크가 운영을 맡아 15명의 인력이 뿌리산업 고용안정 거버넌스 구축, 뿌리산업 특화 맞춤형 취업지원, 뿌리기업 공정자동화·애로기술개선설비 구축 지원, 근로환경개선지원 등 다양한 사업을 추진하게 된다.",
    "특히, 인천뿌리산업일자리센터는 포스코철강솔루션연구소와 한국생산기술연구원 등과 협업을 통해 뿌리기업의 실질적인 애로사항을 해결하고 설비를 지원하는 새로운 대-중소기업 상생모델을 만들어 시행할 계획이며, 경력형성장려금 지원과 근로환경개선지원 사업도 규모를 확대해 더 많은 뿌리기업 재직자와 기업들이 참여할 수 있도록 추진할 예정이다.",
    "인천시와 남동·부평·서구가 결성한 인천광역시 컨소시엄이 제안하고 지난 4고용노동부의 고용안정 선제대응 패키지 지원사업 공모에 최종 선정된 뿌리산업 도약, 더 좋은 내일(job)사업은 오늘 개소하는 인천뿌리산업일자리센터를 주축으로 5년 동안 총 7,750명의 고용 창출과 인천의 제조업 부흥에 큰 역할을 할 것으로 기대된다.",
    "최장혁 행정부시장은 인천뿌리산업일자리센터가 인천 뿌리산업의 고용창출 선순환 구조를 확립하여 장기적으로 뿌리산업을 통한 양질의 일자리창출에 핵심역할을 수행할 것으로 기대한다.”고 말했다.",
  ],
} as const;
