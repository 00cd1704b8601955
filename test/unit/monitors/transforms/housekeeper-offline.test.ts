import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { normalizeText, offlineDrafts, offlineFingerprint, offlineText } from '../../../../main/monitors/transforms/housekeeper-offline.js';

const NOW_US = Date.parse('2026-07-01T09:30:00Z') * 1000;
const cols = [{ name: 'eventId', display_name: '事件ID' }, { name: 'createTime' }, { name: 'createUserName' }, { name: '动作' }];

describe('housekeeper offline (v1 vectors §7.4)', () => {
  it('formats the event in Asia/Shanghai', () => {
    const result = offlineDrafts({ cols, rows: [['event-1', '2026-07-01T17:19:09.72+08:00', '张三', ['下线']]] }, NOW_US, 60, 'group');
    expect(result.drafts.map((d) => d.content)).toEqual([{ kind: 'text', text: '管家【张三】于【2026-07-01 17:19:09】【下线】了。' }]);
    expect(offlineText('李四', '上线', Date.parse('2026-07-01T10:05:00Z') * 1000)).toBe('管家【李四】于【2026-07-01 18:05:00】【上线】了。');
  });

  it('counts an event older than the lookback as stale and one without name/operation/time as invalid', () => {
    const result = offlineDrafts(
      { cols, rows: [['e1', '2026-07-01T17:19:09+08:00', '张三', '下线'], ['e2', '2025-09-23T10:00:00+08:00', '李四', '上线'], ['e3', null, '王五', '下线'], ['e4', '2026-07-01T17:20:00+08:00', '  ', '下线']] },
      NOW_US,
      60,
      'group',
    );
    expect([result.valid, result.stale, result.invalid.length]).toEqual([1, 1, 2]);
    expect(result.invalid.map((i) => i.column)).toEqual(['createTime', 'createUserName']);
  });

  it('includes an event exactly at the cutoff and reads naive times as UTC', () => {
    const result = offlineDrafts({ cols, rows: [['e1', '2026-07-01T08:30:00', '甲', '下线'], ['e2', '2026-07-01T08:29:59', '乙', '下线']] }, NOW_US, 60, 'group');
    expect(result.drafts).toHaveLength(1);
    expect(result.stale).toBe(1);
  });

  it('joins list operations with 、 and drops blank items; prefers `operation` over 动作', () => {
    expect(normalizeText([' 下线 ', '', '离线'])).toBe('下线、离线');
    expect(normalizeText([null])).toBe('None');
    const result = offlineDrafts({ cols: [{ name: 'createTime' }, { name: 'createUserName' }, { name: 'Operation' }, { name: '动作' }], rows: [['2026-07-01T09:00:00Z', '甲', '上线', '下线']] }, NOW_US, 60, 'g');
    expect(result.drafts[0]?.content).toEqual({ kind: 'text', text: '管家【甲】于【2026-07-01 17:00:00】【上线】了。' });
  });

  it('identifies an event by the SHA-256 of the positional row as json.dumps printed it', () => {
    const row = ['9a658e009620dfe22eb76f3c', '2026-07-16T10:41:20', '李炜坤', [' 下线 ', '']];
    expect(offlineFingerprint(row)).toBe(createHash('sha256').update('["9a658e009620dfe22eb76f3c", "2026-07-16T10:41:20", "李炜坤", [" 下线 ", ""]]').digest('hex'));
  });
});
