/** The narrow port the rest of the bot uses for Docker: read-only views, no dockerode types. */

export const CONTAINER_STATUSES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'] as const;
export type ContainerStatus = (typeof CONTAINER_STATUSES)[number];

export const HEALTH_STATUSES = ['starting', 'healthy', 'unhealthy', 'none'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/** A configured host's name (DOCKER_HOSTS=name=url) and so what host= accepts: letters, digits, . _ - */
export const HOST_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

/** Filters passed to the engine as-is; each list is what `docker ps --filter key=value` would get. */
export interface PsFilters {
  name: string[];
  status: ContainerStatus[];
  label: string[];
  ancestor: string[];
  health: HealthStatus[];
}

export interface PsOptions {
  /** Configured host name; undefined means the default host. */
  host?: string;
  /** Include stopped containers (`docker ps -a`). */
  all: boolean;
  filters: PsFilters;
}

export interface DfOptions {
  host?: string;
  /** Add the largest images, volumes and containers (`docker system df -v`). */
  verbose: boolean;
}

export interface ContainerRow {
  /** 12-character id, as `docker ps` shows it. */
  id: string;
  name: string;
  image: string;
  /** Engine state: running, exited, … (kept as a string: engines may add states). */
  state: string;
  /** Engine's human status, e.g. "Up 2 hours (healthy)" or "Exited (0) 3 minutes ago": uptime or exit. */
  status: string;
  ports: string;
  /** Command line cut to what is shown, with secrets replaced by ***. */
  command: string;
  /**
   * Only labels whose key is allowlisted (DOCKER_LABEL_ALLOWLIST); others may hold secrets. A value
   * whose key looks secret is ***. Like every string of a row, with control characters as escapes.
   */
  labels: Record<string, string>;
  /** Creation time, seconds since the epoch. */
  created: number;
}

export interface HostRef {
  /** Configured name, e.g. "default" or "prod". */
  name: string;
  /** Endpoint without credentials, e.g. "unix:///var/run/docker.sock". */
  endpoint: string;
}

export interface PsView {
  host: HostRef;
  all: boolean;
  filters: PsFilters;
  /** Running first, then by name. */
  rows: ContainerRow[];
  /** Number of listed containers in each state. */
  countsByState: Record<string, number>;
}

export type DfKind = 'images' | 'containers' | 'volumes' | 'buildCache';

export interface DfCategory {
  kind: DfKind;
  total: number;
  active: number;
  sizeBytes: number;
  reclaimableBytes: number;
  /** Whole percent of sizeBytes, rounded down like `docker system df`. */
  reclaimablePercent: number;
}

export interface DfItem {
  name: string;
  sizeBytes: number;
  /** Containers using it (images, volumes) or the container's state. */
  detail: string;
}

export interface DfView {
  host: HostRef;
  dockerRootDir: string;
  categories: DfCategory[];
  totalSizeBytes: number;
  totalReclaimableBytes: number;
  /** With -v: the largest items of each kind, biggest first. */
  largest?: { images: DfItem[]; containers: DfItem[]; volumes: DfItem[] };
  /**
   * Docker's disk use looks tight (diskLooksTight in df.ts): a fact for the faces, which point to
   * the note about putting the Docker root dir on its own disk when the notes have it.
   */
  diskLooksTight: boolean;
  /** When the engine was asked (ISO time); results are cached for DOCKER_DF_CACHE_MS. */
  measuredAt: string;
}

/** What a Docker command read: the view of its kind. */
export type DockerResult = { kind: 'ps'; view: PsView } | { kind: 'df'; view: DfView };

export interface DockerReader {
  ps(options: PsOptions): Promise<PsView>;
  df(options: DfOptions): Promise<DfView>;
}
