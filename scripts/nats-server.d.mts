// Types for nats-server.mjs, for the TypeScript that shares it (src/sync/nats/harness.ts).
import type { ChildProcess } from 'node:child_process';
import type { ServerLimits, SyncSettings } from './nats-config.mjs';

export declare class SyncServerError extends Error {}

export interface ServerRecord {
  pid: number;
  serverName: string;
  host: string;
  port: number;
  wsPort: number;
  httpPort: number;
  wsUrl: string;
  natsUrl: string;
  startedAt: string;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

export interface RunningServer extends ServerRecord {
  child: ChildProcess;
  exited: Promise<Exit>;
  stop(): Promise<Exit>;
  kill(): Promise<Exit>;
}

export declare function logTail(dir: string, lines?: number): string;
export declare function healthy(httpPort: number): Promise<boolean>;
export declare function runningServer(dir: string): Promise<ServerRecord | undefined>;
export declare function launchServer(
  settings: SyncSettings,
  options?: { env?: Record<string, string | undefined>; limits?: ServerLimits },
): Promise<RunningServer>;
export declare function reloadServer(record: ServerRecord): void;
