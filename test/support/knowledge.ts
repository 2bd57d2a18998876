import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge/index.ts';

/**
 * The wire tests' own notes: six of the team's notes, copied into test/fixtures/knowledge/ (related
 * links trimmed to these six), so editing knowledge/ cannot break a test about Slack or the start-up.
 */
export const FIXTURE_KNOWLEDGE_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'knowledge');

export function fixtureKnowledge(): KnowledgeBase {
  const { kb, warnings } = loadKnowledgeBase(FIXTURE_KNOWLEDGE_DIR);
  if (warnings.length > 0) throw new Error(`the fixture notes should load cleanly: ${warnings.join('; ')}`);
  return kb;
}
