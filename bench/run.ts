/** `npm run bench`: prints numbers; nothing here asserts a timing. */
import { runDockerBench } from './docker-render.ts';
import { runKnowledgeBench } from './knowledge.ts';

await runKnowledgeBench();
await runDockerBench();
