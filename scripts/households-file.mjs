// The households and their secrets on disk (part of scripts/nats-config.mjs).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createUser } from '@nats-io/nkeys';
import { ensureDataDir, writePrivate } from './nats-config-files.mjs';
import { FILES } from './nats-settings.mjs';

// ——— the households' secrets: households.json ———

const seedOf = (pair) => new TextDecoder().decode(pair.getSeed());
export function newUserKey() {
  const pair = createUser();
  return { publicKey: pair.getPublicKey(), seed: seedOf(pair) };
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** 16 letters and digits, 80 random bits: a subject token, and an account and stream name. */
export function newHouseholdId() {
  return [...randomBytes(16)].map((b) => BASE32[b & 31]).join('');
}

/** A fresh AES-GCM-256 key, base64url. */
export const newEncryptionKey = () => randomBytes(32).toString('base64url');

export function newState() {
  return {
    version: 1,
    serverName: `basket-${newHouseholdId()}`,
    system: newUserKey(),
    households: [],
  };
}

/** The data folder's households (and their secrets), made on first use. */
export function readState(dir) {
  const path = join(dir, FILES.state);
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    const state = newState();
    ensureDataDir(dir);
    writeState(dir, state);
    return state;
  }
  const state = JSON.parse(text);
  if (state?.version !== 1 || !Array.isArray(state.households)) {
    throw new Error(`${path} is not a Basket households file`);
  }
  return state;
}

export function writeState(dir, state) {
  writePrivate(join(dir, FILES.state), `${JSON.stringify(state, null, 2)}\n`);
}

/** A household by its name (as given) or its id. */
export function findHousehold(state, nameOrId) {
  return (
    state.households.find((h) => h.name === nameOrId) ??
    state.households.find((h) => h.id === nameOrId)
  );
}
