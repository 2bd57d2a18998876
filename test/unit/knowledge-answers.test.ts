/**
 * The classes of issue #10, each with small examples of our own: three outcomes, Docker topics the notes
 * lack, identifiers, long Slack messages, $ versus $(), small talk, and did-you-mean.
 */
import { describe, expect, it, vi } from 'vitest';
import { BUNDLED_KNOWLEDGE_DIR } from '../../src/config.ts';
import { loadKnowledgeBase } from '../../src/knowledge/index.ts';
import { HOW_ASKED, isKoreanPredicate, tokenize } from '../../src/knowledge/normalize.ts';
import { createKnowledgeBase } from '../../src/knowledge/search.ts';
import type { KnowledgeEntry } from '../../src/knowledge/types.ts';

const { kb } = loadKnowledgeBase(BUNDLED_KNOWLEDGE_DIR);
const top = (q: string) => kb.ask(q).matches[0]?.entry.id;
/** Asks q, expects it partly covered by the note id, and gives what the note lacks, as typed. */
function partialOf(q: string, id: string): string[] | undefined {
  const answer = kb.ask(q);
  expect(answer.outcome).toBe('partial');
  expect(answer.matches[0]?.entry.id).toBe(id);
  return answer.partial?.missing;
}
/** Asks q and expects the note id to answer it with confidence. */
function expectAnswered(q: string, id: string): void {
  expect(kb.ask(q).outcome).toBe('answered');
  expect(top(q)).toBe(id);
}

/** A note of its own: a title, a body, nothing else. */
const note = (id: string, title: string, body: string): KnowledgeEntry => ({
  id,
  title,
  titleEn: title,
  aliases: [],
  tags: [],
  related: [],
  body,
  file: `${id}.md`,
});

describe('three outcomes', () => {
  it('answers when the best note covers the question', () => {
    const answer = kb.ask('도커 이미지 삭제할 때 순서');
    expect(answer).toMatchObject({ outcome: 'answered', answered: true });
    expect(answer.partial).toBeUndefined();
    expect(top('도커 이미지 삭제할 때 순서')).toBe('deletion-order');
  });

  it('says partial, with the words covered and those lacking as typed, when the note has the subject only', () => {
    const answer = kb.ask('도커 루트 디렉토리 위치를 옮기는 법');
    expect(answer).toMatchObject({ outcome: 'partial', answered: false });
    expect(answer.matches[0]?.entry.id).toBe('docker-root-dir');
    expect(answer.partial?.missing).toEqual(['옮기는']);
    expect(answer.partial?.covered).toEqual(expect.arrayContaining(['루트']));
  });

  it('names a missing command line whole, and not its last word as covered', () => {
    const answer = kb.ask('docker image prune 돌려도 안전한가요?');
    expect(answer.outcome).toBe('partial');
    expect(answer.partial?.missing).toEqual(['docker image prune']);
    expect(answer.partial?.covered).not.toContain('prune');
  });

  it('says none when nothing in the notes is about it', () => {
    expect(kb.ask('점심 뭐 먹을까요?')).toMatchObject({ outcome: 'none', answered: false, matches: [] });
  });
});

describe('Docker, but not in the notes', () => {
  it.each([
    ['docker system prune -a 써도 돼?', 'a subcommand and a flag the notes lack'],
    ['docker run 할 때 --restart 옵션', 'a flag'],
    ['Dockerfile 에서 COPY 랑 ADD 중에 뭐 써요?', 'Dockerfile instructions'],
    ['compose 에서 healthcheck 거는 법', 'a Compose key'],
    ['kubectl rollout status 보는 법', 'a kubectl subcommand'],
    ['도커 볼륨 백업은 어떻게 해요?', 'an operation'],
    ['how do I push my image to a private registry after docker login', 'docker login'],
  ])('%s is not answered (%s)', (q) => {
    expect(kb.ask(q).answered).toBe(false);
  });

  it('offers the note of the subject as partial for a Docker aspect it lacks', () => {
    const answer = kb.ask('docker-compose.yml 에서 depends_on 은 어떻게 써요?');
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe('docker-compose');
    expect(answer.partial?.missing).toEqual(['depends_on']);
  });

  it('says none, not partial, when the lacking word belongs to another subject', () => {
    expect(kb.ask('python 리스트 정렬하는 법').outcome).toBe('none');
    expect(kb.ask('React 앱을 도커 이미지로 빌드').outcome).not.toBe('answered');
  });
});

describe('unknown technical words are topic words', () => {
  it.each([
    'useState vs useReducer',
    'snake_case 변수명 규칙',
    'nginx.conf 위치',
    'ec2 인스턴스 타입 추천',
    'terraform 이랑 ansible 차이',
  ])('%s is not answered with a Docker note', (q) => {
    expect(kb.ask(q).answered).toBe(false);
  });
});

describe('long Slack messages', () => {
  it.each([
    [
      '<@U0TEAM> 안녕하세요, 이번 주에 온 신입입니다 :wave: 팀 노트북이 전부 윈도우라서요. 여기에 도커를 쓰려면 뭘 먼저 깔아야 해요?',
      'wsl',
    ],
    [
      '어제 스테이징에서 이미지 지우려다가 "image is being used" 에러가 났어요 ㅠㅠ 컨테이너랑 이미지 중 뭘 먼저 지워야 하나요?',
      'deletion-order',
    ],
    [
      '팀에서 서비스 세 개를 각각 docker run 으로 띄우고 있는데요, 여러 컨테이너 구성을 yaml 파일 하나로 정의하는 도구가 있다던데 그게 뭔가요?',
      'docker-compose',
    ],
    [
      'Sorry for the long message :pray: we deploy two containers today, next quarter maybe fifty across servers. When should we move from plain Docker to Kubernetes?',
      'docker-vs-kubernetes',
    ],
  ])('finds the question in %j', (q, id) => {
    const answer = kb.ask(q);
    expect(answer.outcome).toBe('answered');
    expect(answer.matches[0]?.entry.id).toBe(id);
  });

  it('does not let one word of the story (a DB) pull the answer', () => {
    const q = '주문 DB 를 옮기는 작업 중인데요. 컨테이너가 여러 개일 때는 도커랑 쿠버네티스 중에 뭘 써요?';
    expect(kb.ask(q).outcome).toBe('answered');
    expect(['docker-vs-kubernetes', 'kubernetes']).toContain(top(q));
  });

  it('reads a question that names nothing as asking about the sentence before it', () => {
    const q = '호스트 폴더를 컨테이너 안에서 그대로 쓰는 기능이 있다고 들었어요. 그게 뭔가요?';
    expect(kb.ask(q)).toMatchObject({ outcome: 'answered' });
    expect(top(q)).toBe('disk-mount');
  });

  it('reads the question first when a long paste comes before it', () => {
    const log = Array.from({ length: 80 }, (_, i) => `line ${i}: GET /healthz 200`).join('\n');
    expect(top(`${log}\n도커 루트 디렉토리는 어디예요?`)).toBe('docker-root-dir');
  });
});

describe('one shared word does not carry an answer (round 2, class 4)', () => {
  it.each([
    ['신종 플루 격리 지침 알려주세요', '격리 in another sense'],
    ['사진 배경 지우는 앱 있어요?', '지우다 and image in another sense'],
    ['주말에 hub 공항 가는 버스 있나요', 'hub in another sense'],
    ['클러스터 두통이 심해요', 'cluster in another sense'],
    ['the printer on 2nd floor is broken', 'nothing of the notes at all'],
    ['배포 자료 복사해서 나눠 주세요', '배포 as a handout, and an action of its own'],
  ])('%s is not answered (%s)', (q) => {
    expect(kb.ask(q).outcome).not.toBe('answered');
  });

  it('reads what a delete or an install is asked of: the note must have that thing', () => {
    expect(kb.ask('프로필 사진 배경 지우는 방법').answered).toBe(false);
    expect(kb.ask('how to install windows updates manually').answered).toBe(false);
    expect(top('도커 이미지 지우는 순서')).toBe('deletion-order');
    expect(kb.ask('install docker on windows')).toMatchObject({ outcome: 'answered' });
  });

  it('prefers the note that installs the asked thing to one that installs something else (round 2, class 7)', () => {
    // The traditional-vs-Docker table has "mysql 설치" and "docker vs traditional install"; WSL installs Docker.
    expect(top('도커 설치 방법')).toBe('wsl');
    expect(top('docker install guide')).toBe('wsl');
    const partly = kb.ask('how to install windows updates manually');
    expect(partly.answered).toBe(false);
    expect(partly.partial?.covered ?? []).not.toContain('install');
  });

  it('does not answer a question about containers with a note that has none of its Docker words', () => {
    expect(kb.ask('how do I open a shell in a running container').answered).toBe(false);
  });

  it('still answers when the word has its Docker sense', () => {
    expect(kb.ask('격리 환경이 뭐예요?')).toMatchObject({ outcome: 'answered' });
    expect(top('격리 환경이 뭐예요?')).toBe('docker-advantages');
    expect(top('Windows 에서 도커 쓰려면?')).toBe('wsl');
  });
});

describe("partial only for the note's subject, and for what the notes lack (round 2, class 6)", () => {
  it.each(['the elevator is broken again', 'lunch menu is broken'])('%j is none, not partial', (q) => {
    expect(kb.ask(q)).toMatchObject({ outcome: 'none' });
  });

  it.each([
    ['remove all unused containers at once', 'deletion-order', 'unused'],
    ['docker image ls 를 이름순으로 정렬하는 법', 'listing-commands', '정렬하는'],
    ['can I nest $() inside another $()?', 'command-substitution', 'nest'],
    ['도커 루트 디렉터리 공간 늘리는 방법', 'docker-root-dir', '늘리는'],
  ])('%s is partly covered by %s, lacking %s', (q, id, lacking) => {
    expect(partialOf(q, id)).toContain(lacking);
  });
});

describe('long messages that introduce the writer and ask politely (round 2, class 1)', () => {
  it.each([
    [
      '안녕하세요, 결제팀 이도윤입니다. 스웜이 어떤 일을 하는지 짧게 정리해서 알려주시면 감사하겠습니다.',
      'docker-swarm',
    ],
    [
      "Hi, I'm Lena, an analyst on the growth team (mostly SQL and Python). Could someone give me the gist of what a registry is?",
      'docker-registry',
    ],
    ['프론트엔드 개발자 한지우라고 합니다. 오케스트레이션 개념을 한 줄로 요약해주세요.', 'orchestration'],
  ])('%s → %s', (q, id) => {
    expect(kb.ask(q).outcome).toBe('answered');
    expect(top(q)).toBe(id);
  });
});

describe('what is asked for outweighs the setting (round 2, class 2)', () => {
  it('answers the asked listing, not the deletion of the setting', () => {
    const q = '서버 디스크가 꽉 차서 오래된 걸 지우려는데, 지우기 전에 이미지 목록부터 보고 싶어요';
    expect(top(q)).toBe('listing-commands');
  });
});

describe('typos on several words at once (round 2, class 3)', () => {
  it.each([
    ['teh differnce between docker and kubernetes', 'docker-vs-kubernetes'],
    ['whta does a registery do', 'docker-registry'],
  ])('%s → %s', (q, id) => {
    expect(kb.ask(q).outcome).toBe('answered');
    expect(top(q)).toBe(id);
  });
});

describe('$ versus $()', () => {
  it.each([
    ['$ 혼자 쓰면 무슨 의미예요?', 'shell-variable'],
    ['괄호 없는 달러 기호', 'shell-variable'],
    ['변수 이름 앞에 붙이는 $', 'shell-variable'],
    ['what is a bare $ in a shell script', 'shell-variable'],
    ['$HOME 같은 건 뭐야', 'shell-variable'],
    ['$( ) 로 감싸면 어떻게 돼요', 'command-substitution'],
    ['달러 괄호 문법', 'command-substitution'],
    ['using the output of one command inside another with $(...)', 'command-substitution'],
    ['the dollar-paren trick in my bash script', 'command-substitution'],
    ['dollar followed by round brackets, what is that', 'command-substitution'],
    ['a dollar sign without any parentheses', 'shell-variable'],
    ['the dollar sign with parentheses around a command', 'command-substitution'],
  ])('%s → %s', (q, id) => {
    expect(top(q)).toBe(id);
  });
});

describe('small talk', () => {
  it.each([
    ['안녕하세요~', 'greeting'],
    ['hi all :wave:', 'greeting'],
    ['좋은 아침이에요', 'greeting'],
    ['감사합니다!! 덕분에 해결했어요', 'thanks'],
    ['thank you so much 🙏', 'thanks'],
    [':+1:', 'thanks'],
    ['넵 알겠습니다 ㅎㅎ', 'thanks'],
    ['ㅂㅂ', 'greeting'],
    ["cheers, that's exactly what I needed :raised_hands:", 'thanks'],
    ['perfect, just what we were looking for', 'thanks'],
  ])('%s is %s, not a question', (q, chat) => {
    expect(kb.ask(q)).toMatchObject({ chat, outcome: 'none', matches: [] });
  });

  it('is a question when one follows the greeting', () => {
    const answer = kb.ask('안녕하세요! 도커 스웜이 뭐예요?');
    expect(answer.chat).toBeUndefined();
    expect(answer.matches[0]?.entry.id).toBe('docker-swarm');
  });
});

describe('did you mean', () => {
  it('offers only notes sharing a meaningful word with the question', () => {
    const answer = kb.ask('kubernetes namespace 나누는 법');
    expect(answer.answered).toBe(false);
    expect(answer.matches.length).toBeGreaterThan(0);
    for (const m of answer.matches)
      expect(`${m.entry.body} ${m.entry.aliases.join(' ')}`).toMatch(/쿠버네티스|kubernetes/i);
  });

  it.each(['emacs 설정 파일 위치', 'JavaScript 배열 정렬'])('offers nothing for %j', (q) => {
    expect(kb.ask(q).matches).toEqual([]);
  });
});

describe('on any notes', () => {
  const small = createKnowledgeBase([
    note('run', 'docker run', 'docker run -d starts a container in the background'),
    note('ps', 'docker ps', 'docker ps lists running containers'),
  ]);

  it('matches a command line and a flag a note has', () => {
    expect(small.ask('what does docker run -d do').matches[0]?.entry.id).toBe('run');
  });

  it('treats a subcommand no note has as what the question lacks', () => {
    const answer = small.ask('docker exec 로 컨테이너 들어가기');
    expect(answer.answered).toBe(false);
  });
});

describe('round 3: adverbs, the copula, and a self-introduction that ends in 잘 부탁드려요', () => {
  it('an adverb in the sentence that names the topic (자꾸, 혹시) is no topic of its own', () => {
    const q = '요즘 스터디에서 쿠버네티스라는 단어가 자꾸 들려서요. 그게 정확히 뭔가요?';
    expect(kb.ask(q).outcome).toBe('answered');
    expect(top(q)).toBe('kubernetes');
  });

  it('a known noun with the copula (하나일 때, 여러 개일 때) is that noun', () => {
    const q = '컨테이너가 하나일 때도 쿠버네티스를 꼭 써야 해요?';
    expect(kb.ask(q).outcome).toBe('answered');
    expect(top(q)).toBe('docker-vs-kubernetes');
  });

  it('an introduction closed with 잘 부탁드려요 is a greeting, a request with 부탁드려요 still asks', () => {
    expect(kb.ask('안녕하세요 데이터팀 이서연입니다 잘 부탁드립니다').chat).toBe('greeting');
    expect(kb.ask('잘 부탁드려요! 도커 컴포즈 설명 부탁드려요').chat).toBeUndefined();
  });
});

describe('round 3: setting something up is an operation; what a thing is made of is not its settings', () => {
  it('asks to set something up that the best note never sets up: partial, never answered', () => {
    const answer = kb.ask('mysql 컨테이너 접속 계정 설정은 어떻게 해요?');
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe('traditional-vs-docker');
  });

  it('a noun made a passive verb (대체된, 설치된) is that noun, and a participle is a state, not the asked operation', () => {
    const replaced = '스웜은 이제 안 쓰고 쿠버네티스로 대체된 건가요?';
    expect(kb.ask(replaced).outcome).toBe('answered');
    expect(top(replaced)).toBe('docker-swarm');
    expect(kb.ask('설치된 이미지 목록 보는 법')).toMatchObject({ outcome: 'answered' });
    expect(top('설치된 이미지 목록 보는 법')).toBe('listing-commands');
  });

  it('what a thing is made of (뭘로 이루어져, 구성돼) still finds its note', () => {
    expect(top('클러스터가 뭘로 이루어져 있나요?')).toBe('cluster');
    expect(top('클러스터는 어떻게 구성돼 있어요?')).toBe('cluster');
  });
});

