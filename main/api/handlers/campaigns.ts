import type { Herald } from '../../core/herald.js';
import type { HandlersOf } from '../dispatcher.js';
import type { campaignsMethods } from '../contract/campaigns.js';
import { getCampaign, listVariants } from '../../campaigns/configs/index.js';
import { campaignJobId } from '../../campaigns/job.js';
import { configHistory, configVersion, currentConfig, saveConfig } from '../../campaigns/store/config-store.js';
import { storedMonths } from '../../campaigns/views.js';
import { campaignView } from '../../campaigns/view-in-worker.js';
import { exportLedgerFile, readExport } from '../../campaigns/export-file.js';
import { jobsFor } from '../../jobs/service.js';

export function campaignsHandlers(herald: Herald): HandlersOf<typeof campaignsMethods> {
  const jobExists = (id: string): boolean => {
    try {
      return jobsFor(herald).jobs.has(id);
    } catch {
      return false;
    }
  };
  // September's two pipelines share an activity code; each counts its own table. Two counts, not
  // one with `OR … LIKE`: the equality is answered from the activity index (a LIKE is a scan of every
  // row — of 100,000 contracts, per campaign), and the two never match the same code.
  const countRows = (pipeline: 'v1-ledger' | 'v1-db', code: string, monthlyCodes: string): number => {
    const table = pipeline === 'v1-ledger' ? 'campaign_ledger' : 'campaign_performance_data';
    const count = (where: string, param: string) => (herald.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get(param) as { n: number }).n;
    return count('activity_code = ?', code) + (monthlyCodes ? count('activity_code LIKE ?', monthlyCodes) : 0);
  };

  return {
    'campaigns.list': () => ({
      campaigns: listVariants().map((id) => {
        const campaign = getCampaign(id);
        const { variant } = campaign;
        const monthly = variant.activityCode.includes('{YYYY-MM}');
        const jobId = campaignJobId(id);
        let configVersionNumber = 1;
        let configProblem: string | null = null;
        try {
          configVersionNumber = currentConfig(herald.db, id).version;
        } catch (err) {
          configProblem = (err as Error).message;
        }
        const monthlyCodes = monthly ? `${variant.activityCode.replace('{YYYY-MM}', '')}____-__` : '';
        return {
          variant: id,
          title: variant.title,
          city: variant.city,
          pipeline: variant.pipeline,
          jobId: jobExists(jobId) ? jobId : null,
          activityCode: variant.activityCode,
          monthly,
          months: storedMonths(herald.db, campaign),
          contracts: countRows(variant.pipeline, variant.activityCode, monthlyCodes),
          configVersion: configVersionNumber,
          configProblem,
        };
      }),
    }),
    'campaigns.ledger': ({ variant, month, filter, page, pageSize }) =>
      campaignView(herald.db, herald.paths.dbFile, { kind: 'ledger', variant, ...(month ? { month } : {}), now: herald.clock.now(), filter, page, pageSize }),
    'campaigns.overview': ({ variant, month }) => campaignView(herald.db, herald.paths.dbFile, { kind: 'overview', variant, ...(month ? { month } : {}), now: herald.clock.now() }),
    'campaigns.export': ({ variant, month }) => {
      const exported = exportLedgerFile(herald.db, herald.paths.dataDir, variant, month, new Date(herald.clock.now()));
      herald.log.info('Campaign ledger exported', { variant, rows: exported.rows, file: exported.file });
      return exported;
    },
    'campaigns.exportContent': ({ name }) => ({ name, content: readExport(herald.paths.dataDir, name) }),
    'campaigns.config.get': ({ variant }) => {
      const current = currentConfig(herald.db, variant);
      return { variant, version: current.version, settings: current.settings };
    },
    'campaigns.config.version': ({ variant, version }) => ({ variant, version, settings: configVersion(herald.db, variant, version).settings }),
    'campaigns.config.history': ({ variant }) => ({ versions: configHistory(herald.db, variant) }),
    'campaigns.config.save': ({ variant, settings, author, note, baseVersion }) => {
      const saved = saveConfig(herald.db, { variantId: variant, settings, author, note, ...(baseVersion !== undefined ? { baseVersion } : {}), now: herald.clock.now() });
      herald.log.info('Campaign configuration changed', { variant, version: saved.version, author, fields: saved.changedFields.join(', ') });
      herald.events.invalidate('campaigns');
      return { version: saved.version, author: saved.author, note: saved.note, changedFields: saved.changedFields, createdAt: saved.createdAt, problem: null };
    },
  };
}
