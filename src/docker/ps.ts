import type Docker from 'dockerode';
import { UserError } from '../errors.ts';
import { showControlChars } from '../text/visible.ts';
import { allowlistedLabels, isSensitiveKey, labelKeyAllowed, MASK, redactCommand } from './redact.ts';
import { shownField } from './shown.ts';
import type { ContainerRow, HostRef, PsFilters, PsOptions, PsView } from './types.ts';

/**
 * label= filters are allowed on allowlisted keys only. Labels outside DOCKER_LABEL_ALLOWLIST are
 * hidden because they may hold secrets; filtering on one would still tell whether a guessed key or
 * value exists (the container is listed or not). The message names the key only, so a right and a
 * wrong guess of the value read the same.
 */
export function checkLabelFilters(labels: readonly string[], allowlist: readonly string[]): void {
  for (const filter of labels) {
    const key = filter.split('=', 1)[0]!;
    if (labelKeyAllowed(key, allowlist)) continue;
    const shown = key.length > 40 ? `${key.slice(0, 39)}…` : key;
    const allowed =
      allowlist.length > 0
        ? `Keys you can use: ${allowlist.join(', ')}.`
        : 'It lists none, so label= cannot be used here.';
    throw new UserError(
      `label=${shown}: only label keys in DOCKER_LABEL_ALLOWLIST can be filtered on (other labels are hidden; they may hold secrets). ${allowed}`,
    );
  }
}

/** The `filters` query for /containers/json: only the keys the user gave, values as typed. */
export function engineFilters(filters: PsFilters): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(filters) as [keyof PsFilters, string[]][]) {
    if (values.length > 0) query[key] = [...values];
  }
  return query;
}

export function toPsView(
  containers: Docker.ContainerInfo[],
  options: PsOptions,
  host: HostRef,
  labelAllowlist: readonly string[],
): PsView {
  const rows = containers.map((c) => toRow(c, labelAllowlist)).sort(byRunningThenName);
  const countsByState: Record<string, number> = {};
  for (const row of rows) countsByState[row.state] = (countsByState[row.state] ?? 0) + 1;
  return { host, all: options.all, filters: shownFilters(options.filters), rows, countsByState };
}

/**
 * One row as every face shows it (the JSON view too). Commands are cut before they are redacted,
 * so redaction time is bounded by what is shown, whatever the engine reports.
 */
function toRow(c: Docker.ContainerInfo, labelAllowlist: readonly string[]): ContainerRow {
  const image = String(c.Image ?? '');
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(allowlistedLabels(c.Labels, labelAllowlist))) {
    labels[shownField(key)] = showControlChars(value);
  }
  return {
    id: shownField(String(c.Id ?? '').slice(0, 12)),
    name: shownField(primaryName(c.Names)),
    image: shownField(image.startsWith('sha256:') ? image.slice(7, 19) : image),
    state: shownField(c.State),
    status: shownField(c.Status),
    ports: shownField(formatPorts(c.Ports ?? [])),
    command: showControlChars(redactCommand(String(c.Command ?? ''))),
    labels,
    created: c.Created,
  };
}

/**
 * The filters as typed, for the headline, with visible escapes; a label filter on a key that looks
 * secret shows `key=***`, as the label itself would.
 */
function shownFilters(filters: PsFilters): PsFilters {
  const label = (filter: string) => {
    const eq = filter.indexOf('=');
    return eq > 0 && isSensitiveKey(filter.slice(0, eq)) ? `${filter.slice(0, eq)}=${MASK}` : filter;
  };
  return {
    ...filters,
    name: filters.name.map(showControlChars),
    label: filters.label.map((filter) => showControlChars(label(filter))),
    ancestor: filters.ancestor.map(showControlChars),
  };
}

/** Like docker ps: the container's own name, not the /other/alias names links add. */
function primaryName(names: string[] | undefined): string {
  const own = names?.find((n) => n.lastIndexOf('/') === 0) ?? names?.[0] ?? '';
  return own.replace(/^\//, '');
}

function formatPorts(ports: Docker.Port[]): string {
  const shown = ports.map((p) => {
    if (!p.PublicPort) return `${p.PrivatePort}/${p.Type}`;
    const ip = p.IP?.includes(':') ? `[${p.IP}]` : (p.IP ?? '');
    return `${ip ? `${ip}:` : ''}${p.PublicPort}->${p.PrivatePort}/${p.Type}`;
  });
  return [...new Set(shown)].join(', ');
}

function byRunningThenName(a: ContainerRow, b: ContainerRow): number {
  const running = Number(b.state === 'running') - Number(a.state === 'running');
  if (running !== 0) return running;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
