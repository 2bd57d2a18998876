import type { Lang } from '../i18n.ts';

/**
 * UI words around knowledge answers in Slack, in the language of the question. Functions take
 * mrkdwn that the caller has already made safe (an escaped question, a mention from userMention).
 */
export interface AnswerStrings {
  shareInChannel: string;
  otherMatches: string;
  read: string;
  explain: string;
  notAnswered: (question: string) => string;
  noCloseTopics: string;
  otherMatchesIntro: (question: string) => string;
  noOtherMatches: string;
  sharedBy: (mention: string, question: string) => string;
  explainedFor: (mention: string) => string;
  related: string;
  source: (entryId: string) => string;
  truncated: (entryId: string) => string;
  helpIntro: string;
  helpUsage: string;
  topicsHeading: string;
  moreTopics: (count: number) => string;
  homeTitle: string;
  homeIntro: string;
  homeHowTo: string;
  askButton: string;
  modalTitle: string;
  askLabel: string;
  askPlaceholder: string;
  askSubmit: string;
  close: string;
}

const ko: AnswerStrings = {
  shareInChannel: '채널에 공유',
  otherMatches: '다른 결과',
  read: '읽기',
  explain: '설명 보기',
  notAnswered: (q) => `노트에서 “${q}”에 대한 답을 찾지 못했어요.`,
  noCloseTopics: '비슷한 주제도 없어요. `/docker-ask`만 입력하면 주제 목록을 볼 수 있어요.',
  otherMatchesIntro: (q) => `“${q}”와 가까운 다른 주제:`,
  noOtherMatches: '다른 가까운 주제가 없어요.',
  sharedBy: (who, q) => `${who}님이 공유한 답변 · 질문: “${q}”`,
  explainedFor: (who) => `${who}님이 요청한 설명`,
  related: '관련 주제',
  source: (id) => `출처: 팀 노트 \`${id}\``,
  truncated: (id) => `… (길어서 줄였어요. 전체 내용은 노트 \`${id}\`에 있어요.)`,
  helpIntro: '도커 질문에 팀 노트로 답해 드려요.',
  helpUsage:
    '• `/docker-ask 컨테이너 삭제 순서?` — 나만 보는 답변 (채널에 공유 가능)\n' +
    '• 채널에서 @멘션 — 스레드에 답변\n' +
    '• 메시지 메뉴 → *Explain in thread* — 그 메시지에 스레드로 설명\n' +
    '• `/docker-ps [-a] [name=…]`, `/docker-df [-v]` — 읽기 전용 도커 상태',
  topicsHeading: '주제 목록',
  moreTopics: (n) => `… 외 ${n}개 주제. 질문으로 찾아보세요.`,
  homeTitle: '도커 노트 봇',
  homeIntro: '팀의 도커 노트에서 답을 찾아 드려요. 한국어와 영어 질문 모두 돼요.',
  homeHowTo: '*사용법*',
  askButton: '질문하기',
  modalTitle: '도커 노트',
  askLabel: '질문',
  askPlaceholder: '예: 도커 루트 디렉터리는 어디?',
  askSubmit: '묻기',
  close: '닫기',
};

const en: AnswerStrings = {
  shareInChannel: 'Share in channel',
  otherMatches: 'Other matches',
  read: 'Read',
  explain: 'Explain',
  notAnswered: (q) => `The notes don't cover “${q}”.`,
  noCloseTopics: 'No close topics either. Type `/docker-ask` alone to see the topic list.',
  otherMatchesIntro: (q) => `Other topics close to “${q}”:`,
  noOtherMatches: 'No other close topics.',
  sharedBy: (who, q) => `Shared by ${who} · question: “${q}”`,
  explainedFor: (who) => `Explanation requested by ${who}`,
  related: 'Related',
  source: (id) => `Source: team notes \`${id}\``,
  truncated: (id) => `… (shortened; the full text is in the note \`${id}\`.)`,
  helpIntro: 'I answer Docker questions from the team notes.',
  helpUsage:
    '• `/docker-ask how do I remove containers?` — an answer only you see (you can share it)\n' +
    '• @mention me in a channel — the answer goes in the thread\n' +
    '• Message menu → *Explain in thread* — explains that message in its thread\n' +
    '• `/docker-ps [-a] [name=…]`, `/docker-df [-v]` — read-only Docker status',
  topicsHeading: 'Topics',
  moreTopics: (n) => `… and ${n} more topics. Ask a question to find them.`,
  homeTitle: 'Docker notes bot',
  homeIntro: 'I answer Docker questions from the team notes, in Korean or English.',
  homeHowTo: '*How to use*',
  askButton: 'Ask a question',
  modalTitle: 'Docker notes',
  askLabel: 'Question',
  askPlaceholder: 'e.g. where is the Docker root dir?',
  askSubmit: 'Ask',
  close: 'Close',
};

export function answerStrings(lang: Lang): AnswerStrings {
  return lang === 'ko' ? ko : en;
}
