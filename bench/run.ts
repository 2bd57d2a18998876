/** `npm run bench`: prints numbers; nothing here asserts a timing. */
import { runDockerBench } from './docker-render.ts';
import { runKnowledgeBench } from './knowledge.ts';
import { runReloadBench } from './knowledge-reload.ts';
import { runRedactBench } from './redact.ts';
import { runSlackBench } from './slack-ack.ts';
import { runSlackDeliveryBench } from './slack-delivery.ts';
import { runSlackTextBench } from './slack-text.ts';

await runKnowledgeBench();
await runReloadBench();
await runDockerBench();
await runRedactBench();
await runSlackBench();
await runSlackDeliveryBench();
await runSlackTextBench();
