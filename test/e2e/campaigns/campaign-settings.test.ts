import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/headless.js';
import { goToPage, openHerald } from '../../helpers/browser.js';

describe('Settings → Campaigns and Recipients', () => {
  it('saves an edited lucky digit as a new version with its author, and refuses invalid JSON naming the field', async () => {
    const s = await startTestServer();
    const { page, problems } = await openHerald(s.server);
    await goToPage(page, 'settings');
    await page.getByTestId('tab-campaigns').click();
    await page.getByTestId('config-version').waitFor();
    expect(await page.getByTestId('config-version').innerText()).toContain('1');

    // The default campaign is the 2026 sign broadcast: announcement only, tiers empty; edit the lucky digit.
    await page.getByTestId('config-lucky-number').fill('7');
    await page.getByTestId('config-author').fill('王会计');
    await page.getByTestId('config-note').fill('试用幸运数字 7');
    await page.getByTestId('config-save').click();
    await page.getByTestId('config-version').getByText('2').waitFor();
    const saved = await s.call('campaigns.config.get', { variant: 'BJ-SIGN-BROADCAST' });
    expect(saved).toMatchObject({ version: 2, settings: { rules: { lucky_number: '7' } } });
    const history = await s.call('campaigns.config.history', { variant: 'BJ-SIGN-BROADCAST' });
    expect(history.versions[0]).toMatchObject({ version: 2, author: '王会计', note: '试用幸运数字 7', changedFields: ['rules.lucky_number'] });
    await page.getByTestId('config-history').getByText('rules.lucky_number').waitFor();

    await page.getByTestId('config-mode').getByText('JSON').click();
    const json = page.getByTestId('config-json');
    const text = await json.inputValue();
    await json.fill(text.replace('"lucky_number": "7"', '"lucky_number": "77"'));
    await page.getByTestId('config-save').click();
    const problem = page.getByTestId('config-problem');
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/rules\.lucky_number/);
    expect((await s.call('campaigns.config.get', { variant: 'BJ-SIGN-BROADCAST' })).version).toBe(2);
    expect(problems).toEqual([]);
  });

  it('lists the campaign recipients before anyone configured them', async () => {
    const s = await startTestServer();
    const { page, problems } = await openHerald(s.server);
    await goToPage(page, 'settings');
    await page.getByTestId('tab-recipients').click();
    const mark = page.getByTestId('recipient-unconfigured-bj-ops-group');
    await mark.waitFor();
    expect(await mark.locator('xpath=ancestor::tr').innerText()).toContain('（北京）修链服务运营');
    await page.getByTestId('recipient-edit-bj-ops-group').click();
    expect(await page.getByTestId('recipient-name').inputValue()).toBe('（北京）修链服务运营');
    expect(problems).toEqual([]);
  });
});
