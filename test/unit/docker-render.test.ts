import { describe, expect, it } from 'vitest';
import { diskLooksTight, toDfView } from '../../src/docker/df.ts';
import type { ContainerRow, DfView, PsView } from '../../src/docker/types.ts';
import { humanSize, truncate } from '../../src/render/format.ts';
import { SLACK_LIMITS, type SlackMessage } from '../../src/render/slack/blocks.ts';
import { renderDfBlocks, renderPsBlocks } from '../../src/render/slack/docker.ts';
import { renderDfText, renderPsText } from '../../src/render/text/docker.ts';
import { expectWithinSlackLimits } from '../support/slack-limits.ts';

const HOST = { name: 'default', endpoint: 'unix:///var/run/docker.sock' };
const NO_FILTERS = { name: [], status: [], label: [], ancestor: [], health: [] };

function row(i: number, over: Partial<ContainerRow> = {}): ContainerRow {
  const running = i % 5 < 3;
  return {
    id: i.toString(16).padStart(12, '0'),
    name: `svc-${String(i).padStart(4, '0')}`,
    image: 'registry.example/app:1.2.3',
    state: running ? 'running' : 'exited',
    status: running ? 'Up 3 hours' : 'Exited (0) 2 days ago',
    ports: running ? '0.0.0.0:8080->80/tcp' : '',
    command: 'node server.js --password=***',
    labels: {},
    created: 1_700_000_000 + i,
    ...over,
  };
}

function psView(rows: ContainerRow[], over: Partial<PsView> = {}): PsView {
  const countsByState: Record<string, number> = {};
  for (const r of rows) countsByState[r.state] = (countsByState[r.state] ?? 0) + 1;
  return { host: HOST, all: true, filters: NO_FILTERS, rows, countsByState, ...over };
}

/** One block stays free for the actions block (the Explain button) the Slack face appends. */
const DOCKER_MAX_BLOCKS = SLACK_LIMITS.messageBlocks - 1;

const allText = (m: SlackMessage) => JSON.stringify(m.blocks);

describe('renderPsBlocks', () => {
  it('renders 1,000 containers within Slack limits: counts, the first rows and how to narrow down', () => {
    const view = psView(Array.from({ length: 1000 }, (_, i) => row(i)));
    const message = renderPsBlocks(view, 'en');
    expectWithinSlackLimits(message, DOCKER_MAX_BLOCKS);
    expect(message.text).toBe('docker ps · default: 1000 containers: 600 running, 400 exited');
    expect(allText(message)).toContain('1000 containers: 600 running, 400 exited');
    expect(allText(message)).toContain('Showing 20 of 1000 — narrow down with name=… status=… label=… ancestor=…');
    expect(allText(message)).toContain('*svc-0000*');
    expect(allText(message)).toContain('*svc-0019*');
    expect(allText(message)).not.toContain('*svc-0020*');
  });

  it('stays within limits when every field is huge', () => {
    const huge = 'x'.repeat(10_000);
    const labels = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, huge]));
    const view = psView(
      Array.from({ length: 60 }, (_, i) =>
        row(i, { name: huge, image: huge, status: huge, ports: huge, command: `${huge}&<>`, labels }),
      ),
      { host: { name: 'h'.repeat(500), endpoint: huge }, filters: { ...NO_FILTERS, name: [huge] } },
    );
    for (const lang of ['en', 'ko'] as const) expectWithinSlackLimits(renderPsBlocks(view, lang), DOCKER_MAX_BLOCKS);
  });

  it('escapes Slack control characters so a container name cannot ping anyone', () => {
    const message = renderPsBlocks(psView([row(1, { name: '<!channel> & co', command: 'echo `id` <@U123>' })]), 'en');
    const text = allText(message);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U123>');
    expect(text).toContain('&lt;!channel&gt; &amp; co');
    expect(text).toContain("`echo 'id' &lt;@U123&gt;`");
  });

  it('says when nothing matches, in Korean too, and that stopped ones need -a', () => {
    const empty = psView([], { all: false, filters: { ...NO_FILTERS, status: ['running'] } });
    expect(allText(renderPsBlocks(empty, 'en'))).toContain('No containers match.');
    const ko = renderPsBlocks(empty, 'ko');
    expect(allText(ko)).toContain('조건에 맞는 컨테이너가 없습니다.');
    expect(allText(ko)).toContain('중지된 것도 보려면 -a');
    expect(allText(ko)).toContain('`status=running`');
    expectWithinSlackLimits(ko, DOCKER_MAX_BLOCKS);
    expect(allText(renderPsBlocks(psView(Array.from({ length: 30 }, (_, i) => row(i))), 'ko'))).toContain(
      '30개 중 20개 표시',
    );
  });
});

