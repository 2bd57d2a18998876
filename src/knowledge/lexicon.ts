/**
 * Language data for matching Docker questions in Korean and English.
 * General vocabulary only: nothing here names a particular question.
 */

/**
 * Concept groups: every surface form maps to the first word of its group, so
 * "삭제", "지우다", "remove" and "rm" all become one token. A form ending in `*`
 * is a verb stem that matches any ending (지우* covers 지우다, 지우는, 지우려면).
 */
const CONCEPTS: string[][] = [
  ['docker', '도커', 'dockers'],
  ['container', '컨테이너', 'containers', '컨테이너들', '컨테이너화', 'ctr', 'containerize', 'containerized', 'containerizing', 'containerization', 'containerise', 'containerising'],
  ['image', '이미지', 'images', '이미지들', 'img'],
  ['delete', '삭제', '제거', '지우*', '지워*', '지운*', '없애*', 'remove', 'removal', 'delete', 'deletion', 'rm', 'rmi', 'uninstall', '언인스톨', 'erase', 'purge', 'prune', 'cleanup', 'clean'],
  ['install', '설치', '깔*', '까는', '까다', 'installation', 'setup', '셋업'],
  ['run', '실행', '구동', '돌리*', '돌려*', '띄우*', '띄워*', '띄운*', '돌릴', '돌린*', 'execute', 'execution', 'running', 'start', 'launch', 'runs', 'ran'],
  ['create', '생성', '만들*', '만드*', '만든*', 'make', 'makes', 'making', 'made', 'create', 'creates', 'creation', 'build', 'builds', 'building', '빌드', 'generate'],
  ['list', '목록', '리스트', 'ls', 'list', 'lists', 'listing', '나열', 'ps'],
  ['show', '확인', '조회', '출력', '보기', '보여*', '보는', '보려면', '봐', '볼', '보고', 'show', 'view', 'check', 'print', 'display', 'see', 'inspect'],
  ['directory', '디렉터리', '디렉토리', '폴더', 'directory', 'directories', 'dir', 'folder', 'folders', 'path', '경로'],
  ['mount', '마운트', 'mount', 'mounts', 'mounting', 'mounted', 'bind', '바인드', 'volume', 'volumes', '볼륨'],
  ['connect', '연결', 'connect', 'connection', 'link', 'attach', '공유폴더'],
  ['host', '호스트', 'host', 'hosts', 'hosting', '호스팅'],
  ['variable', '변수', 'variable', 'variables', 'env var'],
  ['kubernetes', '쿠버네티스', '쿠버네티즈', '쿠베네티스', '쿠버', '큐브네티스', 'k8s', 'kubernetes', 'kube', 'kubernets', 'kubernates'],
  ['cluster', '클러스터', 'cluster', 'clusters', 'clustering'],
  ['node', '노드', 'node', 'nodes'],
  ['orchestration', '오케스트레이션', '오캐스트레이션', '오케스트레이터', 'orchestration', 'orchestrate', 'orchestrator', 'orchestrating', '조율'],
  ['swarm', '스웜', '스왐', '스워엄', 'swarm'],
  ['compose', '컴포즈', 'compose', 'docker-compose'],
  ['registry', '레지스트리', 'registry', 'registries', '저장소', 'repository', 'repo'],
  ['hub', '허브', 'hub', 'dockerhub'],
  ['engine', '엔진', 'engine', 'daemon', 'dockerd', '데몬'],
  ['component', '컴포넌트', '구성요소', '구성 요소', 'building blocks', 'building block', 'component', 'components', 'parts', 'architecture', '아키텍처'],
  ['advantage', '장점', '이점', '이유', '좋은점', '좋*', '나은*', 'better', 'advantage', 'advantages', 'benefit', 'benefits', 'pros', 'why', 'reason', 'merit', 'merits'],
  ['isolation', '격리', '독립', 'isolation', 'isolated', 'isolate', 'sandbox', 'independent'],
  ['windows', '윈도우', '윈도우즈', '윈도', 'windows', 'win'],
  ['linux', '리눅스', 'linux', 'ubuntu', '우분투'],
  ['wsl', 'wsl', 'wsl2', 'wls'],
  ['disk', '디스크', '하드', '하드디스크', 'disk', 'disks', 'hdd', 'ssd', 'drive', '드라이브'],
  ['capacity', '용량', '공간', 'capacity', 'space', 'storage', '스토리지', 'usage', '사용량', 'full', '부족', '꽉', '찼*', '가득'],
  ['root', '루트', 'root', 'data-root'],
  ['pull', 'pull', 'pulls', 'pulling', '풀', '내려받*', '내려 받', '다운로드', '다운*', '받아*', 'download', 'downloads', 'fetch'],
  ['dockerfile', 'dockerfile', '도커파일', 'dockerfiles'],
  ['first', '먼저', 'first', 'before', 'prior'],
  ['difference', '차이', '차이점', '비교', '달라*', '다르*', '다른가', 'difference', 'differences', 'vs', 'versus', 'compare', 'comparison', 'diff'],
  ['many', '여러', '여러개', '다수', '다수의', '많은', 'many', 'multiple', 'several', 'multi'],
  ['one', '하나', '하나만', '한개', '한 개', '1개', '단일', 'single', 'one', 'only one'],
  ['yaml', 'yaml', 'yml', '야믈', '야멀'],
  ['application', '애플리케이션', '어플리케이션', '어플', '앱', 'application', 'applications', 'app', 'apps', '프로그램', 'program', 'service', '서비스'],
  ['environment', '환경', 'environment', 'environments', 'env'],
  ['command', '명령', '명령어', '커맨드', 'command', 'commands', 'cmd', 'cli'],
  ['shell', '쉘', '셸', 'shell', 'bash', 'terminal', '터미널', 'sh'],
  ['disposable', '일회용', '1회용', 'disposable', 'one-time', 'onetime', 'ephemeral', 'throwaway', '임시'],
  ['modify', '수정', '변경', '고치*', '고쳐*', '바꾸*', '바꿔*', 'modify', 'modified', 'change', 'changes', 'changing', 'edit', 'update', 'fix', 'patch'],
  ['feature', '기능', 'feature', 'features', 'functionality'],
  ['traditional', '기존', '전통', '전통적', '예전', 'traditional', 'legacy', 'conventional', 'old'],
  ['share', '공유', '공개', '올리*', '올려*', '업로드', 'share', 'shared', 'sharing', 'public', 'publish', 'push', 'upload'],
  ['server', '서버', 'server', 'servers', 'machine', 'machines'],
  ['manage', '관리', 'manage', 'managing', 'management', 'administer'],
  ['tool', '도구', '툴', 'tool', 'tools', 'utility'],
  // 순서 is the sequence of steps, whether of a build or of a deletion.
  ['flow', '동작', '구조', '과정', '흐름', '단계', '절차', '원리', '순서', '차례', 'order', 'sequence', 'flow', 'process', 'steps', 'step', 'workflow', 'lifecycle', 'pipeline', 'works'],
  ['substitution', '치환', 'substitution', 'substitute', 'subshell'],
  ['dollar', '달러', 'dollar', 'dollars'],
  ['count', '개수', '갯수', '몇개', '몇 개', 'count', 'number', 'how many'],
  ['recommend', '권장', '추천', 'recommend', 'recommended', 'recommendation', 'best practice', 'should'],
  ['separate', '분리', '별도', '따로', 'separate', 'separately', 'dedicated', 'split'],
  ['use', '사용', '활용', '사용법', '활용법', '사용방법', '쓰*', '써*', '쓸', '쓴*', '씀', 'use', 'uses', 'using', 'usage of'],
  // The notes' database example is mysql, so a question about running "a DB" is about it.
  ['mysql', 'mysql', 'mariadb', '마이에스큐엘', 'db', 'database', 'databases', '데이터베이스', '디비'],
  ['virtual', '가상', '가상화', 'virtual', 'virtualization', 'vm', 'virtualisation'],
  ['open-source', '오픈소스', '오픈 소스', 'open source', 'opensource', 'open-source'],
  ['fast', '신속', '빠른', '빠르*', '빨리', 'fast', 'quick', 'quickly', 'rapid', 'speed'],
  ['deploy', '배포', 'deploy', 'deployment', 'deploying', 'release', 'ship'],
  ['test', '테스트', 'test', 'testing', 'tests'],
  ['network', '네트워크', 'network', 'networks', 'networking'],
  ['file', '파일', 'file', 'files'],
  ['filesystem', '파일시스템', '파일 시스템', 'filesystem', 'file system', 'fs'],
  ['config', '설정', '구성', '구성정보', 'config', 'configuration', 'configure', 'settings', 'setting'],
  ['definition', '정의', '뜻', '의미', '개념', '설명', 'definition', 'define', 'meaning', 'means', 'mean', 'concept', 'explain', 'explanation', 'intro', 'introduction', 'overview', 'basics'],
  ['library', '라이브러리', 'library', 'libraries'],
  ['runtime', '런타임', 'runtime'],
  ['code', '코드', 'code', 'source'],
  ['bidirectional', '양방향', '양뱡향', 'bidirectional', 'two-way', 'both ways'],
  ['grep', 'grep', '그렙', 'filter', '필터', '검색'],
  ['info', 'info', '정보', 'information'],
  ['system', '시스템', 'system'],
  ['all', '전체', '모든', '모두', '전부', 'all', 'entire', 'everything', 'whole'],
  // "It doesn't work": a failure report, which the notes do not cover (a technical term below).
  ['broken', '안 됨', '안 돼', '안 되', '안 돼요', '안 되요', "doesn't work", 'not working', "won't start"],
  // Greetings carry no question (and 좋은 alone means an advantage); dropped as a stopword.
  ['greeting', '좋은 아침', '좋은 하루', '좋은 주말', '좋은 저녁', 'good morning', 'good afternoon', 'good evening'],
  ['kind', '종류', 'kind', 'kinds', 'type', 'types', '유형'],
  ['role', '역할', '담당', '주체', '누가', '누구', 'who', '작업', '하는일', '하는 일', 'role', 'roles', 'responsibility', 'responsible', 'job', 'duty'],
  ['format', '형식', '포맷', '문법', 'format', 'formats', 'syntax'],
  ['set', '집합', '모음', '그룹', 'set', 'collection', 'group'],
  ['obtain', '얻*', '생기*', '생겨*', '생긴*', 'obtain', 'yield', 'yields', 'gives'],
  ['symbol', '기호', '표시', 'symbol', 'sign', 'character'],
  ['add', '추가', 'add', 'adding', 'added'],
  ['replace', '대체', '대신', 'replace', 'replaced', 'replacement', 'instead', 'alternative', 'successor'],
];

