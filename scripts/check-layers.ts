/**
 * `npm run check` runs this: the layering of src/ as rules on imports, so the design stays true as
 * code is added (ARCHITECTURE.md draws it). Every import of every file under src/ is resolved, type
 * imports included, and checked against LAYERS and PACKAGES; a violation prints the file, what it
 * imports and why that is not allowed, and the script exits 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

/** Where each entry point and face lives; a path prefix names a folder, a full name one file. */
const FACES = ['src/slack/', 'src/shell/', 'src/cli/'];
const ENTRY_POINTS = ['src/main.ts', 'src/cli.ts', 'src/runtime.ts'];

interface Layer {
  /** Files this rule is about (path prefixes, relative to the project root). */
  files: string[];
  /** What those files may not import (path prefixes). */
  mayNotImport: string[];
  /** Files inside mayNotImport that are allowed all the same (path prefixes). */
  except?: string[];
  why: string;
}

export const LAYERS: Layer[] = [
  {
    files: ['src/errors.ts', 'src/logger.ts', 'src/config.ts', 'src/i18n/', 'src/text/', 'src/time/'],
    mayNotImport: [
      'src/docker/',
      'src/knowledge/',
      'src/store/',
      'src/commands/',
      'src/render/',
      ...FACES,
      ...ENTRY_POINTS,
    ],
    why: 'errors, logger, settings, strings, text and time helpers are the base every layer stands on',
  },
  {
    files: ['src/docker/'],
    mayNotImport: ['src/knowledge/', 'src/store/', 'src/commands/', 'src/render/', ...FACES, ...ENTRY_POINTS],
    why: 'the Docker adapter reports facts; notes, records, rendering and faces are not its business',
  },
  {
    files: ['src/knowledge/'],
    mayNotImport: ['src/docker/', 'src/store/', 'src/commands/', 'src/render/', ...FACES, ...ENTRY_POINTS],
    why: 'the knowledge base knows notes and questions, nothing of Docker, where records are kept, rendering or faces',
  },
  {
    files: ['src/store/'],
    mayNotImport: ['src/knowledge/', 'src/docker/', 'src/commands/', 'src/render/', ...FACES, ...ENTRY_POINTS],
    except: ['src/knowledge/types.ts'],
    why: 'the store keeps records: of the notes it knows only the shape they take (knowledge/types.ts), never search, Docker, rendering or faces',
  },
  {
    files: ['src/notebook/'],
    mayNotImport: ['src/docker/', 'src/commands/', 'src/render/', ...FACES, ...ENTRY_POINTS],
    why: 'the notebook lays the saved notes over the folder: it stands on the knowledge base and the store, below every face',
  },
  {
    files: [
      'src/errors.ts',
      'src/logger.ts',
      'src/config.ts',
      'src/i18n/',
      'src/text/',
      'src/time/',
      'src/docker/',
      'src/knowledge/',
      'src/store/',
    ],
    mayNotImport: ['src/notebook/'],
    why: 'the notebook joins the knowledge base and the store from above; neither, nor anything below them, knows it',
  },
  {
    files: ['src/commands/'],
    mayNotImport: ['src/render/', ...FACES, ...ENTRY_POINTS],
    why: 'the command flow is shared by every face and renders nothing',
  },
  {
    files: ['src/render/'],
    mayNotImport: [...FACES, ...ENTRY_POINTS],
    why: 'renderers are pure: the Slack face hands them its routes (AnswerRoutes), they never import a face',
  },
  {
    files: ['src/render/slack/'],
    mayNotImport: ['src/render/text/'],
    why: 'render/slack and render/text never import each other; what both need goes in render/format.ts',
  },
  {
    files: ['src/render/text/'],
    mayNotImport: ['src/render/slack/'],
    why: 'render/slack and render/text never import each other; what both need goes in render/format.ts',
  },
  {
    files: ['src/render/format.ts'],
    mayNotImport: ['src/render/slack/', 'src/render/text/'],
    why: 'shared formatting is face-neutral',
  },
  {
    files: ['src/slack/'],
    mayNotImport: ['src/shell/', 'src/cli/', 'src/render/text/', ...ENTRY_POINTS],
    why: 'a face stands alone: it shares the core, not another face',
  },
  {
    files: ['src/shell/', 'src/cli/'],
    mayNotImport: ['src/slack/', 'src/render/slack/', ...ENTRY_POINTS],
    why: 'a face stands alone: it shares the core, not another face',
  },
  {
    files: ['src/shell/'],
    mayNotImport: ['src/cli/'],
    why: 'a face stands alone: it shares the core, not another face',
  },
  {
    files: ['src/cli/'],
    mayNotImport: ['src/shell/'],
    why: 'a face stands alone: it shares the core, not another face',
  },
  {
    files: ['src/observe/'],
    mayNotImport: ['src/knowledge/', 'src/store/', 'src/commands/', 'src/render/', ...FACES, ...ENTRY_POINTS],
    why: 'metrics and health wrap ports from outside: they know Docker only as its DockerReader port, nothing of faces',
  },
  {
    files: [
      'src/errors.ts',
      'src/logger.ts',
      'src/config.ts',
      'src/i18n/',
      'src/text/',
      'src/time/',
      'src/docker/',
      'src/knowledge/',
      'src/store/',
      'src/commands/',
      'src/render/',
    ],
    mayNotImport: ['src/observe/'],
    why: 'the core is observed from outside: the runtime wraps its ports and the note watcher reports through onReload',
  },
  {
    files: ['src/runtime.ts'],
    mayNotImport: ['src/main.ts', 'src/cli.ts'],
    why: 'the composition root serves the entry points, not the other way round',
  },
];