describe('round 3: pronouns and prepositions name nothing', () => {
  it("'their', 'across' and the like do not weigh as rare note words", () => {
    const q =
      'we have containers spread across 5 servers, what is the general term for managing them and their config?';
    expect(kb.ask(q).outcome).toBe('answered');
    expect(top(q)).toBe('orchestration');
  });
});

describe('round 3: long messages read closer', () => {
  it('대체 or 도대체 before a question word is "on earth", not replace', () => {
    expect(top('도커가 대체 뭔가요?')).toBe('docker-overview');
    expect(top('스웜은 무엇으로 대체됐나요?')).toBe('docker-swarm');
  });

  it('a question after a colon is a sentence of its own, not part of the setting before it', () => {
    const q = 'Quick sanity check before my interview tomorrow: what does the Docker Engine actually do?';
    expect(kb.ask(q).outcome).toBe('answered');
    expect(top(q)).toBe('docker-engine');
  });

  it('a clause of the asking sentence itself counts more than a sentence of context', () => {
    const q = '회사에서 윈도우 PC를 받았는데요, 거기서 도커를 쓰려면 어떤 도구가 필요해요?';
    expect(kb.ask(q).outcome).toBe('answered');
    expect(top(q)).toBe('wsl');
  });
});

describe('round 3: the most spoken English words weigh little even when one note summary uses them', () => {
  it('"enough" does not pull a question away from its subject', () => {
    const q = 'When service is many containers, kubernetes is need? or docker is enough?';
    expect(kb.ask(q).outcome).toBe('answered');
    expect(top(q)).toBe('kubernetes');
  });
});

describe('round 4: partial when the note holds the subject but not the operation or detail asked', () => {
  it.each([
    ['쿠버네티스 클러스터 초기화 방법', 'cluster'],
    ['how do I initialize a docker swarm', 'docker-swarm'],
    ['how do I rename a kubernetes cluster', 'cluster'],
  ])('%j asks an operation the note lacks: partial with %s', (q, id) => {
    const answer = kb.ask(q);
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe(id);
  });

  it('offers part when two subject words are in the note and the detail asked is not', () => {
    const answer = kb.ask('remove all old images and containers in one go');
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe('deletion-order');
  });

  it('does not offer part to another subject sharing Docker words', () => {
    expect(kb.ask('이미지 생성 AI 추천해줘 미드저니 같은 거').outcome).toBe('none');
  });
});

describe('round 4: long Slack messages', () => {
  it('a question about a quoted phrase asks about the quote, not the words around it', () => {
    const q = "리뷰 코멘트에 '컨테이너는 일회용이라 생각하세요'라고 달렸는데 무슨 뜻이에요?";
    expect(kb.ask(q).outcome).toBe('answered');
    expect(top(q)).toBe('image-container-usage');
  });

  it('a question that names nothing asks about the story, not about where the asker read it', () => {
    for (const [q, id] of [
      ['Sorry, beginner here. I keep reading about docker swarm in our old wiki. What was it for?', 'docker-swarm'],
      [
        "Sorry for the noob question 🙈 I keep seeing 'docker engine' in our runbooks. What does it actually do?",
        'docker-engine',
      ],
    ]) {
      expect(kb.ask(q!).outcome).toBe('answered');
      expect(top(q!)).toBe(id);
    }
  });

  it('reads the clause after a question that names nothing as what it asks about', () => {
    for (const [q, id] of [
      [
        'A teammate is joining from the mobile team next week. What do they need to read before they start with Kubernetes clusters?',
        'cluster',
      ],
      [
        'Our two new contractors only have Windows laptops. What is the thing they need before they can install Docker?',
        'wsl',
      ],
    ]) {
      expect(kb.ask(q!).outcome).toBe('answered');
      expect(top(q!)).toBe(id);
    }
  });

  it('reads a Korean verb of becoming many (많아지면, 많아질수록) as many', () => {
    for (const q of [
      '신규 서비스 오픈 준비 중이에요. 컨테이너가 많아지면 뭘 써요?',
      '운영하는 컨테이너가 많아질수록 도커만으로 충분한가요?',
    ]) {
      expect(kb.ask(q).outcome).toBe('answered');
      expect(top(q)).toBe('docker-vs-kubernetes');
    }
  });
});

describe('round 5: how people point at the notes, set things aside and lay out the answer', () => {
  it('a word for the notes themselves (노트엔, the docs, remind me) is where to look, not the topic', () => {
    for (const [q, id] of [
      ['우리 노트엔 스웜이 어떻게 정리돼 있어요?', 'docker-swarm'],
      ['노트에서는 쿠버네티스를 뭐라고 정의해요?', 'kubernetes'],
      ['What do the docs say about mounting a host folder into a container?', 'disk-mount'],
      ['Can you remind me where Docker keeps its root directory?', 'docker-root-dir'],
    ]) {
      expect(kb.ask(q!).outcome, q).toBe('answered');
      expect(top(q!), q).toBe(id);
    }
  });

  it('a question word typed onto a particle (이뭔가요, 가뭐야) is the question, not a name', () => {
    for (const [q, id] of [
      ['스웜 이뭔가요', 'docker-swarm'],
      ['도커 엔진 이뭐임', 'docker-engine'],
    ]) {
      expect(kb.ask(q!).outcome, q).toBe('answered');
      expect(top(q!), q).toBe(id);
    }
  });

  it('what is set aside (A 말고, other than A) is not what is asked', () => {
    expect(top('engine 말고 다른 도커 구성요소는 뭐가 있어요?')).toBe('docker-components');
    expect(top('Other than the engine, which components make up Docker?')).toBe('docker-components');
    // "깔지 말고" is "don't install": the install is still what the question is about.
    expect(top('mysql 서버에 직접 깔지 말고 도커로 돌리면 뭐가 달라요?')).toBe('traditional-vs-docker');
  });

  it('how the answer should be laid out (리스트로, as a list) is no topic word', () => {
    const q = 'list what the docker engine does, as a list';
    expect(kb.ask(q).outcome).toBe('answered');
    expect(top(q)).toBe('docker-engine');
    // The listing note is offered only for its own word, not for how the answer is laid out.
    const korean = kb.ask('Docker Engine이 하는 일을 리스트로 알려줘');
    expect(korean.outcome).toBe('answered');
    expect(korean.matches.map((m) => m.entry.id)).toEqual(expect.not.arrayContaining(['listing-commands']));
    expect(korean.matches[0]?.entry.id).toBe('docker-engine');
  });

  it('a verb stem fused with its ending (바꿀, 바꿨) is that verb, and only an ending fuses (지원 is not 지우)', () => {
    const q = '운영 컨테이너 기능 바꿀 땐 어떻게 해요?';
    expect(kb.ask(q).outcome).toBe('answered');
    expect(top(q)).toBe('image-container-usage');
    expect(tokenize('바꿨')).toEqual(['modify']);
    expect(tokenize('지원')).toEqual(['지원']);
  });

  it('an operation inside quoted code is shown, not asked', () => {
    for (const q of [
      '`docker rmi $(docker images -q)` 이 줄에서 $() 는 무슨 문법이죠?',
      'In `docker rm $(docker ps -aq)`, what does the dollar with parentheses do?',
    ]) {
      expect(kb.ask(q).outcome, q).toBe('answered');
      expect(top(q), q).toBe('command-substitution');
    }
  });
});

describe('round 5: a command asked of a note that shows none', () => {
  it('is partial: the note has the subject, not the command', () => {
    for (const [q, id, lacking] of [
      ['WSL 설치하는 명령어 알려줘', 'wsl', '명령어'],
      ['스웜 클러스터 만드는 명령어가 뭐예요?', 'docker-swarm', '명령어가'],
      ['What command pushes an image to Docker Hub?', 'docker-registry', 'command'],
    ]) {
      const answer = kb.ask(q!);
      expect(answer.outcome, q).toBe('partial');
      expect(answer.matches[0]?.entry.id, q).toBe(id);
      expect(answer.partial?.missing, q).toContain(lacking);
    }
  });

  it('is answered when the note shows the command, or speaks of commands as its subject', () => {
    expect(kb.ask('도커 루트 디렉토리 확인 명령어')).toMatchObject({ outcome: 'answered' });
    expect(top('도커 루트 디렉토리 확인 명령어')).toBe('docker-root-dir');
    expect(kb.ask('도커 명령어는 누가 실행해')).toMatchObject({ outcome: 'answered' });
    expect(top('도커 명령어는 누가 실행해')).toBe('docker-engine');
  });
});

describe('round 5: words that name no subject of their own', () => {
  it('"좀" typed onto a word and generic English nouns (tech, sum) leave the question its topic', () => {
    for (const [q, id] of [
      ['스웜이 뭐임 정리좀', 'docker-swarm'],
      ['what kind of tech is swarm, in a few words', 'docker-swarm'],
    ]) {
      expect(kb.ask(q!).outcome, q).toBe('answered');
      expect(top(q!), q).toBe(id);
    }
  });

  it("shell syntax beside $() is of the notes' world: set aside, answered; compared, partial", () => {
    expect(kb.ask('backtick 대신 $() 쓰면 어떻게 동작해?')).toMatchObject({ outcome: 'answered' });
    expect(top('backtick 대신 $() 쓰면 어떻게 동작해?')).toBe('command-substitution');
    const compared = kb.ask('backtick이랑 $() 차이가 뭐임?');
    expect(compared.outcome).toBe('partial');
    expect(compared.partial?.missing).toEqual(['backtick']);
  });
});

describe('round 5: $ compared with $()', () => {
  it.each([
    ['is $VAR the same thing as $(VAR)?', 'shell-variable'],
    ['달러 하나만 쓰는 거랑 달러에 괄호 붙인 거 차이 알려줘', 'shell-variable'],
    ['`$VAR`랑 `$(cmd)` 자꾸 헷갈려요', 'shell-variable'],
    ['command substitution 이 $() 쪽이에요 아니면 그냥 $ 쪽이에요?', 'command-substitution'],
  ])('%s is about the one named first: %s', (q, id) => {
    expect(kb.ask(q).outcome).toBe('answered');
    expect(
      kb
        .ask(q)
        .matches.map((m) => m.entry.id)
        .slice(0, 2),
    ).toEqual([id, id === 'shell-variable' ? 'command-substitution' : 'shell-variable']);
  });

  it('a $ "without parentheses", or a variable given what $() prints, is no comparison', () => {
    expect(top('명령어에 괄호 없이 $ 하나만 붙어 있으면 그건 뭘 의미해?')).toBe('shell-variable');
    expect(top('변수에 $() 결과 넣기')).toBe('command-substitution');
  });
});

describe('round 5: Korean names of Docker and Kubernetes vocabulary', () => {
  it.each([
    ['호스트 폴더를 읽기전용으로 마운트하려면?', 'disk-mount', '읽기전용으로'],
    ['쿠버네티스에서 시크릿은 어떻게 써요?', 'kubernetes', '시크릿은'],
    ['Dockerfile 빌드할 때 캐시 안 쓰려면?', 'dockerfile-build-flow', '캐시'],
  ])('%s: %s has the subject, not %s', (q, id, lacking) => {
    expect(partialOf(q, id)).toEqual([lacking]);
  });
});

describe('round 5: commands and states no note shows', () => {
  it.each([
    ['Docker Hub에 내 이미지 push 하는 방법', 'docker-registry', 'push'],
    ['how do I see stopped containers too, not just the running ones', 'listing-commands', 'stopped'],
    ['중지된 컨테이너까지 목록에 보이게 하려면?', 'listing-commands', '중지된'],
  ])('%s: %s covers part, lacking %s', (q, id, lacking) => {
    expect(partialOf(q, id)).toEqual([lacking]);
  });

  it('sharing images is still the registry note', () => {
    expect(kb.ask('이미지 공유하는 곳이 어디야?')).toMatchObject({ outcome: 'answered' });
    expect(top('이미지 공유하는 곳이 어디야?')).toBe('docker-registry');
  });
});

describe('round 5: 올리다 is no operation of its own', () => {
  it('bringing Docker up on Windows is the WSL note, not sharing', () => {
    expect(kb.ask('윈도우 노트북에서는 도커를 어떤 식으로 올려서 쓰나요?')).toMatchObject({ outcome: 'answered' });
    expect(top('윈도우 노트북에서는 도커를 어떤 식으로 올려서 쓰나요?')).toBe('wsl');
  });

  it('raising a version is an upgrade, which the engine note lacks', () => {
    const answer = kb.ask('Docker Engine 버전 올리려면 어떻게 해요?');
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe('docker-engine');
  });
});

describe("round 5: Docker's own files, output columns and the other orchestrators are of Docker's world", () => {
  it.each([
    ['도커 루트 디렉토리를 바꾸려면 daemon.json에 뭐 넣어요?', 'docker-root-dir', 'json'],
    ['docker system df 결과에 RECLAIMABLE은 뭐예요?', 'listing-commands', 'RECLAIMABLE'],
    ['Are Nomad or ECS orchestration tools too?', 'orchestration', 'Nomad'],
  ])('%s: %s covers part, lacking %s', (q, id, lacking) => {
    expect(partialOf(q, id)).toContain(lacking);
  });

  it('a Docker file no note has the subject of is still not covered', () => {
    expect(kb.ask('.dockerignore 에는 뭘 적어요?').outcome).toBe('none');
  });
});

describe('round 5: the ways people leave a channel', () => {
  it.each([
    '고생하셨어요',
    '오늘도 고생 많으셨어요 :wave:',
    '먼저 퇴근할게요',
    '이만 가볼게요',
    '전 이만~',
    '주말 잘 보내세요 :)',
    '담에 봬요',
    '굿밤',
    'gotta run',
    'heading out for today',
    "I'm off, see you all",
    'logging off for today :wave:',
    'catch you later',
    'night all',
    'until next time',
  ])('%s is small talk', (q) => {
    expect(kb.ask(q)).toMatchObject({ outcome: 'none', matches: [] });
    expect(kb.ask(q).chat).toBeDefined();
  });

  it('a question after a goodbye or a word of politeness is still answered', () => {
    expect(top('이만 가볼게요. 아 그 전에 도커 루트 디렉토리 어디예요?')).toBe('docker-root-dir');
    expect(kb.ask('수고하셨습니다 그런데 스웜은 뭐예요?')).toMatchObject({ outcome: 'answered' });
    expect(top('수고하셨습니다 그런데 스웜은 뭐예요?')).toBe('docker-swarm');
  });
});

describe('round 5: a minimum or a maximum the notes never give', () => {
  it.each([
    ['클러스터에 노드 최소 몇 개 있어야 돼?', 'cluster', '최소'],
    ['Is there a minimum number of nodes for a cluster?', 'cluster', 'minimum'],
  ])('%s: %s covers part, lacking %s', (q, id, lacking) => {
    expect(partialOf(q, id)).toEqual([lacking]);
  });

  it('최대한 and 최소한 are adverbs ("as … as possible"), not limits', () => {
    expect(kb.ask('최대한 쉽게 스웜 설명해줘')).toMatchObject({ outcome: 'answered' });
  });
});

describe('round 6: the note that answers the whole question comes first', () => {
  it('a close second that shows the command asked for beats a first that shows none', () => {
    const q = '서버에 도커가 이미지랑 컨테이너를 얼마나 들고 있는지 한 번에 보고 싶은데 어떤 명령어 쓰면 돼요?';
    expect(kb.ask(q)).toMatchObject({ outcome: 'answered' });
    expect(top(q)).toBe('listing-commands');
  });
});

