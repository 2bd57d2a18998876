/**
 * manifest.yml (Socket Mode) and manifest.http.yml (HTTP mode) are valid for Slack, declare exactly
 * what the code registers, and are one app: they differ only in how Slack reaches the bot.
 *
 * The schema in test/fixtures/slack-manifest.schema.1.0.0.json is an unmodified copy of
 * schemas/manifest.schema.1.0.0.json from https://github.com/slackapi/manifest-schema
 * (commit 4a68bccdab633c25c56703cdfaa22030660248e5).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/config.ts';
import { NOTE_ROUTES, ROUTES, SAVE_NOTE_SHORTCUT, WRITE_NOTE_ACTION } from '../../src/slack/interactions.ts';
import { ACTION_ID_PREFIXES } from '../../src/slack/listeners/actions/index.ts';
import { SLASH_COMMANDS } from '../../src/slack/listeners/commands/index.ts';
import { BOT_EVENTS } from '../../src/slack/listeners/events/index.ts';
import { MESSAGE_SHORTCUT_CALLBACK_IDS } from '../../src/slack/listeners/shortcuts/index.ts';
import { VIEW_SUBMISSION_CALLBACK_IDS } from '../../src/slack/listeners/views/index.ts';

interface Manifest {
  features: {
    slash_commands: Array<{ command: string; description: string; url?: string }>;
    shortcuts: Array<{ type: string; callback_id: string; name: string }>;
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

const load = (file: string) => parse(fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8')) as Manifest;
const MANIFESTS = { 'manifest.yml': load('manifest.yml'), 'manifest.http.yml': load('manifest.http.yml') };
/** Where Bolt's HTTP receiver takes events, interactions and slash commands (its default endpoint). */
const HTTP_EVENTS_PATH = '/slack/events';

/** Every URL at which Slack would call the bot. */
function requestUrls(manifest: Manifest): Array<string | undefined> {
  return [
    manifest.settings.event_subscriptions.request_url,
    manifest.settings.interactivity.request_url,
    ...manifest.features.slash_commands.map((c) => c.url),
  ];
}
const schema = JSON.parse(
  fs.readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/slack-manifest.schema.1.0.0.json'), 'utf8'),
) as object;

function validator() {
  // The schema uses two annotations of Slack's own ("regex", "_note") and format "uri"; declare
  // them so Ajv's strict mode accepts the schema as published. strictTypes is off because the
  // published schema puts minItems on a string (a no-op Ajv would otherwise warn about).
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  ajv.addKeyword({
    keyword: 'regex',
    type: 'string',
    schemaType: 'string',
    validate: (re: string, value: string) => new RegExp(re).test(value),
  });
  ajv.addKeyword('_note');
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  return ajv.compile(schema);
}

describe.each(Object.entries(MANIFESTS))('%s', (_, manifest) => {
  it("validates against Slack's published manifest schema", () => {
    const validate = validator();
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check is not a formality: a broken manifest fails it', () => {
    const validate = validator();
    const broken = structuredClone(manifest) as unknown as {
      features: { slash_commands: Array<{ command: string }> };
      display_information: { background_color: string };
    };
    broken.features.slash_commands[0]!.command = 'docker-ask'; // must start with "/"
    broken.display_information.background_color = 'blue';
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath).sort()).toEqual([
      '/display_information/background_color',
      '/features/slash_commands/0/command',
    ]);
  });

  it('declares exactly the slash commands the code registers', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual([...SLASH_COMMANDS].sort());
  });

  it('declares exactly the message shortcuts the code registers', () => {
    expect(manifest.features.shortcuts.every((s) => s.type === 'message')).toBe(true);
    expect(manifest.features.shortcuts.map((s) => s.callback_id).sort()).toEqual(
      [...MESSAGE_SHORTCUT_CALLBACK_IDS].sort(),
    );
  });

  it('subscribes to exactly the bot events the code listens to', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([...BOT_EVENTS].sort());
  });

  it('asks for the scopes those features need and no others', () => {
    const needed = new Set(['commands', 'chat:write']);
    if (BOT_EVENTS.includes('app_mention')) needed.add('app_mentions:read');
    if (BOT_EVENTS.includes('message.im')) needed.add('im:history');
    // Save as note reads the thread (conversations.replies) and checks NOTE_EDITORS groups (usergroups.users.list).
    if (MESSAGE_SHORTCUT_CALLBACK_IDS.includes(SAVE_NOTE_SHORTCUT))
      for (const scope of ['channels:history', 'groups:history', 'usergroups:read']) needed.add(scope);
    if (BOT_EVENTS.includes('message.channels')) needed.add('channels:history');
    if (BOT_EVENTS.includes('message.groups')) needed.add('groups:history');
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([...needed].sort());
  });

  it('enables what the listeners rely on: interactivity, the Home tab, DMs', () => {
    const interactive =
      ACTION_ID_PREFIXES.length + VIEW_SUBMISSION_CALLBACK_IDS.length + MESSAGE_SHORTCUT_CALLBACK_IDS.length > 0;
    expect(manifest.settings.interactivity.is_enabled).toBe(interactive);
    expect(manifest.features.app_home.home_tab_enabled).toBe(BOT_EVENTS.includes('app_home_opened'));
    expect(manifest.features.app_home.messages_tab_enabled).toBe(BOT_EVENTS.includes('message.im'));
  });
});

