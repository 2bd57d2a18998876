/**
 * Docker results are private by default, with Share in channel (DOCKER_RESULTS_PUBLIC=1 posts them
 * in the channel as before). The command and the click are run with fake Bolt arguments over a
 * reader that redacts like the real one (toPsView over engine rows with secrets): the shared copy
 * is the private one's blocks, minus the Share button, plus who shared it, and nothing more.
 */
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { toPsView } from '../../src/docker/ps.ts';
import type { DockerReader, PsOptions } from '../../src/docker/types.ts';
import type { HttpModeConfig } from '../../src/slack/config.ts';
import { decodeDockerRef, encodeDockerRef } from '../../src/slack/interactions.ts';
import { handleShareDocker } from '../../src/slack/listeners/actions/share-docker.ts';
import { handleDockerCommand } from '../../src/slack/listeners/commands/docker.ts';
import { callListener, slackDeps } from '../support/bolt.ts';
import { buttonClickPayload } from '../support/slack-requests.ts';

const HOST = { name: 'default', endpoint: 'unix:///var/run/docker.sock' };
const SECRET = 'hunter2-very-secret';
const CONTAINERS = [
  {
    Id: 'a'.repeat(64),
    Names: ['/web'],
    Image: 'nginx',
    Command: `mysql -uroot -p${SECRET} --host db https://user:${SECRET}@x.test @channel #general`,
    State: 'running',
    Status: 'Up 2 hours',
    Labels: { 'com.example.db_password': SECRET, team: 'ops' },
    Ports: [],
  },
];

/** Reads like the real reader: engine rows through toPsView, which redacts and hides labels. */
function redactingReader(calls: PsOptions[] = []): DockerReader {
  return {
    ps: async (options) => {
      calls.push(options);
      return toPsView(CONTAINERS as unknown as Docker.ContainerInfo[], options, HOST, ['team']);
    },
    df: async () => Promise.reject(new Error('not in this test')),
  };
}

interface Block {
  type: string;
  text?: { text: string; verbatim?: boolean };
  elements?: Array<{ action_id?: string; value?: string; text?: string | { text: string }; verbatim?: boolean }>;
}
interface Reply {
  response_type?: string;
  replace_original?: boolean;
  delete_original?: boolean;
  text?: string;
  blocks?: Block[];
}

function deps(docker: DockerReader, config: Partial<HttpModeConfig> = {}) {
  return slackDeps({ docker, config });
}

async function runCommand(d: ReturnType<typeof deps>, text: string): Promise<Reply[]> {
  const { respond } = await callListener<Parameters<typeof handleDockerCommand>[2]>(
    (dd, args) => handleDockerCommand(dd, 'ps', args),
    d,
    { command: { text, user_id: 'U0OPS', channel_id: 'C0OPS' } },
  );
  return respond.mock.calls.map(([r]) => r as Reply);
}

async function clickShare(d: ReturnType<typeof deps>, value: string, userId = 'U0OPS'): Promise<Reply[]> {
  const body = buttonClickPayload({
    actionId: 'share_docker:0',
    value,
    responseUrl: 'https://hooks.slack.test/actions/1',
    isEphemeral: true,
    channelId: 'C0OPS',
    userId,
  });
  const { respond } = await callListener(handleShareDocker, d, { body, action: (body.actions as unknown[])[0] });
  return respond.mock.calls.map(([r]) => r as Reply);
}

const buttonsOf = (reply: Reply | undefined) =>
  (reply?.blocks ?? []).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

