/**
 * Deterministic demo content: the same PRNG seed always gives the same site.
 * Generated titles all sort below the seed page's 20 titles (see TITLE_CEILING), so a
 * title-descending list of the demo board starts with exactly the seed page.
 */

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [min, max], both ends included. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (probability: number) => next() < probability,
    /** Where the stream stands: createRandom(random.state()) draws what this draws next. */
    state: () => state,
  };
}

export type Random = ReturnType<typeof createRandom>;

/**
 * The lowest title on the seed page. Every generated title must compare below it
 * (by code point, as both engines sort titles), and every region below starts with a
 * syllable before 한.
 */
export const TITLE_CEILING = "한국생활개선경기도연합회";

const REGIONS = [
  "인천시", "경기도", "의령군", "거창군", "남동구", "부평구", "연수구", "김포시", "양산시",
  "창원시", "진주시", "사천시", "밀양시", "고성군", "산청군", "남해군", "거제시", "통영시",
  "수원시", "성남시", "안산시", "부천시", "광명시", "시흥시", "평택시", "경상남도",
  "중소벤처기업부", "고용노동부", "농촌진흥청", "경기도교육청", "인천테크노파크",
  "경기도주식회사", "소상공인시장진흥공단", "인천항만공사", "경남도립거창대학",
] as const;

const TOPICS = [
  "코로나19 방역 현장 점검", "소상공인 긴급 경영안정자금 지원", "농번기 일손돕기", "청년 일자리 박람회",
  "스마트공장 보급사업 설명회", "전통시장 온라인 판로 지원", "겨울철 재난안전 대책", "여름철 폭염 대비 쉼터 운영",
  "공공도서관 비대면 독서 프로그램", "어르신 일자리 사업 참여자 모집", "수출기업 물류비 지원", "친환경 농산물 학교급식 공급",
  "관광 활성화 홍보단 발대식", "지역화폐 할인 판매", "주민참여예산 제안 공모", "미세먼지 저감 대책 회의",
  "도시재생 뉴딜사업 주민설명회", "사회적경제기업 육성", "청소년 진로체험 프로그램", "귀농귀촌 정착 지원",
  "중소기업 기술개발 과제 선정", "마을버스 노선 개편", "하천 정비사업 착공", "문화예술 공연 온라인 생중계",
  "가축전염병 차단 방역", "산불 예방 특별 대책", "농산물 해외 수출 협약", "취약계층 김장 나눔",
  "장애인 일자리 지원사업", "신혼부부 주거 지원", "공공와이파이 확대 구축", "노후 상수관로 교체",
  "여성 창업 아카데미", "지역 특산물 직거래장터", "수소충전소 구축", "디지털 뉴딜 인재 양성",
] as const;

const ACTIONS = [
  "개최", "추진", "실시", "모집", "선정", "돌입", "마련", "본격 시행", "성료", "확대", "나서", "협약 체결",
] as const;

const QUOTES = [
  "함께 이겨냅시다", "우리 동네가 최고", "일상으로의 복귀", "찾아가는 행정", "다시 뛰는 지역경제",
  "안전이 먼저", "청년이 돌아오는 도시", "더 좋은 내일",
] as const;

/** Every word the generated titles are made of (`npm run bench` searches for pieces of them). */
export const TITLE_WORDS: readonly string[] = [
  ...new Set([...REGIONS, ...TOPICS, ...ACTIONS, ...QUOTES].flatMap((phrase) => phrase.split(" "))),
];

/** A realistic regional-news headline that sorts below the seed page's titles. */
export function generateTitle(random: Random): string {
  const region = random.pick(REGIONS);
  const topic = random.pick(TOPICS);
  const action = random.pick(ACTIONS);
  switch (random.int(0, 3)) {
    case 0:
      return `${region}, ${topic} ${action}`;
    case 1:
      return `${region} ${topic} ${action}`;
    case 2:
      return `${region}, ‘${random.pick(QUOTES)}’ ${topic} ${action}`;
    default:
      return `${region}, 2020년 ${topic} ${action}`;
  }
}

const BODY_OPENINGS = [
  (region: string, topic: string) => `${withParticle(region, "은", "는")} ${topic} 사업을 추진한다고 밝혔다.`,
  (region: string, topic: string) => `${withParticle(region, "이", "가")} 지역 주민과 기업의 어려움을 덜기 위해 ${topic}에 나섰다.`,
  (region: string, topic: string) => `${withParticle(region, "은", "는")} 이번 ${withParticle(topic, "을", "를")} 통해 지역 경제에 활력을 불어넣을 계획이라고 전했다.`,
];

/** A noun with the particle its last syllable takes (은/는, 이/가, 을/를). */
export function withParticle(word: string, afterConsonant: string, afterVowel: string): string {
  const code = word.charCodeAt(word.length - 1) - 0xac00;
  const endsInConsonant = code >= 0 && code < 11172 && code % 28 !== 0;
  return word + (endsInConsonant ? afterConsonant : afterVowel);
}

