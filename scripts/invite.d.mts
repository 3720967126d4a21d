// Types for invite.mjs (the CLI's side of the invite link; src/sync/invite.ts is the browser's).

export interface CliInvite {
  server: string;
  household: string;
  name: string;
  seed: string;
  key: string;
}

export declare const INVITE_VERSION: 1;
export declare function encodeInvite(app: string, invite: CliInvite): string;
export declare function decodeInvite(link: string): CliInvite & { v: 1 };
