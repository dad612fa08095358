// Screenshot of a page in Debian's Chromium (never a downloaded browser), for looking at a screen:
//   node scripts/screenshot.mjs "http://127.0.0.1:5280/#token=…" out.png ["#/rencontres"]
import { chromium } from 'playwright-core';

const [url, out, hash] = process.argv.slice(2);
if (!url || !out) {
  console.error('Usage : node scripts/screenshot.mjs ADRESSE FICHIER.png [#/ecran]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors = [];
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(url);
if (hash) {
  await page.waitForTimeout(300);
  await page.evaluate((h) => (window.location.hash = h), hash);
}
await page.waitForTimeout(1200);
await page.screenshot({ path: out, fullPage: true });
if (errors.length) console.error(`Erreurs de la page :\n${errors.join('\n')}`);
await browser.close();