const BODY_SENTENCES = [
  "이번 사업은 관계 기관과 협력해 연말까지 단계적으로 진행된다.",
  "참여를 원하는 주민은 읍면동 행정복지센터나 누리집을 통해 신청할 수 있다.",
  "관계자는 \"현장의 목소리를 꼼꼼히 반영해 실질적인 도움이 되도록 하겠다\"고 말했다.",
  "지난해에는 모두 1,200여 명이 참여해 높은 만족도를 보였다.",
  "시는 사업 성과를 분석해 내년에는 지원 규모를 더 늘릴 방침이다.",
  "코로나19 확산 방지를 위해 모든 일정은 방역 수칙을 지키며 진행된다.",
  "자세한 내용은 담당 부서로 문의하면 안내받을 수 있다.",
  "행사에는 지역 기관장과 주민 대표 등 50여 명이 참석했다.",
  "이번 조치로 지역 소상공인의 경영 부담이 다소 줄어들 것으로 기대된다.",
  "군은 앞으로도 주민 체감형 정책을 꾸준히 발굴해 나갈 계획이다.",
];

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Paragraphs of plain text as the body HTML the article page renders. */
export function paragraphsToHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n");
}

/**
 * A body of a few paragraphs. Generated titles open with their region; for a title that
 * names none (the seed page's), pass `lead` and the body opens with it instead.
 */
export function generateBody(random: Random, title: string, lead?: string): string {
  const region = title.split(/[ ,]/)[0];
  const topic = random.pick(TOPICS);
  const opening = lead ?? random.pick(BODY_OPENINGS)(region, topic);
  const paragraphs = [opening];
  const count = random.int(3, 6);
  for (let i = 0; i < count; i += 1) {
    const first = random.int(0, BODY_SENTENCES.length - 1);
    const second = (first + random.int(1, BODY_SENTENCES.length - 1)) % BODY_SENTENCES.length;
    paragraphs.push(`${BODY_SENTENCES[first]} ${BODY_SENTENCES[second]}`);
  }
  return paragraphsToHtml(paragraphs);
}

const COMMENT_TEXTS = [
  "좋은 소식이네요. 우리 동네에도 꼭 필요했던 사업입니다.",
  "신청 기간이 언제까지인지 알 수 있을까요?",
  "기사 잘 읽었습니다.",
  "현장 사진도 함께 있으면 좋겠어요.",
  "작년에 참여했는데 만족스러웠습니다. 추천합니다.",
  "예산이 제대로 쓰이는지 끝까지 지켜봐 주세요.",
  "담당 부서 전화번호가 바뀐 것 같습니다. 확인 부탁드려요.",
  "응원합니다!",
];

const REPLY_TEXTS = ["저도 궁금했습니다.", "맞습니다. 동의해요.", "누리집 공지에 나와 있습니다.", "좋은 정보 감사합니다."];

const GUEST_NAMES = ["독자", "의령주민", "인천시민", "경남사랑", "지나가던이", "동네주민", "시민기자", "농부의아들"];

export type GeneratedComment = {
  /** Index in the post's comment list of the parent, or null for a top-level comment. */
  parentIndex: number | null;
  depth: number;
  guestName: string;
  body: string;
  minutesAfterPost: number;
};

/** Some comments and replies for one post (zero for most posts). */
export function generateComments(random: Random): GeneratedComment[] {
  if (!random.chance(0.15)) return [];
  const comments: GeneratedComment[] = [];
  const count = random.int(1, 6);
  let minutes = random.int(5, 240);
  for (let i = 0; i < count; i += 1) {
    const canReply = comments.length > 0 && random.chance(0.35);
    const parentIndex = canReply ? random.int(0, comments.length - 1) : null;
    const parentDepth = parentIndex === null ? -1 : comments[parentIndex].depth;
    const replyAllowed = parentDepth < 2;
    comments.push({
      parentIndex: replyAllowed ? parentIndex : null,
      depth: replyAllowed ? parentDepth + 1 : 0,
      guestName: random.pick(GUEST_NAMES),
      body: replyAllowed && parentIndex !== null ? random.pick(REPLY_TEXTS) : random.pick(COMMENT_TEXTS),
      minutesAfterPost: minutes,
    });
    minutes += random.int(3, 600);
  }
  return comments;
}

/** A publish time in 2020, on a weekday-ish working hour in Korea (stored in UTC). */
export function generatePublishedAt(random: Random): Date {
  const start = Date.UTC(2020, 0, 2);
  const end = Date.UTC(2020, 11, 30);
  const day = Math.floor((start + random.next() * (end - start)) / 86_400_000) * 86_400_000;
  const kstHour = random.int(7, 19);
  return new Date(day + (kstHour - 9) * 3_600_000 + random.int(0, 59) * 60_000 + random.int(0, 59) * 1000);
}
