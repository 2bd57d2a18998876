/** `npm run bench`: prints numbers; nothing here asserts a timing. */
import { runKnowledgeBench } from './knowledge.ts';

await runKnowledgeBench();