describe('round 6: what a thing is made of is its components', () => {
  it.each(['what is docker made of?', 'which pieces make up docker', '도커를 구성하는 요소가 뭐예요?'])('%s', (q) => {
    expect(kb.ask(q)).toMatchObject({ outcome: 'answered' });
    expect(top(q)).toBe('docker-components');
  });
});

describe('round 6: a note that lists running containers only answers whether stopped ones are listed', () => {
  it.each(['container ls 하면 꺼진 컨테이너도 보여요?', 'does docker container ls list exited containers as well?'])(
    '%s is answered by the listing note',
    (q) => {
      expect(kb.ask(q)).toMatchObject({ outcome: 'answered' });
      expect(top(q)).toBe('listing-commands');
    },
  );

  it.each(['꺼진 컨테이너까지 목록에 보이게 하려면?', 'how do I list exited containers as well?'])(
    '%s asks how, which the note does not say',
    (q) => {
      expect(kb.ask(q)).toMatchObject({ outcome: 'partial' });
      expect(top(q)).toBe('listing-commands');
    },
  );
});

describe('round 6: a setup is an arrangement, not an installation', () => {
  it('"the recommended setup" of the root directory is what the note recommends', () => {
    const q = "What's the recommended setup for the docker root dir?";
    expect(kb.ask(q)).toMatchObject({ outcome: 'answered' });
    expect(top(q)).toBe('docker-root-dir');
  });

  it('Docker set up on Windows is still installing it there', () => {
    expect(top('docker setup on windows')).toBe('wsl');
    expect(kb.ask('docker setup on windows')).toMatchObject({ outcome: 'answered' });
  });
});

describe('round 6: counters, time words and the parts of a document are no subject', () => {
  it('"두세 가지", "다음 주", "슬라이드" and what you gain (얻는) leave the advantages asked for', () => {
    const q = '다음 주 발표 슬라이드에 넣을 건데 도커 쓰면 얻는 장점 두세 가지만 정리해줘';
    expect(kb.ask(q)).toMatchObject({ outcome: 'answered' });
    expect(top(q)).toBe('docker-advantages');
  });

  it('a schedule is still a subject of its own', () => {
    expect(kb.ask('배포 일정 언제예요?').outcome).toBe('none');
  });
});

describe('round 6: Docker terms made of words the notes use apart', () => {
  it.each([
    ['compose 에서 환경변수 넣는 법', 'docker-compose', '환경변수'],
    ['how do I set environment variables in a compose file?', 'docker-compose', 'environment variables'],
    // Round 9: the default name (기본 파일명) is one term.
    ['컴포즈 기본 파일명이 뭐야?', 'docker-compose', '기본 파일명'],
  ])('%s: %s covers part, lacking %s as typed', (q, id, lacking) => {
    expect(partialOf(q, id)).toEqual([lacking]);
  });

  it('the root user is not the root directory', () => {
    expect(kb.ask('컨테이너 루트 권한 없이 실행하는 법').outcome).toBe('none');
  });
});

describe('round 6: what the note lacks is shown as typed, phrases too', () => {
  it('a phrase read as one word is named as the user wrote it, not as the word it was read as', () => {
    expect(kb.ask('도커 엔진 버전 올리는 법').partial?.missing).toEqual(['버전 올리']);
  });
});

describe("round 6: tags, private registries, logging in and downtime are of Docker's world", () => {
  it.each([
    ['이미지 수정하고 컨테이너를 무중단으로 갈아끼우는 법', 'image-container-usage', ['무중단으로']],
    ['프라이빗 레지스트리는 어떻게 만들어요?', 'docker-registry', ['프라이빗']],
    ['도커 허브 말고 사설 레지스트리에 로그인하려면?', 'docker-registry', ['사설', '로그인하려면']],
  ])('%s: %s covers part, lacking %j', (q, id, lacking) => {
    expect(partialOf(q, id)).toEqual(lacking);
  });

  it('"a dollar sign in front of a name" signs nobody in', () => {
    expect(kb.ask('just a dollar sign in front of a name').outcome).toBe('answered');
  });
});

describe('round 6: versions compared that the note does not tell apart', () => {
  it.each([
    ['WSL1이랑 WSL2 뭐가 달라요?', ['WSL1', 'WSL2']],
    ['wsl 1이랑 2 중에 뭐 써요?', ['wsl 1', 'wsl 2']],
    ['Windows 10 or Windows 11 for docker?', ['Windows 10', 'Windows 11']],
  ])('%s covers part, lacking %j', (q, lacking) => {
    expect(partialOf(q, 'wsl')).toEqual(lacking);
    expect(kb.ask(q).partial?.covered).toEqual([]);
  });

  it('one version named is the setting, not a comparison', () => {
    expect(kb.ask('WSL2에서 도커 설치하는 법').outcome).toBe('answered');
    expect(kb.ask('윈도우 10에서 도커 쓰려면?').outcome).toBe('answered');
  });
});

describe('round 6: a threshold the notes never give', () => {
  it.each([
    ['노드 몇 대부터 클러스터라고 불러요?', 'cluster', ['몇 대부터']],
    ['컨테이너 몇 개 이상이면 스웜 써야 해?', 'docker-swarm', ['몇 개 이상']],
    // Round 9: the VM, which no note compares with, is lacking too.
    ['How much faster does docker deploy than a VM, by how much?', 'docker-advantages', ['VM', 'by how much']],
  ])('%s: %s covers part, lacking %s', (q, id, lacking) => {
    expect(partialOf(q, id)).toEqual(lacking);
  });

  it('how many a note allows ("여러 개를 만들 수 있다") is still answered', () => {
    expect(kb.ask('이미지 하나로 컨테이너 몇 개까지 만들 수 있어?').outcome).toBe('answered');
  });
});

describe('round 6: a note titled with what is left out comes after the one asked about', () => {
  it('"엔진 빼고 나머지 컴포넌트" asks for the components, not the engine', () => {
    expect(top('엔진 빼고 나머지 컴포넌트 알려줘')).toBe('docker-components');
  });

  it('what a question compares with ("mysql 설치 대신") is not left out', () => {
    expect(top('mysql 설치 대신 도커로 하면?')).toBe('traditional-vs-docker');
  });

  it('a word asked for elsewhere in the sentence is not left out (볼륨 and 마운트 are one word here)', () => {
    expect(top('볼륨 말고 디스크 마운트 설명해줘')).toBe('disk-mount');
    expect(kb.ask('볼륨 말고 디스크 마운트 설명해줘').outcome).toBe('answered');
  });
});

describe('round 6: a note far ahead of every other answers a long message that covers little of it', () => {
  it('a story, then the question, on a note that stands out', () => {
    const q =
      'Our team lead mentioned Docker Swarm in standup today :eyes: What is Docker Swarm supposed to do, in the first place?';
    expect(kb.ask(q)).toMatchObject({ outcome: 'answered' });
    expect(top(q)).toBe('docker-swarm');
  });

  it('a word the notes lack that names something else still keeps a note from standing out', () => {
    expect(kb.ask('Docker Content Trust 켜면 서명 안 된 이미지 pull이 막히나요?').outcome).not.toBe('answered');
  });
});

describe('round 6: a piece of quoted code pointed at, the rest of the code its example', () => {
  it.each([
    '`docker image rm $(docker images -q)` 에서 `$()` 는 뭐 하는 거예요?',
    'in `docker stop $(docker ps -q)` what does the $( ) bit do?',
  ])('%s asks about $()', (q) => {
    expect(kb.ask(q)).toMatchObject({ outcome: 'answered' });
    expect(top(q)).toBe('command-substitution');
  });

  it('quoted code whose words the question is about stays what is asked', () => {
    expect(top('`docker container ls` 치면 꺼진 컨테이너도 보여요?')).toBe('listing-commands');
  });
});

describe('round 6: a choice offered, one side of which the note names', () => {
  it.each([
    'is a compose file written in yaml or json?',
    'compose 설정 파일은 YAML이야 JSON이야?',
    'compose 파일 형식 YAML 아니면 JSON?',
  ])('%s is answered by the note that says YAML', (q) => {
    expect(kb.ask(q)).toMatchObject({ outcome: 'answered' });
    expect(top(q)).toBe('docker-compose');
  });

  it('a side the note lacks, offered with none the note names, is still lacking', () => {
    expect(kb.ask('compose 파일은 json 으로 써도 돼?').outcome).toBe('partial');
  });
});

describe("round 6: a volume is Docker's other kind of mount, not the notes' bind mount", () => {
  it('a volume compared with the bind mount: the mount note covers part', () => {
    const answer = kb.ask('볼륨이랑 바인드 마운트 뭐가 달라요?');
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe('disk-mount');
    expect(answer.partial?.missing).toEqual(['볼륨이랑']);
  });

  it('a volume operation is not answered with the mount note', () => {
    expect(kb.ask('docker volume 백업하는 법').outcome).toBe('none');
  });
});

describe('round 6: of $ and $() compared, the side the question points at', () => {
  it.each([
    '$VAR 이랑 $(cmd) 중에 괄호 붙은 쪽은 뭐야?',
    '$FOO vs $(foo) — what does the one with the parentheses do?',
  ])('%s asks about $()', (q) => {
    expect(top(q)).toBe('command-substitution');
  });

  it('"괄호 붙인 거" named second in a comparison points at nothing', () => {
    expect(top('달러 하나만 쓰는 거랑 달러에 괄호 붙인 거 차이 알려줘')).toBe('shell-variable');
  });
});

describe('round 6: a shell expansion inside braces is more than the variable the notes describe', () => {
  it.each([
    // Round 9: the syntax asked for (문법), which the note never speaks of, is lacking too.
    [`\${NAME:-guest} 는 무슨 문법이에요?`, [`\${NAME:-guest}`, '문법이에요']],
    [`what does \${#NAME} give me?`, [`\${#NAME}`]],
  ])('%s: the variable note covers part, lacking %s as typed', (q, lacking) => {
    expect(partialOf(q, 'shell-variable')).toEqual(lacking);
  });

  it('a variable in braces alone is the variable', () => {
    expect(kb.ask(`\${HOME} 은 뭐야?`)).toMatchObject({ outcome: 'answered' });
  });

  it('the covered symbols are shown as symbols, not as the words they were read as', () => {
    expect(kb.ask('can I nest $() inside $()?').partial?.covered).toEqual(['$', '$()']);
  });
});

describe('round 6: a note titled with one operating system answers for that one only', () => {
  it('Docker on a Mac: the WSL note covers the install, not the Mac', () => {
    const answer = kb.ask('맥에 도커 설치');
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe('wsl');
    expect(answer.partial?.missing).toEqual(['맥에']);
  });

  it('Docker on Ubuntu: the Windows note covers the install, not Ubuntu', () => {
    const answer = kb.ask('install docker on ubuntu');
    expect(answer.outcome).toBe('partial');
    expect(answer.partial?.missing).toEqual(['ubuntu']);
  });

  it('on Windows, other systems named only for comparison, it is answered', () => {
    expect(kb.ask('윈도우에 도커 설치')).toMatchObject({ outcome: 'answered' });
    expect(kb.ask('맥이랑 다르게 윈도우에선 도커 쓰려면 뭘 먼저 해야 해?')).toMatchObject({ outcome: 'answered' });
  });
});

describe('round 6: Korean typing slips', () => {
  it('a vowel left beside its syllable (알려주ㅓ) is one syllable with it', () => {
    expect(tokenize('스웜 정의 알려주ㅓ')).toEqual(tokenize('스웜 정의 알려줘'));
    expect(kb.ask('스웜 정의 알려주ㅓ')).toMatchObject({ outcome: 'answered' });
  });

  it('a vowel beside a syllable with a final consonant is left apart (감ㅓ is not 가머)', () => {
    expect(tokenize('감ㅓ')).not.toEqual(tokenize('가머'));
  });

  it('a nasal typed for its neighbour (개녕 for 개념) is repaired', () => {
    expect(kb.ask('스웜 개녕 설명 부탁드려요')).toMatchObject({ outcome: 'answered' });
    expect(top('스웜 개녕 설명 부탁드려요')).toBe('docker-swarm');
  });
});

describe("round 6: a version and a specific version (an image's tag) are of Docker's world", () => {
  it.each([
    ['which version of docker engine do I have?', 'docker-engine', 'version'],
    ['이미지 pull 할 때 특정 버전으로 받는 법', 'image-pull-flow', '특정 버전'],
  ])('%s: %s covers part, lacking %s', (q, id, lacking) => {
    expect(partialOf(q, id)).toContain(lacking);
  });
});

describe('round 6: read-only, however it is spaced', () => {
  it.each([
    ['바인드 마운트를 읽기 전용으로 거는 법', '읽기 전용'],
    ['can I mount a host folder read only?', 'read only'],
  ])('%s: the mount note covers part, lacking %s', (q, lacking) => {
    expect(partialOf(q, 'disk-mount')).toContain(lacking);
  });
});

describe('round 6: how the answer is wanted, not what it is about', () => {
  it('"설명하면 좋을까요" asks how to explain (should), not for an advantage', () => {
    const q = '기획팀에 도커를 설명해야 하는데요, 이미지랑 컨테이너가 각각 뭔지 어떻게 설명하면 좋을까요?';
    expect(kb.ask(q)).toMatchObject({ outcome: 'answered' });
    expect(top(q)).toBe('docker-overview');
  });

  it('"위주로", "핵심만" say how much, not of what', () => {
    const q = '팀장님이 회의 전까지 도커 장점을 정리해 오래요. 장점 위주로 핵심만 뽑아주실 수 있나요?';
    expect(kb.ask(q)).toMatchObject({ outcome: 'answered' });
    expect(top(q)).toBe('docker-advantages');
  });

  it('useful is what an advantage is', () => {
    expect(kb.ask('My manager asked what Docker is good for. Why is it useful?')).toMatchObject({
      outcome: 'answered',
    });
    expect(top('My manager asked what Docker is good for. Why is it useful?')).toBe('docker-advantages');
  });
});

describe('round 6: a cap is a limit', () => {
  it('capping the disk Docker may use: the root-directory note covers part', () => {
    const answer = kb.ask('Can I cap how much disk /var/lib/docker may use?');
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe('docker-root-dir');
    expect(answer.partial?.missing).toEqual(['cap']);
  });
});

describe('round 7: a long message whose question follows a dash', () => {
  it('the asker introducing themself before the dash does not decline the answer', () => {
    const q =
      "Our on-call runbook mentions Kubernetes a lot but never explains it. I'm from the frontend side, so a plain answer would be great — what is Kubernetes, in a nutshell?";
    expectAnswered(q, 'kubernetes');
  });
});

describe('round 7: the side pointed at in a sentence after the comparison', () => {
  it('"$VAR 이랑 $(cmd) 헷갈림. 괄호 붙은 쪽은 뭐임" asks about $()', () => {
    expect(top('$VAR 이랑 $(cmd) 자꾸 헷갈림. 괄호 붙은 쪽은 정확히 뭐임')).toBe('command-substitution');
  });
});

describe('round 7: the point of a thing is what it is good for', () => {
  it.each(["What's the point of using Docker at all?", 'why bother with docker?'])(
    '%s asks for the advantages',
    (q) => {
      expect(top(q)).toBe('docker-advantages');
    },
  );
});

describe('round 7: "for every" and "for each" are many', () => {
  it('is read as many', () => {
    expect(tokenize('a separate image for every container')).toContain('many');
    expect(tokenize('one for each container')).toContain('many');
  });

  it('"a separate image for every container" is not answered with the listing note', () => {
    expect(kb.ask('Do I need a separate image for every container I run?').outcome).not.toBe('answered');
  });
});

describe('round 7: what an image holds is what the overview note bundles into it', () => {
  it.each(['이미지에 뭐가 담겨 있어?', 'what does an image contain?', '도커 이미지에는 정확히 뭐가 묶여 있는 거예요?'])(
    '%s',
    (q) => {
      expectAnswered(q, 'docker-overview');
    },
  );

  it('"X까지 포함해서" is including, not what an image holds', () => {
    expect(top('/var/lib/docker 를 새로 붙인 디스크로 옮기는 순서 알려주세요. 기존 이미지들 복사까지 포함해서요')).toBe(
      'docker-root-dir',
    );
  });
});

