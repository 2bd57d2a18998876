/** Docker views as the reader returns them, for tests of what faces do with them (no engine involved). */
import type { DfView, DockerReader, PsView } from '../../src/docker/types.ts';

const HOST = { name: 'default', endpoint: 'unix:///var/run/docker.sock' };

/** No containers, running only, no filters; override what the test is about. */
export function psView(overrides: Partial<PsView> = {}): PsView {
  return {
    host: HOST,
    all: false,
    filters: { name: [], status: [], label: [], ancestor: [], health: [] },
    rows: [],
    countsByState: {},
    ...overrides,
  };
}

/** An empty engine whose disk is not tight; override what the test is about. */
export function dfView(overrides: Partial<DfView> = {}): DfView {
  return {
    host: HOST,
    dockerRootDir: '/var/lib/docker',
    categories: [],
    totalSizeBytes: 0,
    totalReclaimableBytes: 0,
    diskLooksTight: false,
    measuredAt: '2026-11-28T00:00:00Z',
    ...overrides,
  };
}

/** A reader that answers with these views (override ps or df to fail or to look at the options). */
export function viewReader(overrides: Partial<DockerReader> = {}): DockerReader {
  return { ps: async () => psView(), df: async () => dfView(), ...overrides };
}
