// Types for household-admin.mjs, for the TypeScript that shares it (src/sync/nats/harness.ts).
import type { NatsConnection } from '@nats-io/nats-core';
import type { NodeConnectionOptions } from '@nats-io/transport-node';
import type { StoredHousehold } from './nats-config.mjs';
import type { ServerRecord } from './nats-server.mjs';

export declare class HouseholdError extends Error {}

export declare function connectAdmin(
  server: ServerRecord,
  household: StoredHousehold,
  options?: Partial<NodeConnectionOptions>,
): Promise<NatsConnection>;
export declare function createHousehold(options: {
  dir: string;
  name: string;
  app?: string;
}): Promise<{ household: StoredHousehold; link: string }>;
export declare function inviteLink(options: {
  dir: string;
  nameOrId: string;
  app?: string;
}): Promise<string>;
export declare function listHouseholds(options: {
  dir: string;
}): { id: string; name: string; createdAt: string }[];
export declare function removeHousehold(options: {
  dir: string;
  nameOrId: string;
}): Promise<{ id: string; name: string }>;
