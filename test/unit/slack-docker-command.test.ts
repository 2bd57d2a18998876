/**
 * /docker-ps and /docker-df as the Slack listener runs them, with a stand-in Docker reader: which
 * note the Explain button points to, how the typed text is read and echoed, and what is logged
 * when Docker fails unexpectedly.
 */
import { describe, expect, it } from 'vitest';
import type { DockerCommand } from '../../src/commands/index.ts';
import type { DockerReader } from '../../src/docker/types.ts';
import { UserError } from '../../src/errors.ts';
import type { KnowledgeBase } from '../../src/knowledge/types.ts';
import { decodeEntryRef } from '../../src/slack/interactions.ts';
import { handleDockerCommand } from '../../src/slack/listeners/commands/docker.ts';
import { callListener, slackDeps } from '../support/bolt.ts';
import { dfView, psView, viewReader } from '../support/docker-views.ts';
import { fixtureKnowledge } from '../support/knowledge.ts';

const kb = fixtureKnowledge();

/** The knowledge base without some entries, as with a team's own KNOWLEDGE_DIR. */
function kbWithout(...ids: string[]): KnowledgeBase {
  const entries = kb.entries.filter((e) => !ids.includes(e.id));
  return { entries, byId: (id) => (ids.includes(id) ? undefined : kb.byId(id)), ask: (q, o) => kb.ask(q, o) };
}

interface Run {
  acks: unknown[];
  responses: Array<{
    response_type?: string;
    text?: string;
    blocks?: Array<{ elements?: Array<{ action_id?: string; value?: string }> }>;
  }>;
  logs: string[];
}

async function run(
  kind: DockerCommand,
  text: string,
  docker: DockerReader,
  knowledge: KnowledgeBase = kb,
): Promise<Run> {
  const deps = slackDeps({ kb: knowledge, docker });
  const command = { text, user_id: 'U0OPS', channel_id: 'C0OPS' };
  const { ack, respond } = await callListener<Parameters<typeof handleDockerCommand>[2]>(
    (d, args) => handleDockerCommand(d, kind, args),
    deps,
    { command },
  );
  return {
    acks: ack.mock.calls.map(([r]) => r),
    responses: respond.mock.calls.map(([r]) => r as Run['responses'][number]),
    logs: deps.logger.lines,
  };
}

function explainEntryId(result: Run): string | undefined {
  const button = result.responses[0]?.blocks
    ?.flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id?.startsWith('explain_docker'));
  return decodeEntryRef(button?.value)?.entryId;
}

describe('the Explain button under a Docker result', () => {
  it('ps points to listing-commands', async () => {
    expect(explainEntryId(await run('ps', '', viewReader()))).toBe('listing-commands');
  });

  it("df points to the view's advice when the notes have it, else to listing-commands", async () => {
    const tight = viewReader({ df: async () => dfView({ diskLooksTight: true }) });
    expect(explainEntryId(await run('df', '', tight))).toBe('docker-root-dir');
    expect(explainEntryId(await run('df', '', tight, kbWithout('docker-root-dir')))).toBe('listing-commands');
    expect(explainEntryId(await run('df', '', viewReader()))).toBe('listing-commands');
  });

  it('is left out when the notes have no such entry, and the result is still posted', async () => {
    const result = await run('ps', '', viewReader(), kbWithout('listing-commands'));
    expect(result.responses[0]?.response_type).toBe('ephemeral');
    expect(explainEntryId(result)).toBeUndefined();
  });
});

describe('what the user typed', () => {
  it('is decoded for the parser (Slack sends & as &amp;) and escaped when echoed', async () => {
    let seen: string[] = [];
    const docker = viewReader({
      ps: async (options) => {
        seen = options.filters.name;
        return psView();
      },
    });
    const result = await run('ps', 'name=a&amp;b', docker);
    expect(seen).toEqual(['a&b']);
    expect(JSON.stringify(result.acks[0])).toContain('/docker-ps name=a&amp;b');
  });

  it('a usage error quoting the input cannot ping anyone', async () => {
    const result = await run('ps', '&lt;!channel&gt;', viewReader());
    const text = (result.acks[0] as { text: string }).text;
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
  });
});

describe('failures', () => {
  it('a UserError goes to the user as is, and to the log as a warning', async () => {
    const result = await run(
      'df',
      '',
      viewReader({ df: async () => Promise.reject(new UserError('Docker host x is not reachable.')) }),
    );
    expect(result.responses).toEqual([{ response_type: 'ephemeral', text: 'Docker host x is not reachable.' }]);
    expect(
      result.logs.some((l) =>
        l.startsWith('warn /docker-df by U0OPS in C0OPS failed: Docker host x is not reachable.'),
      ),
    ).toBe(true);
  });

  it('a long error reply is cut on code points: an emoji at the cut is kept whole or left out, never split', async () => {
    for (const lead of ['', 'x']) {
      const message = `${lead}${'🐳'.repeat(1200)}`;
      const result = await run('df', '', viewReader({ df: async () => Promise.reject(new UserError(message)) }));
      const text = result.responses[0]?.text ?? '';
      expect(text.endsWith('…')).toBe(true);
      expect([...text]).toHaveLength(1000);
      expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });

  it('anything else: a generic sentence to the user, message and stack to the server log only', async () => {
    const result = await run(
      'ps',
      '',
      viewReader({ ps: async () => Promise.reject(new TypeError('rows is not iterable')) }),
    );
    expect(result.responses).toHaveLength(1);
    expect(result.responses[0]?.text).not.toContain('rows is not iterable');
    expect(result.responses[0]?.text).toContain('Something went wrong');
    const line = result.logs.find((l) => l.startsWith('error /docker-ps by U0OPS in C0OPS failed unexpectedly'));
    expect(line).toContain('TypeError: rows is not iterable');
    expect(line).toContain('slack-docker-command.test.ts');
  });
});
