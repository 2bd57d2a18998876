import { describe, expect, it } from 'vitest';
import { findViolations, readSources } from '../../scripts/check-layers.ts';
import { PROJECT_ROOT } from '../../src/config.ts';

const file = (path: string, text: string) => ({ path, text });

describe('the layering rule (scripts/check-layers.ts, run by npm run check)', () => {
  it('holds for the code as it is', () => {
    const sources = readSources(PROJECT_ROOT);
    expect(sources.length).toBeGreaterThan(50);
    expect(findViolations(sources)).toEqual([]);
  });

  it.each([
    ['src/docker/ps.ts', "import { x } from '../slack/index.ts';", 'src/slack/index.ts'],
    ['src/docker/ps.ts', "import type { KnowledgeEntry } from '../knowledge/types.ts';", 'src/knowledge/types.ts'],
    ['src/knowledge/search.ts', "export { y } from '../render/format.ts';", 'src/render/format.ts'],
    ['src/knowledge/load.ts', "import { readDockerConfig } from '../docker/config.ts';", 'src/docker/config.ts'],
    [
      'src/render/slack/answers.ts',
      "import { ROUTES } from '../../slack/interactions.ts';",
      'src/slack/interactions.ts',
    ],
    ['src/render/text/docker.ts', "import { code } from '../slack/blocks.ts';", 'src/render/slack/blocks.ts'],
    ['src/render/slack/docker.ts', "import { renderPsText } from '../text/docker.ts';", 'src/render/text/docker.ts'],
    ['src/render/format.ts', "import { escapeSlackText } from './slack/blocks.ts';", 'src/render/slack/blocks.ts'],
    ['src/shell/commands.ts', "import { runCli } from '../cli/index.ts';", 'src/cli/index.ts'],
    ['src/slack/index.ts', "const m = await import('../runtime.ts');", 'src/runtime.ts'],
    [
      'src/commands/index.ts',
      "import { renderDockerText } from '../render/text/docker.ts';",
      'src/render/text/docker.ts',
    ],
    [
      'src/store/sql-store.ts',
      "import { createKnowledgeBase } from '../knowledge/search.ts';",
      'src/knowledge/search.ts',
    ],
    ['src/knowledge/index.ts', "import type { Store } from '../store/types.ts';", 'src/store/types.ts'],
    ['src/text/visible.ts', "import { redact } from '../docker/redact.ts';", 'src/docker/redact.ts'],
    ['src/time/timeout.ts', "import { StoreError } from '../store/errors.ts';", 'src/store/errors.ts'],
    ['src/knowledge/search.ts', "import { createNoteBook } from '../notebook/index.ts';", 'src/notebook/index.ts'],
    ['src/store/sql-store.ts', "import type { NoteBook } from '../notebook/index.ts';", 'src/notebook/index.ts'],
    ['src/notebook/index.ts', "import { ROUTES } from '../slack/interactions.ts';", 'src/slack/interactions.ts'],
  ])('%s may not import what %s names', (path, text, imports) => {
    expect(findViolations([file(path, text)]).map((v) => v.imports)).toEqual([imports]);
  });

  it('keeps each package behind its part of the code', () => {
    const violations = findViolations([
      file('src/render/slack/answers.ts', "import { App } from '@slack/bolt';"),
      file('src/commands/index.ts', "import Docker from 'dockerode';"),
      file('src/shell/index.ts', "import Fuse from 'fuse.js';"),
      file('src/slack/index.ts', "import type { KnownBlock } from '@slack/types';"),
      file('src/docker/guard.ts', "import type DockerModem from 'docker-modem/lib/modem.js';"),
      file('src/knowledge/load.ts', "import pg from 'pg';"),
      file('src/store/sqlite.ts', "const { default: Database } = await import('better-sqlite3');"),
    ]);
    expect(violations.map((v) => `${v.file} ${v.imports}`)).toEqual([
      'src/render/slack/answers.ts @slack/bolt',
      'src/commands/index.ts dockerode',
      'src/shell/index.ts fuse.js',
      'src/knowledge/load.ts pg',
    ]);
  });

  it('allows what the design allows: faces use the core and their renderer, render uses types of the core', () => {
    expect(
      findViolations([
        file(
          'src/slack/listeners/commands/docker.ts',
          "import { renderDockerBlocks } from '../../../render/slack/docker.ts';",
        ),
        file('src/render/slack/docker.ts', "import type { PsView } from '../../docker/types.ts';"),
        file('src/cli/index.ts', "import { renderAnswerText } from '../render/text/answers.ts';"),
        file('src/runtime.ts', "import { readSlackConfig } from './slack/config.ts';"),
        file('src/main.ts', "import { createRuntime } from './runtime.ts';"),
        file('src/store/types.ts', "import type { KnowledgeEntry } from '../knowledge/types.ts';"),
        file('src/docker/ps.ts', "import { showControlChars } from '../text/visible.ts';"),
        file('src/store/guards.ts', "import { withTimeout } from '../time/timeout.ts';"),
        file('src/notebook/index.ts', "import { withTimeout } from '../time/timeout.ts';"),
      ]),
    ).toEqual([]);
  });
});
