import type { webApi } from '@slack/bolt';
import type { Logger } from '../logger.ts';
import type { NoteEditorsConfig } from './config.ts';
import type { SlackDeps } from './deps.ts';

/** How long a user group's members are trusted before they are asked for again. */
const GROUP_TTL_MS = 60_000;

export interface NoteEditors {
  /** Whether this user may save, edit and delete notes. A group that cannot be read counts as no one. */
  allows(userId: string, client: Pick<webApi.WebClient, 'usergroups'>): Promise<boolean>;
}

/**
 * NOTE_EDITORS: unset, anyone who may use the bot; else the users listed and the members of the user
 * groups listed (usergroups.users.list, kept a minute so a busy form does not ask Slack every time;
 * when Slack cannot say, the members read before count, and a group never read admits no one).
 */
export function noteEditors(
  config: NoteEditorsConfig | undefined,
  logger: Pick<Logger, 'warn'>,
  now: () => number = Date.now,
): NoteEditors {
  /** Per group: its members as last read (`read` false while Slack never said), and when it was asked. */
  const members = new Map<string, { users: Set<string>; at: number; read: boolean }>();
  const groupMembers = async (group: string, client: Pick<webApi.WebClient, 'usergroups'>): Promise<Set<string>> => {
    const known = members.get(group);
    if (known && now() - known.at < GROUP_TTL_MS) return known.users;
    try {
      const listed = await client.usergroups.users.list({ usergroup: group });
      const users = new Set(listed.users ?? []);
      members.set(group, { users, at: now(), read: true });
      return users;
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error ?? (err instanceof Error ? err.message : 'error');
      logger.warn(
        known?.read
          ? `notes: cannot read the members of NOTE_EDITORS group ${group} again (${code}); the members read before count`
          : `notes: cannot read the members of NOTE_EDITORS group ${group} (${code}); they may not edit notes`,
      );
      // Asked again in a minute, not on every click meanwhile.
      const users = known?.users ?? new Set<string>();
      members.set(group, { users, at: now(), read: known?.read ?? false });
      return users;
    }
  };
  return {
    async allows(userId, client) {
      if (!config) return true;
      if (config.users.includes(userId)) return true;
      for (const group of config.groups) if ((await groupMembers(group, client)).has(userId)) return true;
      return false;
    },
  };
}

/** Whether `userId` may save, edit and delete notes, by the deps' NOTE_EDITORS. */
export function mayEditNotes(deps: SlackDeps, userId: string, client: webApi.WebClient): Promise<boolean> {
  const editors = deps.noteEditors ?? noteEditors(deps.config.noteEditors, deps.logger);
  return editors.allows(userId, client);
}
