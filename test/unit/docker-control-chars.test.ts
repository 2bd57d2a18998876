import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { toDfView } from '../../src/docker/df.ts';
import { toPsView } from '../../src/docker/ps.ts';
import { renderDfBlocks, renderPsBlocks } from '../../src/render/slack/docker.ts';
import { renderDfText, renderPsText } from '../../src/render/text/docker.ts';
import { containerInfo } from '../support/container-info.ts';

/**
 * Engine strings that would act on a terminal or a channel — ESC sequences that clear the screen
 * or retitle the window, newlines that fake table rows, bidi overrides that reorder a line — are
 * shown as visible escapes by the view model, so the JSON view, the terminal table and Block Kit
 * all show the same harmless text.
 */

/** Any character that acts instead of showing (controls, bidi and other format characters, separators). */
const ACTING = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

const HOSTILE: Partial<Docker.ContainerInfo> = {
  Id: 'b'.repeat(64),
  Names: ['/web\x1b[2J\x1b[H'],
  Image: 'evil\u202egpj.exe',
  Command: 'sh -c "echo hi"\nfake-row   faked   Up 1 year',
  State: 'running',
  Status: 'Up 3 hours\x1b]0;owned\x07',
  Ports: [{ IP: '0.0.0.0\u2066', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }],
  Labels: { team: 'web\u200b\r\nsecond line', 'team\x1b[31m': 'red' },
};

function hostileView() {
  return toPsView(
    [containerInfo(HOSTILE)],
    { all: true, filters: { name: ['x\x1b[2J'], status: [], label: [], ancestor: [], health: [] } },
    { name: 'default', endpoint: 'unix:///var/run/docker.sock' },
    ['team*'],
  );
}

describe('control and bidi characters in ps', () => {
  it('the view model holds visible escapes instead of them', () => {
    const row = hostileView().rows[0]!;
    expect(row.name).toBe('web\\x1b[2J\\x1b[H');
    expect(row.image).toBe('evil\\u202egpj.exe');
    expect(row.command).toBe('sh -c "echo hi"\\nfake-row   faked   Up 1 year');
    expect(row.status).toBe('Up 3 hours\\x1b]0;owned\\x07');
    expect(row.ports).toBe('0.0.0.0\\u2066:8080->80/tcp');
    expect(row.labels).toEqual({ team: 'web\\u200b\\r\\nsecond line', 'team\\x1b[31m': 'red' });
    expect(hostileView().filters.name).toEqual(['x\\x1b[2J']);
    expect(JSON.stringify(hostileView())).not.toMatch(ACTING); // JSON.stringify leaves all but C0 as they are
    expect(Object.values(row).join('') + Object.entries(row.labels).join('')).not.toMatch(ACTING);
  });

  it('the terminal table gets no control character and no extra row', () => {
    const text = renderPsText(hostileView(), 'en');
    const lines = text.split('\n');
    expect(lines).toHaveLength(4); // headline, column titles, the one row, its labels
    for (const line of lines) expect(line).not.toMatch(ACTING);
    expect(lines[2]).toContain('web\\x1b[2J\\x1b[H');
    expect(lines[2]).toContain('evil\\u202egpj.exe');
    expect(lines[3]).toBe('labels web\\x1b[2J\\x1b[H: team=web\\u200b\\r\\nsecond line team\\x1b[31m=red');
  });

  it('Block Kit carries the same visible escapes', () => {
    const strings: string[] = [];
    JSON.stringify(renderPsBlocks(hostileView(), 'en'), (_key, value) => {
      if (typeof value === 'string') strings.push(value);
      return value;
    });
    // Slack text may hold the renderer's own line breaks, nothing else that acts.
    for (const s of strings) expect(s.replace(/\n/g, '')).not.toMatch(ACTING);
    const all = strings.join('\n');
    for (const shown of ['web\\x1b[2J\\x1b[H', 'evil\\u202egpj.exe', 'Up 3 hours\\x1b]0;owned\\x07', '\\nfake-row']) {
      expect(all).toContain(shown);
    }
  });
});

describe('control and bidi characters in df -v', () => {
  const view = () =>
    toDfView(
      {
        Images: [{ Id: 'sha256:1', RepoTags: ['img\u202e:1'], Size: 10, SharedSize: 0, Containers: 0 }],
        Containers: [{ Id: 'c1', Names: ['/box\x1b[2J'], State: 'exited\n', SizeRw: 5 }],
        Volumes: [{ Name: 'vol\u2067x', UsageData: { Size: 1, RefCount: 0 } }],
        BuildCache: [],
      },
      { DockerRootDir: '/var/lib/docker\x1b]0;x\x07' },
      true,
      { name: 'default', endpoint: 'unix:///var/run/docker.sock' },
      new Date(0),
    );

  it('shows item names, states and the root dir as visible escapes on every rendering', () => {
    const v = view();
    expect(v.largest!.images[0]!.name).toBe('img\\u202e:1');
    expect(v.largest!.containers[0]).toMatchObject({ name: 'box\\x1b[2J', detail: 'exited\\n' });
    expect(v.largest!.volumes[0]!.name).toBe('vol\\u2067x');
    expect(v.dockerRootDir).toBe('/var/lib/docker\\x1b]0;x\\x07');
    const text = renderDfText(v, 'en');
    for (const line of text.split('\n')) expect(line).not.toMatch(ACTING);
    expect(text).toContain('box\\x1b[2J');
    const blocks = JSON.stringify(renderDfBlocks(v, 'en'));
    expect(blocks).toContain('img\\\\u202e:1'); // JSON escapes the backslash once more
    expect(JSON.stringify(v) + blocks).not.toMatch(ACTING);
  });
});
