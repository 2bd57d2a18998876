/**
 * Loads a notes folder and prints the ids and warnings as JSON: for tests that must load as another
 * user (root reads every file, so an unreadable note needs an unprivileged process).
 */
import { loadKnowledgeDir } from '../../src/knowledge/load.ts';

const { entries, warnings } = loadKnowledgeDir(process.argv[2] ?? '.');
console.log(JSON.stringify({ ids: entries.map((e) => e.id), warnings }));
