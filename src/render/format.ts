import type { DfKind, PsView } from '../docker/types.ts';
import type { Lang } from '../i18n.ts';
import type { KnowledgeEntry } from '../knowledge/types.ts';

/**
 * Formatting every face shares, knowing nothing of Slack or terminals: sizes, state names, Docker
 * words in both languages, notes as plain text, cutting text to a length.
 */

/** Cuts text to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** The body without its leading `# Title` line, which every face shows on its own. */
export function bodyWithoutHeading(entry: KnowledgeEntry): string {
  return entry.body.replace(/^#\s+.*\n+/, '');
}

/**
 * A note's Markdown as plain text (a terminal, a notification): code blocks indented without their
 * fences, emphasis markers and heading hashes dropped. Code keeps its characters untouched.
 */
export function markdownToPlainText(markdown: string): string {
  let inCode = false;
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) {
      inCode = !inCode;
      continue;
    }
    if (inCode) out.push(`    ${line}`);
    else out.push(line.replace(/^#{1,6}\s+/, '').replace(/\*\*(.+?)\*\*|__(.+?)__/g, '$1$2'));
  }
  return out.join('\n');
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];

/** Decimal units with 4 significant digits, exactly like docker's (go-units HumanSize): 1.982MB. */
export function humanSize(bytes: number): string {
  let size = Math.max(0, bytes);
  let unit = 0;
  while (size >= 1000 && unit < UNITS.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${Number(size.toPrecision(4))}${UNITS[unit]}`;
}

/** "0B" alone when nothing is stored, else "1.2GB (40%)" — the way docker system df prints it. */
export function reclaimableText(reclaimableBytes: number, percent: number, sizeBytes: number): string {
  return sizeBytes > 0 ? `${humanSize(reclaimableBytes)} (${percent}%)` : humanSize(reclaimableBytes);
}

const STATE_ORDER = ['running', 'paused', 'restarting', 'created', 'exited', 'dead', 'removing'];

export const WORDS = {
  en: {
    containers: (n: number) => `${n} container${n === 1 ? '' : 's'}`,
    noContainers: 'No containers match.',
    runningOnly: 'running only; add -a to include stopped ones',
    filters: 'filters',
    showing: (shown: number, total: number) => `Showing ${shown} of ${total}`,
    narrow: 'narrow down with name=… status=… label=… ancestor=… (or use the CLI for the full list)',
    states: {
      running: 'running',
      paused: 'paused',
      restarting: 'restarting',
      created: 'created',
      exited: 'exited',
      dead: 'dead',
      removing: 'removing',
    } as Record<string, string>,
    columns: ['CONTAINER ID', 'NAME', 'IMAGE', 'STATUS', 'PORTS', 'COMMAND'],
    labels: 'labels',
    kinds: {
      images: 'Images',
      containers: 'Containers',
      volumes: 'Local Volumes',
      buildCache: 'Build Cache',
    } as Record<DfKind, string>,
    dfColumns: ['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'],
    active: 'active',
    reclaimable: 'reclaimable',
    rootDir: 'Docker root dir',
    total: 'total',
    measuredAt: 'measured at',
    advice: (entry: string) =>
      `Docker's disk use looks tight. See the knowledge entry \`${entry}\` about putting the Docker root dir on its own disk.`,
    largest: {
      images: 'Largest images',
      containers: 'Largest containers (writable layer)',
      volumes: 'Largest volumes',
    } as Record<string, string>,
    usedBy: (n: string) => `used by ${n}`,
    none: 'none',
  },
  ko: {
    containers: (n: number) => `컨테이너 ${n}개`,
    noContainers: '조건에 맞는 컨테이너가 없습니다.',
    runningOnly: '실행 중인 것만; 중지된 것도 보려면 -a',
    filters: '필터',
    showing: (shown: number, total: number) => `${total}개 중 ${shown}개 표시`,
    narrow: 'name=… status=… label=… ancestor=… 로 범위를 좁히세요 (전체 목록은 CLI에서)',
    states: {
      running: '실행 중',
      paused: '일시 정지',
      restarting: '재시작 중',
      created: '생성됨',
      exited: '종료됨',
      dead: '비정상(dead)',
      removing: '삭제 중',
    } as Record<string, string>,
    columns: ['컨테이너 ID', '이름', '이미지', '상태', '포트', '명령'],
    labels: '레이블',
    kinds: { images: '이미지', containers: '컨테이너', volumes: '로컬 볼륨', buildCache: '빌드 캐시' } as Record<
      DfKind,
      string
    >,
    dfColumns: ['종류', '전체', '사용 중', '크기', '회수 가능'],
    active: '사용 중',
    reclaimable: '회수 가능',
    rootDir: 'Docker 루트 디렉터리',
    total: '합계',
    measuredAt: '측정 시각',
    advice: (entry: string) =>
      `Docker 디스크 사용량이 빠듯해 보입니다. Docker 루트 디렉터리를 별도 디스크에 두는 방법은 지식 항목 \`${entry}\`을 보세요.`,
    largest: {
      images: '가장 큰 이미지',
      containers: '가장 큰 컨테이너 (쓰기 레이어)',
      volumes: '가장 큰 볼륨',
    } as Record<string, string>,
    usedBy: (n: string) => `사용 ${n}`,
    none: '없음',
  },
} satisfies Record<Lang, unknown>;

export function stateName(state: string, lang: Lang): string {
  return WORDS[lang].states[state] ?? state;
}

/** "800 running, 200 exited", in a fixed state order. */
export function countsSummary(view: PsView, lang: Lang): string {
  const states = Object.keys(view.countsByState).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  return states
    .map((s) =>
      lang === 'ko'
        ? `${stateName(s, lang)} ${view.countsByState[s]}`
        : `${view.countsByState[s]} ${stateName(s, lang)}`,
    )
    .join(', ');
}

function rank(state: string): number {
  const i = STATE_ORDER.indexOf(state);
  return i < 0 ? STATE_ORDER.length : i;
}

/**
 * What a renderer is told beyond the Docker view: the note df's advice line names, when the disk
 * looks tight and the notes have it (src/commands/explain.ts decides).
 */
export interface DockerRenderOptions {
  diskAdvice?: Pick<KnowledgeEntry, 'id'>;
}

/** "name=web status=exited", as the user would type it. */
export function filtersText(view: PsView): string {
  return Object.entries(view.filters)
    .flatMap(([key, values]: [string, string[]]) => values.map((v) => `${key}=${v}`))
    .join(' ');
}
