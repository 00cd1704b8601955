import { App, Button, Card, Descriptions, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { useApi } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LANGUAGES } from '../../i18n/index.js';

export function GeneralSettings() {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const settings = useApi('settings.get', undefined, ['settings']);
  const health = useApi('health', undefined, []);
  const isApp = health.data?.mode === 'app';

  const save = async (patch: Parameters<typeof call<'settings.set'>>[1]) => {
    try {
      await call('settings.set', patch);
      message.success(t('saved'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const exportDiagnostics = async () => {
    try {
      const r = await call('diagnostics.export');
      message.success(t('diagnostics.done', { file: r.file }));
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Card>
      <ErrorAlert error={settings.error} />
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label={t('language')}>
          <Select
            data-testid="language-select"
            style={{ width: 200 }}
            value={settings.data?.language}
            onChange={(language) => void save({ language })}
            options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('startAtLogin')}>
          <Switch checked={settings.data?.startAtLogin ?? false} disabled={!isApp} onChange={(startAtLogin) => void save({ startAtLogin })} />
          {!isApp ? <span style={{ marginLeft: 12 }}>{t('startAtLoginAppOnly')}</span> : null}
        </Descriptions.Item>
        {(['messageRetentionDays', 'runRetentionDays'] as const).map((key) => (
          <Descriptions.Item key={key} label={t(`retention.${key}`)}>
            <Space>
              {/* Keyed by the stored value: a save (or another window's change) shows the new number. */}
              <InputNumber
                key={settings.data?.[key]}
                min={1}
                max={3650}
                precision={0}
                defaultValue={settings.data?.[key]}
                data-testid={`setting-${key}`}
                onBlur={(e) => {
                  const days = Number(e.target.value);
                  if (Number.isInteger(days) && days >= 1 && days <= 3650 && days !== settings.data?.[key]) void save({ [key]: days });
                }}
              />
              <span>{t(`retention.${key}Help`)}</span>
            </Space>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('dataDir')}>
          <code data-testid="data-dir">{health.data?.dataDir}</code>
          {isApp ? (
            <Button size="small" style={{ marginLeft: 12 }} onClick={() => void call('app.openPath', { target: 'data' })}>
              {t('open')}
            </Button>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('logsDir')}>
          <code>{health.data?.logsDir}</code>
        </Descriptions.Item>
        <Descriptions.Item label={t('version')}>
          {health.data?.version} · {t('schema')} {health.data?.schemaVersion} · {health.data?.mode}
        </Descriptions.Item>
        <Descriptions.Item label={t('diagnostics.title')}>
          <Button onClick={() => void exportDiagnostics()} data-testid="export-diagnostics">
            {t('diagnostics.export')}
          </Button>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
