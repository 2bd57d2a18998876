import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseDockerArgs } from '../../../commands/index.ts';
import type { DfOptions, DfView, PsOptions } from '../../../docker/types.ts';
import { userMessage } from '../../../errors.ts';
import type { KnowledgeEntry } from '../../../knowledge/types.ts';
import { withExplainButton } from '../../../render/answer-blocks.ts';
import { renderDfBlocks, renderPsBlocks } from '../../../render/docker-blocks.ts';
import type { SlackMessage } from '../../../render/slack-format.ts';
import { checkDockerAccess } from '../../access.ts';
import type { SlackDeps } from '../../deps.ts';
import { slackReplies } from '../../replies.ts';

export type DockerCommandKind = 'ps' | 'df';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** What the Explain button looks up for a result when the result names no entry itself. */
const EXPLAIN_QUERIES: Record<DockerCommandKind, string> = {
  ps: 'docker ps 컨테이너 목록',
  df: 'docker system df 디스크 사용량',
};

/**
 * /docker-ps and /docker-df. Refusals, usage errors and the rate limit answer in the ack
 * (ephemeral). Otherwise the ack says it is running, at once, since Docker can take longer than
 * Slack's 3 s, and the result follows through response_url, in the channel, with an Explain
 * button. Errors go only to the user who ran the command, in the reader's plain words.
 */
export async function handleDockerCommand(deps: SlackDeps, kind: DockerCommandKind, { command, ack, respond }: CommandArgs): Promise<void> {
  const replies = slackReplies(deps.config.defaultLang);
  const typed = `/docker-${kind}${command.text.trim() ? ` ${command.text.trim()}` : ''}`;
  const who = `${command.user_id} in ${command.channel_id}`;

  const access = checkDockerAccess(deps.config.docker, { userId: command.user_id, channelId: command.channel_id });
  if (!access.ok) {
    await ack({ response_type: 'ephemeral', text: access.reason === 'user' ? replies.refusedUser : replies.refusedChannel });
    deps.logger.info(`${typed.slice(0, 200)} by ${who}: refused (${access.reason} not allowed)`);
    return;
  }
  const plan = planDockerRun(deps, kind, command.text);
  if (!plan.ok) {
    await ack({ response_type: 'ephemeral', text: `${plan.error}\n\`\`\`${plan.usage}\`\`\`` });
    return;
  }
  const rate = deps.dockerRateLimiter.take(command.user_id);
  if (!rate.ok) {
    await ack({ response_type: 'ephemeral', text: replies.rateLimited(rate.reason === 'rate' ? rate.retryAfterSec : 60) });
    deps.logger.info(`${typed.slice(0, 200)} by ${who}: rate limited`);
    return;
  }
  await ack({ response_type: 'ephemeral', text: replies.running(typed) });
  deps.logger.info(`${typed.slice(0, 200)} by ${who}`);

  let result: SlackMessage;
  try {
    result = await plan.run();
  } catch (err) {
    deps.logger.warn(`${typed.slice(0, 200)} by ${who} failed: ${userMessage(err, err instanceof Error ? err.name : 'error')}`);
    await respond({ response_type: 'ephemeral', text: userMessage(err, replies.failed) });
    return;
  }
  await respond({ response_type: 'in_channel', text: result.text, blocks: result.blocks });
}

type DockerRunPlan = { ok: true; run: () => Promise<SlackMessage> } | { ok: false; error: string; usage: string };

/** Parses what the user typed; the plan runs later, after the ack. */
function planDockerRun(deps: SlackDeps, kind: DockerCommandKind, text: string): DockerRunPlan {
  if (kind === 'ps') {
    const parsed = parseDockerArgs('ps', text);
    return parsed.ok ? { ok: true, run: () => runPs(deps, parsed.options) } : parsed;
  }
  const parsed = parseDockerArgs('df', text);
  return parsed.ok ? { ok: true, run: () => runDf(deps, parsed.options) } : parsed;
}

async function runPs(deps: SlackDeps, options: PsOptions): Promise<SlackMessage> {
  const lang = deps.config.defaultLang;
  const rendered = renderPsBlocks(await deps.docker.ps(options), lang);
  return withExplain(deps, rendered, explainEntry(deps, 'ps'));
}

async function runDf(deps: SlackDeps, options: DfOptions): Promise<SlackMessage> {
  const lang = deps.config.defaultLang;
  const view: DfView = await deps.docker.df(options);
  const advice = view.adviceEntryId ? deps.kb.byId(view.adviceEntryId) : undefined;
  return withExplain(deps, renderDfBlocks(view, lang), advice ?? explainEntry(deps, 'df'));
}

/** The entry that explains a command's output, found by the same search people use. */
function explainEntry(deps: SlackDeps, kind: DockerCommandKind): KnowledgeEntry | undefined {
  const answer = deps.kb.ask(EXPLAIN_QUERIES[kind], { limit: 1 });
  return answer.answered ? answer.matches[0]?.entry : undefined;
}

function withExplain(deps: SlackDeps, rendered: { text: string; blocks: object[] }, entry: KnowledgeEntry | undefined): SlackMessage {
  return withExplainButton(rendered, entry, deps.config.defaultLang);
}