/** Spelling variants and loanword spellings that are not concepts of their own. */
const VARIANTS: Record<string, string> = {
  // Python's virtual environments, not a virtual (가상) environment (환경) of Docker's.
  '가상환경': 'virtualenv',
  '디렉토리': '디렉터리',
  '컨테이너를': '컨테이너',
};

/**
 * Korean particles and common endings, stripped from the end of a word (longest first).
 * Only stripped when at least two syllables remain, so 차이 or 노드 stay whole.
 */
const KOREAN_SUFFIXES = [
  '에서는', '으로는', '에게서', '까지는', '이라고', '이라는', '이라면', '인가요', '인데요', '입니다', '습니다', '합니다',
  '에서', '으로', '에게', '한테', '까지', '부터', '이랑', '하고', '처럼', '보다', '이나', '이란', '이며', '이고', '에는', '에도', '와는', '과는',
  '라는', '라고', '이야', '인가', '인지', '이지', '이요', '예요', '에요', '이에요', '이죠', '나요', '까요', '가요', '해요', '하는', '하면', '하려면', '하기',
  '하다', '해야', '했어', '할때', '할까', '되는', '되다', '된다', '돼요', '됩니까',
  '땐', '때는', '중인', '중에', '인', '하여', '해서', '하여서', '했다', '한다', '하게', '하지', '해도', '되어', '되고', '마다', '들',
  '이나', '임', '나', '면', '으면', '려면', '으려면',
  '은', '는', '이', '가', '고', '당', '별', '을', '를', '에', '의', '로', '와', '과', '도', '만', '랑', '야', '요', '죠', '게', '지', '란', '할', '해', '돼', '함',
].sort((a, b) => b.length - a.length);

