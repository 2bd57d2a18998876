/** Slack views: the App Home tab and the modals it opens. Pure, like the answer messages. */
import type { HomeView, ModalView } from '@slack/types';
import { type Lang, strings } from '../../i18n/index.ts';
import type { Answer, KnowledgeEntry } from '../../knowledge/types.ts';
import { truncate } from '../format.ts';
import { buildChatMessage, entryBlocks, entryTitle, partialIntroText, quoted } from './answers.ts';
import { actions, button, context, escapeSlackText, header, type KnownBlock, SLACK_LIMITS, section } from './blocks.ts';
import { type HomeGaps, homeGapsBlocks } from './gaps.ts';
import type { AnswerRoutes } from './routes.ts';

/**
 * The App Home tab: what the bot does, how to use it, an Ask button, the questions the notes could
 * not answer (when the store could say), and the topics to read.
 */
export function buildHomeView(
  entries: readonly KnowledgeEntry[],
  lang: Lang,
  routes: AnswerRoutes,
  gaps?: HomeGaps,
): HomeView {
  const s = strings(lang).answers;
  const blocks: KnownBlock[] = [
    header(s.homeTitle),
    section(s.homeIntro),
    section(`${s.homeHowTo}\n${s.helpUsage}`),
    actions([button(s.askButton, routes.ask(lang), 'primary')]),
    ...(gaps ? homeGapsBlocks(gaps, lang, routes) : []),
    { type: 'divider' },
    section(`*${s.topicsHeading}* (${entries.length})`),
  ];
  const room = SLACK_LIMITS.viewBlocks - blocks.length;
  const shown = entries.length <= room ? entries : entries.slice(0, room - 1);
  for (const entry of shown) {
    const first = lang === 'ko' ? entry.title : entry.titleEn || entry.title;
    const second = lang === 'ko' ? entry.titleEn : entry.title;
    const text = `*${escapeSlackText(first)}*${second && second !== first ? `\n${escapeSlackText(second)}` : ''}`;
    blocks.push({
      ...section(text),
      accessory: button(s.read, routes.readTopic({ entryId: entry.id, question: '', lang })),
    });
  }
  if (shown.length < entries.length) blocks.push(section(s.moreTopics(entries.length - shown.length)));
  return { type: 'home', blocks };
}

function modalShell(lang: Lang, blocks: KnownBlock[]): ModalView {
  const s = strings(lang).answers;
  return {
    type: 'modal',
    title: { type: 'plain_text', text: truncate(s.modalTitle, SLACK_LIMITS.modalTitle) },
    close: { type: 'plain_text', text: s.close },
    blocks: blocks.slice(0, SLACK_LIMITS.viewBlocks),
  };
}

/** A topic opened from the App Home. */
export function buildEntryModal(
  entry: KnowledgeEntry,
  lang: Lang,
  lookup: (id: string) => KnowledgeEntry | undefined,
): ModalView {
  return modalShell(lang, entryBlocks(entry, lang, lookup, SLACK_LIMITS.viewBlocks));
}

/** The question form opened by the App Home's Ask button. */
export function buildAskModal(lang: Lang, routes: AnswerRoutes): ModalView {
  const s = strings(lang).answers;
  const form = routes.askForm;
  return {
    ...modalShell(lang, [
      {
        type: 'input',
        block_id: form.blockId,
        label: { type: 'plain_text', text: s.askLabel },
        element: {
          type: 'plain_text_input',
          action_id: form.actionId,
          placeholder: { type: 'plain_text', text: s.askPlaceholder },
          max_length: 1000,
        },
      },
    ]),
    callback_id: form.callbackId,
    submit: { type: 'plain_text', text: s.askSubmit },
  };
}

/** The answer shown in place of the question form after it is submitted. */
export function buildAnswerModal(
  answer: Answer,
  question: string,
  lang: Lang,
  lookup: (id: string) => KnowledgeEntry | undefined,
): ModalView {
  const best = answer.matches[0];
  if (answer.chat) return modalShell(lang, buildChatMessage(answer.chat, lang).blocks);
  if (answer.answered && best) return modalShell(lang, entryBlocks(best.entry, lang, lookup, SLACK_LIMITS.viewBlocks));
  if (answer.outcome === 'partial' && best) {
    const leading = [section(partialIntroText(answer.partial ?? true, lang))];
    return modalShell(lang, entryBlocks(best.entry, lang, lookup, SLACK_LIMITS.viewBlocks, { leading }));
  }
  const s = strings(lang).answers;
  const closest = answer.matches.slice(0, 3).map((m) => `• ${escapeSlackText(entryTitle(m.entry, lang))}`);
  return modalShell(lang, [
    section(s.notAnswered(quoted(question))),
    ...(closest.length ? [section(closest.join('\n'))] : [context(s.noCloseTopics)]),
  ]);
}
