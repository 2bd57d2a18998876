/** Render time of the Docker views at 1,000 containers; prints numbers, asserts nothing. */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { toDfView } from '../src/docker/df.ts';
import type { ContainerRow, PsView } from '../src/docker/types.ts';
import { renderDfBlocks, renderPsBlocks } from '../src/render/slack/docker.ts';
import { renderDfText, renderPsText } from '../src/render/text/docker.ts';

const CONTAINERS = 1000;
const ROUNDS = 200;

function psView(): PsView {
  const states = ['running', 'running', 'running', 'exited', 'created'];
  const rows: ContainerRow[] = Array.from({ length: CONTAINERS }, (_, i) => ({
    id: i.toString(16).padStart(12, '0'),
    name: `service-${i}`,
    image: `registry.example/team/app-${i % 17}:1.${i % 9}`,
    state: states[i % states.length]!,
    status: i % 5 < 3 ? 'Up 3 hours (healthy)' : 'Exited (0) 2 days ago',
    ports: i % 2 ? '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp' : '',
    command: `node server.js --port ${8000 + i} --password=***`,
    labels: { team: `team-${i % 7}` },
    created: 1_700_000_000 + i,
  }));
  const countsByState: Record<string, number> = {};
  for (const r of rows) countsByState[r.state] = (countsByState[r.state] ?? 0) + 1;
  return {
    host: { name: 'prod', endpoint: 'tcp://10.0.0.5:2376' },
    all: true,
    filters: { name: [], status: [], label: [], ancestor: [], health: [] },
    rows,
    countsByState,
  };
}

function dfView(verbose: boolean) {
  return toDfView(
    {
      LayersSize: 50e9,
      Images: Array.from({ length: 300 }, (_, i) => ({
        Id: `sha256:${i}`,
        RepoTags: [`app-${i}:1`],
        Size: 1e8 + i,
        SharedSize: 0,
        Containers: i % 3,
      })),
      Containers: Array.from({ length: CONTAINERS }, (_, i) => ({
        Id: `${i}`,
        Names: [`/service-${i}`],
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
    verbose,
    { name: 'prod', endpoint: 'tcp://10.0.0.5:2376' },
    new Date(),
  );
}

function measure(label: string, render: () => unknown): void {
  for (let i = 0; i < 20; i++) render(); // warm up
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    render();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3);
  console.log(`${label.padEnd(34)} p50 ${at(0.5)} ms   p99 ${at(0.99)} ms   max ${at(1)} ms`);
}

export async function runDockerBench(): Promise<void> {
  const ps = psView();
  console.log(`Docker render, ${CONTAINERS} containers, ${ROUNDS} rounds each:`);
  measure('renderPsText (every row)', () => renderPsText(ps, 'en'));
  measure('renderPsBlocks (en)', () => renderPsBlocks(ps, 'en'));
  measure('renderPsBlocks (ko)', () => renderPsBlocks(ps, 'ko'));
  const blocks = renderPsBlocks(ps, 'en');
  console.log(`  ps blocks: ${blocks.blocks.length} blocks, ${JSON.stringify(blocks.blocks).length} bytes of JSON`);
  // The view is tight (50 GB of layers): render its advice line as the faces do when the note exists.
  const withAdvice = { diskAdvice: { id: 'docker-root-dir' } };
  measure('toDfView -v + renderDfText', () => renderDfText(dfView(true), 'en', withAdvice));
  measure('toDfView -v + renderDfBlocks', () => renderDfBlocks(dfView(true), 'en', withAdvice));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runDockerBench();
