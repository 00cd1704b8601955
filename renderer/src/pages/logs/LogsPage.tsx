import { useEffect, useState } from 'react';
import { Card, Input, Segmented, Space, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { LogEntrySchema } from '../../../../main/api/contract/system.js';
import { useApi, useEvents } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LogLevelTag, LogMessage } from '../../components/LogLine.js';
import { formatDateTime } from '../../format/time.js';

type Entry = z.infer<typeof LogEntrySchema>;
type Level = Entry['level'];
const LEVELS: Level[] = ['error', 'warn', 'info', 'debug'];
const MAX_ROWS = 2000;

export function LogsPage() {
  const { t } = useTranslation('logs');
  const [minLevel, setMinLevel] = useState<Level>('info');
  const [search, setSearch] = useState('');
  const [live, setLive] = useState(true);
  const tail = useApi('logs.tail', { limit: 500, minLevel, ...(search ? { search } : {}) }, []);
  const [rows, setRows] = useState<Entry[]>([]);

  useEffect(() => {
    if (tail.data) setRows(tail.data.entries);
  }, [tail.data]);

  useEvents((event) => {
    if (!live || event.type !== 'log') return;
    const entry = event.entry;
    if (LEVELS.indexOf(entry.level) > LEVELS.indexOf(minLevel)) return;
    if (search && !`${entry.scope} ${entry.message}`.includes(search)) return;
    setRows((prev) => [...prev.slice(-(MAX_ROWS - 1)), entry]);
  });

  return (
    <Card>
      <ErrorAlert error={tail.error} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<Level> value={minLevel} onChange={setMinLevel} options={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} data-testid="log-level" />
        <Input.Search allowClear placeholder={t('search')} onSearch={setSearch} style={{ width: 260 }} />
        <Space>
          <Switch checked={live} onChange={setLive} />
          <Typography.Text>{t('live')}</Typography.Text>
        </Space>
      </Space>
      <Table<Entry>
        size="small"
        rowKey={(r) => `${r.time}|${r.scope}|${r.message}`}
        dataSource={[...rows].reverse()}
        loading={tail.loading && rows.length === 0}
        pagination={{ pageSize: 100, showSizeChanger: false }}
        data-testid="log-table"
        columns={[
          { title: t('time'), dataIndex: 'time', width: 190, render: (v: string) => formatDateTime(v) },
          { title: t('levelTitle'), dataIndex: 'level', width: 90, render: (v: Level) => <LogLevelTag level={v} label={t(`level.${v}`)} /> },
          { title: t('scope'), dataIndex: 'scope', width: 140 },
          {
            title: t('message'),
            dataIndex: 'message',
            render: (v: string, r) => <LogMessage message={v} context={r.context} />,
          },
        ]}
      />
    </Card>
  );
}
