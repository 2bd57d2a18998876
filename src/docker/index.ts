export { readDockerConfig } from './config.ts';
export { createDockerReader } from './reader.ts';
export * from './types.ts';
