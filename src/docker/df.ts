import { shownField } from './shown.ts';
import type { DfCategory, DfItem, DfKind, DfView, HostRef } from './types.ts';

/** The parts of GET /system/df we read (API 1.41–1.47). */
export interface EngineDiskUsage {
  LayersSize?: number;
  Images?: { Id: string; RepoTags?: string[] | null; Size: number; SharedSize: number; Containers: number }[] | null;
  Containers?: { Id: string; Names?: string[]; State: string; SizeRw?: number }[] | null;
  Volumes?: { Name: string; UsageData?: { Size: number; RefCount: number } | null }[] | null;
  BuildCache?: { Size: number; InUse: boolean; Shared: boolean }[] | null;
}

export interface EngineInfo {
  DockerRootDir?: string;
}

const GB = 1_000_000_000;
/**
 * The engine does not report free disk space, so "tight" is judged from what it does report:
 * Docker data of 20 GB or more, or 1 GB or more of which over half is reclaimable
 * (a root dir that fills up with leftovers is the case the disk advice note is about).
 */
export function diskLooksTight(totalBytes: number, reclaimableBytes: number): boolean {
  return totalBytes >= 20 * GB || (totalBytes >= GB && reclaimableBytes * 2 > totalBytes);
}

const LARGEST_COUNT = 10;
const ACTIVE_CONTAINER_STATES = new Set(['running', 'paused', 'restarting']);

/** Totals computed the way `docker system df` computes them, so both agree. */
export function toDfView(
  df: EngineDiskUsage,
  info: EngineInfo,
  verbose: boolean,
  host: HostRef,
  measuredAt: Date,
): DfView {
  const images = df.Images ?? [];
  const containers = df.Containers ?? [];
  const volumes = df.Volumes ?? [];
  const cache = df.BuildCache ?? [];

  const imagesSize = df.LayersSize ?? images.reduce((sum, i) => sum + i.Size, 0);
  const imagesInUse = images.filter((i) => i.Containers !== 0);
  const imagesUsedBytes = imagesInUse.reduce(
    (sum, i) => (i.Size === -1 || i.SharedSize === -1 ? sum : sum + i.Size - i.SharedSize),
    0,
  );
  const activeContainers = containers.filter((c) => ACTIVE_CONTAINER_STATES.has(c.State));
  const volumeSize = (v: (typeof volumes)[number]) => Math.max(0, v.UsageData?.Size ?? 0);
  const unshared = cache.filter((b) => !b.Shared);

  const categories: DfCategory[] = [
    category('images', images.length, imagesInUse.length, imagesSize, imagesSize - imagesUsedBytes),
    category(
      'containers',
      containers.length,
      activeContainers.length,
      sum(containers.map((c) => c.SizeRw ?? 0)),
      sum(containers.filter((c) => !ACTIVE_CONTAINER_STATES.has(c.State)).map((c) => c.SizeRw ?? 0)),
    ),
    category(
      'volumes',
      volumes.length,
      volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length,
      sum(volumes.map(volumeSize)),
      sum(volumes.filter((v) => (v.UsageData?.RefCount ?? 0) === 0).map(volumeSize)),
    ),
    category(
      'buildCache',
      cache.length,
      cache.filter((b) => b.InUse).length,
      sum(unshared.map((b) => b.Size)),
      sum(unshared.filter((b) => !b.InUse).map((b) => b.Size)),
    ),
  ];
  const totalSizeBytes = sum(categories.map((c) => c.sizeBytes));
  const totalReclaimableBytes = sum(categories.map((c) => c.reclaimableBytes));

  const view: DfView = {
    host,
    dockerRootDir: shownField(info.DockerRootDir),
    categories,
    totalSizeBytes,
    totalReclaimableBytes,
    diskLooksTight: diskLooksTight(totalSizeBytes, totalReclaimableBytes),
    measuredAt: measuredAt.toISOString(),
  };
  if (verbose) {
    view.largest = {
      images: largest(
        images.map((i) => ({
          name: i.RepoTags?.find((t) => t !== '<none>:<none>') ?? i.Id.replace(/^sha256:/, '').slice(0, 12),
          sizeBytes: i.Size,
          detail: `${Math.max(0, i.Containers)}`,
        })),
      ),
      containers: largest(
        containers.map((c) => ({
          name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
          sizeBytes: c.SizeRw ?? 0,
          detail: c.State,
        })),
      ),
      volumes: largest(
        volumes.map((v) => ({
          name: /^[0-9a-f]{64}$/.test(v.Name) ? v.Name.slice(0, 12) : v.Name,
          sizeBytes: volumeSize(v),
          detail: `${Math.max(0, v.UsageData?.RefCount ?? 0)}`,
        })),
      ),
    };
  }
  return view;
}

function category(
  kind: DfKind,
  total: number,
  active: number,
  sizeBytes: number,
  reclaimableBytes: number,
): DfCategory {
  const reclaimable = Math.max(0, reclaimableBytes);
  return {
    kind,
    total,
    active,
    sizeBytes,
    reclaimableBytes: reclaimable,
    reclaimablePercent: sizeBytes > 0 ? Math.floor((reclaimable * 100) / sizeBytes) : 0,
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** The biggest items, their names shown like every engine string (shownField). */
function largest(items: DfItem[]): DfItem[] {
  return items
    .sort((a, b) => b.sizeBytes - a.sizeBytes || (a.name < b.name ? -1 : 1))
    .slice(0, LARGEST_COUNT)
    .map((item) => ({ ...item, name: shownField(item.name), detail: shownField(item.detail) }));
}
