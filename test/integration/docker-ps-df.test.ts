import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDockerArgs } from '../../src/commands/index.ts';
import { createDockerReader, type DockerReader, type PsView, readDockerConfig } from '../../src/docker/index.ts';
import { strings } from '../../src/i18n/index.ts';
import { humanSize, reclaimableText } from '../../src/render/format.ts';
import { SECRET_LABEL_VALUE, type Seeded, seedDaemon, startTestDaemon, type TestDaemon } from '../support/dockerd.ts';

let daemon: TestDaemon;
let seeded: Seeded;
let reader: DockerReader;

beforeAll(async () => {
  daemon = await startTestDaemon();
  seeded = await seedDaemon(daemon);
  reader = createDockerReader(
    readDockerConfig({ DOCKER_HOST: daemon.host, DOCKER_LABEL_ALLOWLIST: 'team', DOCKER_TIMEOUT_MS: '5000' }),
  );
});

afterAll(async () => {
  await daemon?.stop();
});

async function ps(args: string): Promise<PsView> {
  const parsed = parseDockerArgs('ps', args, 'en');
  if (!parsed.ok) throw new Error(parsed.error);
  return reader.ps(parsed.options);
}

/** docker ps with the same arguments, through the CLI: what the engine itself reports. */
async function cliPs(args: string[]): Promise<Record<string, string>[]> {
  const out = await daemon.cli(['ps', '--no-trunc', '--format', '{{json .}}', ...args]);
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, string>);
}

describe('ps against a real engine', () => {
  // [what the user types, the docker CLI equivalent]
  const cases: [string, string[]][] = [
    ['', []],
    ['-a', ['-a']],
    ['--all name=web', ['-a', '--filter', 'name=web']],
    ['name=web', ['--filter', 'name=web']],
    ['status=exited', ['--filter', 'status=exited']],
    ['status=created', ['--filter', 'status=created']],
    ['-a status=running status=created', ['-a', '--filter', 'status=running', '--filter', 'status=created']],
    ['label=team=web', ['--filter', 'label=team=web']],
    ['-a label=team', ['-a', '--filter', 'label=team']],
    ['-a ancestor=tbox:2', ['-a', '--filter', 'ancestor=tbox:2']],
    ['health=healthy', ['--filter', 'health=healthy']],
    ['health=unhealthy', ['--filter', 'health=unhealthy']],
    ['-a health=none', ['-a', '--filter', 'health=none']],
    ['-f name=api -H default', ['--filter', 'name=api']],
  ];

  it.each(cases)('"%s" lists what docker ps %j lists', async (args, cliArgs) => {
    const [view, expected] = await Promise.all([ps(args), cliPs(cliArgs)]);
    expect(expected.length).toBeGreaterThan(0);
    expect(view.rows.map((r) => r.id).sort()).toEqual(expected.map((c) => c.ID!.slice(0, 12)).sort());
    for (const row of view.rows) {
      const engine = expected.find((c) => c.ID!.startsWith(row.id))!;
      expect({ name: row.name, image: row.image, state: row.state }).toEqual({
        name: engine.Names,
        image: engine.Image,
        state: engine.State,
      });
    }
    const total = Object.values(view.countsByState).reduce((a, b) => a + b, 0);
    expect(total).toBe(expected.length);
  });

  it('returns the whole view model for -a: sorted running first then by name, counted by state', async () => {
    const view = await ps('-a');
    expect(view.rows.map((r) => `${r.state} ${r.name}`)).toEqual([
      'running api-1',
      'running health-bad',
      'running health-ok',
      'running web-1',
      'running web-2',
      'exited db-1',
      'created job-1',
    ]);
    expect(view.countsByState).toEqual({ running: 5, exited: 1, created: 1 });
    expect(view.host).toEqual({ name: 'default', endpoint: daemon.host });
    const db = view.rows.find((r) => r.name === 'db-1')!;
    expect(db.status).toMatch(/^Exited \(3\)/);
    expect(view.rows.find((r) => r.name === 'health-ok')!.status).toMatch(/^Up .*\(healthy\)$/);
    expect(db.id).toBe(seeded.ids['db-1']!.slice(0, 12));
  });

  it('shows commands as the engine reports them, with secrets redacted', async () => {
    const view = await ps('-a');
    const engine = await cliPs(['-a']);
    const command = (name: string) => view.rows.find((r) => r.name === name)!.command;
    // The CLI quotes the command; apart from that, non-secret commands are shown as they are.
    expect(command('web-1')).toBe(engine.find((c) => c.Names === 'web-1')!.Command!.replace(/^"|"$/g, ''));
    expect(command('web-2')).toBe("sh -c 'exec sleep 3600' --password=*** https://***@db.example.com");
    expect(command('api-1')).toBe('env PGPASSWORD=*** sleep 3600');
    const everything = JSON.stringify(view);
    for (const secret of ['hunter2', 'bob:', ':pw@', 's3cret']) expect(everything).not.toContain(secret);
    expect(engine.map((c) => c.Command).join(' ')).toContain('hunter2'); // the engine really has it
  });

  it('shows only allowlisted labels', async () => {
    const web1 = (await ps('name=web-1')).rows[0]!;
    expect(web1.labels).toEqual({ team: 'web' }); // tier=front and vault.token exist but are not allowlisted
    expect(JSON.stringify(await ps('-a'))).not.toContain(SECRET_LABEL_VALUE);
    const bare = createDockerReader(readDockerConfig({ DOCKER_HOST: daemon.host }));
    const rows = (await bare.ps({ all: true, filters: { name: [], status: [], label: [], ancestor: [], health: [] } }))
      .rows;
    expect(rows.every((r) => Object.keys(r.labels).length === 0)).toBe(true);
  });

  it('a hidden label cannot be found by guessing its key or value through label=', async () => {
    // The engine would answer the guess: filtering on the right value finds web-1.
    expect((await cliPs(['-a', '--filter', `label=vault.token=${SECRET_LABEL_VALUE}`])).map((c) => c.Names)).toEqual([
      'web-1',
    ]);
    const refusal =
      'label=vault.token: only label keys in DOCKER_LABEL_ALLOWLIST can be filtered on (other labels are hidden; they may hold secrets). Keys you can use: team.';
    for (const guess of [`vault.token=${SECRET_LABEL_VALUE}`, 'vault.token=wrong', 'vault.token']) {
      await expect(ps(`-a label=${guess}`)).rejects.toThrow(refusal);
    }
    await expect(ps('-a label=tier=front')).rejects.toThrow(/^label=tier: only label keys in DOCKER_LABEL_ALLOWLIST/);
    // Allowlisted, the same filter works; the value is still masked, as its key looks secret.
    const open = createDockerReader(
      readDockerConfig({ DOCKER_HOST: daemon.host, DOCKER_LABEL_ALLOWLIST: 'team,tier,vault.*' }),
    );
    const parsed = parseDockerArgs('ps', `-a label=vault.token=${SECRET_LABEL_VALUE}`, 'en');
    if (!parsed.ok) throw new Error(parsed.error);
    const found = await open.ps(parsed.options);
    expect(found.rows.map((r) => [r.name, r.labels])).toEqual([
      ['web-1', { team: 'web', tier: 'front', 'vault.token': '***' }],
    ]);
    expect(found.filters.label).toEqual(['vault.token=***']);
    expect(JSON.stringify(found)).not.toContain(SECRET_LABEL_VALUE);
  });

  it('names an unknown host without calling anything', async () => {
    await expect(ps('host=prod')).rejects.toThrow('Unknown Docker host "prod". Configured hosts: default.');
  });
});

