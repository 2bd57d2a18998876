import { ReadOnlyRefusal } from '../docker/index.ts';
import type { DockerReader } from '../docker/types.ts';
import type { Metrics } from './metrics.ts';

/**
 * The Docker reader with each read timed by endpoint (ps, df) and host, and the read-only guard's
 * refusals counted. A host= that names no configured host is labelled `unknown`, so what a person
 * types never becomes a label.
 */
export function observeDocker(reader: DockerReader, metrics: Metrics, hostNames: readonly string[]): DockerReader {
  const defaultHost = hostNames[0] ?? 'default';
  const hostLabel = (host: string | undefined) =>
    host === undefined ? defaultHost : hostNames.includes(host) ? host : 'unknown';
  const timed =
    <O extends { host?: string }, V>(endpoint: string, read: (options: O) => Promise<V>) =>
    async (options: O): Promise<V> => {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        const view = await read(options);
        metrics.dockerCall(endpoint, hostLabel(options.host), 'ok', seconds());
        return view;
      } catch (err) {
        const refused = err instanceof ReadOnlyRefusal;
        if (refused) metrics.refusal('read_only');
        metrics.dockerCall(endpoint, hostLabel(options.host), refused ? 'refused' : 'error', seconds());
        throw err;
      }
    };
  return {
    ps: timed('ps', (options) => reader.ps(options)),
    df: timed('df', (options) => reader.df(options)),
  };
}
