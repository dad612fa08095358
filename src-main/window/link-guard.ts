/** External links leave the app only as https: web pages or mailto: addresses, after parsing. */
export function isSafeExternalUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') {
    try {
      return /^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(url.pathname));
    } catch {
      return false; // a malformed escape ("%E0"): not an address to open
    }
  }
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}
