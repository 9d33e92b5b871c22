import { createHash } from 'node:crypto';

/** Hex SHA-256: session and API tokens are stored only as this, so a copied database signs no one in. */
export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
