export { readDockerConfig, type DockerConfig, type DockerEndpoint } from './config.ts';
export { createDockerReader, MAX_API_VERSION } from './reader.ts';
export { DISK_ADVICE_ENTRY_ID, diskLooksTight } from './df.ts';
export { ReadOnlyRefusal } from './guard.ts';
export { redactSecrets } from './redact.ts';
export * from './types.ts';
