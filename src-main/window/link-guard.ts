/** External links leave the app only as https: web pages or mailto: addresses, after parsing. */
export function isSafeExternalUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(url.pathname));
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}