describe('renderPsText', () => {
  it('prints an aligned table of every row with the counts', () => {
    const text = renderPsText(psView([row(1), row(3, { labels: { team: 'web' } })]), 'en');
    expect(text.split('\n')).toEqual([
      'docker ps · default (unix:///var/run/docker.sock) — 2 containers: 1 running, 1 exited',
      'CONTAINER ID   NAME       IMAGE                        STATUS                  PORTS                  COMMAND',
      '000000000001   svc-0001   registry.example/app:1.2.3   Up 3 hours              0.0.0.0:8080->80/tcp   node server.js --password=***',
      '000000000003   svc-0003   registry.example/app:1.2.3   Exited (0) 2 days ago                          node server.js --password=***',
      'labels svc-0003: team=web',
    ]);
  });

  it('says what it filtered on and that only running ones are listed', () => {
    const text = renderPsText(
      psView([], { all: false, filters: { ...NO_FILTERS, name: ['web'], health: ['unhealthy'] } }),
      'en',
    );
    expect(text).toBe(
      'docker ps · default (unix:///var/run/docker.sock) — 0 containers [filters: name=web health=unhealthy; running only; add -a to include stopped ones]\nNo containers match.',
    );
  });

  it('renders 1,000 rows in Korean with wide-character alignment', () => {
    const lines = renderPsText(psView(Array.from({ length: 1000 }, (_, i) => row(i))), 'ko').split('\n');
    expect(lines).toHaveLength(1002);
    expect(lines[0]).toContain('컨테이너 1000개: 실행 중 600, 종료됨 400');
    expect(lines[1]!.startsWith('컨테이너 ID    이름')).toBe(true);
  });
});

const GB = 1_000_000_000;

function dfView(): DfView {
  return toDfView(
    {
      LayersSize: 3 * GB,
      Images: [
        { Id: 'sha256:aaaaaaaaaaaaaaaa', RepoTags: ['app:1'], Size: 2 * GB, SharedSize: 0, Containers: 1 },
        { Id: 'sha256:bbbbbbbbbbbbbbbb', RepoTags: ['<none>:<none>'], Size: 1 * GB, SharedSize: 0, Containers: 0 },
      ],
      Containers: [
        { Id: 'c1', Names: ['/web'], State: 'running', SizeRw: 1000 },
        { Id: 'c2', Names: ['/old'], State: 'exited', SizeRw: 3000 },
      ],
      Volumes: [
        { Name: 'data', UsageData: { Size: 5_000_000, RefCount: 1 } },
        { Name: 'a'.repeat(64), UsageData: { Size: 2_000_000, RefCount: 0 } },
        { Name: 'unknown', UsageData: { Size: -1, RefCount: -1 } },
      ],
      BuildCache: [
        { Size: 400, InUse: false, Shared: false },
        { Size: 100, InUse: true, Shared: false },
        { Size: 999, InUse: false, Shared: true },
      ],
    },
    { DockerRootDir: '/var/lib/docker' },
    true,
    HOST,
    new Date('2026-01-02T03:04:05Z'),
  );
}

