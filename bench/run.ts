/** `npm run bench`: prints numbers; nothing here asserts a timing. */
import { runDockerBench } from './docker-render.ts';
import { runKnowledgeBench } from './knowledge.ts';
import { runRedactBench } from './redact.ts';
import { runSlackBench } from './slack-ack.ts';

await runKnowledgeBench();
await runDockerBench();
await runRedactBench();
await runSlackBench();
