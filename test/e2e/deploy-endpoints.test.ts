/**
 * The paths the deployment files send traffic to, asked of the real bot: `npm start`'s entry point in
 * HTTP mode with the settings the Kubernetes ConfigMap and Deployment give it, against the loopback
 * Slack stand-in. Health probes (Kubernetes, the image's HEALTHCHECK) must get 200 from /healthz, and
 * Slack's request URLs (manifest.http.yml, the Ingress) must pass Slack's URL verification.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { PROJECT_ROOT } from '../../src/config.ts';
import { type BotProcess, spawnBot } from '../support/bot-process.ts';
import { freeLoopbackPort } from '../support/net.ts';
import { postSigned } from '../support/slack-requests.ts';
import { SlackStandIn } from '../support/slack-standin.ts';

const K8S_DIR = path.join(PROJECT_ROOT, 'deploy', 'kubernetes');
const SECRET = 'deploy-endpoints-signing-secret';

interface K8sDoc {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: {
    template?: {
      spec: {
        containers: Array<{
          env?: Array<{ name: string; value?: string }>;
          readinessProbe?: { httpGet?: { path: string } };
          livenessProbe?: { httpGet?: { path: string } };
        }>;
      };
    };
    rules?: Array<{ http: { paths: Array<{ path: string }> } }>;
  };
}

const docs = fs
  .readdirSync(K8S_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(K8S_DIR, f), 'utf8')).map((d) => d.toJS() as K8sDoc));
const doc = (kind: string, name: string) => docs.find((d) => d.kind === kind && d.metadata.name === name)!;
const bot = doc('Deployment', 'docker-notes-bot').spec!.template!.spec.containers[0]!;

/** Where health checks look: the Deployment's probes and the image's HEALTHCHECK. */
function healthPaths(): Record<string, string> {
  const healthcheck = /^HEALTHCHECK[\s\S]*?\/\/127\.0\.0\.1:\$\{port\}(\/[^`'"\s]*)/m.exec(
    fs.readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8'),
  );
  return {
    'Kubernetes readinessProbe': bot.readinessProbe!.httpGet!.path,
    'Kubernetes livenessProbe': bot.livenessProbe!.httpGet!.path,
    'Dockerfile HEALTHCHECK': healthcheck?.[1] ?? 'not found in the Dockerfile',
  };
}

/** Where Slack posts: every request URL of the HTTP-mode manifest, and the Ingress's public paths. */
function slackPaths(): Record<string, string> {
  const manifest = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'manifest.http.yml'), 'utf8')) as {
    settings: { event_subscriptions: { request_url: string }; interactivity: { request_url: string } };
    features: { slash_commands: Array<{ command: string; url: string }> };
  };
  const paths: Record<string, string> = {
    'manifest.http.yml events': new URL(manifest.settings.event_subscriptions.request_url).pathname,
    'manifest.http.yml interactivity': new URL(manifest.settings.interactivity.request_url).pathname,
  };
  for (const c of manifest.features.slash_commands) paths[`manifest.http.yml ${c.command}`] = new URL(c.url).pathname;
  const ingress = doc('Ingress', 'docker-notes-bot').spec!.rules!.flatMap((r) => r.http.paths.map((p) => p.path));
  for (const [i, p] of ingress.entries()) paths[`Ingress path ${i + 1}`] = p;
  return paths;
}

const slack = new SlackStandIn();
let running: BotProcess | undefined;
let base: string;

beforeAll(async () => {
  await slack.start();
  const port = await freeLoopbackPort();
  const deploymentEnv = Object.fromEntries(
    (bot.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]),
  );
  running = spawnBot({
    ...doc('ConfigMap', 'docker-notes-bot-config').data,
    ...deploymentEnv,
    // What differs on this machine: a free port, the bundled notes, Slack's stand-in and test tokens.
    PORT: String(port),
    KNOWLEDGE_DIR: path.join(PROJECT_ROOT, 'knowledge'),
    SLACK_API_URL: slack.apiUrl,
    SLACK_BOT_TOKEN: 'xoxb-deploy-endpoints',
    SLACK_SIGNING_SECRET: SECRET,
  });
  await running.waitFor('listening');
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await running?.stop();
  await slack.stop();
});

describe('health checks of the deployment files', () => {
  it.each(Object.entries(healthPaths()))('%s (%s) gets 200 from the bot', async (_, healthPath) => {
    const res = await fetch(`${base}${healthPath}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('a path the bot does not serve gets no 200, so the checks above can fail', async () => {
    expect((await fetch(`${base}/healthz-not-served`)).status).toBe(404);
  });
});

describe("Slack's request URLs", () => {
  it.each(Object.entries(slackPaths()))('%s (%s) passes URL verification', async (_, slackPath) => {
    const body = JSON.stringify({ type: 'url_verification', token: 'legacy', challenge: 'challenge-7c1e' });
    const res = await postSigned(`${base}${slackPath}`, body, 'application/json', SECRET);
    expect(res.status).toBe(200);
    expect(res.text).toContain('challenge-7c1e');
  });

  it('a request signed with another secret is refused there', async () => {
    const res = await postSigned(
      `${base}/slack/events`,
      '{"type":"url_verification","challenge":"x"}',
      'application/json',
      SECRET,
      {
        secret: 'not-the-signing-secret',
      },
    );
    expect(res.status).toBe(401);
  });
});
