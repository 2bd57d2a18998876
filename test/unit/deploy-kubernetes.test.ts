/**
 * deploy/kubernetes/: every manifest valid against the Kubernetes API schemas (kubernetes-models,
 * offline), with no field the API does not know, and wired to the app as it really is: its
 * variables and their values, its port, the notes at KNOWLEDGE_DIR, the engine only through the
 * socket proxy. test/e2e/deploy-endpoints.test.ts probes the real bot on the paths used here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as coreV1 from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { loadKnowledgeBase } from '../../src/knowledge/index.ts';
import { type LiveKnowledgeBase, watchKnowledgeBase } from '../../src/knowledge/watch.ts';
import { parseDatabaseUrl } from '../../src/store/config.ts';
import {
  botSettings,
  DEPLOY_DIR,
  DOCKER_SOCKET,
  expectProxyEnvironment,
  PROXY_PORT,
  unknownVariables,
} from '../support/deploy.ts';
import { eventually } from '../support/eventually.ts';
import { recordingLogger } from '../support/logger.ts';

const K8S_DIR = path.join(DEPLOY_DIR, 'kubernetes');

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}

interface Probe {
  httpGet?: { path: string; port: string | number };
}

interface Container {
  name: string;
  image: string;
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: EnvVar[];
  envFrom?: Array<{ configMapRef?: { name: string } }>;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    runAsNonRoot?: boolean;
    runAsUser?: number;
    capabilities?: { drop?: string[] };
  };
  volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean }>;
}

interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
  volumes?: Array<{ name: string; configMap?: { name: string }; hostPath?: { path: string; type?: string } }>;
}

interface Deployment extends Manifest {
  spec: {
    replicas: number;
    selector: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
  };
}

interface Service extends Manifest {
  spec: {
    selector: Record<string, string>;
    ports: Array<{ name?: string; port: number; targetPort: string | number }>;
  };
}

/** Every document of every manifest file, with the file it came from. */
function loadManifests(): Array<{ file: string; manifest: Manifest }> {
  return fs
    .readdirSync(K8S_DIR)
    .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
    .sort()
    .flatMap((file) =>
      parseAllDocuments(fs.readFileSync(path.join(K8S_DIR, file), 'utf8')).map((doc) => {
        if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
        return { file, manifest: doc.toJS() as Manifest };
      }),
    );
}

const manifests = loadManifests();

/** kubernetes-models' classes by apiVersion; each validates against the API's OpenAPI schema. */
const MODELS: Record<string, object> = {
  v1: coreV1,
  'apps/v1': appsV1,
  'policy/v1': policyV1,
  'networking.k8s.io/v1': networkingV1,
};

