import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STANDARD_COLUMNS } from '../../../main/campaigns/input/columns.js';
import { campaignHarness } from '../../helpers/campaign-jobs.js';
import { startTestServer } from '../../helpers/headless.js';
import { readFixtureJson } from '../../helpers/fixtures.js';
import { waitFor } from '../../helpers/wait.js';

describe('campaigns API', () => {
  it('edits a configuration as a new version (who, when, what), refuses an invalid one naming the field, and the next run uses it', async () => {
    const h = await campaignHarness();
    const s = h.server;
    const shipped = await s.call('campaigns.config.get', { variant: 'BJ-2025-06' });
    expect(shipped.version).toBe(1);
    expect(shipped.settings.rules.tiered_rewards.tiers.map((t) => t.threshold)).toEqual([80000, 120000, 180000]);
    expect(shipped.settings.awardsMapping).toEqual({ 优秀奖: '400', 接好运: '36', 接好运万元以上: '66', 精英奖: '600', 达标奖: '200' });
    expect(shipped.settings.recipients).toEqual({ group: 'bj-ops-group', award: 'campaign-contact-bj' });

    const invalid = structuredClone(shipped.settings) as Record<string, unknown> & { rules: { tiered_rewards: { min_contracts: unknown } } };
    invalid.rules.tiered_rewards.min_contracts = 'six';
    const refused = await s.raw('campaigns.config.save', { variant: 'BJ-2025-06', settings: invalid, author: '王会计', baseVersion: 1 });
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_CONFIG_INVALID', context: { variant: 'BJ-2025-06', field: 'rules.tiered_rewards.min_contracts' } } });
    expect(!refused.body.ok && refused.body.error.message).toMatch(/campaign BJ-2025-06 is invalid: rules\.tiered_rewards\.min_contracts: /);
    const unknownKey = await s.raw('campaigns.config.save', { variant: 'BJ-2025-06', settings: { ...shipped.settings, cardId: 1 }, author: '王会计' });
    expect(unknownKey.body).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_CONFIG_INVALID' } });
    const unknownVariant = await s.raw('campaigns.config.get', { variant: 'BJ-2030-01' });
    expect(unknownVariant.body).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_UNKNOWN_VARIANT' } });

    const edited = structuredClone(shipped.settings);
    edited.rules.tiered_rewards.min_contracts = 1;
    edited.awardsMapping['达标奖'] = '250';
    const saved = await s.call('campaigns.config.save', { variant: 'BJ-2025-06', settings: edited, author: '王会计', note: '九月规则试行', baseVersion: 1 });
    expect(saved).toMatchObject({ version: 2, author: '王会计', note: '九月规则试行', changedFields: ['rules.tiered_rewards.min_contracts', 'awardsMapping.达标奖'] });
    const stale = await s.raw('campaigns.config.save', { variant: 'BJ-2025-06', settings: shipped.settings, author: '李出纳', baseVersion: 1 });
    expect(stale.body).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_CONFIG_CONFLICT' } });
    const history = await s.call('campaigns.config.history', { variant: 'BJ-2025-06' });
    expect(history.versions.map((v) => [v.version, v.author])).toEqual([
      [2, '王会计'],
      [1, 'herald'],
    ]);
    expect((await s.call('campaigns.config.version', { variant: 'BJ-2025-06', version: 1 })).settings).toEqual(shipped.settings);

    // C001 is 张三's first contract: with one contract required, 80,000 is what stands between him and 达标奖 (v1 printed the gap as a float).
    h.serve(1707, 'bj_scenario_A.json', STANDARD_COLUMNS);
    const run = await h.run('campaign-bj-2025-06');
    expect(run.status).toBe('succeeded');
    const first = (await s.call('outbox.list', { filter: { businessId: 'BJ-2025-06:C001', businessType: 'campaign.announcement' } })).items[0]!;
    expect((await s.call('outbox.get', { id: first.id })).message.content).toContain('👊 距离 达标奖 还需 75,000.0 元。');
    const list = await s.call('campaigns.list');
    expect(list.campaigns.find((c) => c.variant === 'BJ-2025-06')).toMatchObject({ jobId: 'campaign-bj-2025-06', configVersion: 2, contracts: readFixtureJson<unknown[]>('scenarios', 'bj_scenario_A.json').length, configProblem: null });
    expect(list.campaigns.find((c) => c.variant === 'BJ-2025-09@new')).toMatchObject({ jobId: null, pipeline: 'v1-db' });
  });

  it('pages and filters the ledger, shows progress, awards and days, and exports v1 columns to the data folder', async () => {
    const h = await campaignHarness();
    const s = h.server;
    h.serve(1707, 'bj_scenario_A_batch2.json', STANDARD_COLUMNS);
    expect((await h.run('campaign-bj-2025-06')).status).toBe('succeeded');
    await h.settled('campaign-bj-2025-06');

    const all = await s.call('campaigns.ledger', { variant: 'BJ-2025-06', pageSize: 5 });
    const input = readFixtureJson<Array<Record<string, unknown>>>('scenarios', 'bj_scenario_A_batch2.json');
    expect(all.total).toBe(input.length);
    expect(all.entries.map((e) => e.contractId)).toEqual(input.slice(0, 5).map((r) => r['合同ID(_id)']));
    expect(all.entries.every((e) => e.announced && e.businessId === `BJ-2025-06:${e.contractId}`)).toBe(true);
    const second = await s.call('campaigns.ledger', { variant: 'BJ-2025-06', page: 2, pageSize: 5 });
    expect(second.entries[0]!.contractId).toBe(input[5]!['合同ID(_id)']);

    const keeper = String(input[0]!['管家(serviceHousekeeper)']);
    const own = input.filter((r) => r['管家(serviceHousekeeper)'] === keeper);
    const byKeeper = await s.call('campaigns.ledger', { variant: 'BJ-2025-06', filter: { housekeeper: keeper }, pageSize: 500 });
    expect(byKeeper.entries.map((e) => e.contractId)).toEqual(own.map((r) => r['合同ID(_id)']));
    const day = String(input[0]!['签约时间(signedDate)']).slice(0, 10);
    const onDay = input.filter((r) => String(r['签约时间(signedDate)']).startsWith(day));
    expect((await s.call('campaigns.ledger', { variant: 'BJ-2025-06', filter: { from: day, to: day } })).total).toBe(onDay.length);
    const doc = String(input[3]!['合同编号(contractdocNum)']);
    expect((await s.call('campaigns.ledger', { variant: 'BJ-2025-06', filter: { text: doc.toLowerCase() } })).entries.map((e) => e.docNum)).toEqual([doc]);
    const rewarded = all.rewards[0]!;
    const withReward = await s.call('campaigns.ledger', { variant: 'BJ-2025-06', filter: { reward: rewarded }, pageSize: 500 });
    expect(withReward.total).toBeGreaterThan(0);
    expect(withReward.entries.every((e) => e.rewardNames.includes(rewarded))).toBe(true);

    const view = await s.call('campaigns.overview', { variant: 'BJ-2025-06' });
    expect(view.totals.contracts).toBe(input.length);
    expect(view.totals.amount).toBe(input.reduce((sum, r) => sum + Number(r['合同金额(adjustRefundMoney)']), 0));
    expect(view.daily.reduce((n, d) => n + d.contracts, 0)).toBe(input.length);
    const mine = view.progress.find((p) => p.housekeeper === keeper)!;
    expect(mine.contracts).toBe(own.length);
    expect(view.awards.filter((a) => a.name === rewarded)).toHaveLength(withReward.entries.filter((e) => e.rewardNames.includes(rewarded)).length);

    const exported = await s.call('campaigns.export', { variant: 'BJ-2025-06' });
    expect(path.dirname(exported.file)).toBe(path.join(s.dataDir, 'exports'));
    const csv = fs.readFileSync(exported.file, 'utf8');
    expect(csv.startsWith('\uFEFF活动编号,合同ID(_id),')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(input.length + 1);
    expect(exported.rows).toBe(input.length);
    expect((await s.call('campaigns.exportContent', { name: exported.name })).content).toBe(csv);
    const escape = await s.raw('campaigns.exportContent', { name: '../herald.sqlite' });
    expect(escape.body).toMatchObject({ ok: false, error: { code: 'EXPORT_NOT_FOUND' } });
  });

  it('lists the campaign recipients before they are configured, and a message to one fails saying so', async () => {
    const h = await campaignHarness({ route: false });
    const s = h.server;
    const { recipients } = await s.call('recipients.list');
    const group = recipients.find((r) => r.id === 'bj-ops-group')!;
    expect(group).toMatchObject({ configured: false, route: [], known: { name: { 'zh-CN': '（北京）修链服务运营' } } });
    expect(recipients.filter((r) => !r.configured).map((r) => r.id)).toEqual(
      expect.arrayContaining(['bj-ops-group', 'campaign-contact-bj', 'campaign-contact-sh', 'performance-broadcast-group', 'sh-ops-group', 'sign-broadcast-group']),
    );
    h.serve(1707, 'bj_scenario_A.json', STANDARD_COLUMNS);
    expect((await h.run('campaign-bj-2025-06')).status).toBe('succeeded');
    const dead = await waitFor(async () => {
      const list = await s.call('outbox.list', { filter: { recipient: 'bj-ops-group' } });
      return list.items.length > 0 && list.items.every((m) => m.status === 'dead') ? list.items : undefined;
    }, 'the announcements to fail');
    expect(dead[0]).toMatchObject({ lastErrorCode: 'RECIPIENT_NOT_CONFIGURED' });
    expect(dead[0]!.lastError).toMatch(/Recipient "bj-ops-group" \(（北京）修链服务运营 \/ .*\) is not configured yet: give it a route in Settings → Recipients/);
    await s.call('recipients.save', { id: 'bj-ops-group', name: '（北京）修链服务运营', route: [{ channel: 'DRY_RUN', address: 'x' }] });
    expect((await s.call('recipients.list')).recipients.find((r) => r.id === 'bj-ops-group')).toMatchObject({ configured: true, known: { name: { 'zh-CN': '（北京）修链服务运营' } } });
  });

  it('shows an empty campaign and a month of a broadcast without data', async () => {
    const s = await startTestServer();
    const view = await s.call('campaigns.overview', { variant: 'BJ-SIGN-BROADCAST', month: '2026-05' });
    expect(view).toMatchObject({ activityCode: 'BJ-SIGN-BROADCAST-2026-05', totals: { contracts: 0 }, progress: [], awards: [], daily: [] });
    const list = await s.call('campaigns.list');
    expect(list.campaigns.find((c) => c.variant === 'BJ-SIGN-BROADCAST')).toMatchObject({ monthly: true, months: [], jobId: 'bj-sign-broadcast' });
  });
});