describe('Socket Mode and HTTP mode', () => {
  const socket = MANIFESTS['manifest.yml'];
  const http = MANIFESTS['manifest.http.yml'];

  it('manifest.yml uses Socket Mode and no request URL', () => {
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(requestUrls(socket).filter(Boolean)).toEqual([]);
  });

  it('manifest.http.yml sends events, interactions and every slash command to https://…/slack/events', () => {
    expect(http.settings.socket_mode_enabled).toBe(false);
    const urls = requestUrls(http);
    expect(urls).toHaveLength(2 + SLASH_COMMANDS.length);
    for (const url of urls) {
      expect(url).toBeDefined();
      const parsed = new URL(url!);
      expect(parsed.protocol).toBe('https:');
      expect(parsed.pathname).toBe(HTTP_EVENTS_PATH);
    }
    // One host for all of them: the one the user fills in.
    expect(new Set(urls.map((u) => new URL(u!).host)).size).toBe(1);
  });

  it('declare the same app otherwise', () => {
    const withoutTransport = (manifest: Manifest) => {
      const copy = structuredClone(manifest);
      delete copy.settings.event_subscriptions.request_url;
      delete copy.settings.interactivity.request_url;
      for (const command of copy.features.slash_commands) delete command.url;
      return { ...copy, settings: { ...copy.settings, socket_mode_enabled: undefined } };
    };
    expect(withoutTransport(http)).toEqual(withoutTransport(socket));
  });
});

/** The action id prefix of every button the builders can draw: each route of ROUTES, asked once. */
function drawnActionPrefixes(): string[] {
  const ref = { entryId: 'x', question: 'q', lang: 'en' as const };
  const routes = [
    ROUTES.share(ref),
    ROUTES.shareQuestion(ref),
    ROUTES.otherMatches(ref),
    ROUTES.showEntry(ref, 3),
    ROUTES.explainDocker(ref),
    ROUTES.shareDocker({ command: 'ps', args: '-a' })!,
    ROUTES.readTopic(ref),
    ROUTES.ask('en'),
    ROUTES.feedback(ref),
    ROUTES.writeNote(ref, 2),
  ];
  expect(routes).toHaveLength(Object.values(ROUTES).filter((r) => typeof r === 'function').length);
  const noteRoutes = [NOTE_ROUTES.write('en'), NOTE_ROUTES.edit('x'), NOTE_ROUTES.delete('x')];
  expect(noteRoutes).toHaveLength(Object.values(NOTE_ROUTES).filter((r) => typeof r === 'function').length);
  return [...routes, ...noteRoutes].map((r) => r.actionId.replace(/:\d+$/, ''));
}

describe('what the manifest cannot list: buttons and forms', () => {
  it('every button the builders draw has a listener, and every button listener has a button', () => {
    // Write a note is drawn twice (next to a gap, above the saved notes) and handled once.
    const drawn = drawnActionPrefixes();
    expect(drawn.filter((id) => id === WRITE_NOTE_ACTION)).toHaveLength(2);
    expect([...new Set(drawn)].sort()).toEqual([...ACTION_ID_PREFIXES].sort());
  });

  it('the forms the builders draw are the view submissions handled', () => {
    expect([...VIEW_SUBMISSION_CALLBACK_IDS].sort()).toEqual(
      [ROUTES.askForm.callbackId, ROUTES.feedbackForm.callbackId, NOTE_ROUTES.form.callbackId].sort(),
    );
  });
});