function find<T extends Manifest>(kind: string, name: string): T {
  const found = manifests.find((m) => m.manifest.kind === kind && m.manifest.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in deploy/kubernetes`);
  return found.manifest as T;
}

/**
 * Validates with kubernetes-models' schema for the manifest's apiVersion and kind, and lists the
 * fields the schema never looked at: a misspelt field (`replica:`) is valid JSON Schema-wise, since
 * the API schemas allow unknown properties, but the API server drops it (or rejects it with strict
 * field validation). Reads are tracked through a Proxy over the manifest.
 */
async function validate(manifest: Manifest): Promise<{ error?: string; unknownFields: string[] }> {
  const model = (MODELS[manifest.apiVersion] as Record<string, { prototype: { validate(): void } }> | undefined)?.[
    manifest.kind
  ];
  if (!model) return { error: `no schema here for ${manifest.apiVersion} ${manifest.kind}`, unknownFields: [] };
  const unread = new Map<string, Set<string>>();
  let error: string | undefined;
  try {
    model.prototype.validate.call(tracked(manifest, '', unread));
  } catch (err) {
    error = (err as Error).message;
  }
  const unknownFields = [...unread].flatMap(([at, keys]) => [...keys].map((key) => `${at}/${key}`));
  return { ...(error ? { error } : {}), unknownFields };
}

function tracked(value: unknown, at: string, unread: Map<string, Set<string>>): unknown {
  if (value === null || typeof value !== 'object') return value;
  const keys = new Set(Object.keys(value));
  unread.set(at, keys);
  const children = new Map<string, unknown>();
  return new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key !== 'string' || !Object.hasOwn(target, key)) return Reflect.get(target, key, receiver);
      keys.delete(key);
      if (!children.has(key)) children.set(key, tracked(Reflect.get(target, key), `${at}/${key}`, unread));
      return children.get(key);
    },
  });
}

describe('deploy/kubernetes', () => {
  it.each(manifests.map(({ file, manifest }) => [`${file}: ${manifest.kind} ${manifest.metadata.name}`, manifest]))(
    '%s is valid against the Kubernetes schema, with no unknown field',
    async (_, manifest) => {
      expect(await validate(manifest as Manifest)).toEqual({ unknownFields: [] });
    },
  );

  it('the schema check is not a formality: wrong types and misspelt fields fail it', async () => {
    const broken = structuredClone(find<Deployment>('Deployment', 'docker-notes-bot')) as Deployment & {
      spec: { replica?: number };
    };
    broken.spec.replica = 2;
    broken.spec.template.spec.containers[0]!.ports![0]!.containerPort = '3000' as never;
    const { error, unknownFields } = await validate(broken);
    expect(error).toMatch(/containerPort must be integer/);
    expect(unknownFields).toEqual(['/spec/replica']);
  });

  it('kustomization.yaml applies every manifest but the Secret example', () => {
    const kustomization = parse(fs.readFileSync(path.join(K8S_DIR, 'kustomization.yaml'), 'utf8')) as {
      resources: string[];
    };
    const files = [...new Set(manifests.map((m) => m.file))].filter((f) => !f.endsWith('.example.yaml'));
    expect([...kustomization.resources].sort()).toEqual(files);
  });
});

describe('the bot Deployment', () => {
  const deployment = find<Deployment>('Deployment', 'docker-notes-bot');
  const pod = deployment.spec.template.spec;
  const bot = pod.containers[0]!;
  const config = find<Manifest & { data: Record<string, string> }>('ConfigMap', 'docker-notes-bot-config');
  const plainEnv = Object.fromEntries(
    (bot.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]),
  );
  /** What the container's environment holds: the ConfigMap's keys, then its own values (which win). */
  const env = { ...config.data, ...plainEnv };

  it('runs at least two replicas that its selector and Service find', () => {
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(deployment.spec.template.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);
    const service = find<Service>('Service', 'docker-notes-bot');
    expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    const targets = service.spec.ports.map((p) => p.targetPort);
    expect(targets.every((t) => bot.ports?.some((p) => p.name === t || p.containerPort === t))).toBe(true);
  });

  it('sets only variables the app reads, with values it accepts at start-up', () => {
    const names = [...Object.keys(config.data), ...(bot.env ?? []).map((e) => e.name)];
    expect(unknownVariables(names)).toEqual([]);
    expect(() => botSettings(env)).not.toThrow();
    expect(bot.envFrom).toEqual([{ configMapRef: { name: config.metadata.name } }]);
  });

  it('takes the Slack tokens from the Secret, whose example holds no real value', () => {
    const fromSecret = (bot.env ?? []).filter((e) => e.valueFrom?.secretKeyRef && e.name.startsWith('SLACK_'));
    expect(fromSecret.map((e) => e.name).sort()).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']);
    const example = find<Manifest & { stringData: Record<string, string> }>('Secret', 'docker-notes-bot-slack');
    for (const e of fromSecret) {
      expect(e.valueFrom!.secretKeyRef).toEqual({ name: example.metadata.name, key: e.name });
      expect(example.stringData[e.name]).toMatch(/REPLACE-ME/);
    }
    // Socket Mode's token has no place in an HTTP-mode deployment.
    expect(Object.keys(env)).not.toContain('SLACK_APP_TOKEN');
  });

  it('keeps the records the replicas share in PostgreSQL, its URL from a Secret whose example holds no password', () => {
    const fromSecret = (bot.env ?? []).find((e) => e.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef;
    expect(fromSecret).toEqual({ name: 'docker-notes-bot-database', key: 'DATABASE_URL' });
    const example = find<Manifest & { stringData: Record<string, string> }>('Secret', 'docker-notes-bot-database');
    const url = example.stringData.DATABASE_URL!;
    expect(parseDatabaseUrl(url).kind).toBe('postgres');
    expect(url).toMatch(/:REPLACE-ME@/);
    expect(Object.keys(env)).not.toContain('DATABASE_URL');
  });

  it('listens, and is probed, on the port the bot reads from PORT', () => {
    const { port } = botSettings(env);
    expect(bot.ports).toEqual([{ name: 'http', containerPort: port }]);
    for (const probe of [bot.readinessProbe, bot.livenessProbe]) {
      // The path: test/e2e/deploy-endpoints.test.ts asks the real bot.
      expect(probe?.httpGet?.port).toBe('http');
    }
  });

  it('runs as a non-root user with a read-only root filesystem, no capabilities and bounded resources', () => {
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
    expect(bot.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    for (const key of ['cpu', 'memory']) {
      expect(bot.resources?.requests?.[key], `requests.${key}`).toBeDefined();
      expect(bot.resources?.limits?.[key], `limits.${key}`).toBeDefined();
    }
  });

  it('mounts the notes ConfigMap read-only at KNOWLEDGE_DIR', () => {
    const mount = bot.volumeMounts?.find((m) => m.mountPath === env.KNOWLEDGE_DIR);
    expect(mount?.readOnly).toBe(true);
    expect(pod.volumes?.find((v) => v.name === mount?.name)?.configMap?.name).toBe('docker-notes-bot-notes');
  });

  it('reaches the engine only through the socket proxy Service, and mounts no socket itself', () => {
    const { engine } = botSettings(env);
    const proxyService = find<Service>('Service', 'docker-socket-proxy');
    expect(engine).toMatchObject({ transport: 'tcp', hostname: proxyService.metadata.name });
    expect(proxyService.spec.ports.map((p) => p.port)).toEqual([engine.port]);
    expect(pod.volumes?.filter((v) => v.hostPath)).toEqual([]);
  });
});

describe('the socket proxy Deployment', () => {
  const deployment = find<Deployment>('Deployment', 'docker-socket-proxy');
  const pod = deployment.spec.template.spec;
  const proxy = pod.containers[0]!;

  it('opens exactly the sections the bot reads, GET only', () => {
    expectProxyEnvironment(Object.fromEntries((proxy.env ?? []).map((e) => [e.name, e.value ?? ''])));
  });

  it("mounts the node's Docker socket read-only and serves the proxy port to its Service", () => {
    const socket = pod.volumes?.find((v) => v.hostPath?.path === DOCKER_SOCKET);
    expect(socket?.hostPath?.type).toBe('Socket');
    expect(proxy.volumeMounts?.find((m) => m.name === socket?.name)).toMatchObject({
      mountPath: DOCKER_SOCKET,
      readOnly: true,
    });
    const service = find<Service>('Service', 'docker-socket-proxy');
    expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    const target = service.spec.ports[0]!.targetPort;
    expect(proxy.ports?.find((p) => p.name === target || p.containerPort === target)?.containerPort).toBe(PROXY_PORT);
  });

  it("is reachable only from the bot's pods", () => {
    const policy = find<
      Manifest & {
        spec: {
          podSelector: { matchLabels: Record<string, string> };
          ingress: Array<{ from: Array<{ podSelector: { matchLabels: Record<string, string> } }> }>;
        };
      }
    >('NetworkPolicy', 'docker-socket-proxy');
    expect(deployment.spec.template.metadata.labels).toMatchObject(policy.spec.podSelector.matchLabels);
    const bot = find<Deployment>('Deployment', 'docker-notes-bot');
    const allowed = policy.spec.ingress.flatMap((rule) => rule.from.map((f) => f.podSelector.matchLabels));
    expect(allowed).toHaveLength(1);
    expect(bot.spec.template.metadata.labels).toMatchObject(allowed[0]!);
    expect(deployment.spec.template.metadata.labels).not.toMatchObject(allowed[0]!);
  });
});

describe('notes from a ConfigMap', () => {
  /** A ConfigMap volume as the kubelet lays it out: files in a timestamped folder, reached through ..data. */
  function configMapVolume(dir: string, files: Record<string, string>, stamp: string): void {
    const version = path.join(dir, `..${stamp}`);
    fs.mkdirSync(version);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(version, name), text);
    // Swapped atomically, as the kubelet does on an update.
    fs.symlinkSync(`..${stamp}`, path.join(dir, '..data_tmp'));
    fs.renameSync(path.join(dir, '..data_tmp'), path.join(dir, '..data'));
    for (const name of Object.keys(files)) {
      if (!fs.existsSync(path.join(dir, name))) fs.symlinkSync(path.join('..data', name), path.join(dir, name));
    }
  }
  const note = (id: string, body: string) => `---\nid: ${id}\ntitle: ${id}\n---\n# ${id}\n\n${body}\n`;

  it('are each loaded once, and an update of the ConfigMap is picked up', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-configmap-'));
    let live: LiveKnowledgeBase | undefined;
    try {
      configMapVolume(dir, { 'tea.md': note('tea', 'green tea'), 'coffee.md': note('coffee', 'black coffee') }, '1');
      const loaded = loadKnowledgeBase(dir);
      expect(loaded.warnings).toEqual([]);
      expect(loaded.kb.entries.map((e) => e.id).sort()).toEqual(['coffee', 'tea']);

      live = watchKnowledgeBase(dir, loaded, recordingLogger(), { debounceMs: 50 });
      configMapVolume(dir, { 'tea.md': note('tea', 'oolong tea'), 'coffee.md': note('coffee', 'black coffee') }, '2');
      const following = live;
      await eventually(() => following.byId('tea')?.body.includes('oolong'), { what: 'the ConfigMap update' });
      expect(live.byId('tea')?.body).toContain('oolong tea');
      expect(live.entries).toHaveLength(2);
    } finally {
      live?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
