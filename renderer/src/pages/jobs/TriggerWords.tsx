import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../main/api/contract/index.js';

type Trigger = MethodOutput<'jobs.list'>['jobs'][number]['triggers'][number];

/** "每天 09:00", "08:00–23:30 每 30 分钟", "每 3 分钟", "手动": a job's triggers in the user's language. */
export function TriggerWords({ triggers, testId }: { triggers: Trigger[]; testId?: string }) {
  const { t } = useTranslation('jobs');
  if (triggers.length === 0) return <Tag data-testid={testId}>{t('trigger.manual')}</Tag>;
  return (
    <Space size={4} wrap data-testid={testId}>
      {triggers.map(({ words }, i) => {
        const { timeZone, weekdays, ...params } = words.params;
        const days = typeof weekdays === 'string' ? weekdays.split(',').map((d) => t(`weekday.${d}`)).join(t('weekday.separator')) : undefined;
        const text = t(`trigger.${words.key}`, { ...params, ...(days ? { days } : {}) });
        return <Tag key={i}>{timeZone ? `${text}${t('trigger.zone', { timeZone })}` : text}</Tag>;
      })}
    </Space>
  );
}
