import type { Lang } from '../i18n.ts';

/** Short Slack replies that are not knowledge answers: refusals, progress, failures. */
export interface SlackReplies {
  refusedUser: string;
  refusedChannel: string;
  rateLimited: (retryAfterSec: number) => string;
  otherWorkspace: string;
  running: (command: string) => string;
  failed: string;
  notInChannel: string;
  nothingToExplain: string;
  topicGone: string;
  explainedPrivately: string;
  emptyQuestion: string;
}

const ko: SlackReplies = {
  refusedUser: '죄송해요, 도커 명령은 허용된 사용자만 쓸 수 있어요. 필요하면 봇 관리자에게 요청해 주세요.',
  refusedChannel: '죄송해요, 이 채널에서는 도커 명령을 쓸 수 없어요. 허용된 채널에서 다시 해 주세요.',
  rateLimited: (s) => `도커 명령을 너무 자주 실행했어요. ${s}초 뒤에 다시 해 주세요.`,
  otherWorkspace: '이 봇은 다른 워크스페이스 전용이에요.',
  running: (c) => `⏳ \`${c}\` 실행 중… 결과는 곧 여기에 올라와요.`,
  failed: '문제가 생겼어요. 다시 해 보고, 계속되면 봇 관리자에게 알려 주세요.',
  notInChannel:
    '이 채널에 글을 쓸 수 없어요. `/invite @봇이름`으로 초대해 주세요. 일단 답변은 나만 보기로 보여 드려요.',
  nothingToExplain: '이 메시지에는 설명할 글이 없어요.',
  topicGone: '이 주제는 이제 노트에 없어요. 다시 질문해 주세요.',
  explainedPrivately: '스레드에 올릴 수 없어서 나만 보기로 보여 드려요.',
  emptyQuestion: '질문을 입력해 주세요.',
};

const en: SlackReplies = {
  refusedUser: "Sorry, Docker commands are limited to certain users. Ask the bot's owner if you need access.",
  refusedChannel: "Sorry, Docker commands can't be used in this channel. Try one of the allowed channels.",
  rateLimited: (s) => `You've run Docker commands a lot just now. Please try again in ${s} s.`,
  otherWorkspace: 'This bot serves another workspace.',
  running: (c) => `⏳ Running \`${c}\`… the result will appear here shortly.`,
  failed: "Something went wrong. Try again, and tell the bot's owner if it keeps happening.",
  notInChannel: "I can't post in this channel. Invite me with `/invite @bot-name`. Here is the answer just for you.",
  nothingToExplain: 'This message has no text to explain.',
  topicGone: 'That topic is no longer in the notes. Please ask again.',
  explainedPrivately: "I couldn't post in the thread, so here it is just for you.",
  emptyQuestion: 'Please type a question.',
};

export function slackReplies(lang: Lang): SlackReplies {
  return lang === 'ko' ? ko : en;
}
