/**
 * Times a synthesis's stages (source, build, render) for a région and the whole country on a catalogue
 * made by `demo-national`, as synthesis.generate runs them (render: `docx`'s parts; pack: the one reproducible zip)
 * (not a test: `npx tsx scripts/time-synthesis.ts FILE [REGION]`).
 */
import { openCatalogue } from '../src-main/catalogue/database.ts';
import { currentSettings } from '../src-main/services/settings.service.ts';
import { buildSynthesis } from '../src-main/synthesis/build.ts';
import { renderDocxParts } from '../src-main/synthesis/render-docx.ts';
import { loadSource } from '../src-main/synthesis/source.ts';
import { reproduciblePackage } from '../src-main/synthesis/deterministic-pack.ts';

const [path, region = 'NAQ'] = process.argv.slice(2);
const db = openCatalogue(path!, {});
const campaignId = currentSettings(db).activeCampaignId!;
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
for (const scope of ['region', 'national', 'region', 'national', 'region', 'region', 'region'] as const) {
  let t = process.hrtime.bigint();
  const source = loadSource(db, { campaignId, scope, regionCode: region });
  const load = ms(t);
  t = process.hrtime.bigint();
  const doc = buildSynthesis(source);
  const build = ms(t);
  t = process.hrtime.bigint();
  const parts = await renderDocxParts(doc, null);
  const render = ms(t);
  t = process.hrtime.bigint();
  const packed = reproduciblePackage(parts, new Date('2020-11-30T12:00:00Z'));
  const pack = ms(t);
  console.log(`${scope.padEnd(8)} source ${load.toFixed(0)} ms, build ${build.toFixed(0)} ms, render ${render.toFixed(0)} ms, pack ${pack.toFixed(0)} ms, total ${(load + build + render + pack).toFixed(0)} ms; ${source.contributions.length} contributions, ${source.retex.length} retex, ${doc.blocks.length} blocks, ${packed.length} bytes`);
}
db.close();
