import type { Button, MrkdwnElement, SectionBlock } from '@slack/types';
import type { ContainerRow, DfView, DockerResult, PsView } from '../../docker/types.ts';
import { type Lang, strings } from '../../i18n/index.ts';
import {
  countsSummary,
  type DockerRenderOptions,
  filtersText,
  humanSize,
  LARGEST_KINDS,
  reclaimableText,
  stateName,
  truncate,
} from '../format.ts';
import {
  actions,
  button,
  code,
  context,
  escapeAndTruncate,
  escapeSlackText,
  header,
  type KnownBlock,
  SLACK_LIMITS,
  type SlackMessage,
  section,
  userMention,
  verbatim,
} from './blocks.ts';
import type { ButtonRoute } from './routes.ts';

/**
 * Slack Block Kit renderings of the Docker views. Slack rejects a message over its limits, so every
 * size is bounded here regardless of input (SLACK_LIMITS), and a message leaves one block free for
 * the actions block (the Explain button) the Slack face appends.
 */
const MAX_BLOCKS = SLACK_LIMITS.messageBlocks - 1;
/** Rows shown as sections; the rest are counted and the user is told how to narrow down. */
const PS_ROWS_SHOWN = 20;

/** Container and host names are not ours: :name: in them stays text. */
const plainHeader = (text: string) => header(text, { emoji: false });

const STATE_EMOJI: Record<string, string> = {
  running: ':large_green_circle:',
  paused: ':double_vertical_bar:',
  restarting: ':arrows_counterclockwise:',
  created: ':white_circle:',
  exited: ':red_circle:',
  dead: ':black_circle:',
  removing: ':wastebasket:',
};

function rowSection(row: ContainerRow, lang: Lang): SectionBlock {
  const lines = [
    `*${escapeAndTruncate(row.name, 100)}*  ${code(row.id)}  ${escapeAndTruncate(row.image, 120)}`,
    `${STATE_EMOJI[row.state] ?? ':grey_question:'} ${escapeSlackText(stateName(row.state, lang))} · ${escapeAndTruncate(row.status, 100)}${row.ports ? ` · ${escapeAndTruncate(row.ports, 200)}` : ''}`,
  ];
  if (row.command) lines.push(code(truncate(row.command, 300)));
  const labels = Object.entries(row.labels);
  if (labels.length > 0)
    lines.push(
      `${strings(lang).docker.labels}: ${escapeAndTruncate(labels.map(([k, v]) => `${k}=${v}`).join(' '), 400)}`,
    );
  return section(lines.join('\n'));
}

export function renderPsBlocks(view: PsView, lang: Lang): SlackMessage {
  const w = strings(lang).docker;
  const total = view.rows.length;
  // Engine state names are the engine's words: escaped like everything else not written here.
  const summary = escapeSlackText(`${w.containers(total)}${total > 0 ? `: ${countsSummary(view, lang)}` : ''}`);
  const notes = [summary];
  const filters = filtersText(view);
  if (filters) notes.push(`${w.filters}: ${code(filters)}`);
  if (!view.all) notes.push(escapeSlackText(w.runningOnly));
  notes.push(escapeSlackText(view.host.endpoint));

  const blocks: KnownBlock[] = [plainHeader(`docker ps · ${view.host.name}`), context(notes.join(' · '))];
  if (total === 0) {
    blocks.push(section(escapeSlackText(w.noContainers)));
  } else {
    // Leave a block for the "showing n of m" note.
    const shown = view.rows.slice(0, Math.min(PS_ROWS_SHOWN, MAX_BLOCKS - blocks.length - 1));
    blocks.push(...shown.map((row) => rowSection(row, lang)));
    if (total > shown.length) blocks.push(context(`${w.showing(shown.length, total)} — ${escapeSlackText(w.narrow)}`));
  }
  return {
    text: truncate(`docker ps · ${view.host.name}: ${summary}`, 300),
    blocks: verbatim(blocks.slice(0, MAX_BLOCKS)),
  };
}

