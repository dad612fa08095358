/** Time and memory of the Bilan workbook on a catalogue (not a test: `/usr/bin/time -v npx tsx scripts/measure-bilan-export.ts FILE OUT.xlsx [SCOPE]`). */
import { openCatalogue } from '../src-main/catalogue/database.ts';
import { currentSettings } from '../src-main/services/settings.service.ts';
import { localCaller } from '../src-main/transport/local.ts';

const [path, out, scope = 'region'] = process.argv.slice(2);
const db = openCatalogue(path!, {});
const call = localCaller({ db, now: () => new Date() });
const campaignId = currentSettings(db).activeCampaignId!;
const started = Date.now();
const result = await call('spreadsheets.exportBilan', { campaignId, outputPath: out!, scope });
console.log(`${scope}: ${Date.now() - started} ms, ${result.document.bytes} bytes, sheets ${result.sheets.join(', ')}; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
db.close();
