import { describe, expect, it } from 'vitest';
import { notesForDockerResult } from '../../src/commands/explain.ts';
import type { DockerResult } from '../../src/docker/types.ts';
import { createKnowledgeBase } from '../../src/knowledge/index.ts';
import { dfView, psView } from '../support/docker-views.ts';
import { fixtureKnowledge } from '../support/knowledge.ts';

const ps: DockerResult = { kind: 'ps', view: psView() };
const df = (diskLooksTight: boolean): DockerResult => ({ kind: 'df', view: dfView({ diskLooksTight }) });
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
