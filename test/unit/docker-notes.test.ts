import { describe, expect, it } from 'vitest';
import { notesForDockerResult } from '../../src/commands/explain.ts';
import type { DfView, DockerResult, PsView } from '../../src/docker/types.ts';
import { createKnowledgeBase } from '../../src/knowledge/index.ts';
import { fixtureKnowledge } from '../support/knowledge.ts';

const host = { name: 'default', endpoint: 'unix:///var/run/docker.sock' };
const ps: DockerResult = {
  kind: 'ps',
  view: {
    host,
    all: false,
    filters: { name: [], status: [], label: [], ancestor: [], health: [] },
    rows: [],
    countsByState: {},
  } satisfies PsView,
};
function df(diskLooksTight: boolean): DockerResult {
  const view: DfView = {
    host,
    dockerRootDir: '/var/lib/docker',
    categories: [],
    totalSizeBytes: 0,
    totalReclaimableBytes: 0,
    diskLooksTight,
    measuredAt: '2026-01-01T00:00:00Z',
  };
  return { kind: 'df', view };
}
const kb = fixtureKnowledge();
const ids = (notes: ReturnType<typeof notesForDockerResult>) => ({
  diskAdvice: notes.diskAdvice?.id,
  explain: notes.explain?.id,
});

describe('which note explains a Docker result', () => {
  it('a tight disk: the root-dir advice, which the Explain button also opens', () => {
    expect(ids(notesForDockerResult(df(true), kb))).toEqual({
      diskAdvice: 'docker-root-dir',
      explain: 'docker-root-dir',
    });
  });

  it('anything else: no advice, and Explain opens how to list images and containers', () => {
    expect(ids(notesForDockerResult(df(false), kb))).toEqual({ diskAdvice: undefined, explain: 'listing-commands' });
    expect(ids(notesForDockerResult(ps, kb))).toEqual({ diskAdvice: undefined, explain: 'listing-commands' });
  });

  it('names only notes the knowledge base has (a team’s own KNOWLEDGE_DIR), and none without notes', () => {
    const without = (...gone: string[]) => createKnowledgeBase(kb.entries.filter((e) => !gone.includes(e.id)));
    expect(ids(notesForDockerResult(df(true), without('docker-root-dir')))).toEqual({
      diskAdvice: undefined,
      explain: 'listing-commands',
    });
    expect(notesForDockerResult(df(true), without('docker-root-dir', 'listing-commands'))).toEqual({});
    expect(notesForDockerResult(df(true), undefined)).toEqual({});
  });
});