describe('a Docker result is private by default', () => {
  it('comes back ephemeral, with Share in channel next to Explain, the command in its value', async () => {
    const [result] = await runCommand(deps(redactingReader()), '-a name=web');
    expect(result?.response_type).toBe('ephemeral');
    const buttons = buttonsOf(result);
    expect(buttons.map((b) => b.action_id)).toEqual(['explain_docker:0', 'share_docker:0']);
    expect(decodeDockerRef(buttons[1]?.value)).toEqual({ command: 'ps', args: '-a name=web' });
  });

  it('with DOCKER_RESULTS_PUBLIC it goes to the channel as before, without Share', async () => {
    const d = deps(redactingReader(), {
      docker: {
        allowedChannels: [],
        allowedUsers: [],
        rateLimit: { limit: 100, windowMs: 60_000 },
        resultsPublic: true,
      },
    });
    const [result] = await runCommand(d, '-a');
    expect(result?.response_type).toBe('in_channel');
    expect(buttonsOf(result).map((b) => b.action_id)).toEqual(['explain_docker:0']);
  });

  it('marks every mrkdwn text verbatim, so repeated foreign text is never auto-linked', async () => {
    const [result] = await runCommand(deps(redactingReader()), '-a');
    const texts = (result?.blocks ?? []).flatMap((b) => [
      ...(b.type === 'section' && b.text ? [b.text] : []),
      ...(b.type === 'context' ? (b.elements ?? []) : []),
    ]);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    for (const t of texts) expect(t).toMatchObject({ verbatim: true });
    expect(JSON.stringify(result)).not.toContain('<!channel>');
  });

  it('a command too long for a button value gets no Share button (never a shortened command)', () => {
    expect(encodeDockerRef({ command: 'ps', args: 'name=x '.repeat(300) })).toBeUndefined();
    expect(encodeDockerRef({ command: 'ps', args: '-a' })).toBe('{"c":"ps","a":"-a"}');
    expect(decodeDockerRef('{"c":"rm","a":"-f"}')).toBeUndefined();
    expect(decodeDockerRef('not json')).toBeUndefined();
  });
});

describe('Share in channel on a Docker result', () => {
  it('runs the same command again and posts exactly the private blocks (minus Share) under who shared it', async () => {
    const calls: PsOptions[] = [];
    const d = deps(redactingReader(calls));
    const [privateCopy] = await runCommand(d, '-a name=web');
    const share = buttonsOf(privateCopy).find((b) => b.action_id === 'share_docker:0');
    const replies = await clickShare(d, share?.value ?? '');
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual(calls[0]);

    const [shared, removed] = replies;
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(removed).toEqual({ delete_original: true });
    const [header, attribution, ...rest] = shared?.blocks ?? [];
    expect(attribution).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Shared by <@U0OPS> · `/docker-ps -a name=web`', verbatim: true }],
    });
    const privateWithoutShare = (privateCopy?.blocks ?? []).map((b) =>
      b.type === 'actions' ? { ...b, elements: (b.elements ?? []).filter((e) => e.action_id !== 'share_docker:0') } : b,
    );
    expect([header, ...rest]).toEqual(privateWithoutShare);
    expect(shared?.text).toBe(privateCopy?.text);
  });

  it('the shared copy holds no secret and no hidden label the private one hid', async () => {
    const d = deps(redactingReader());
    const [privateCopy] = await runCommand(d, '-a');
    const [shared] = await clickShare(d, '{"c":"ps","a":"-a"}');
    for (const copy of [privateCopy, shared]) {
      const json = JSON.stringify(copy);
      expect(json).not.toContain(SECRET);
      expect(json).not.toContain('db_password');
      expect(json).toContain('team=ops');
    }
  });

  it('is refused to a clicker who may not run Docker commands, and nothing is posted', async () => {
    const d = deps(redactingReader(), {
      docker: { allowedChannels: [], allowedUsers: ['U0OPS'], rateLimit: { limit: 100, windowMs: 60_000 } },
    });
    const replies = await clickShare(d, '{"c":"ps","a":"-a"}', 'U0EVE');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(replies)).not.toContain('in_channel');
  });

  it('ignores a value that is not a Docker command of ours', async () => {
    const calls: PsOptions[] = [];
    const replies = await clickShare(deps(redactingReader(calls)), '{"c":"exec","a":"sh"}');
    expect(replies).toEqual([]);
    expect(calls).toEqual([]);
  });
});