/** Words that carry no topic: question words, fillers and politeness in both languages. */
const STOPWORDS = new Set([
  // English
  'a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'been', 'am', 'do', 'does', 'did', 'done', 'to', 'of', 'in', 'on', 'at', 'for', 'from',
  'with', 'without', 'by', 'and', 'or', 'but', 'if', 'then', 'so', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'here',
  'what', 'whats', 'which', 'whom', 'when', 'where', 'how', 'i', 'me', 'my', 'we', 'our', 'you', 'your', 'they', 'them',
  'can', 'could', 'would', 'will', 'shall', 'may', 'might', 'must', 'need', 'needs', 'want', 'wants', 'please', 'pls', 'tell', 'about',
  'into', 'onto', 'up', 'down', 'out', 'over', 'under', 'again', 'some', 'any', 'each', 'every', 'between', 'among', 'just', 'also', 'too', 'very',
  'get', 'gets', 'got', 'have', 'has', 'had', 'know', 'way', 'ways', 'thing', 'things', 'someone', 'anyone', 'something', 'anything',
  'sentence', 'word', 'words', 'briefly', 'simply', 'question', 'hi', 'hello', 'hey', 'thanks', 'thank', 'ok', 'okay', 'yes', 'no', 'not',
  'greeting', 'etc', 'go', 'doing', 'like', 'than', 'exactly', 'actually', 'really', 'quick', 'quickly', 'still', 'else', 'plain', 'short', 'put',
  'currently', 'now', 'today', 'main', 'basic', 'basically', 'anyway', 'kind of', 'sort', 'mean?', 'guys', 'team', 'someone', 'somebody',
  'happen', 'happens', 'happened', 'after', 'before?', 'keep', 'keeps', 'pick', 'choose', 'over', 'thing?', 'stuff', 'lot', 'lots', 'much',
  'more', 'most', 'other', 'others', 'same', 'different?', 'own', 'via', 'per', 'both', 'either', 'neither', 'ever', 'never', 'always',
  // Korean
  '뭐', '뭐야', '뭐예요', '뭔가요', '뭔데', '뭐지', '뭐가', '뭘', '무엇', '무엇인가', '무엇인가요', '뭔지', '어떻게', '어떤', '어떻', '어느', '언제', '왜', '어디',
  '좀', '그냥', '혹시', '진짜', '정말', '제발', '알려줘', '알려주세요', '알려', '설명해줘', '설명해', '궁금', '궁금해', '궁금해요', '질문', '방법', '법', '것', '거', '수', '때',
  '있', '있어', '있나요', '있어요', '없', '없어', '해', '하는', '하나요', '해요', '되', '돼', '되나요', '나', '저', '우리', '너', '이거', '그거', '저거', '이건', '그건',
  '대해', '대해서', '관해', '관해서', '관련', '중', '중에', '안녕', '안녕하세요', '감사', '감사합니다', '고마워', '네', '응', '음', '아', '그리고', '또', '그럼', '근데', '및',
  '해야', '돼요', '되요', '하면', '하려면', '할', '한', '된', '되는', '것은', '거야', '건가요', '건가', '건데', '이야', '인가', '다', '같은', '같이',
  '정확히', '정확하게', '간단히', '간단하게', '간단', '쉽게', '완전', '처음', '처음이라', '모르겠어', '모르겠어요', '모르겠다', '각각', '무슨', '요즘', '요즘도',
  '맞지', '맞나요', '맞아', '맞죠', '정리', '부탁', '부탁드려', '부탁드려요', '부탁해', '알려주실', '알려주세요', '싶어', '싶어요', '싶은데', '해주세요', '해주세',
  '어케', '어캐', '어떡해', '이런거', '저런거', '그런거', '뭐뭐', '뭐임', '뭐였', '뭐였지', '뭐였죠', '뭔', '뭐라고', '걸', '건지', '건', '거죠', '이렇게', '이렇', '저렇게', '그렇게', '다음', '경우', '가능', '가능해',
  'ᄒᄒ', 'ㅎㅎ', 'ㅋㅋ', 'ᄏᄏ', '님', '여러분', '팀', '저희', '제가', '내가', '우리팀', '관련해서', '예시', '예', '부분', '결과',
  '나쁜', '그런', '이런', '저런',
  '땐', '때는', '때도', '한번', '먼저요', '개', '나와', '나와요', '나오는', '나오나', '나옴', '나오지', '안', '못', '중인', '중', '어떻게해', '해줘', '줘', '주세요', '하기', '쓰는법',
]);