describe('round 7: a comparison naming one side compares it with the story before it', () => {
  it('"도커로 하면 어떻게 달라지는지" after a story of installing mysql on a server is the traditional-vs-docker note', () => {
    const q =
      '예전 회사에선 서버에 mysql을 직접 설치해서 돌렸거든요. 도커로 하면 과정이 어떻게 달라지는지 비교해서 알려주세요!';
    expectAnswered(q, 'traditional-vs-docker');
  });
});

describe('round 7: a question naming both sides of a title that compares them asks for the comparison', () => {
  it.each([
    'we only run one container for this tool, but someone suggested kubernetes — is docker alone fine for a single container?',
    '우리 서비스는 컨테이너가 하나뿐인데 다들 쿠버네티스 얘기를 해서요, 이 규모면 도커만으로 충분한가요?',
  ])('%s', (q) => {
    expectAnswered(q, 'docker-vs-kubernetes');
  });

  it('what both sides share ("방식" of 기존 방식 vs 도커 방식) names neither', () => {
    expect(top('컨테이너 안에서 쓴 파일이 호스트에서도 보이는 방식이 있다고 들었는데 그게 뭔가요?')).toBe('disk-mount');
    expect(
      kb.ask('컨테이너 안에서 쓴 파일이 호스트에서도 보이는 방식이 있다고 들었는데 그게 뭔가요?').matches[1]?.entry.id,
    ).not.toBe('traditional-vs-docker');
  });
});

describe('round 7: moving something is migrating it', () => {
  it('the root-dir note says where the data root is, not how to move it', () => {
    expect(partialOf("How do I move Docker's data root to another disk?", 'docker-root-dir')).toEqual(['move']);
  });
});

describe('round 7: which of two settings wins is no note', () => {
  it('the compose note covers part of ".env or environment:, which takes precedence"', () => {
    // The note speaks of neither the .env file nor which setting wins.
    expect(partialOf('compose에서 .env 파일이랑 environment 키 중에 뭐가 우선이야?', 'docker-compose')).toEqual([
      'env 파일',
      '뭐가 우선',
    ]);
    expect(kb.ask('does environment: override the .env file in compose?').outcome).not.toBe('answered');
  });

  it('우선 as "first" is no precedence', () => {
    expect(kb.ask('우선 도커부터 설치해야 해?').partial).toBeUndefined();
  });
});

describe('round 7: who asks (계신가요, 개발팀) does not decline the answer', () => {
  it('"스웜 써보신 분 계신가요? … 요즘도 이거 쓰는지 궁금합니다" is the swarm note', () => {
    const q =
      '혹시 스웜 써보신 분 계신가요? 옛날 위키에 Docker Swarm으로 호스트 여러 대 묶는 얘기가 있길래요. 요즘도 이거 쓰는지 아니면 다른 걸로 넘어갔는지 궁금합니다.';
    expectAnswered(q, 'docker-swarm');
  });

  it('a team is who asks', () => {
    expect(kb.ask('개발팀에서 말하는 도커 이미지는 뭐예요?').outcome).toBe('answered');
  });
});

describe('round 7: a mistyped everyday word is no subject of its own', () => {
  it('"everything docker is holdng" lists what Docker holds', () => {
    const q = 'how do i lsit everything docker is holdng, images and contianers and all';
    expectAnswered(q, 'listing-commands');
  });
});

describe('round 7: whether stopped containers are listed, asked in few words', () => {
  it.each(['멈춘 컨테이너도 보여?', '실행 중이 아닌 컨테이너도 보여?'])(
    '%s is answered by the note that lists running ones only: its saying so covers the state asked',
    (q) => {
      expectAnswered(q, 'listing-commands');
    },
  );
});

describe('round 7: a word the notes lack before an operation is its verb, not its object', () => {
  it('"browse public images that others shared" is the registry note, which shares images', () => {
    const q = 'Where can I browse public images that other people have shared?';
    expectAnswered(q, 'docker-registry');
  });
});

describe('round 7: the stages a thing goes through are its flow', () => {
  it('"what stages happen until the app runs" is the build flow; a build stage stays a topic', () => {
    expect(top('When we write our own Dockerfile, what stages happen until the app is actually running')).toBe(
      'dockerfile-build-flow',
    );
    expect(tokenize('what stages happen')).toEqual(['flow']);
    expect(tokenize('build stage')).toContain('stage');
  });
});

describe('round 7: what the answer is for (교육 자료, onboarding slides) is no subject', () => {
  it.each([
    'Docker Engine이 정확히 어떤 일들을 맡는지 신규 입사자 교육 자료에 넣으려고요. 리스트로 알려주세요 :bow:',
    'what does the docker engine do? it is for our onboarding slides',
  ])('%s is the engine note', (q) => {
    expectAnswered(q, 'docker-engine');
  });
});

describe('round 7: the name a shell assignment gives is an example', () => {
  it('`IMG=$(docker images -q)` asks about $(), not about images', () => {
    const q = 'In `IMG=$(docker images -q)`, does the part in the parens run first and then get used?';
    expect(tokenize('IMG=$(docker images -q)')).not.toContain('image');
    expectAnswered(q, 'command-substitution');
  });
});

describe('round 7: 그렇고, 안쪽 are no subject', () => {
  it('"암튼 그건 그렇고, … 클러스터는 정확히 뭘 말하는 거야?" is the cluster note', () => {
    const q =
      '오늘 회의가 클러스터로 몰려있어서 정신없네 :dizzy_face: 암튼 그건 그렇고, 인프라 문서에 나오는 클러스터는 정확히 뭘 말하는 거야?';
    expectAnswered(q, 'cluster');
  });
});

describe('round 7: a filler a note happens to use names nothing', () => {
  it('"정리된 내용 있을까요?" after asking what goes into an image is not the listing note ("도커 전체 내용 확인")', () => {
    const q =
      '신입 교육 자료 만드는 중인데요, 도커를 처음 보는 사람한테 개념 설명하려니 막막하네요. 이미지 안에는 정확히 뭐가 들어가는지도 같이 넣고 싶은데 정리된 내용 있을까요?';
    expect(top(q)).toBe('docker-overview');
  });
});

describe('round 7: a ship is mostly a boat', () => {
  it('"container ship schedule" is declined', () => {
    expect(kb.ask('container ship schedule to LA').outcome).toBe('none');
  });

  it('shipping an app is still deploying it', () => {
    expect(tokenize('ship the app')).toContain('deploy');
  });
});

describe('round 7: 구분 is telling apart, 께 a particle', () => {
  it('"이미지랑 컨테이너가 각각 뭔지 구분해서" asks what each is', () => {
    expectAnswered(
      '기획팀 분께 도커를 설명해드려야 하는데 막막하네요. 이미지랑 컨테이너가 각각 뭔지 쉽게 구분해서 말씀드리고 싶은데 어떻게 설명하면 좋을까요?',
      'docker-overview',
    );
    expect(tokenize('팀장님께서 구분해서')).toEqual(tokenize('팀장님 차이'));
  });
});

describe('round 8: what a review of round 7 found', () => {
  it('"I\'m … from …" before a dash is not an introduction when it says what the asker does', () => {
    expectAnswered("I'm pulling images from Docker Hub — how does that work?", 'image-pull-flow');
  });

  it('a dash typed without spaces cuts off the introduction too', () => {
    const spaced = kb.ask("I'm from the frontend side — what is a docker image?");
    const unspaced = kb.ask("I'm from the frontend side—what is a docker image?");
    expect(unspaced.outcome).toBe('answered');
    expect(unspaced.matches[0]?.entry.id).toBe(spaced.matches[0]?.entry.id);
  });

  it('an entry point is no "point of" a thing', () => {
    expect(top('What is the entry point of a docker image?')).not.toBe('docker-advantages');
  });
});

describe('round 8: a comparison that names both sides is complete', () => {
  it('"도커와 쿠버네티스 차이" after another question is still asked', () => {
    const answer = kb.ask('볼륨은 어떻게 써요? 그리고 도커와 쿠버네티스 차이가 뭐예요?');
    expect(answer.outcome).not.toBe('none');
    expect(answer.matches[0]?.entry.id).toBe('docker-vs-kubernetes');
  });
});

describe('round 8: 달라지다 compares, as 다르다 does', () => {
  it('of a lone $ and one with parentheses, "어떻게 달라지나요" asks about the one named first', () => {
    expectAnswered('달러만 단독으로 쓰면 어떻고 괄호를 붙이면 어떻게 달라지나요?', 'shell-variable');
  });
});

