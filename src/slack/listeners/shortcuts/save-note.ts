import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs, webApi } from '@slack/bolt';
import { strings } from '../../../i18n/index.ts';
import { buildNoteModal, buildNoticeModal } from '../../../render/slack/note-modal.ts';
import type { SlackDeps } from '../../deps.ts';
import { encodeNoteFormState, NOTE_ROUTES } from '../../interactions.ts';
import { mayEditNotes } from '../../note-editors.ts';
import { draftFromThread, type ThreadMessage } from '../../note-form.ts';
import { replyThrough } from '../../respond.ts';

/** Replies read from one thread: more than a form's 3000 characters hold. */
const THREAD_READ_LIMIT = 200;

/**
 * Message shortcut "Save as note": opens the note form filled in from the message's whole thread
 * (conversations.replies), or from the message alone when it has no thread or the thread cannot
 * be read. Who may not save notes hears so privately, and no form opens. A thread is read after a
 * modal saying so has opened: the shortcut's trigger_id is good for only 3 seconds.
 */
export async function handleSaveAsNote(
  deps: SlackDeps,
  { shortcut, ack, respond, client }: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>,
): Promise<void> {
  await ack();
  const lang = deps.config.defaultLang;
  const s = strings(lang).notes;
  const who = `${shortcut.user.id} in ${shortcut.channel.id}`;
  const reply = replyThrough(respond, deps.logger, `save-as-note by ${who}`);
  if (!deps.notebook) {
    await reply({ response_type: 'ephemeral', text: s.off });
    return;
  }
  if (!(await mayEditNotes(deps, shortcut.user.id, client))) {
    await reply({ response_type: 'ephemeral', text: s.notAllowed });
    deps.logger.info(`save-as-note by ${who}: not a NOTE_EDITOR`);
    return;
  }
  const { message } = shortcut;
  const threadTs = typeof message.thread_ts === 'string' ? message.thread_ts : message.ts;
  const hasThread = typeof message.thread_ts === 'string' || Number(message.reply_count ?? 0) > 0;
  const reading = hasThread
    ? await client.views.open({ trigger_id: shortcut.trigger_id, view: buildNoticeModal(s.readingThread, lang) })
    : undefined;
  const thread = hasThread ? await readThread(deps, client, shortcut.channel.id, threadTs) : undefined;
  const messages: ThreadMessage[] = thread ?? [message];
  const draft = draftFromThread(messages, deps.notebook.kb, threadTs);
  const channel = `<#${shortcut.channel.id}>`;
  const notes = [
    thread && thread.length > 1 ? s.fromThread(thread.length, channel) : s.fromMessage(channel),
    ...(hasThread && !thread ? [s.threadUnread] : []),
    ...(draft.cut ? [s.bodyCut(draft.values.body.length)] : []),
  ];
  const form = buildNoteModal(
    {
      lang,
      values: draft.values,
      notes,
      privateMetadata: encodeNoteFormState({ mode: 'create', lang, channelId: shortcut.channel.id, threadTs }),
    },
    NOTE_ROUTES,
  );
  const readingId = reading?.view?.id;
  if (readingId) await client.views.update({ view_id: readingId, view: form });
  else await client.views.open({ trigger_id: shortcut.trigger_id, view: form });
  deps.logger.info(`save-as-note by ${who}: form opened from ${messages.length} message(s)`);
}

/** The thread's messages, oldest first; undefined when Slack will not give them (bot not in the channel, a DM). */
async function readThread(
  deps: SlackDeps,
  client: webApi.WebClient,
  channel: string,
  ts: string,
): Promise<ThreadMessage[] | undefined> {
  try {
    const replies = await client.conversations.replies({ channel, ts, limit: THREAD_READ_LIMIT });
    return replies.messages?.length ? replies.messages : undefined;
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error ?? (err instanceof Error ? err.message : 'error');
    deps.logger.warn(`save-as-note: cannot read the thread ${channel}/${ts} (${code}); the form has the message alone`);
    return undefined;
  }
}
