import { describe, expect, it } from 'vitest';
import { ContactTimeoutRowError, contactTimeoutCard, contactTimeoutItem } from '../../../../main/monitors/transforms/contact-timeout.js';

describe('contact-timeout template card (spec §7.6)', () => {
  const now = Date.parse('2024-06-10T10:00:00Z') * 1000;

  it('lists the last 6 characters of the order, the housekeeper, the assignment hour and the time elapsed', () => {
    expect(contactTimeoutItem(['GD2024060112345', null, '王师傅', '2024-06-08T15:30:00+0800'], 1, now)).toEqual({
      keyname: '01. 单号',
      value: '112345，王师傅，2024-06-08 15，超：2天 2小时',
    });
    expect(() => contactTimeoutItem(['GD1', null, '王', '2024-06-08 15:30'], 1, now)).toThrow(ContactTimeoutRowError);
  });

  it('builds the text_notice card with the total and the Metabase links', () => {
    const card = contactTimeoutCard([{ keyname: '01. 单号', value: 'v' }], 9, 'http://mb:3000/');
    expect(card).toMatchObject({
      card_type: 'text_notice',
      source: { icon_url: 'http://mb:3000/app/assets/img/favicon.ico', desc: '修链Metabase', desc_color: 0 },
      main_title: { title: '联系超时汇总（上周）报告', desc: '超时时间的规则为1小时以内，晚上10点后的工单，第二天上午8点前需要联系...' },
      emphasis_content: { title: '9', desc: '联系超时汇总（上周）共计' },
      jump_list: [{ type: 1, url: 'http://mb:3000/question/980', title: '超时工单列表' }],
      card_action: { type: 1, url: 'http://mb:3000/question/980' },
    });
  });
});
