/** Each catalogue signs its bundles with its own Ed25519 key (node:crypto); receivers pin the public key. */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';

export interface KeyPair {
  publicKey: string;
  privateKey: string;
}

export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export function signDigest(digest: Buffer, privateKeyPem: string): string {
  return sign(null, digest, createPrivateKey(privateKeyPem)).toString('base64');
}

/** False for a wrong signature and for a key that is not an Ed25519 public key. */
export function verifyDigest(digest: Buffer, signature: string, publicKeyPem: string): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, digest, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** « 3F2A 91C0 7B44 »: enough of the key's hash to compare aloud with the sender. */
export function fingerprint(publicKeyPem: string): string {
  const hex = createHash('sha256').update(publicKeyPem.trim()).digest('hex').toUpperCase();
  return `${hex.slice(0, 4)} ${hex.slice(4, 8)} ${hex.slice(8, 12)} ${hex.slice(12, 16)}`;
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}
