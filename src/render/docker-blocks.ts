import type { Lang } from '../i18n.ts';
import type { ContainerRow, DfView, PsView } from '../docker/types.ts';
import { countsSummary, filtersText, humanSize, reclaimableText, stateName, truncate, WORDS } from './docker-format.ts';

/**
 * Slack Block Kit renderings. Slack rejects a message over its limits, so every size is bounded
 * here regardless of input: at most MAX_BLOCKS blocks (Slack allows 50; the Slack face appends its
 * own action block), section text ≤ 3000 chars, ≤ 10 fields, header ≤ 150 chars.
 */
const MAX_BLOCKS = 48;
const MAX_SECTION_TEXT = 3000;
const MAX_FIELDS = 10;
const MAX_HEADER_TEXT = 150;
/** Rows shown as sections; the rest are counted and the user is told how to narrow down. */
const PS_ROWS_SHOWN = 20;

export interface SlackMessage {
  text: string;
  blocks: object[];
}

/** Slack mrkdwn control characters; escaping also stops names like <!channel> from pinging anyone. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inside `code`, a backtick would end the span. */
function code(text: string): string {
  return `\`${escape(text.replace(/`/g, "'"))}\``;
}

function header(text: string): object {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, MAX_HEADER_TEXT), emoji: false } };
}

function section(mrkdwn: string): object {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, MAX_SECTION_TEXT) } };
}

function context(mrkdwn: string): object {
  // Context text elements share the 3000-char limit.
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, MAX_SECTION_TEXT) }] };
}

const STATE_EMOJI: Record<string, string> = {
  running: ':large_green_circle:', paused: ':double_vertical_bar:', restarting: ':arrows_counterclockwise:',
  created: ':white_circle:', exited: ':red_circle:', dead: ':black_circle:', removing: ':wastebasket:',
};

function rowSection(row: ContainerRow, lang: Lang): object {
  const lines = [
    `*${escape(truncate(row.name, 100))}*  ${code(row.id)}  ${escape(truncate(row.image, 120))}`,
    `${STATE_EMOJI[row.state] ?? ':grey_question:'} ${escape(stateName(row.state, lang))} · ${escape(truncate(row.status, 100))}${row.ports ? ` · ${escape(truncate(row.ports, 200))}` : ''}`,
  ];
  if (row.command) lines.push(code(truncate(row.command, 300)));
  const labels = Object.entries(row.labels);
  if (labels.length > 0) lines.push(`${WORDS[lang].labels}: ${escape(truncate(labels.map(([k, v]) => `${k}=${v}`).join(' '), 400))}`);
  return section(lines.join('\n'));
}

export function renderPsBlocks(view: PsView, lang: Lang): SlackMessage {
  const w = WORDS[lang];
  const total = view.rows.length;
  const summary = `${w.containers(total)}${total > 0 ? `: ${countsSummary(view, lang)}` : ''}`;
  const notes = [summary];
  const filters = filtersText(view);
  if (filters) notes.push(`${w.filters}: ${code(filters)}`);
  if (!view.all) notes.push(escape(w.runningOnly));
  notes.push(escape(view.host.endpoint));

  const blocks: object[] = [header(`docker ps · ${view.host.name}`), context(notes.join(' · '))];
  if (total === 0) {
    blocks.push(section(escape(w.noContainers)));
  } else {
    // Leave a block for the "showing n of m" note.
    const shown = view.rows.slice(0, Math.min(PS_ROWS_SHOWN, MAX_BLOCKS - blocks.length - 1));
    blocks.push(...shown.map((row) => rowSection(row, lang)));
    if (total > shown.length) blocks.push(context(`${w.showing(shown.length, total)} — ${escape(w.narrow)}`));
  }
  return { text: truncate(`docker ps · ${view.host.name}: ${summary}`, 300), blocks: blocks.slice(0, MAX_BLOCKS) };
}

export function renderDfBlocks(view: DfView, lang: Lang): SlackMessage {
  const w = WORDS[lang];
  const fields = view.categories.slice(0, MAX_FIELDS).map((c) => ({
    type: 'mrkdwn',
    text: `*${w.kinds[c.kind]}*\n${c.total} (${w.active} ${c.active}) · ${humanSize(c.sizeBytes)}\n${w.reclaimable} ${reclaimableText(c.reclaimableBytes, c.reclaimablePercent, c.sizeBytes)}`,
  }));
  const blocks: object[] = [
    header(`docker system df · ${view.host.name}`),
    { type: 'section', fields },
    context([
      `${w.rootDir}: ${code(view.dockerRootDir || '?')}`,
      `${w.total} ${humanSize(view.totalSizeBytes)}, ${w.reclaimable} ${humanSize(view.totalReclaimableBytes)}`,
      `${w.measuredAt} ${view.measuredAt}`,
      escape(view.host.endpoint),
    ].join(' · ')),
  ];
  if (view.adviceEntryId) blocks.push(section(`:warning: ${escape(w.advice(view.adviceEntryId))}`));
  if (view.largest) {
    for (const [kind, items] of Object.entries(view.largest)) {
      const lines = items.map((item) => {
        const detail = kind === 'containers' ? item.detail : w.usedBy(item.detail);
        return `${humanSize(item.sizeBytes)}  ${code(truncate(item.name, 100))}  (${escape(detail)})`;
      });
      blocks.push(section(`*${w.largest[kind]}*\n${lines.length > 0 ? lines.join('\n') : w.none}`));
    }
  }
  const summary = view.categories.map((c) => `${w.kinds[c.kind]} ${humanSize(c.sizeBytes)}`).join(', ');
  return { text: truncate(`docker system df · ${view.host.name}: ${summary}`, 300), blocks: blocks.slice(0, MAX_BLOCKS) };
}
