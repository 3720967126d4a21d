// @vitest-environment node
/**
 * The invite link has two writers and readers: the household CLI (scripts/invite.mjs, Node) and
 * the browser (src/sync/invite.ts). They must agree byte for byte.
 */
import { describe, expect, test } from 'vitest';
import * as cli from '../../../scripts/invite.mjs';
import { newEncryptionKey, newHouseholdId, newUserKey } from '../../../scripts/nats-config.mjs';
import { decodeInvite, encodeInvite, fromBase64Url, toBase64Url, type Invite } from '../invite';

const anInvite = (name = 'Smith family'): Invite => ({
  server: 'ws://127.0.0.1:4323',
  household: newHouseholdId(),
  name,
  seed: newUserKey().seed,
  key: newEncryptionKey(),
});

describe('the invite link', () => {
  test('the CLI and the browser write the same link, and each reads the other’s', () => {
    for (const name of ['Smith family', 'Familie Müller 🛒', '张家', 'a "quoted" & <odd> one']) {
      const invite = anInvite(name);
      const fromCli = cli.encodeInvite('http://localhost:4173/', invite);
      const fromBrowser = encodeInvite('http://localhost:4173/', invite);
      expect(fromBrowser).toBe(fromCli);
      expect(decodeInvite(fromCli)).toEqual({ ok: true, invite });
      expect(cli.decodeInvite(fromBrowser)).toEqual({ v: 1, ...invite });
    }
  });

  test('everything a device needs is after the #, so it never reaches a web server', () => {
    const invite = anInvite();
    const link = cli.encodeInvite('https://basket.example.org/app/?from=mail#old', invite);
    const url = new URL(link);
    expect(url.origin + url.pathname + url.search).toBe(
      'https://basket.example.org/app/?from=mail',
    );
    expect(url.hash).toMatch(/^#join=[A-Za-z0-9_-]+$/);
    for (const secret of [invite.seed, invite.key, invite.household]) {
      expect(link.slice(0, link.indexOf('#'))).not.toContain(secret);
    }
    expect(decodeInvite(url.hash)).toEqual({ ok: true, invite });
    expect(decodeInvite(`  ${url.hash.slice(1)}\n`)).toEqual({ ok: true, invite });
  });

  test('a text with no invite, a damaged one or one from a newer Basket is told apart', () => {
    const json = (value: unknown) =>
      `http://localhost:4173/#join=${toBase64Url(new TextEncoder().encode(JSON.stringify(value)))}`;
    const good = { v: 1, ...anInvite() };
    expect(decodeInvite('http://localhost:4173/')).toEqual({ ok: false, problem: 'none' });
    expect(decodeInvite('http://localhost:4173/#list=x')).toEqual({ ok: false, problem: 'none' });
    expect(decodeInvite('#join=***')).toEqual({ ok: false, problem: 'damaged' });
    expect(decodeInvite('#join=e')).toEqual({ ok: false, problem: 'damaged' });
    expect(decodeInvite(`#join=${toBase64Url(Uint8Array.of(0xff, 0xfe))}`)).toEqual({
      ok: false,
      problem: 'damaged',
    });
    expect(decodeInvite(json({ ...good, v: 2 }))).toEqual({ ok: false, problem: 'newer' });
    for (const broken of [
      { ...good, seed: 'SAxyz' },
      { ...good, key: 'short' },
      { ...good, server: 'http://127.0.0.1:4323' },
      { ...good, household: 'HH.with.dots' },
      { ...good, name: '  ' },
      { ...good, name: 'x'.repeat(101) },
      { ...good, v: undefined },
      null,
    ]) {
      expect(decodeInvite(json(broken)), JSON.stringify(broken)).toEqual({
        ok: false,
        problem: 'damaged',
      });
    }
  });

  test('base64url both ways, as Node writes it', () => {
    for (const length of [0, 1, 2, 3, 31, 32, 33]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 251) % 256);
      const text = Buffer.from(bytes).toString('base64url');
      expect(toBase64Url(bytes)).toBe(text);
      expect(fromBase64Url(text)).toEqual(bytes);
    }
    expect(fromBase64Url('a+b/')).toBeUndefined();
  });
});
