// Peers live in bench/train/peers/node_modules, apart from the course's own dependencies
// (brain.js pulls native GPU packages). A missing one raises PeerMissing, which the
// harness turns into a "skipped" cell with the install command.

import { createRequire } from 'node:module';

const require = createRequire(new URL('./package.json', import.meta.url));

export class PeerMissing extends Error {}

export function requirePeer(name: string) {
  try {
    return require(name);
  } catch (error) {
    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND') {
      throw new PeerMissing(`${name} is not installed: run npm install --prefix bench/train/peers`);
    }
    throw error;
  }
}
