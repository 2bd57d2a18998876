import type { DfView, DockerResult, PsView } from '../../docker/types.ts';
import { type Lang, strings } from '../../i18n/index.ts';
import {
  countsSummary,
  type DockerRenderOptions,
  filtersText,
  humanSize,
  LARGEST_KINDS,
  reclaimableText,
  truncate,
} from '../format.ts';

/** Terminal renderings of the Docker views (CLI and shell): plain aligned tables, every row. */

export function renderPsText(view: PsView, lang: Lang): string {
  const w = strings(lang).docker;
  const lines = [headline(view, lang)];
  if (view.rows.length === 0) {
    lines.push(w.noContainers);
    return lines.join('\n');
  }
  const table = [
    w.columns,
    ...view.rows.map((r) => [
      r.id,
      truncate(r.name, 40),
      truncate(r.image, 40),
      r.status,
      truncate(r.ports, 40),
      truncate(r.command, 60),
    ]),
  ];
  lines.push(...alignColumns(table));
  const labelled = view.rows.filter((r) => Object.keys(r.labels).length > 0);
  for (const r of labelled) {
    lines.push(
      `${w.labels} ${r.name}: ${Object.entries(r.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    );
  }
  return lines.join('\n');
}

function headline(view: PsView, lang: Lang): string {
  const w = strings(lang).docker;
  const parts = [`docker ps · ${view.host.name} (${view.host.endpoint}) — ${w.containers(view.rows.length)}`];
  if (view.rows.length > 0) parts.push(`: ${countsSummary(view, lang)}`);
  const notes: string[] = [];
  const filters = filtersText(view);
  if (filters) notes.push(`${w.filters}: ${filters}`);
  if (!view.all) notes.push(w.runningOnly);
  return parts.join('') + (notes.length > 0 ? ` [${notes.join('; ')}]` : '');
}

export function renderDfText(view: DfView, lang: Lang, options: DockerRenderOptions = {}): string {
  const w = strings(lang).docker;
  const table = [
    w.dfColumns,
    ...view.categories.map((c) => [
      w.kinds[c.kind],
      String(c.total),
      String(c.active),
      humanSize(c.sizeBytes),
      reclaimableText(c.reclaimableBytes, c.reclaimablePercent, c.sizeBytes),
    ]),
  ];
  const lines = [
    `docker system df · ${view.host.name} (${view.host.endpoint})`,
    ...alignColumns(table),
    `${w.rootDir}: ${view.dockerRootDir || '?'} · ${w.total} ${humanSize(view.totalSizeBytes)}, ${w.reclaimable} ${humanSize(view.totalReclaimableBytes)} · ${w.measuredAt} ${view.measuredAt}`,
  ];
  if (options.diskAdvice) lines.push(w.advice(options.diskAdvice.id));
  if (view.largest) {
    for (const kind of LARGEST_KINDS) {
      const items = view.largest[kind];
      lines.push('', `${w.largest[kind]}:`);
      if (items.length === 0) lines.push(`  ${w.none}`);
      for (const item of items) {
        const detail = kind === 'containers' ? item.detail : w.usedBy(item.detail);
        lines.push(`  ${humanSize(item.sizeBytes).padStart(8)}  ${truncate(item.name, 60)}  (${detail})`);
      }
    }
  }
  return lines.join('\n');
}

/** Hangul and other wide characters take two terminal columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return width;
}

function alignColumns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell));
    });
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - displayWidth(cell) + 3)))
      .join('')
      .trimEnd(),
  );
}

/** Either view as terminal text. */
export function renderDockerText(result: DockerResult, lang: Lang, options: DockerRenderOptions = {}): string {
  return result.kind === 'ps' ? renderPsText(result.view, lang) : renderDfText(result.view, lang, options);
}
