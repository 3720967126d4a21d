import { createMemoryServer, type MemoryConnection } from './memory-server';
import { syncContract } from './contract';

syncContract('in memory', async () => {
  const server = createMemoryServer();
  return {
    connect: async (deviceId) => server.connect(deviceId),
    cutOff: async (backend) => (backend as MemoryConnection).setOnline(false),
    restore: async (backend) => (backend as MemoryConnection).setOnline(true),
  };
});