describe('df against a real engine', () => {
  it('agrees with docker system df on every line', async () => {
    // One after the other: this dockerd refuses a second disk usage operation while one runs (HTTP 500).
    const view = await reader.df({ verbose: false });
    const out = await daemon.cli(['system', 'df', '--format', '{{json .}}']);
    const engine = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    const ours = view.categories.map((c) => ({
      Type: strings('en').docker.kinds[c.kind],
      TotalCount: String(c.total),
      Active: String(c.active),
      Size: humanSize(c.sizeBytes),
      Reclaimable: reclaimableText(c.reclaimableBytes, c.reclaimablePercent, c.sizeBytes),
    }));
    expect(ours).toEqual(
      engine.map(({ Type, TotalCount, Active, Size, Reclaimable }) => ({
        Type,
        TotalCount,
        Active,
        Size,
        Reclaimable,
      })),
    );
    // The seed has 2 images (one unused), 7 containers (5 running), 2 volumes (1 unused).
    expect(view.categories.map((c) => [c.total, c.active])).toEqual([
      [2, 2],
      [7, 5],
      [2, 1],
      [0, 0],
    ]);
    expect(view.dockerRootDir).toBe(`${daemon.dir}/data`);
    expect(view.diskLooksTight).toBe(false); // a few MB is not tight
  });

  it('-v lists the largest images, containers and volumes', async () => {
    const view = await reader.df({ verbose: true });
    expect(view.largest!.images.map((i) => i.name)).toEqual(['tbox:2', 'tbox:1']);
    expect(view.largest!.volumes.map((v) => v.name)).toEqual(['vol-a', 'vol-b']);
    expect(view.largest!.volumes[0]!.sizeBytes).toBe(6); // "hello\n"
    expect(view.largest!.containers.map((c) => c.name).sort()).toEqual([
      'api-1',
      'db-1',
      'health-bad',
      'health-ok',
      'job-1',
      'web-1',
      'web-2',
    ]);
  });

  it('serves repeated calls from the cache within DOCKER_DF_CACHE_MS', async () => {
    const first = await reader.df({ verbose: false });
    await daemon.cli(['volume', 'create', 'vol-late']);
    const second = await reader.df({ verbose: false });
    expect(second.measuredAt).toBe(first.measuredAt);
    expect(second.categories[2]!.total).toBe(first.categories[2]!.total);
    const uncached = createDockerReader(readDockerConfig({ DOCKER_HOST: daemon.host }));
    expect((await uncached.df({ verbose: false })).categories[2]!.total).toBe(first.categories[2]!.total + 1);
    await daemon.cli(['volume', 'rm', 'vol-late']);
  });
});