/**
 * Technical words the notes may not cover. When a question has one the notes never use
 * ("docker exec", "React"), it is about something else: such a word weighs as much as the
 * rarest known word, while other unknown words ("simply", "정확히") are treated as chatter.
 */
const TECH_TERMS = [
  // Docker and Kubernetes vocabulary beyond the basics
  'exec', 'logs', 'log', '로그', 'network', '네트워크', 'bridge', '브리지', 'port', 'ports', '포트', '포워딩', 'forwarding', 'tag', 'tags', '태그',
  'inspect', 'attach', 'commit', 'login', 'logout', '로그인', 'auth', 'authentication', '인증', 'restart', '재시작', 'policy', 'healthcheck', '헬스체크',
  'entrypoint', 'copy', 'arg', 'expose', 'stage', 'multi-stage', '멀티스테이지', '스테이지', 'buildkit', 'buildx', 'secret', 'secrets', 'backup', '백업', 'restore', '복구',
  'pod', 'pods', '파드', 'kubectl', 'helm', '헬름', 'chart', 'ingress', '인그레스', 'namespace', 'replica', 'replicaset', 'statefulset', 'daemonset',
  'configmap', 'cronjob', 'probe', 'sidecar', 'istio', 'minikube', 'kind', 'k3s', 'rancher', 'podman', 'containerd', 'cri-o', 'nerdctl',
  'registry-mirror', 'proxy', '프록시', 'dns', 'ip', 'ipv6', 'iptables', 'firewall', '방화벽', 'ssl', 'tls', 'certificate', '인증서', 'https',
  'reboot', '재부팅', '부팅', 'boot', 'upgrade', '업그레이드', 'cpu', 'memory', '메모리', 'oom', 'cgroup', 'ulimit', 'gpu', 'nvidia', 'permission', '권한', 'sudo', 'chmod', 'user', 'uid', 'rootless',
  // Troubleshooting: the notes explain concepts, not failures
  'error', 'errors', '에러', '오류', 'bug', '버그', 'fail', 'failed', 'failure', '실패', 'crash', '크래시', 'exception', '예외', 'timeout', '타임아웃',
  'debug', '디버그', '디버깅', 'troubleshoot', 'troubleshooting', 'broken', '깨짐', '안됨', '안돼', '안되',
  'slow', 'slowly', '느려', '느려요', '느림', '느린', 'performance', '성능', 'timezone', '시간대', 'locale', '로케일',
  'desktop', '데스크탑', '데스크톱', 'keyboard', '키보드', 'shortcut', '단축키', 'mouse', '마우스', 'monitor', '모니터', 'printer', '프린터',
  'wifi', '와이파이', 'vpn', 'email', '메일', 'slack', '슬랙', 'zoom', 'jira', '지라', 'confluence', 'notion', '노션',
  // Other tools and languages teams ask about
  'git', 'github', 'gitlab', 'rebase', 'merge', 'branch', '브랜치', 'jenkins', 'ci', 'cd', 'terraform', 'ansible', 'vagrant',
  'aws', 'ec2', 's3', 'lambda', 'gcp', 'azure', 'cloud', '클라우드', 'bill', 'billing', '요금', 'cost', '비용',
  'react', '리액트', 'useeffect', 'vue', 'angular', 'svelte', 'css', 'html', 'div', 'javascript', '자바스크립트', 'typescript', '타입스크립트', 'js', 'ts', 'node', 'nodejs', 'npm',
  'python', '파이썬', 'virtualenv', 'venv', 'conda', 'pip', 'pandas', 'numpy', 'django', 'flask', 'java', '자바', 'spring', 'kotlin', 'golang', 'rust', 'ruby', 'php', 'c++',
  'sql', 'join', 'postgres', 'redis', '레디스', 'kafka', '카프카', 'mongodb', 'elasticsearch', 'nginx', 'apache', 'tomcat',
  'vim', 'emacs', 'vscode', 'intellij', 'excel', '엑셀', 'vlookup', 'regex', '정규표현식', 'json', 'xml', 'api', 'http', 'graphql',
  'macbook', '맥북', 'mac', 'macos', 'ios', 'android', 'iphone',
];