describe('df view and renderers', () => {
  it('totals like docker system df', () => {
    const view = dfView();
    expect(view.categories).toEqual([
      { kind: 'images', total: 2, active: 1, sizeBytes: 3 * GB, reclaimableBytes: 1 * GB, reclaimablePercent: 33 },
      { kind: 'containers', total: 2, active: 1, sizeBytes: 4000, reclaimableBytes: 3000, reclaimablePercent: 75 },
      {
        kind: 'volumes',
        total: 3,
        active: 1,
        sizeBytes: 7_000_000,
        reclaimableBytes: 2_000_000,
        reclaimablePercent: 28,
      },
      { kind: 'buildCache', total: 3, active: 1, sizeBytes: 500, reclaimableBytes: 400, reclaimablePercent: 80 },
    ]);
    expect(view.largest!.images.map((i) => i.name)).toEqual(['app:1', 'bbbbbbbbbbbb']);
    expect(view.largest!.volumes.map((v) => v.name)).toEqual(['data', 'aaaaaaaaaaaa', 'unknown']);
  });

  it.each([
    [19 * GB, 0, false],
    [20 * GB, 0, true],
    [2 * GB, 1.01 * GB, true],
    [2 * GB, 1 * GB, false],
    [0.9 * GB, 0.8 * GB, false],
  ])('disk looks tight at %d bytes with %d reclaimable: %s', (total, reclaimable, tight) => {
    expect(diskLooksTight(total, reclaimable)).toBe(tight);
  });

  it('names the advice note it is given, in text and blocks', () => {
    const advice = { diskAdvice: { id: 'docker-root-dir' } };
    expect(renderDfText(dfView(), 'en', advice)).toContain(
      "Docker's disk use looks tight. See the knowledge entry `docker-root-dir`",
    );
    expect(allText(renderDfBlocks(dfView(), 'ko', advice))).toContain('지식 항목 `docker-root-dir`');
  });

  it('prints no advice when given none, even for a tight disk: which note explains it is not its choice', () => {
    const tight = { ...dfView(), diskLooksTight: true };
    for (const options of [{}, { diskAdvice: undefined }]) {
      expect(renderDfText(tight, 'en', options)).not.toMatch(/docker-root-dir|looks tight/);
      for (const lang of ['en', 'ko'] as const) {
        const message = renderDfBlocks(tight, lang, options);
        expect(allText(message)).not.toMatch(/docker-root-dir|looks tight|빠듯/);
        expect(message.blocks.map((b) => b.type)).toEqual([
          'header',
          'section',
          'context',
          'section',
          'section',
          'section',
        ]);
      }
    }
  });

  it('prints the docker system df table, root dir and -v lists', () => {
    const lines = renderDfText(dfView(), 'en').split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'docker system df · default (unix:///var/run/docker.sock)',
      'TYPE            TOTAL   ACTIVE   SIZE   RECLAIMABLE',
      'Images          2       1        3GB    1GB (33%)',
      'Containers      2       1        4kB    3kB (75%)',
      'Local Volumes   3       1        7MB    2MB (28%)',
      'Build Cache     3       1        500B   400B (80%)',
      'Docker root dir: /var/lib/docker · total 3.007GB, reclaimable 1.002GB · measured at 2026-01-02T03:04:05.000Z',
    ]);
    expect(lines).toContain('Largest images:');
    expect(lines).toContain('       3kB  old  (exited)');
  });

  it('renders -v within Slack limits at 1,000 containers, 300 images and 500 volumes', () => {
    const big = toDfView(
      {
        LayersSize: 50 * GB,
        Images: Array.from({ length: 300 }, (_, i) => ({
          Id: `sha256:${i}`,
          RepoTags: [`${'app'.repeat(50)}-${i}:1`],
          Size: 1e8 + i,
          SharedSize: 0,
          Containers: i % 3,
        })),
        Containers: Array.from({ length: 1000 }, (_, i) => ({
          Id: `${i}`,
          Names: [`/<!here>-${i}`],
          State: i % 4 ? 'running' : 'exited',
          SizeRw: i * 1000,
        })),
        Volumes: Array.from({ length: 500 }, (_, i) => ({
          Name: `vol-${i}`,
          UsageData: { Size: i * 1e6, RefCount: i % 2 },
        })),
        BuildCache: Array.from({ length: 200 }, (_, i) => ({ Size: i * 1e5, InUse: i % 5 === 0, Shared: false })),
      },
      { DockerRootDir: '/var/lib/docker' },
      true,
      HOST,
      new Date('2026-01-02T03:04:05Z'),
    );
    expect(big.diskLooksTight).toBe(true);
    for (const lang of ['en', 'ko'] as const) {
      const message = renderDfBlocks(big, lang, { diskAdvice: { id: 'docker-root-dir' } });
      expectWithinSlackLimits(message, DOCKER_MAX_BLOCKS);
      expect(message.blocks.map((b) => b.type)).toEqual([
        'header',
        'section',
        'context',
        'section',
        'section',
        'section',
        'section',
      ]);
      expect(allText(message)).not.toContain('<!here>');
    }
  });

  it('renders df blocks within Slack limits with one field per category', () => {
    const message = renderDfBlocks(dfView(), 'en');
    expectWithinSlackLimits(message, DOCKER_MAX_BLOCKS);
    const fields = (message.blocks[1] as { fields: { text: string }[] }).fields;
    expect(fields.map((f) => f.text.split('\n')[0])).toEqual([
      '*Images*',
      '*Containers*',
      '*Local Volumes*',
      '*Build Cache*',
    ]);
    expect(allText(message)).toContain('`/var/lib/docker`');
  });
});

describe('humanSize', () => {
  it.each([
    [0, '0B'],
    [999, '999B'],
    [1000, '1kB'],
    [1_982_270, '1.982MB'],
    [1.5 * GB, '1.5GB'],
    [123_456_789, '123.5MB'],
    [999_950, '1000kB'],
  ])('%d → %s (go-units HumanSize)', (bytes, text) => {
    expect(humanSize(bytes)).toBe(text);
  });
});

describe('truncate (render/format.ts)', () => {
  it('cuts to the limit in UTF-16 units without splitting a surrogate pair', () => {
    expect(truncate('ab🐳cd', 4)).toBe('ab…');
    expect(truncate('abc🐳d', 4)).toBe('abc…');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab🐳', 4)).toBe('ab🐳');
  });
});
