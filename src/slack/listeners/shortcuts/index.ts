import type { App, MessageShortcut } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { SAVE_NOTE_SHORTCUT } from '../../interactions.ts';
import { handleExplainInThread } from './explain-in-thread.ts';
import { handleSaveAsNote } from './save-note.ts';

/** Every message shortcut, by callback id; manifest.yml must declare exactly these (a test checks). */
const SHORTCUT_LISTENERS = [
  {
    callbackId: 'explain_in_thread',
    register: (app: App, deps: SlackDeps) =>
      app.shortcut<MessageShortcut>({ callback_id: 'explain_in_thread', type: 'message_action' }, (args) =>
        handleExplainInThread(deps, args),
      ),
  },
  {
    callbackId: SAVE_NOTE_SHORTCUT,
    register: (app: App, deps: SlackDeps) =>
      app.shortcut<MessageShortcut>({ callback_id: SAVE_NOTE_SHORTCUT, type: 'message_action' }, (args) =>
        handleSaveAsNote(deps, args),
      ),
  },
] as const;

export const MESSAGE_SHORTCUT_CALLBACK_IDS: readonly string[] = SHORTCUT_LISTENERS.map((l) => l.callbackId);

export function registerShortcuts(app: App, deps: SlackDeps): void {
  for (const listener of SHORTCUT_LISTENERS) listener.register(app, deps);
}
