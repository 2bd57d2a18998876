import type Docker from 'dockerode';

/** A container as GET /containers/json lists it: a running one, with `over` on top. */
export function containerInfo(over: Partial<Docker.ContainerInfo> = {}): Docker.ContainerInfo {
  return {
    Id: 'f'.repeat(64),
    Names: ['/x'],
    Image: 'app:1',
    ImageID: 'sha256:1',
    Command: 'run',
    Created: 1,
    Ports: [],
    Labels: {},
    State: 'running',
    Status: 'Up 1 second',
    HostConfig: { NetworkMode: 'none' },
    NetworkSettings: { Networks: {} },
    Mounts: [],
    ...over,
  } as Docker.ContainerInfo;
}