describe('round 8: "한마디로" says how to answer, not what about', () => {
  it.each([
    ['도커 한마디로 뭐야?', 'docker-overview'],
    ['쿠버네티스를 한 마디로 하면?', 'kubernetes'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });
});

describe('round 8: 대표적인 (typical) names no topic', () => {
  it('the subject named in the story is asked about, with its typical tools', () => {
    expectAnswered(
      "회의 때 '오케스트레이션'이라는 말이 자꾸 나와서요. 정확히 뭘 말하는 거고 대표적인 도구는 뭐가 있나요?",
      'orchestration',
    );
  });
});

describe('round 8: a registry of the company’s own is a private one', () => {
  it.each([
    ['can we run a self-hosted registry instead of docker hub?', ['self-hosted']],
    ['사내 전용 레지스트리 있어요?', ['사내 전용']],
  ])('%s: the registry note covers part', (q, missing) => {
    expect(partialOf(q, 'docker-registry')).toEqual(missing);
  });
});

describe('round 8: 지정 (specifying) is setting, which a note may lack', () => {
  it('how to specify what the Dockerfile note does not set is partial', () => {
    expect(partialOf('Dockerfile에서 작업 디렉터리는 어떻게 지정해요?', 'dockerfile-build-flow')).toContain('지정해요');
  });
});

describe('round 9: one of the most spoken words is meant as typed', () => {
  it.each(['lunch?', 'rain?', 'sing?'])('%s is no slip for a lexicon word', (q) => {
    expect(kb.ask(q).outcome).toBe('none');
  });

  it('a rarer everyday word is still a slip of a lexicon word', () => {
    expectAnswered('what is docker swam?', 'docker-swarm');
  });
});

describe('round 9: the note for the platform a message names', () => {
  it.each([
    'windows 11 노트북인데 도커 돌리려면 뭐 준비해요?',
    'Our interns all have Windows laptops. What should they set up first to run Docker?',
  ])('%s', (q) => {
    expectAnswered(q, 'wsl');
  });
});

describe('round 9: a first note unsure of itself, named only by Docker, gives way to a close second', () => {
  it('seeing everything Docker keeps is the listing note, not the overview', () => {
    expectAnswered('How can I see everything Docker is keeping on my laptop in one view?', 'listing-commands');
  });
});

describe('round 9: a virtual machine is no note’s subject', () => {
  it('"virtualization platform" does not answer how containers differ from a VM', () => {
    expect(kb.ask('컨테이너가 가상머신이랑 뭐가 달라요?').outcome).not.toBe('answered');
  });
});

describe('round 9: the clause before the asking one names the subject a partial note covers', () => {
  it.each([
    ['docker system df 찍어보니 용량이 꽉 찼던데, 안 쓰는 것들 한 방에 치우는 명령 있어요?', 'listing-commands'],
    ['docker image ls 해보니까 너무 많던데 날짜순으로 정렬하는 옵션 있어요?', 'listing-commands'],
  ])('%s', (q, id) => {
    expect(partialOf(q, id)?.length).toBeGreaterThan(0);
  });
});

describe('round 9: 어떤거 (which one), 똑같이 (the same), 로컬 (local) name nothing', () => {
  it('"어떤거 잇음?" asks which tools there are', () => {
    expectAnswered('오케스트래이션 툴 어떤거 잇음?', 'orchestration');
  });

  it('running Kubernetes locally with a tool the note lacks is partial', () => {
    expect(partialOf('쿠버네티스 로컬에서 돌려보려면 kind 써야 돼?', 'kubernetes')?.length).toBeGreaterThan(0);
  });
});

describe('round 9: what 대신 replaces is still what the sentence is about', () => {
  it.each(['`$()` 대신 백틱 써도 돼?', '`$()` 대신 백틱 써도 똑같아요?'])('%s: the $() note covers part', (q) => {
    expect(partialOf(q, 'command-substitution')).toEqual(['백틱']);
  });
});

describe('round 9: the order containers start in is a detail no note gives', () => {
  it.each(['compose에서 서비스 시작 순서 정하는 법?', 'docker compose startup order?'])(
    '%s: the Compose note covers part',
    (q) => {
      expect(partialOf(q, 'docker-compose')?.length).toBeGreaterThan(0);
    },
  );

  it('the order of deleting is still the deletion note', () => {
    expectAnswered('삭제 순서 알려줘', 'deletion-order');
  });
});

describe('round 9: 돌고 있는 (running) is run', () => {
  it.each(['서버에서 돌고 있는 컨테이너 확인하는 법', '지금 돌고 있는 컨테이너만 보려면?'])('%s', (q) => {
    expectAnswered(q, 'listing-commands');
  });
});

describe('round 9: "몇 개 안 되면" counts a few, it is nothing broken', () => {
  it('a few containers is a count, not a failure', () => {
    expect(tokenize('컨테이너 몇 개 안 되면')).toEqual(['container', 'count']);
    expect(tokenize('실행이 안 되면')).toContain('broken');
  });
});

describe('round 9: selling points, upsides and strengths are advantages', () => {
  it.each(["what are docker's selling points?", 'what are the upsides of docker?', "docker's main strengths?"])(
    '%s',
    (q) => {
      expectAnswered(q, 'docker-advantages');
    },
  );
});

describe('round 9: how precisely to answer names nothing (exact, aspects, 측면, 표현, 정석적으로)', () => {
  it.each([
    [
      'QA 서버 컨테이너에 툴을 직접 설치해 쓰고 있었는데 리뷰어가 안 된다고 하네요 ㅠ 기능 바꿀 땐 정석적으로 어떻게 해요?',
      'image-container-usage',
    ],
    ['Could you list the exact duties the Docker engine takes care of?', 'docker-engine'],
    ['도커 장점을 속도 측면에서 어떻게 표현하면 좋을까요?', 'docker-advantages'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });
});

describe('round 9: one way or both between host and container is what the mount note says', () => {
  it('"the other way around" is no direction of a mount', () => {
    expect(top('Should I delete the images first or the other way around?')).toBe('deletion-order');
  });

  it('단방향 (one-way) asks which way a change goes', () => {
    expectAnswered('컨테이너 안에서 고친 파일이 호스트 원본에도 반영돼요, 아니면 단방향인가요?', 'disk-mount');
  });
});

describe('round 9: a syntax asked of a note that never speaks of one', () => {
  it('the -v syntax is lacking from the mount note', () => {
    expect(partialOf("What's the syntax for mounting a host folder with -v?", 'disk-mount')).toEqual(['syntax']);
  });

  it('the format a note does give is answered', () => {
    expectAnswered('compose 파일은 무슨 형식이에요?', 'docker-compose');
  });
});

describe('round 9: a password handed to a container is Docker’s world, which no note covers', () => {
  it.each(['db 컨테이너 비번 어디에 넣어요?', 'How do I set the mysql root password in a container?'])(
    '%s: the mysql example covers part',
    (q) => {
      expect(partialOf(q, 'traditional-vs-docker')?.length).toBeGreaterThan(0);
    },
  );
});

describe('round 9: the tools that install Kubernetes are of Docker’s world', () => {
  it.each(['microk8s로 쿠버네티스 설치해도 돼요?', 'kubeadm으로 쿠버네티스 클러스터 만드는 법'])(
    '%s is partly covered, not another subject',
    (q) => {
      expect(kb.ask(q).outcome).toBe('partial');
    },
  );
});

describe('round 9: Docker inside a container is a subject no note covers', () => {
  it.each(['how do I run docker inside a container?', '컨테이너 안에서 도커 돌려도 돼요?'])('%s', (q) => {
    expect(kb.ask(q).outcome).not.toBe('answered');
  });
});

describe('round 9: what a review of round 9 found', () => {
  it.each([
    '컨테이너 삭제 대신 중지만 해 두면 안 되나요?',
    'Windows laptop, where does docker keep its images?',
    'How do I run a local registry?',
    'swarm에서 task가 뭐예요?',
  ])('%s is not answered', (q) => {
    expect(kb.ask(q).outcome).not.toBe('answered');
  });

  it.each([
    ['We use mysql, redis, nginx etc. How do I list only the running containers?', 'listing-commands'],
    ['What does the Docker Engine depend on?', 'docker-engine'],
    ['도커 루트 디렉터리 위치가 바뀔 수도 있나요?', 'docker-root-dir'],
  ])('%s is answered', (q, id) => {
    expectAnswered(q, id);
  });
});

describe('round 9: weighing a tool at a scale asks when to use which', () => {
  it.each([
    '컨테이너 두세 개 돌리는 사이드 프로젝트인데 쿠버네티스까지 필요할까요?',
    'We only run two containers. Is Kubernetes overkill for us?',
  ])('%s', (q) => {
    expectAnswered(q, 'docker-vs-kubernetes');
  });
});

describe('round 9: 쌓아두다 and dump are storing', () => {
  it.each([
    '도커가 이미지를 서버 어디에 쌓아두는지 확인하는 방법?',
    'Where does Docker dump all its data on the host?',
  ])('%s', (q) => {
    expectAnswered(q, 'docker-root-dir');
  });
});

describe('round 9: the full breakdown is all of it, a full disk is capacity', () => {
  it('full means all before breakdown or list', () => {
    expect(tokenize('the full breakdown')).toEqual(['all']);
    expect(tokenize('the disk is full')).toContain('capacity');
  });
});

describe('round 9: details of Docker no note gives: a path created when missing, a storage driver, a default file name', () => {
  it.each([
    ['바인드 마운트에서 호스트 경로가 없으면 자동으로 생성돼요?', 'disk-mount'],
    ['If the host path doesn’t exist, is it created automatically when I mount it?', 'disk-mount'],
    ['Does docker info show which storage driver is used?', 'docker-root-dir'],
    ['compose 파일 기본 이름이 뭐예요?', 'docker-compose'],
  ])('%s: %s covers part', (q, id) => {
    expect(partialOf(q, id)?.length).toBeGreaterThan(0);
  });
});

describe('round 9: "똑같이 동작해요?" asks whether it works the same, not how it works', () => {
  it('backticks instead of $() is partly covered by the $() note', () => {
    expect(partialOf('`$()` 대신 백틱 쓰면 똑같이 동작해?', 'command-substitution')).toEqual(['백틱']);
  });

  it('"어떻게 동작해?" is still a flow', () => {
    expect(tokenize('어떻게 동작해?')).toEqual(['flow']);
  });
});

describe('round 9: asking to be sent the answer (공유 부탁) is no share; a DBA is who asks', () => {
  it.each([
    ['윈도우에서 도커 쓰는 방법 정리된 거 있으면 공유 부탁드려요', 'wsl'],
    [
      'DBA 분이 mysql을 직접 설치하는 거랑 도커로 띄우는 거 차이를 물어보셨어요. 어떻게 달라요?',
      'traditional-vs-docker',
    ],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });

  it('sharing an image is still sharing', () => {
    expect(tokenize('이미지 공유하는 법')).toContain('share');
  });
});

describe('round 10: a note that stands out answers a message whose story names things no note knows', () => {
  it.each([
    [
      '마케팅팀에 도커를 설명하게 됐어요 😅 이미지랑 컨테이너가 어떻게 다른지 비전공자 눈높이로 알려주세요 (여기서 이미지는 사진 아님)',
      'docker-overview',
    ],
    [
      '인턴 교육 자료 만드는 중인데요, 도커를 처음 접하는 사람한테 개념 설명하기가 막막하네요. 이미지 안에 정확히 뭐가 들어가는지도 넣고 싶은데 정리된 내용 있을까요?',
      'docker-overview',
    ],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });

  it('an asking sentence about another subject is still declined, story or not', () => {
    expect(kb.ask('오늘 달러 환율 얼마야? 예산 잡아야 해서').outcome).toBe('none');
  });
});

describe('round 10: "노트 기준으로" says where the answer comes from, not a criterion of choosing', () => {
  it.each([
    ['스터디 발표 자료 만드는 중인데요. 우리 노트 기준으로 쿠버네티스는 어떻게 정의돼 있어요?', 'kubernetes'],
    ['팀 기준으로 오케스트레이션이 뭔지 한 줄로요', 'orchestration'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });

  it('a criterion of choosing is still one', () => {
    expect(tokenize('도커랑 쿠버네티스 중에 고르는 기준이 뭐예요?')).toContain('choose');
    expect(tokenize('노트 기준으로 정리해 주세요')).not.toContain('choose');
  });
});

describe("round 10: a word of most notes names the part covered when it is the note's own subject", () => {
  it.each(['how do I see stopped containers?', 'how can I see paused containers'])('%s', (q) => {
    expect(partialOf(q, 'listing-commands')).toEqual([expect.stringMatching(/stopped|paused/)]);
  });
});

describe('round 10: a list of anything but what Docker lists is the shape of the answer, not the listing note', () => {
  it.each([
    ['Could you list the main building blocks of Docker and what each one does?', 'docker-components'],
    ['도커 구성 요소 전체 목록 좀 뽑아 주세요', 'docker-components'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });

  it.each(['이미지 목록 보는 명령어', 'list running containers', '도커이미지리스트 보는법'])(
    '%s is still the listing',
    (q) => {
      expectAnswered(q, 'listing-commands');
    },
  );

  it('a checklist is no list of images', () => {
    expect(tokenize('서버 점검 체크리스트')).not.toContain('list');
  });
});

describe('round 10: question words as typed (어딘지, 어딨어요, 머머) ask; differ compares', () => {
  it('"오케스트레이션 도구 머머 잇음?" is answered by the orchestration note', () => {
    expectAnswered('오케스트레이션 도구 머머 잇음?', 'orchestration');
  });

  it.each(['어딘지', '어딘가요', '어딨어요', '머머'])('%s names nothing', (word) => {
    expect(tokenize(word)).toEqual([]);
  });

  it('differ is the difference', () => {
    expect(tokenize('how do compose and swarm differ')).toContain('difference');
  });
});

describe("round 10: who does Docker's own work is the subject of the question", () => {
  it('"도커에서 이미지 받고 컨테이너 실행하는 건 누가 해요?" is the engine\'s note', () => {
    expectAnswered('도커에서 이미지 받고 컨테이너 실행하는 건 누가 해요?', 'docker-engine');
  });

  it('"which part" asks who', () => {
    expect(tokenize('which part of docker builds images')).toContain('role');
    // Of anything but Docker, it asks no role of Docker's (round 11).
    expect(tokenize('which part of my app should go in a container')).not.toContain('role');
  });

  it.each(['who won the game', '누가 이겼어?'])('%s is about nothing of Docker', (q) => {
    expect(kb.ask(q).outcome).toBe('none');
  });
});

describe('round 11: a list of nothing else named is still the listing; a list drawn up is the shape of the answer', () => {
  it.each([
    '목록 보는 명령어',
    '리스트 명령어 뭐예요?',
    'list',
    '꺼져 있는 것까지 목록으로 보려면',
    "what's the command to list what docker pulled",
    '다운받은 것들 목록 보는 명령어?',
    'how do I list things in docker',
  ])('%s → the listing note', (q) => {
    expectAnswered(q, 'listing-commands');
  });

  it.each([
    ['Give me the list of pieces that make up the Docker platform', 'docker-components'],
    ['list of Kubernetes installers', 'kubernetes'],
  ])('%s → what it enumerates', (q, id) => {
    expectAnswered(q, id);
  });

  it('"목록 좀 뽑아주세요" asks for a list to be drawn up, not for the listing', () => {
    expect(tokenize('팀 노트 기준으로 목록 좀 뽑아주세요')).not.toContain('list');
    expect(tokenize('컨테이너 목록 뽑아줘')).toContain('list');
  });
});

describe('round 12: what the asker says they know names the note that covers that part', () => {
  it.each([
    [
      '스웜이 여러 도커 호스트를 묶어서 관리하는 거라는 건 노트에서 봤어요. 근데 매니저 노드 인증서 갱신 주기는 어떻게 바꿔요?',
      'docker-swarm',
    ],
    [
      'I get that the Docker root directory is where images and containers live. But how do I encrypt that disk at rest with LUKS?',
      'docker-root-dir',
    ],
    [
      'WSL을 먼저 깔고 그 위에 도커를 올리는 건 알겠어요. 그럼 회사 백신이 WSL 가상 디스크를 잡아먹는 문제는 어떻게 피하나요?',
      'wsl',
    ],
  ])('%s', (q, id) => {
    const missing = partialOf(q, id);
    expect(missing?.length).toBeGreaterThan(0);
  });

  it('a question the notes answer is answered, whatever the asker says they know', () => {
    expectAnswered('컨테이너 먼저 지우는 건 알겠어요. 그 다음에 이미지를 지우면 되는 거죠?', 'deletion-order');
  });

  it('an acknowledgement of something no note holds offers nothing', () => {
    expect(kb.ask('React 훅이 렌더링마다 도는 건 알겠어요. 근데 useEffect 클린업은 언제 불려요?').outcome).toBe('none');
  });
});

describe('round 13: long messages whose story dilutes a plain question', () => {
  it('answers with the note that leads and answers the question sentences alone', () => {
    expectAnswered(
      "The wiki checklist says 'learn the four Docker components'. Which four do our notes have, and what does each one roughly do? My new teammate asked and I only remembered two.",
      'docker-components',
    );
  });

  it.each([
    "Looking at a Dockerfile with both ONBUILD and SHELL lines. What's the difference between them, and how do they behave when I pass extra arguments to `docker run`? Sorry if it's obvious.",
    "스웜 설명에 '도커 호스트를 클러스터로 구축한다'는 말이 나오던데 잘 와닿지가 않아요. 여러 대의 도커 호스트를 하나로 묶어서 관리한다는 뜻으로 이해하면 되나요?",
  ])('does not answer on the question alone when the story names what it is about: %s', (q) => {
    expect(kb.ask(q).outcome).not.toBe('answered');
  });

  it('a rare word of the story a question points back to ("분명", "nuke") does not stop the answer', () => {
    expectAnswered(
      '신입분이 `docker image ls` 쳤는데 화면이 텅 비었대요. 분명 어제 이미지 빌드했다는데요. 이 명령이 원래 뭘 보여주는 거예요? 제가 잘못 알려준 건지 확인 좀요.',
      'listing-commands',
    );
  });

  it('but one in the only clause it points back to still names another subject', () => {
    expect(kb.ask('관현악 오케스트레이션 공부하려는데 책 추천해주세요').outcome).toBe('none');
  });

  it('"before I …" says when, not which comes first', () => {
    expectAnswered(
      'Doing a cleanup ticket on the shared runner. Before I nuke anything I just want to see which images are on the box. Which command do our notes give for that? Only the list, no prune yet.',
      'listing-commands',
    );
    expectAnswered(
      'Before we delete anything on the build box, what should be removed first, containers or images?',
      'deletion-order',
    );
  });

  it.each([
    ['도커 엔진이 맡는 일을 리스트로 보고 싶어요.', 'docker-engine'],
    ['쿠버네티스가 뭔지 노트에 정리된 목록 있으면 보여주세요.', 'kubernetes'],
  ])("a list asked as the answer's shape is not the listing note: %s", (q, id) => {
    expectAnswered(q, id);
  });
});

describe("round 14: Docker's everyday words the notes lack, and a question that names only what to do", () => {
  it.each([
    ['How do I build an image without using the build cache?', 'dockerfile-build-flow', 'cache'],
    ['캐시 없이 빌드하려면?', 'dockerfile-build-flow', '캐시'],
    ['compose 파일에서 .env 파일 읽게 하려면 어떻게 해요?', 'docker-compose', 'env 파일'],
    ['이미지 크기 확인하는 법', 'listing-commands', '크기'],
    ['How big should the separate disk for /var/lib/docker be?', 'docker-root-dir', 'How big'],
    ['Is there a max number of containers I can run from a single image?', 'image-container-usage', 'max'],
    ['wsl 설치할때 윈도우 버젼 몇이상 이어야되요?', 'wsl', '버젼'],
  ])(
    'a cache, a size, a limit, a version or the .env file the note never speaks of is the part it lacks: %s',
    (q, id, lacked) => {
      const answer = kb.ask(q);
      expect(answer.outcome).toBe('partial');
      expect(answer.matches[0]?.entry.id).toBe(id);
      expect(answer.partial?.missing).toContain(lacked);
    },
  );

  it.each(['맥북 볼륨 키가 갑자기 안 먹어요. 어떻게 고쳐요?', 'my mac volume keys stopped working. how do I fix it?'])(
    '"how do I fix it?" asks about the story before it, not about fixing in general: %s',
    (q) => {
      expect(kb.ask(q).outcome).toBe('none');
    },
  );

  it('a question that names its subject besides what to do is still read alone', () => {
    expectAnswered('컨테이너 삭제 순서 알려줘', 'deletion-order');
  });
});

describe('round 15: a guess after "what is it?", a story before the comma, a clause the definition points back to', () => {
  it.each([
    [
      '회의 때 다들 오케스트레이션이라는 말을 쓰던데 그게 정확히 뭐예요? 그냥 서버 여러 대를 자동으로 돌리는 거라고 이해하면 되나요?',
      'orchestration',
    ],
    ['So what is a cluster, exactly? Just a few machines wired together?', 'cluster'],
    [
      'We had a design review yesterday and I kept quiet, what exactly is orchestration? Basically a scheduler for servers?',
      'orchestration',
    ],
  ])("the asker's guess at the answer is not what is asked: %s", (q, id) => {
    expectAnswered(q, id);
  });

  it('the wondering put as a story is the question when the guess is set aside', () => {
    expectAnswered(
      "위키 보다가 '클러스터'라는 단어가 자꾸 보이는데 뭘 뜻하는 건지 잘 모르겠어서요. 컴퓨터 여러 대를 묶은 걸 말하는 건가요?",
      'cluster',
    );
  });

  it.each([
    ["다들 '클러스터'라는 말을 쓰는데 정확한 정의가 뭔가요? 쿠버네티스랑은 무슨 상관이에요?", 'cluster'],
    [
      "회의에서 '오케스트레이션'이라는 단어가 나왔는데 정확한 뜻이 뭐예요? 서버 여러 대랑 관련 있는 건가요?",
      'orchestration',
    ],
  ])('a definition is asked of the clause before it, whatever the other sentences ask: %s', (q, id) => {
    expectAnswered(q, id);
  });

  it.each([
    '레포에 compose 파일이 있던데 여러 컨테이너랑 관련된 것 같긴 한데 정확히 뭐 하는 건지 모르겠어요. 설명 부탁해요',
    'compose 파일을 처음 봤는데 컨테이너 여러 개랑 상관있는 것 같긴 한데 뭘 하는 건지 모르겠네요. 간단히 알려주세요!',
  ])('"…같긴 한데" is a clause of the story, and what it seems to be is no subject: %s', (q) => {
    expectAnswered(q, 'docker-compose');
  });

  it('"뭘 잘못한 건지" asks nothing of a subject: the command in the story is what is asked about', () => {
    expectAnswered(
      '아까 `docker container ls` 쳤는데 멈춘 컨테이너가 안 보여요. 제가 뭘 잘못한 건지 궁금해요.',
      'listing-commands',
    );
  });
});

describe('round 15: a question to the bot about itself gets the help', () => {
  it.each([
    '넌 누가 만들었니?',
    '너한테 뭘 물어보면 돼?',
    '너 이름이 뭐야',
    'are you a human or a bot?',
    'what should I ask you about?',
  ])('%s', (q) => {
    const answer = kb.ask(q);
    expect(answer.chat).toBe('help');
    expect(answer.matches).toEqual([]);
  });

  it.each([
    ['너 쿠버네티스 알아?', 'kubernetes'],
    ['can you tell me what a cluster is?', 'cluster'],
    ['봇님 안녕하세요 오케스트레이션이 뭐예요?', 'orchestration'],
  ])('but one naming a topic of the notes is answered: %s', (q, id) => {
    expectAnswered(q, id);
  });

  it('and one naming another subject is not covered', () => {
    const answer = kb.ask('can you help me with git rebase?');
    expect(answer.chat).toBeUndefined();
    expect(answer.outcome).toBe('none');
  });
});

describe('round 15: how to put an image on a hub or a node on a cluster, and ${VAR} beside $VAR', () => {
  it.each([
    ['우리가 빌드한 이미지 도커 허브에 올리는 방법 알려주세요', 'docker-registry', '올리는'],
    ['How can I upload our image to a registry?', 'docker-registry', 'upload'],
    ['스웜 클러스터에 노드 하나 더 붙이려면 어떻게 해요?', 'cluster', '붙이려면'],
    ['변수 쓸 때 `$NAME` 하고 `${NAME}` 중에 뭐가 맞아요?', 'shell-variable', '${NAME}'],
  ])('the note covers part: %s', (q, id, lacked) => {
    const answer = kb.ask(q);
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe(id);
    expect(answer.partial?.missing).toContain(lacked);
  });

  it.each([
    ['이미지들이 올라와 있는 사이트가 뭐죠?', 'docker-registry'],
    ['`${HOME}` 에서 $ 는 뭐예요?', 'shell-variable'],
  ])('asked what it is, it is answered: %s', (q, id) => {
    expectAnswered(q, id);
  });
});

describe('round 15: "why do it that way?" asks the reason for the story, not Docker\'s advantages', () => {
  it.each([
    [
      '팀장님이 /var/lib/docker 를 별도 디스크에 두라고 하셨어요. 왜 그렇게 해야 하는지 이유가 있나요?',
      'docker-root-dir',
    ],
    ["Our lead wants Docker's root directory on its own disk. Why would we do that?", 'docker-root-dir'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });

  it('advantages named outright stay the advantages', () => {
    expectAnswered('Docker를 왜 써요? 그런 장점이 노트에 있나요?', 'docker-advantages');
  });

  it('answering prints nothing', () => {
    const printed = (['log', 'error', 'warn', 'info', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => undefined),
    );
    try {
      kb.ask('도커 삭제 순서 알려줘');
      for (const spy of printed) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of printed) spy.mockRestore();
    }
  });
});

describe('round 15: where the answer is to come from names no subject', () => {
  it.each([
    ['what is orchestration, according to the notes?', 'orchestration'],
    ['regarding swarm, what does it do?', 'docker-swarm'],
    ['팀 위키에 따르면 클러스터가 뭐예요?', 'cluster'],
    ['문서상으로는 오케스트레이션이 뭐예요?', 'orchestration'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });
});

describe('round 15: "…지만" after a predicate is a verb form, not a name', () => {
  it.each([
    ['부끄럽지만 클러스터가 뭔가요?', 'cluster'],
    ['민망스럽지만 오케스트레이션이 뭔가요?', 'orchestration'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });

  it('a noun with the particle 만 still names something', () => {
    expect(isKoreanPredicate('패키지만', '패키지')).toBe(false);
  });
});

describe('round 15: words of most notes carry no answer beside a rarer word none of them has', () => {
  it.each([
    'how do I run a container in the background?',
    '컨테이너를 백그라운드로 실행하려면?',
    'how do I run a container detached?',
  ])('%s', (q) => {
    expect(kb.ask(q).outcome).not.toBe('answered');
  });

  it('an idiom is no such word', () => {
    expectAnswered('who runs docker commands under the hood', 'docker-engine');
  });
});

describe('round 15: whose job it is (몫) names no subject', () => {
  it('asks whether the engine does it', () => {
    expectAnswered('도커 엔진이 Dockerfile로 이미지 만드는 것까지 하나요? 아니면 별도 도구 몫인가요?', 'docker-engine');
  });
});

describe('round 16: "how many" asks it of what it names; a layout asked for names nothing', () => {
  it.each([['도커 컴포넌트는 몇 개로 나뉘어요?', 'docker-components']])('%s', (q, id) => {
    expectAnswered(q, id);
  });

  it('"한 줄씩" is the layout of the answer', () => {
    expectAnswered(
      '온보딩 자료에 이미지랑 컨테이너 차이를 한 줄씩 적어야 해요. 노트에선 어떻게 구분하나요?',
      'docker-overview',
    );
  });
});

describe('round 16: a message that names nothing asks the notes nothing', () => {
  it.each([
    ['다시 설명해 줄래요?', 'help'],
    ['좀 더 자세히 알려주세요', 'help'],
    ['ㅋㅋㅋ 귀엽네', 'greeting'],
    ['음...', 'greeting'],
    ['in english please', 'greeting'],
  ])('%s', (q, chat) => {
    expect(kb.ask(q)).toMatchObject({ outcome: 'none', chat });
  });

  it.each(['회의실 예약은 어떻게 해요?', 'what is terraform?', '젠킨스가 뭐예요?'])(
    'a question naming something the notes lack is still declined, not small talk: %s',
    (q) => {
      const answer = kb.ask(q);
      expect(answer.outcome).toBe('none');
      expect(answer.chat).toBeUndefined();
    },
  );
});

describe('round 16: "…는 법" asks how, whatever the verb', () => {
  it('how to put an image on the hub is covered in part', () => {
    expect(partialOf('허브에 제 이미지 올리는 법 알려주세요', 'docker-registry')).toBeDefined();
  });

  it('and naming only everyday things, it is not small talk', () => {
    expect(kb.ask('밥 짓는 법').chat).toBeUndefined();
  });

  it('"…는 법" is a how, not the word 법 of "법무팀"', () => {
    expect(HOW_ASKED.test('짓는 법')).toBe(true);
    expect(HOW_ASKED.test('저는 법무팀이에요')).toBe(false);
    expect(HOW_ASKED.test('회사는 법적으로')).toBe(false);
  });
});

describe('round 16: a bare noun before a noun qualifies it ("공개 저장소"), asking no sharing of anything', () => {
  it.each([
    '도커 허브가 뭐예요? 이미지 잔뜩 올라와 있는 공개 저장소 같은 곳인가요?',
    '온갖 공개 이미지 모여 있는 사이트 이름이 뭐였죠? 레지스트리랑 같은 건가',
  ])('%s', (q) => {
    expectAnswered(q, 'docker-registry');
  });
});

describe('round 16: every quote of the story is what is asked about', () => {
  it('two quoted phrases compared ask about both', () => {
    expectAnswered("회의록에 '쿠버네티스 띄운다'랑 '클러스터 띄운다'가 섞여 나와요. 둘이 같은 말인가요?", 'cluster');
  });
});

describe('round 16: a case left out whole, and where the asker starts from, are no setting', () => {
  it('"허브에서 받아 쓰는 경우 말고" leaves the pulled case out', () => {
    expectAnswered(
      '허브에서 받아 쓰는 경우 말고, 이미지를 직접 빌드해서 쓰는 경우엔 동작 구조가 어떻게 돼요?',
      'dockerfile-build-flow',
    );
  });

  it('"from my own Dockerfile" is what the steps start from', () => {
    expectAnswered(
      'What are the steps when I start from my own Dockerfile rather than a downloaded image?',
      'dockerfile-build-flow',
    );
  });
});

describe('round 16: answered by the note of what the asker knows, a question beyond it is covered in part', () => {
  it('backticks beside the $() the asker has read about', () => {
    const answer = kb.ask(
      '`$()`가 안쪽 명령을 먼저 돌린다는 건 봤어요. 근데 백틱으로 감싼 것도 있던데 그거랑 차이가 있나요?',
    );
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe('command-substitution');
  });

  it('what was only heard is asked to be confirmed, and answered', () => {
    expectAnswered(
      '터미널에서 치는 docker 명령어는 누가 실행해 주는 거예요? 도커 엔진이라고 들었는데 맞나요?',
      'docker-engine',
    );
  });
});

describe('round 16: an operation told as a condition or as what was said is the story, not what is asked', () => {
  it('"쿠버네티스를 깔면 클러스터가 생기나요?" asks about the cluster, not how to install', () => {
    expectAnswered(
      '클러스터가 정확히 뭘로 이루어진 건지, 그리고 쿠버네티스를 깔면 클러스터가 그냥 생기는 건지 궁금합니다.',
      'cluster',
    );
  });

  it('"…하려면" still asks it', () => {
    expect(partialOf('도커 루트 디렉토리를 다른 디스크로 바꾸려면 어떻게 해요?', 'docker-root-dir')).toBeDefined();
  });
});

describe("round 16: the shell's own parameters and arithmetic are beside the $ and $() of the notes", () => {
  it.each([
    ['$@ 랑 $* 차이 알려주세요', 'shell-variable', '$@'],
    ['$(( )) 이중괄호는 $() 랑 뭐가 달라요?', 'command-substitution', '$(( ))'],
  ])('%s', (q, id, lacked) => {
    expect(partialOf(q, id)).toContain(lacked);
  });
});

describe('round 17: an inflected everyday word is as telling as the word it comes from', () => {
  it.each([
    ['easiest way to see every image?', 'listing-commands'],
    ['simplest way to see all containers', 'listing-commands'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });
});

describe('round 17: a question word mistyped or with an odd ending is the question, not a name', () => {
  it.each([
    ['쿠버네티스가 먼지 간단히 알려줘', 'kubernetes'],
    ['컴포즈가 뭐엿지', 'docker-compose'],
    ['오케스트레이션이 먼지 모르겠어요', 'orchestration'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });
});

describe('round 17: a Korean adverb of degree or of manner names nothing', () => {
  it('"아주 기초부터" asks for the basics, not for a subject 아주', () => {
    expectAnswered('쿠버네티스가 뭔지 아주 기초부터 알려주세요', 'kubernetes');
  });
});

describe('round 17: a command a note has only with a flag is asked beyond it without the flag', () => {
  const mount: KnowledgeEntry = {
    id: 'ports',
    title: '포트 공개',
    titleEn: 'Publishing ports',
    aliases: ['docker run -p'],
    tags: [],
    related: [],
    body: '컨테이너의 포트를 호스트 포트에 연결한다.',
    file: 'ports.md',
  };
  const small = createKnowledgeBase([mount]);

  it('the note of "docker run -p" answers a question with -p', () => {
    expect(small.ask('docker run -p 로 포트 연결하는 법').matches[0]?.entry.id).toBe('ports');
    expect(small.ask('docker run -p 로 포트 연결하는 법').outcome).not.toBe('none');
  });

  it('and does not answer what docker run is', () => {
    expect(small.ask('what is docker run').outcome).not.toBe('answered');
    expect(kb.ask('what is docker run').outcome).not.toBe('answered');
    expect(kb.ask('docker run 명령어는 뭐 하는 거예요?').outcome).not.toBe('answered');
  });

  it('the bundled mount note still answers "docker run -v"', () => {
    expectAnswered('docker run -v 로 마운트하면 양쪽에서 수정돼요?', 'disk-mount');
  });
});

describe('round 17: a multi-architecture build is not the architecture of Docker', () => {
  it('is covered in part by the build note, showing what it lacks', () => {
    expect(partialOf('멀티 아키텍처 이미지 빌드 방법', 'dockerfile-build-flow')).toContain('멀티 아키텍처');
    expect(kb.ask('how to build a multi-arch image').outcome).not.toBe('answered');
  });

  it("while Docker's architecture is still the components note", () => {
    expectAnswered('도커 아키텍처 설명해줘', 'docker-components');
  });
});

describe('round 17: a container that exits, its resources and its layers are topics the notes lack', () => {
  it.each([
    'container exited with code 137',
    'how do I see container resource usage',
    'what does a docker image layer contain exactly',
    '이미지 레이어가 뭐예요?',
  ])('%s is not answered', (q) => {
    expect(kb.ask(q).outcome).not.toBe('answered');
  });
});

describe('round 17: why one case goes as it does is a cause to find, not the reasons to use Docker', () => {
  it('"why is my container exiting" is not answered with the advantages', () => {
    const answer = kb.ask('why is my container exiting immediately');
    expect(answer.outcome).not.toBe('answered');
    expect(answer.matches.map((m) => m.entry.id)).not.toContain('docker-advantages');
  });

  it.each([
    ['why use docker', 'docker-advantages'],
    ['why would I containerize an app at all', 'docker-advantages'],
  ])('%s still asks the reasons', (q, id) => {
    expectAnswered(q, id);
  });
});

describe('round 17: an everyday word that names a Docker command is that command beside an image or a container', () => {
  it.each(['how do I view the history of an image', 'how to sign docker images', '이미지 서명 검증하는 법'])(
    '%s is not answered with the listing note',
    (q) => {
      expect(kb.ask(q).outcome).not.toBe('answered');
    },
  );

  it('the dollar sign is still the variable', () => {
    expectAnswered('what does the dollar sign mean in shell', 'shell-variable');
  });
});

describe('round 17: the operating system in "on my windows laptop" is what the answer is for', () => {
  it('docker on a windows laptop is the WSL note', () => {
    expectAnswered('how do I get docker running on my windows laptop for the class?', 'wsl');
  });
});

describe("round 17: drawbacks, a node's role, labels and redirections are beyond the notes", () => {
  it.each([
    ['pros and cons of docker', 'docker-advantages', 'cons'],
    ['how do I list containers and filter them by label?', 'listing-commands', 'label'],
    ['스웜 클러스터에 매니저 노드는 몇 대 두나요? 스웜이 뭔지도요', 'docker-swarm', '매니저 노드'],
  ])('%s is covered in part', (q, id, lacked) => {
    expect(partialOf(q, id)).toContain(lacked);
  });

  it('a redirection such as 2>&1 is shell syntax no note explains', () => {
    expect(kb.ask('what does 2>&1 mean at the end of a docker command?').outcome).not.toBe('answered');
  });

  it('the advantages alone are still answered', () => {
    expectAnswered('도커 장점', 'docker-advantages');
  });
});

describe('round 17: 무슨 asks, and a verb made a thing (하는거, 가진거) is no name', () => {
  it.each([
    ['스웜이 하는거 정확히 뭐예요', 'docker-swarm'],
    ['도커 개념 좀 알려주세요 이미지로 묶는다는게 무슨뜻', 'docker-overview'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });
});

describe("round 17: a container's processes and docker attach are beyond the notes' flows and mounts", () => {
  it.each(['how do I run two processes in one container', "how to attach to a running container's output"])(
    '%s is not answered',
    (q) => {
      expect(kb.ask(q).outcome).not.toBe('answered');
    },
  );

  it('the processes of a flow are still its steps', () => {
    expectAnswered('describe the processes of pulling and running', 'image-pull-flow');
  });
});

describe('round 17: reaching the internet is networking, which no note covers', () => {
  it("a container that can't reach the internet is not answered with the mount note", () => {
    expect(kb.ask("container can't reach the internet but host can").outcome).not.toBe('answered');
  });
});

describe('round 17: the software an image or a container holds is what it carries, not another subject', () => {
  it.each([
    'redis 이미지 받아 쓰는 순서',
    "what's the flow when I pull the nginx image and run it",
    '엔진엑스 이미지 받아서 실행하는 흐름',
  ])('%s is the pull flow', (q) => {
    expectAnswered(q, 'image-pull-flow');
  });

  it.each([
    'nginx 설정 파일 위치',
    'M1 맥북인데 amd64 이미지 돌리려면 --platform 붙여야 하나요?',
    'PNG 이미지 파일 용량 줄이는 방법',
  ])('%s is still not answered', (q) => {
    expect(kb.ask(q).outcome).not.toBe('answered');
  });
});

describe('round 17: tools written in Korean are tools', () => {
  it('젠킨스에서 도커 빌드하기 asks about Jenkins', () => {
    expect(kb.ask('젠킨스에서 도커 빌드하기').outcome).not.toBe('answered');
  });
});

describe('round 17: setting something is not the set of nodes a cluster is, and a hostname is not a host', () => {
  it('"how do I set memory limits on a container" offers no cluster note', () => {
    const answer = kb.ask('how do I set memory limits on a container');
    expect(answer.outcome).not.toBe('answered');
    expect(answer.matches.map((m) => m.entry.id)).not.toContain('cluster');
  });

  it('a cluster as a set of nodes is still the cluster note', () => {
    expectAnswered('a cluster is a set of nodes?', 'cluster');
  });

  it('a hostname is a topic the notes lack', () => {
    expect(kb.ask('컨테이너 호스트네임 바꾸기').outcome).not.toBe('answered');
  });
});

describe('round 17: laughter in Latin letters names nothing', () => {
  it.each([
    ['hahah 도커 뭐야', 'docker-overview'],
    ['haha what is docker swarm', 'docker-swarm'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });
});

describe('round 17 review: what the round had caught that it should not', () => {
  it.each([
    ['퇴근 전에 $() 뜻 알려줘', 'command-substitution'],
    ["what's a cluster, before the holiday", 'cluster'],
    ['how do I attach a host folder to a container', 'disk-mount'],
    ["Where do public images like mysql come from? What's Docker Hub exactly?", 'docker-registry'],
  ])('%s is still answered', (q, id) => {
    expectAnswered(q, id);
  });

  it.each([
    'how do I run jenkins in a container',
    'can I run docker inside the jenkins container',
    'how do I run a traefik container in docker swarm',
  ])('%s, software where it runs, is about that software', (q) => {
    expect(kb.ask(q).outcome).not.toBe('answered');
  });
});

describe('round 17: a service that is down, and the processes running in a container, are beyond the notes', () => {
  it.each(['docker hub is down what do i do', 'how do i see running processes in a container'])('%s', (q) => {
    expect(kb.ask(q).outcome).not.toBe('answered');
  });
});

describe('round 17: "in simple words" is the layout of the answer', () => {
  it('docker in simple words is the overview', () => {
    expectAnswered('docker in simple words', 'docker-overview');
  });
});

describe('round 18: a Korean verb joined to an auxiliary is a verb, not a name', () => {
  it.each([
    ['들어간', '들어간'],
    ['이어주는', '이어주'],
    ['가져오고', '가져오'],
    ['찾아볼', '찾아볼'],
    ['밀려난', '밀려난'],
    ['정해진', '정해진'],
    ['쳐야됨', '쳐야'],
  ])('%s', (typed, token) => {
    expect(isKoreanPredicate(typed, token)).toBe(true);
  });

  it.each([
    ['사진', '사진'],
    ['여간', '여간'],
    ['분야', '분야'],
  ])('%s, a noun of two syllables in that shape, stays a noun', (typed, token) => {
    expect(isKoreanPredicate(typed, token)).toBe(false);
  });

  it('so a question told with such verbs is answered', () => {
    expectAnswered('괄호 안에 들어간 명령이랑 바깥 명령 중에 뭐가 먼저 돌아가요?', 'command-substitution');
    expectAnswered('노트북 폴더를 컨테이너 안에서 보이게 하는 기능, 그거 뭘 뭐랑 이어주는 거임?', 'disk-mount');
  });
});

describe('round 18: the device the asker works on, and words about the asking, name no subject', () => {
  it.each([
    ['my work laptop is Windows 11, what do I need before I can get docker running locally?', 'wsl'],
    ['If I edit a file on my laptop, does the container see the change, and the other way around?', 'disk-mount'],
    ['when we stand up kubernetes, what do we actually end up with conceptually?', 'kubernetes'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });

  it('Docker Desktop is still a product the notes lack', () => {
    expect(kb.ask('WSL 은 깔았는데 Docker Desktop 에서 WSL integration 은 어디서 켜요?').outcome).toBe('partial');
  });
});

describe('round 18: a case set aside with 말고 may end in 거 written onto its verb', () => {
  it('"허브에서 받아오는거 말고" leaves the pulled image out, so building one is asked', () => {
    expectAnswered(
      '허브에서 받아오는거 말고 우리가 직접 이미지 만드는 경우는 흐름이 어떻게 달라요?',
      'dockerfile-build-flow',
    );
  });
});

describe('round 18: coordinating containers is orchestrating them', () => {
  it.each([
    'name a couple of tools that do the multi-server container coordination job',
    '그 컨테이너 지휘하는 개념 있잖아요, 그거 해주는 도구 예시 뭐 있음?',
  ])('%s', (q) => {
    expectAnswered(q, 'orchestration');
  });
});

describe('round 18: Korean words for making, the whole process and the parts of a thing', () => {
  it('제작 is making, 전과정 the whole flow and 구성품 the components', () => {
    expect(tokenize('제작 전과정 구성품')).toEqual(tokenize('생성 과정 구성요소'));
  });

  it.each([
    [
      '자체 제작 이미지를 쓰는 경우, 컨테이너 실행까지 어떤 단계를 거치는지 순서대로 알려주실 수 있나요?',
      'dockerfile-build-flow',
    ],
    ['도커 구성품 4개 중에 쿠버한테 밀려난 애는 누구임?', 'docker-components'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });
});

describe('round 18: formal Korean names nothing by its politeness', () => {
  it.each([
    ['주시기', '주시기'],
    ['하시기', '하시기'],
  ])('%s, an honorific verb made a noun, is a verb', (typed, token) => {
    expect(isKoreanPredicate(typed, token)).toBe(true);
  });

  it.each([
    ['컨테이너 삭제 시 이미지와의 선후 관계에 대한 기준이 있는지 문의드립니다.', 'deletion-order'],
    ['저희 기관에서 쿠버네티스 도입을 검토 중이온데, 쿠버네티스의 정의를 간략히 설명해 주시기 바랍니다.', 'kubernetes'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });
});

describe('round 18: "정리하여 주시면 감사하겠습니다" asks, it does not thank', () => {
  it('a request put as thanks in advance is answered', () => {
    const answer = kb.ask('교육 자료 작성을 위해 도커를 구성하는 주요 요소를 정리하여 주시면 감사하겠습니다.');
    expect(answer.chat).toBeUndefined();
    expect(answer.outcome).toBe('answered');
    expect(top('교육 자료 작성을 위해 도커를 구성하는 주요 요소를 정리하여 주시면 감사하겠습니다.')).toBe(
      'docker-components',
    );
  });

  it('thanks alone are still thanks', () => {
    expect(kb.ask('감사합니다').chat).toBe('thanks');
  });
});

describe('round 18: the vocabulary of formal requests says what the asking is for, not what it is about', () => {
  it.each([
    ['서버 내 보관 중인 이미지를 일람으로 출력하는 명령어를 안내 부탁드립니다.', 'listing-commands'],
    ['도커 스웜의 현재 업계 내 위상에 대해 여쭙고자 합니다.', 'docker-swarm'],
    ['컨테이너를 기동하기까지의 단계를 순서대로 안내해 주십시오. Dockerfile 기반입니다.', 'dockerfile-build-flow'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });

  it('a Docker topic in formal words is still beyond the notes', () => {
    expect(kb.ask('컨테이너 재시작 정책 always랑 unless-stopped 차이').outcome).not.toBe('answered');
    expect(kb.ask('노트북 하드 디스크를 SSD로 교체하면 빨라져요?').outcome).toBe('none');
  });
});

describe('round 18: more of formal Korean: 이루는 is what a thing is made of, 다중 is many', () => {
  it('tokens', () => {
    expect(tokenize('이루는 다중')).toEqual(tokenize('구성 여러'));
  });

  it.each([
    [
      '수고 많으십니다. 교육 자료에서 image와 container라는 용어를 혼용하는 사례가 있어 바로잡으려 합니다. 두 용어의 정의와 차이를 설명해 주시기 바랍니다.',
      'docker-overview',
    ],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });
});

describe('round 18: the words for words (vocab, terminology, glossary) ask for a definition', () => {
  it('"quick vocab check" is no other subject', () => {
    expectAnswered(
      "quick vocab check: that group of machines that host our containerized apps together — what's the textbook definition?",
      'cluster',
    );
    expect(tokenize('vocab terminology glossary')).toEqual(tokenize('definition definition definition'));
  });
});

describe('round 18: everyday English for deleting, for many and for a counterpart', () => {
  it('"get rid of" is deleting, "tons" many and "built" made', () => {
    expect(tokenize('get rid of tons built')).toEqual(tokenize('delete many create'));
  });

  it.each([
    ['after I kill the old containers, which images am I supposed to get rid of?', 'deletion-order'],
    [
      "old-school we'd install MySQL on the box and start it. what's the container-world equivalent?",
      'traditional-vs-docker',
    ],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });
});

describe('round 18: 기술하다 is to describe, 기술 alone a technology', () => {
  it('reads the verb as asking for a description', () => {
    expect(tokenize('기술해야 기술하여')).toEqual(tokenize('정의 정의'));
    expect(tokenize('격리 기술')).toContain('기술');
  });
});

describe('round 18: what a part takes care of is its role; what a name stands for is its definition', () => {
  it('reads the phrases as the notes words', () => {
    expect(tokenize('take care of 맡는 책임')).toEqual(tokenize('role role role'));
    expect(tokenize('stands for 용어')).toEqual(tokenize('definition definition'));
  });

  it('"What exactly does Docker Engine take care of in the pull → run flow?" is the engine', () => {
    expectAnswered('What exactly does Docker Engine take care of in the pull → run flow?', 'docker-engine');
  });
});

describe('round 18: 구문 is a piece of code, not the syntax note of $()', () => {
  it('"`$`가 붙은 부분을 어떻게 해석" in a 구문 is the variable', () => {
    expectAnswered(
      '감사 대응을 위해 배포 스크립트의 각 구문을 해설하는 문서를 작성하고 있습니다. `docker run --name $APP_NAME` 구문에서 `$`가 붙은 부분을 어떻게 해석해야 하는지 안내해 주시기 바랍니다.',
      'shell-variable',
    );
  });
});

describe('round 18 review: formal words that name a subject stay telling, and names are no verbs', () => {
  it.each([
    '쿠버네티스 핵심 요소 알려줘',
    '사내 레지스트리 구축 방법',
    '컨테이너 상세 정보 확인하는 명령어',
    '컨테이너가 정상적으로 실행되지 않아요',
    '빌드 속도 개선 방법',
    '도커 이미지 유지 관리 방법',
    '도커 설치 전 선행 작업이 뭐예요?',
    '외부 라이브러리를 이미지에 포함하는 방법',
    '카카오에서도 도커 쓰나요?',
  ])('%s is not answered', (q) => {
    expect(kb.ask(q).outcome).not.toBe('answered');
  });

  it.each(['카카오', '마야', '브라질', '캘리포니아주', '매거진', '복사본'])('%s is a name, not a verb', (word) => {
    expect(isKoreanPredicate(word, word)).toBe(false);
  });

  it('기술하고 is technology and, not describing', () => {
    expect(tokenize('어떤 기술하고 비슷해요')).toContain('기술');
  });
});

describe('round 18: forms of everyday verbs the notes lack (끝난, 감싼, 이르는) say what happens, not what about', () => {
  it('"$()` 대신 백틱으로 감싸도 똑같이 동작해?" is the $() note covering part', () => {
    const answer = kb.ask('`$()` 대신 백틱으로 감싸도 똑같이 동작해?');
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe('command-substitution');
  });
});

describe('round 19: a measure asked for (몇 초, how much disk, 몇 대) that the note gives no figure of', () => {
  it.each([
    [
      'Docker root dir is /var/lib/docker — how much disk space should I reserve for it?',
      'docker-root-dir',
      'how much disk',
    ],
    [
      '도커 쓰면 배포가 빨라진다는 장점 있잖아요, 실제로 컨테이너 하나 기동하는 데 보통 몇 초 걸려요?',
      'docker-advantages',
      '몇 초',
    ],
  ])('the note covers part: %s', (q, id, lacked) => {
    const answer = kb.ask(q);
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe(id);
    expect(answer.partial?.missing).toContain(lacked);
  });

  it.each([
    ['when was kubernetes first released?', 'when was kubernetes first released'],
    ['신입 온보딩 자료 만드는 중인데, 도커는 언제 처음 나왔고 어느 회사가 만든 거예요?', '언제 처음 나왔고'],
  ])('when something came about is a date no note gives: %s', (q, lacked) => {
    const answer = kb.ask(q);
    expect(answer.outcome).toBe('partial');
    expect(answer.partial?.missing).toContain(lacked);
  });

  it('when to use something asks no date', () => {
    expectAnswered('언제 쿠버네티스를 써야 해요?', 'docker-vs-kubernetes');
  });

  it('a note that gives the figure answers', () => {
    const note = kb.byId('docker-root-dir')!;
    const withFigure = createKnowledgeBase([
      ...kb.entries.filter((e) => e.id !== note.id),
      { ...note, body: `${note.body}\n\n별도 디스크는 최소 100GB를 권장한다.` },
    ]);
    const q = '/var/lib/docker 별도 디스크 용량은 몇 GB 잡아야 해요?';
    expect(kb.ask(q).partial?.missing).toEqual(['몇 GB']);
    expect(withFigure.ask(q).outcome).toBe('answered');
    expect(withFigure.ask(q).matches[0]?.entry.id).toBe('docker-root-dir');
  });

  it.each([
    '컨테이너가 몇 초 만에 뜨는 이유가 뭐예요?',
    '팀원 몇 명이 같은 이미지를 써도 되나요?',
    '몇 분 전에 만든 컨테이너가 목록에 안 보여요',
    '이미지에 뭐가 얼마나 들어가요?',
  ])('몇 or 얼마나 as "a few" or "how much goes in" asks no measure: %s', (q) => {
    expect(kb.ask(q).partial?.missing ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/몇|얼마/)]));
  });

  it('k8s in a note is no figure of seconds', () => {
    const note = kb.byId('docker-advantages')!;
    const withK8s = createKnowledgeBase([
      ...kb.entries.filter((e) => e.id !== note.id),
      { ...note, body: `${note.body}\n\nk8s와 k3s에서도 같다.` },
    ]);
    expect(withK8s.ask('도커 쓰면 배포가 빨라진다는데 컨테이너 하나 기동하는 데 보통 몇 초 걸려요?').outcome).toBe(
      'partial',
    );
  });

  it('몇 in a guess at the answer asks no measure', () => {
    expectAnswered(
      "다들 '클러스터'라는 단어를 막 쓰는데 정확한 정의가 뭔가요? 그냥 서버 몇 대 묶어놓은 거 정도로 이해하면 되는 건지 궁금해요.",
      'cluster',
    );
  });
});

describe("round 19: a dotfile in backticks, a container's IDs and service discovery are Docker's words the notes lack", () => {
  it.each([
    ['docker compose에서 `.env` 파일 값은 어떻게 읽어와요?', 'docker-compose', '.env'],
    ['how do I list just the container IDs so I can pipe them into another command?', 'listing-commands', 'IDs'],
    ['container orchestration에서 service discovery는 어떻게 처리돼요?', 'orchestration', 'discovery'],
  ])('the note covers part: %s', (q, id, lacked) => {
    const answer = kb.ask(q);
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe(id);
    expect(answer.partial?.missing.join(' ')).toContain(lacked);
  });

  it.each(['`.env` 파일', "'.env' 파일", '.env.local 파일'])('%s is the env file, not the environment', (text) => {
    expect(tokenize(text)).toContain('envfile');
    expect(tokenize(text)).not.toContain('environment');
  });

  it('process.env is no env file, and a discovery call is no service discovery', () => {
    expect(tokenize('process.env 가 뭐예요')).not.toContain('envfile');
    expect(kb.ask('discovery call tomorrow, what is docker compose').outcome).toBe('answered');
  });
});

describe('round 19: a question beside the asking one that names only a kind of detail asks it of the same subject', () => {
  it.each([
    ['WSL 설치는 어떻게 해요? 명령어 하나로 되나요?', '명령어'],
    ['How do I actually install WSL on Windows 10? Is there a single command for it?', 'command'],
  ])('the WSL note, which shows no command, covers part: %s', (q, lacked) => {
    const answer = kb.ask(q);
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe('wsl');
    expect(answer.partial?.missing).toEqual([lacked]);
  });

  it.each(['도커 스웜이 뭐예요? 그리고 너 명령어 뭐 있어?', 'WSL이 뭐예요? 저번에 알려준 명령어는 잘 됐어요?'])(
    'a sentence put to the bot or about an earlier answer asks no detail of the subject: %s',
    (q) => {
      expect(kb.ask(q).outcome).toBe('answered');
    },
  );

  it('the note that shows the command still answers', () => {
    expectAnswered('이미지 목록 어떻게 봐요? 명령어는 뭐예요?', 'listing-commands');
  });
});

describe('round 19: a CPU architecture (arm64, amd64, an M1 Mac) is of Docker’s world', () => {
  it.each([
    ['docker pull 할 때 arm64용 이미지를 받으려면 옵션이 뭐예요?', 'arm64'],
    ['M1 맥에서 amd64 이미지를 pull 하려면 `--platform` 옵션 어떻게 줘요?', 'amd64'],
  ])('the pull note covers part: %s', (q, lacked) => {
    const answer = kb.ask(q);
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe('image-pull-flow');
    expect(answer.partial?.missing).toContain(lacked);
  });
});

describe('round 20: the worth or the job of a named tool is asked of that tool', () => {
  it.each([
    ['스웜은 뭐하는 애야?', 'docker-swarm'],
    ['쿠버네티스는 뭐하는 애예요?', 'kubernetes'],
    ['Compose — what problem does it solve for us?', 'docker-compose'],
    ['Swarm — is it still relevant for us?', 'docker-swarm'],
  ])('the thing spoken of as someone, or what it solves, names nothing else: %s', (q, id) => {
    expectAnswered(q, id);
  });

  it('a word no note knows beside the tool still makes it another subject', () => {
    expect(kb.ask('kubernetes salary in seoul?').outcome).not.toBe('answered');
  });
});

describe('round 20: an operation done before, said of the thing after it, says which things', () => {
  it('만든 image asks how to share the image, not how it is made', () => {
    expectAnswered(
      'Docker에서 만든 image를 다른 사람에게 배포하고 공유하려면 어떤 구성 요소를 활용해야 하나요?',
      'docker-components',
    );
  });

  it('설치된 엔진 asks its version, which the engine note does not give', () => {
    const answer = kb.ask('지금 설치된 Docker Engine 버전은 어떻게 확인해요?');
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe('docker-engine');
  });
});

describe('round 20: asked for in short (tl;dr, in one paragraph, 한 줄로 요약), a named subject is asked what it is', () => {
  it.each([
    ['Docker in one paragraph, for the onboarding doc?', 'docker-overview'],
    ["Docker's pros, tl;dr?", 'docker-advantages'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });
});

describe('round 20: an everyday adverb (natively) names no other subject', () => {
  it('the WSL note answers what a Windows machine needs to run Docker natively', () => {
    expectAnswered("my windows box can't run the docker program natively — what do I need to set up first?", 'wsl');
  });
});

describe('round 20: 빠짐없이 (in full) is how the asking is done, not another subject', () => {
  it('the engine note answers a request for its whole list of roles', () => {
    expectAnswered(
      '다음 주 랩 세미나에서 Docker Engine이 정확히 무슨 일을 하는지 발표해야 해요. 노트에 정리된 엔진의 역할 목록을 빠짐없이 알려주실 수 있나요?',
      'docker-engine',
    );
  });
});

describe('round 20: asked whether a mount is read-only, the note saying both sides modify the files answers no', () => {
  it.each([
    'with a bind mount can the container edit files on the host too or is it read-only?',
    '컨테이너 안에서 파일 고치면 내 PC 폴더에도 반영됨? 아님 읽기만 되는거?',
  ])('%s', (q) => {
    expectAnswered(q, 'disk-mount');
  });

  it.each(['바인드 마운트를 읽기 전용으로 걸 수도 있어요?', 'bind mount를 읽기 전용으로 하려면?'])(
    'how to make it read-only the note does not say: %s',
    (q) => {
      const answer = kb.ask(q);
      expect(answer.outcome).toBe('partial');
      expect(answer.matches[0]?.entry.id).toBe('disk-mount');
    },
  );
});

describe('round 20: packaging an app with what it needs is bundling it', () => {
  it('the overview note answers the idea of packaging an app and running instances of it', () => {
    expectAnswered(
      "explaining to a non-dev PM: what's the idea of packaging an app with everything it needs and then running instances from that package?",
      'docker-overview',
    );
  });
});

describe('round 21: asked who does what a note says someone does, the note about the doer answers', () => {
  it.each([
    '누가 이미지를 받아서 컨테이너를 실행해요?',
    'Who takes care of pulling the image and starting the container?',
    'which part of docker builds from a Dockerfile and runs the container?',
  ])('the engine note, not the flow that names it: %s', (q) => {
    expectAnswered(q, 'docker-engine');
  });

  it('asked the steps too, the flow note still answers', () => {
    expectAnswered('이미지 받아서 실행하는 순서랑 그걸 누가 담당하는지', 'image-pull-flow');
  });

  it('holds on any notes: the doer is read from the words before 담당', () => {
    const small = createKnowledgeBase([
      note(
        'backup-flow',
        '백업 동작 구조',
        '스냅샷 생성 > 압축 > 업로드\n\n- 스냅샷 생성 > 압축 > 업로드 과정은 Velero가 담당',
      ),
      note('velero', 'Velero', 'Velero는 스냅샷 생성과 업로드를 한다'),
    ]);
    expect(small.ask('스냅샷 생성이랑 업로드는 누가 해요?').matches[0]?.entry.id).toBe('velero');
  });
});

describe("round 21: the reason asked for a subject the message names is that subject's, not Docker's advantages", () => {
  it.each([
    ["what's wsl and why does docker need it?", 'wsl'],
    ['도커 데이터를 별도 디스크에 두라는 이유가 뭐예요?', 'docker-root-dir'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });

  it.each([
    ['쿠버네티스는 왜 써요?', 'kubernetes'],
    ['도커 허브 왜 쓰는 거예요?', 'docker-registry'],
    ['컴포즈는 왜 써요?', 'docker-compose'],
  ])('asked in Korean why to use it, the tool named answers: %s', (q, id) => {
    expectAnswered(q, id);
  });

  it('a word repaired from a typo names no subject: "directly" is no directory', () => {
    expect(top('why containers instead of installing directly?')).toBe('docker-advantages');
  });

  it.each(['why bother with docker at all?', '도커를 왜 써요?', '도커 왜 쓰는 거예요?'])(
    'asked why of Docker itself, the advantages answer: %s',
    (q) => {
      expectAnswered(q, 'docker-advantages');
    },
  );
});

describe("round 21: a note's pointer to another note ('— shell-variable 항목 참고') is that note's subject, not its own", () => {
  it.each([
    '`$NAME` 이런 건 변수죠? `$(hostname)`이랑은 다른 거고?',
    'so `$HOME` is a variable, right? not the same as `$(pwd)`?',
  ])('a plain $ asked beside $() is the variable note: %s', (q) => {
    expectAnswered(q, 'shell-variable');
  });

  it('holds on any notes: the words in the pointer do not bring the question to the note pointing', () => {
    const small = createKnowledgeBase([
      note(
        'tags',
        'Image tags',
        'A tag names one version of an image. (Digests pin content instead — see the digests note)',
      ),
      note('digests', 'Image digests', 'A digest pins content: the same digest is always the same image.'),
    ]);
    expect(small.ask('what do digests pin?').matches.map((m) => m.entry.id)).toEqual(['digests']);
  });
});

describe('round 21: a Docker question a little further from its note, naming nothing else, is still partly covered', () => {
  it('CMD and ENTRYPOINT asked of the Dockerfile: the build-flow note covers the Dockerfile part', () => {
    const answer = kb.ask('Dockerfile에서 CMD ENTRYPOINT 둘 다 쓰면 차이가 뭐예요?');
    expect(answer.outcome).toBe('partial');
    expect(answer.matches[0]?.entry.id).toBe('dockerfile-build-flow');
  });
});

describe("round 21: another program in the place of a note's example (nginx, mongodb for its mysql) is that example", () => {
  it.each(['traditional way vs docker way for running nginx?', '기존 방식으로 mongodb 설치하던 거 도커로 바꾸면?'])(
    'the traditional-vs-Docker note answers: %s',
    (q) => {
      expectAnswered(q, 'traditional-vs-docker');
    },
  );

  it('a cluster node is no program: Redis cluster mode still names another subject', () => {
    const answer = kb.ask('Redis 클러스터 모드 설정 방법');
    expect(answer.outcome).toBe('none');
    expect(answer.matches).toEqual([]);
  });
});

describe("round 21: 'before cleanup' is when, not what is asked", () => {
  it.each([
    'which command lists the images on the host before cleanup?',
    'I want the container list before deletion, which command?',
  ])('the listing note, not the deletion order: %s', (q) => {
    expectAnswered(q, 'listing-commands');
  });
});

describe("round 21: '…, not X' puts X aside as 말고 does", () => {
  it('what the engine does, not the registry, is the engine note', () => {
    expectAnswered('what does the engine do, not the registry?', 'docker-engine');
  });

  it('a not inside a clause is no setting aside: "does not show stopped containers" still asks of them', () => {
    expect(top('docker ps does not show stopped containers, why?')).toBe('listing-commands');
  });
});

describe('round 21: the verb of a request (spell out, outline, clarify) names no other subject', () => {
  it.each([
    ['Spell out what WSL is for.', 'wsl'],
    ['Clarify what a cluster is, for the glossary.', 'cluster'],
  ])('%s', (q, id) => {
    expectAnswered(q, id);
  });
});

describe('round 22: a subcommand typed in a command line is shown, not an operation asked for', () => {
  it('the rmi of "in docker rmi $(docker images -q), what does the $( ) part do?" leaves the $() note first', () => {
    const answer = kb.ask('in docker rmi $(docker images -q), what does the $( ) part do?');
    expect(answer.matches[0]?.entry.id).toBe('command-substitution');
    expect(answer.outcome).not.toBe('answered');
  });
});

describe('round 22: "at its core" asks what a thing is, naming no other subject', () => {
  it('What is Swarm at its core?', () => {
    expectAnswered('What is Swarm at its core?', 'docker-swarm');
  });
});

describe("round 22: what the asker does not make (don't write a Dockerfile, no custom build) is set aside", () => {
  it('the pull flow, not the build flow, when no Dockerfile is written', () => {
    expectAnswered(
      "If we don't write a Dockerfile and just take an existing image, what's the workflow end to end?",
      'image-pull-flow',
    );
  });

  it('a Dockerfile asked about in another sentence is still asked', () => {
    expect(top("We don't write Dockerfiles yet. How does Docker build an image from a Dockerfile?")).toBe(
      'dockerfile-build-flow',
    );
  });
});

describe('round 22: a team (QA) and a set of tools (toolset) name no other subject', () => {
  it('For the QA wiki: which pieces make up the Docker toolset?', () => {
    expectAnswered('For the QA wiki: which pieces make up the Docker toolset?', 'docker-components');
  });
});

describe('round 22: a device numbered from zero (docker0, eth0) is a name, not a slip of a note word', () => {
  it.each(['What is the docker0 interface on the host for?', 'what does docker0 do on the host machine?'])(
    '%s',
    (q) => {
      expect(kb.ask(q).outcome).toBe('none');
    },
  );

  it('WSL2 is still the WSL note', () => {
    expect(top('WSL2 설치는 어떻게 해요?')).toBe('wsl');
  });
});

describe("round 22: asked by the name of a note's subject, a Docker term it lacks is the part it does not cover", () => {
  it('a Kubernetes Secret as env vars: the Kubernetes note covers part', () => {
    expect(partialOf('How do I mount a Kubernetes Secret into a pod as env vars?', 'kubernetes')).toContain('Secret');
  });

  it('a word of another sense with only a platform and an operation lacking (the Windows registry) is not covered', () => {
    expect(kb.ask('윈도우 레지스트리 편집기에서 시작 프로그램 지우는 법').outcome).toBe('none');
  });

  it('nor is the subject word qualified by a word the note lacks (검색 엔진, 윈도우 레지스트리)', () => {
    expect(kb.ask('검색 엔진에 태그 붙이는 법').outcome).toBe('none');
    expect(kb.ask('윈도우 레지스트리 값 수정 후 재부팅').outcome).toBe('none');
  });
});

describe('round 22: still broken after the answer, or lost by it, naming nothing else: an apology and how to ask', () => {
  it.each([
    '계속 해봤는데 아직도 안 돼요 ㅠ',
    '말씀대로 그대로 했는데 여전히 에러 나요',
    'still not working :(',
    'same error as before',
    'hmm what do you mean?',
    '하라는 대로 했는데도 안 됩니다',
    '알려주신 대로 해봤는데 똑같아요',
  ])('%s', (q) => {
    expect(kb.ask(q)).toMatchObject({ chat: 'sorry', outcome: 'none', matches: [] });
  });

  it('a failure that names what failed (a code, a Docker word, any other thing) is searched', () => {
    for (const q of [
      'npm install still fails with EACCES',
      'docker ps 해도 아직도 안 돼요',
      '네트워크가 여전히 안 돼요',
      'proxy settings still not working',
    ])
      expect(kb.ask(q).chat, q).toBeUndefined();
  });

  it('what failed and is fixed now is no failure', () => {
    expect(kb.ask('the same error as before is gone now').chat).not.toBe('sorry');
  });
});

describe("round 22: a statement to the room naming nothing of Docker's world gets a brief reply", () => {
  it.each([
    '내일 오전 정기 점검은 예정대로 진행됩니다.',
    '저 방금 외근에서 돌아왔어요~',
    "The weekly sync is on Thursday now, I've sent the invite.",
    'Rahul is covering the support queue this afternoon.',
  ])('%s', (q) => {
    expect(kb.ask(q)).toMatchObject({ chat: 'greeting', outcome: 'none', matches: [] });
  });

  it('a question put as a statement, or a mistyped Docker word, is no statement to the room', () => {
    expect(kb.ask('다음 달 교육 일정이 언제인지 여쭙고자 합니다.').chat).toBeUndefined();
    expect(kb.ask('wat is doker exactly').chat).toBeUndefined();
    expect(kb.ask('컨테니어 삭제순서가 어떻게돼요').chat).toBeUndefined();
  });
});

describe('round 22: more of the ways a channel talks (a colleague thanked by name, stepping away, a mistake owned)', () => {
  it.each([
    ['민수님 감사합니다~ 알려주신 대로 하니까 바로 되네요', 'thanks'],
    ['Signing off now, take care', 'greeting'],
    ['앗 채널 잘못 왔네요 죄송해요', 'greeting'],
    ['아 미안 내가 아까 착각했어', 'greeting'],
    ['are you still awake, bot?', 'greeting'],
    ['오후 주간회의는 2층 대회의실에서 진행됩니다.', 'greeting'],
  ])('%s is %s', (q, chat) => {
    expect(kb.ask(q)).toMatchObject({ chat, outcome: 'none', matches: [] });
  });

  it('an intention put formally ("…확인하고자 합니다") is a request, not a statement to the room', () => {
    expect(kb.ask('운영 서버 image 목록을 출력하는 명령어를 확인하고자 합니다.').chat).toBeUndefined();
  });
});

describe('round 22: a phrase quoted as one note has it word for word is where the asker read it', () => {
  it("'프로그램 실행' is the traditional-vs-Docker note's, not the overview's, close ahead with the words apart", () => {
    expectAnswered("도커 방식에서 '프로그램 실행'이랑 같은 건 뭐예요?", 'traditional-vs-docker');
  });
});

describe('round 22: a short wish right before a short question is what that question asks', () => {
  it('"…읽기만 되게 하고 싶어요. -v 뒤에 뭐 붙여요?" asks the read-only option, which the mount note lacks', () => {
    expect(
      partialOf('볼륨 폴더를 컨테이너가 못 건드리게 읽기만 되게 하고 싶어요. -v 뒤에 뭐 붙여요?', 'disk-mount'),
    ).toContain('읽기만');
  });

  it('a wish of something else ("커피 마시고 싶어요") leaves the question its own subject', () => {
    expectAnswered('커피 마시고 싶어요. 스웜이 뭐예요?', 'docker-swarm');
  });
});

describe("round 22: a program in general is the one a note's example installs", () => {
  it.each([
    'With Docker, do I still install the program, or what do I do instead?',
    '도커에서는 프로그램을 설치 안 하고 뭘 해요?',
  ])('the traditional-vs-Docker note (mysql 설치), not WSL (도커 프로그램을 설치): %s', (q) => {
    expectAnswered(q, 'traditional-vs-docker');
  });
});
