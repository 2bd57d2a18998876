export { readDockerConfig } from './config.ts';
export { ReadOnlyRefusal } from './guard.ts';
export { createDockerReader } from './reader.ts';
export * from './types.ts';