/**
 * Concepts that say what kind of answer is wanted (a definition, a command to show something,
 * advice), and words so general that any topic has them: they count for less, so
 * "쿠버네티스 설명" is about Kubernetes, not about whichever note says 뜻 or 설명 in an alias.
 */
const INTENT_CONCEPTS = ['definition', 'show', 'use', 'recommend', 'system', 'info', 'command', 'config', 'manage'];

/** Words that ask what something is or does: 뭐야, 무엇, 설명, 개념, what, explain. */
const WHAT_IS_CUE = /\b(?:what|whats|explain|define|definition|meaning|means?|describe)\b|뭐|뭔|뭘|머에|머야|무엇|무슨|설명|개념|정의|뜻|의미|란\b|이란|하는 ?일|역할/i;

function buildConcepts(): { exact: Map<string, string>; stems: Array<[string, string]>; phrases: Array<[string, string]> } {
  const exact = new Map<string, string>();
  const stems: Array<[string, string]> = [];
  const phrases: Array<[string, string]> = [];
  for (const [canonical, ...forms] of CONCEPTS) {
    if (!canonical) continue;
    exact.set(canonical, canonical);
    for (const raw of forms) {
      const form = raw.normalize('NFC').toLowerCase();
      if (form.endsWith('*')) stems.push([form.slice(0, -1).replace(/\s+/g, ''), canonical]);
      else if (/\s/.test(form)) phrases.push([form, canonical]);
      else exact.set(form, canonical);
    }
  }
  stems.sort((a, b) => b[0].length - a[0].length);
  phrases.sort((a, b) => b[0].length - a[0].length);
  return { exact, stems, phrases };
}

export const LEXICON = {
  ...buildConcepts(),
  variants: new Map(Object.entries(VARIANTS)),
  suffixes: KOREAN_SUFFIXES,
  stopwords: STOPWORDS,
  techTerms: TECH_TERMS,
  intentConcepts: new Set(INTENT_CONCEPTS),
  whatIsCue: WHAT_IS_CUE,
};
