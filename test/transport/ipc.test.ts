import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../src-main/transport/ipc.ts';

const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } as never });

describe('IPC sender check', () => {
  it('trusts only the app’s own top-level page', () => {
    expect(isTrustedSender(frame('app://synthese/index.html'))).toBe(true);
    expect(isTrustedSender(frame('app://synthese/index.html', {}))).toBe(false);
    expect(isTrustedSender(frame('https://evil.example/'))).toBe(false);
    expect(isTrustedSender(frame('file:///tmp/page.html'))).toBe(false);
    expect(isTrustedSender({ senderFrame: null as never })).toBe(false);
  });
});