/** Packages only one part of the code may use, so each stays behind its port. */
export const PACKAGES: Array<{ name: string; onlyIn: string[]; why: string }> = [
  { name: '@slack/bolt', onlyIn: ['src/slack/'], why: 'Bolt is the Slack face' },
  {
    name: '@slack/types',
    onlyIn: ['src/slack/', 'src/render/slack/'],
    why: 'Block Kit types belong to the Slack face and its renderer',
  },
  ...['dockerode', 'docker-modem', 'ssh2'].map((name) => ({
    name,
    onlyIn: ['src/docker/'],
    why: 'Docker sits behind the DockerReader port; its client lives only in the adapter',
  })),
  ...['fuse.js', 'es-hangul', 'yaml'].map((name) => ({
    name,
    onlyIn: ['src/knowledge/'],
    why: 'loading and searching notes is the knowledge base’s own business',
  })),
  ...['better-sqlite3', 'pg'].map((name) => ({
    name,
    onlyIn: ['src/store/'],
    why: 'the databases sit behind the Store interface; their drivers live only in the store',
  })),
  { name: 'dotenv', onlyIn: ['src/config.ts'], why: 'settings are read in one place' },
  { name: 'pino', onlyIn: ['src/logger.ts'], why: 'every part logs through the Logger interface' },
  { name: 'prom-client', onlyIn: ['src/observe/'], why: 'metrics are recorded through the Metrics interface' },
];

export interface SourceFile {
  /** Relative to the project root, with forward slashes, e.g. src/render/slack/answers.ts. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  imports: string;
  why: string;
}

const inside = (file: string, prefixes: readonly string[]) =>
  prefixes.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));

/** What `specifier` in `file` refers to: a project path for relative imports, else a package name. */
function target(file: string, specifier: string): { path: string } | { package: string } | undefined {
  if (specifier.startsWith('.'))
    return { path: path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) };
  if (specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return { package: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
}

/** Every import of every file that breaks a rule. Pure, so a test can feed it files of its own. */
export function findViolations(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(file.text, true, true);
    for (const { fileName: specifier } of importedFiles) {
      const to = target(file.path, specifier);
      if (!to) continue;
      if ('path' in to) {
        for (const layer of LAYERS) {
          if (
            inside(file.path, layer.files) &&
            inside(to.path, layer.mayNotImport) &&
            !inside(to.path, layer.except ?? [])
          )
            violations.push({ file: file.path, imports: to.path, why: layer.why });
        }
      } else {
        const rule = PACKAGES.find((p) => p.name === to.package);
        if (rule && !inside(file.path, rule.onlyIn))
          violations.push({ file: file.path, imports: to.package, why: rule.why });
      }
    }
  }
  return violations;
}

/** Every .ts file under src/ of the project at `root`. */
export function readSources(root: string): SourceFile[] {
  return fs
    .readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => {
      const rel = path.posix.join('src', name.split(path.sep).join('/'));
      return { path: rel, text: fs.readFileSync(path.join(root, rel), 'utf8') };
    });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const sources = readSources(root);
  const violations = findViolations(sources);
  for (const v of violations) console.error(`${v.file} imports ${v.imports}: ${v.why}.`);
  if (violations.length > 0) {
    console.error(`${violations.length} import(s) break the layering (scripts/check-layers.ts, ARCHITECTURE.md).`);
    process.exitCode = 1;
  } else {
    console.log(`Layering: ${sources.length} files under src/, every import allowed.`);
  }
}