export function renderDfBlocks(view: DfView, lang: Lang, options: DockerRenderOptions = {}): SlackMessage {
  const w = strings(lang).docker;
  const fields = view.categories.slice(0, SLACK_LIMITS.sectionFields).map(
    (c): MrkdwnElement => ({
      type: 'mrkdwn',
      text: `*${w.kinds[c.kind]}*\n${c.total} (${w.active} ${c.active}) · ${humanSize(c.sizeBytes)}\n${w.reclaimable} ${reclaimableText(c.reclaimableBytes, c.reclaimablePercent, c.sizeBytes)}`,
    }),
  );
  const blocks: KnownBlock[] = [
    plainHeader(`docker system df · ${view.host.name}`),
    { type: 'section', fields },
    context(
      [
        `${w.rootDir}: ${code(view.dockerRootDir || '?')}`,
        `${w.total} ${humanSize(view.totalSizeBytes)}, ${w.reclaimable} ${humanSize(view.totalReclaimableBytes)}`,
        `${w.measuredAt} ${view.measuredAt}`,
        escapeSlackText(view.host.endpoint),
      ].join(' · '),
    ),
  ];
  if (options.diskAdvice) blocks.push(section(`:warning: ${escapeSlackText(w.advice(options.diskAdvice.id))}`));
  if (view.largest) {
    for (const kind of LARGEST_KINDS) {
      const items = view.largest[kind];
      const lines = items.map((item) => {
        const detail = kind === 'containers' ? item.detail : w.usedBy(item.detail);
        return `${humanSize(item.sizeBytes)}  ${code(truncate(item.name, 100))}  (${escapeSlackText(detail)})`;
      });
      blocks.push(section(`*${w.largest[kind]}*\n${lines.length > 0 ? lines.join('\n') : w.none}`));
    }
  }
  const summary = view.categories.map((c) => `${w.kinds[c.kind]} ${humanSize(c.sizeBytes)}`).join(', ');
  return {
    text: truncate(`docker system df · ${view.host.name}: ${summary}`, 300),
    blocks: verbatim(blocks.slice(0, MAX_BLOCKS)),
  };
}

/** Either view as a Slack message. */
export function renderDockerBlocks(result: DockerResult, lang: Lang, options: DockerRenderOptions = {}): SlackMessage {
  return result.kind === 'ps' ? renderPsBlocks(result.view, lang) : renderDfBlocks(result.view, lang, options);
}

/**
 * A private result with Share in channel: the button joins the actions block the Slack face put
 * last (Explain), or makes one. Without a route (a command too long for a button) it is left as is.
 */
export function withShareButton(message: SlackMessage, route: ButtonRoute | undefined, lang: Lang): SlackMessage {
  if (!route) return message;
  const share = button(strings(lang).answers.shareInChannel, route, 'primary');
  const last = message.blocks.at(-1);
  if (last?.type === 'actions') {
    return {
      text: message.text,
      blocks: [...message.blocks.slice(0, -1), actions([...(last.elements as Button[]), share])],
    };
  }
  return { text: message.text, blocks: [...message.blocks.slice(0, SLACK_LIMITS.messageBlocks - 1), actions([share])] };
}

/**
 * The shared copy of a result: the very blocks a private one has, without Share, under a line
 * naming who shared it and the command. Nothing is added that the private copy did not show.
 */
export function sharedDockerMessage(message: SlackMessage, sharedBy: string, typed: string, lang: Lang): SlackMessage {
  const attribution = context(strings(lang).docker.sharedBy(userMention(sharedBy), code(typed)));
  const blocks = [...message.blocks.slice(0, 1), ...verbatim([attribution]), ...message.blocks.slice(1)];
  // Over Slack's limit (not with today's renderers), the block before the last goes, not the buttons.
  const excess = blocks.length - SLACK_LIMITS.messageBlocks;
  if (excess > 0) blocks.splice(blocks.length - 1 - excess, excess);
  return { text: message.text, blocks };
}
