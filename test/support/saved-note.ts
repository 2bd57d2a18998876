/** A store holding one note saved from Slack, for the faces that must answer from it as Slack does. */
import path from 'node:path';
import { createStore } from '../../src/store/index.ts';

/** Its id, and a question only it answers. */
export const SAVED_NOTE = { id: 'builder-cache-prune', question: 'builder cache too big' } as const;

/** Creates `dir`/bot.db with SAVED_NOTE in it and returns the DATABASE_URL that opens it. */
export async function sqliteWithSavedNote(dir: string): Promise<string> {
  const databaseUrl = `sqlite:${path.join(dir, 'bot.db')}`;
  const store = createStore(databaseUrl);
  await store.notes.create(
    {
      id: SAVED_NOTE.id,
      title: '빌드 캐시 정리',
      titleEn: 'Pruning the build cache',
      aliases: [SAVED_NOTE.question],
      tags: [],
      related: [],
      body: 'Run `docker builder prune` to empty the build cache.',
    },
    { userId: 'U0ALICE', channelId: 'C0OPS', threadTs: '1700000000.000100' },
  );
  await store.close();
  return databaseUrl;
}
