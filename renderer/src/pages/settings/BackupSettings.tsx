import { App, Button, Card, Popconfirm, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { useApi } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatBytes, formatDateTime } from '../../format/time.js';

export function BackupSettings() {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const backups = useApi('db.backups', undefined, ['settings']);

  const backupNow = async () => {
    try {
      const b = await call('db.backup');
      message.success(t('backups.done', { name: b.name }));
      backups.reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const restore = async (name: string) => {
    try {
      const r = await call('db.restore', { name });
      message.success(t('backups.restored', { name: r.restoredFrom, safety: r.safetyCopy }));
      backups.reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Card>
      <ErrorAlert error={backups.error} />
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => void backupNow()} data-testid="backup-now">
          {t('backups.now')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey="name"
        loading={backups.loading}
        dataSource={backups.data?.backups ?? []}
        data-testid="backup-table"
        columns={[
          { title: t('backups.name'), dataIndex: 'name' },
          { title: t('backups.created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: t('backups.size'), dataIndex: 'sizeBytes', render: (v: number) => formatBytes(v) },
          {
            title: '',
            key: 'restore',
            render: (_: unknown, row: { name: string }) => (
              <Popconfirm title={t('backups.confirmRestore')} onConfirm={() => void restore(row.name)} okText={t('backups.restore')}>
                <Button size="small" danger data-testid={`restore-${row.name}`}>
                  {t('backups.restore')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
