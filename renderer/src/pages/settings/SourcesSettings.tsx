import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../../main/api/contract/index.js';
import { call } from '../../api/client.js';
import { useApi } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime, formatDuration } from '../../format/time.js';
import { SourceCardsTable } from './SourceCardsTable.js';

interface FormValues {
  url: string;
  username: string;
  password: string;
  timeoutSeconds: number;
}

type TestResult = MethodOutput<'sources.test'>;

/** Settings → Data sources: the Metabase server and account, a connection test, the card of each job. */
export function SourcesSettings() {
  const { t } = useTranslation('sources');
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const settings = useApi('sources.get', undefined, ['sources']);
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [testCard, setTestCard] = useState<number | null>(null);
  const [result, setResult] = useState<TestResult>();

  useEffect(() => {
    if (!settings.data) return;
    form.setFieldsValue({ url: settings.data.url, username: settings.data.username, password: '', timeoutSeconds: settings.data.timeoutMs / 1000 });
  }, [settings.data, form]);

  /** The form as API fields; an empty password means "keep the stored one". */
  const fields = (values: FormValues) => ({
    url: values.url ?? '',
    username: values.username ?? '',
    ...(values.password ? { password: values.password } : {}),
    timeoutMs: Math.round((values.timeoutSeconds ?? 30) * 1000),
  });

  const save = async (values: FormValues) => {
    setSaving(true);
    try {
      await call('sources.set', fields(values));
      form.setFieldValue('password', '');
      message.success(t('saved'));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const test = async () => {
    setTesting(true);
    setResult(undefined);
    try {
      const values = form.getFieldsValue();
      const f = fields(values);
      const input: MethodInput<'sources.test'> = {
        ...(f.url ? { url: f.url } : {}),
        ...(f.username ? { username: f.username } : {}),
        ...(f.password ? { password: f.password } : {}),
        timeoutMs: f.timeoutMs,
        ...(testCard ? { cardId: testCard } : {}),
      };
      setResult(await call('sources.test', input));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setTesting(false);
    }
  };

  const session = settings.data?.session;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('metabase.title')}>
        <ErrorAlert error={settings.error} />
        <Typography.Paragraph type="secondary">{t('metabase.intro')}</Typography.Paragraph>
        <Form<FormValues> form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 560 }}>
          <Form.Item name="url" label={t('metabase.url')} extra={t('metabase.urlHelp')}>
            <Input placeholder="http://metabase.example:3000" data-testid="sources-url" />
          </Form.Item>
          <Form.Item name="username" label={t('metabase.username')}>
            <Input autoComplete="off" data-testid="sources-username" />
          </Form.Item>
          <Form.Item name="password" label={t('metabase.password')} extra={settings.data?.passwordSet ? t('metabase.passwordKept') : undefined}>
            <Input.Password
              autoComplete="new-password"
              placeholder={settings.data?.passwordSet ? settings.data.password : t('metabase.passwordEmpty')}
              data-testid="sources-password"
            />
          </Form.Item>
          <Form.Item name="timeoutSeconds" label={t('metabase.timeout')}>
            <InputNumber min={1} max={600} suffix={t('metabase.seconds')} data-testid="sources-timeout" />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="sources-save">
              {t('metabase.save')}
            </Button>
            <InputNumber<number>
              min={1}
              placeholder={t('test.cardPlaceholder')}
              value={testCard}
              onChange={setTestCard}
              style={{ width: 180 }}
              data-testid="sources-test-card"
            />
            <Button onClick={() => void test()} loading={testing} data-testid="sources-test">
              {t('test.button')}
            </Button>
          </Space>
        </Form>
        <div style={{ marginTop: 16 }}>
          <Typography.Text type="secondary" data-testid="sources-session">
            {session?.active ? t('session.active', { loggedInAt: formatDateTime(session.loggedInAt), expiresAt: formatDateTime(session.expiresAt) }) : t('session.none')}
          </Typography.Text>
        </div>
        {result ? <TestResultAlert result={result} /> : null}
      </Card>
      <SourceCardsTable />
    </Space>
  );
}

function TestResultAlert({ result }: { result: TestResult }) {
  const { t } = useTranslation('sources');
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginTop: 16 }}
        data-testid="sources-test-result"
        title={t('test.ok', { card: result.cardId, rows: result.rows, columns: result.columns, server: result.server })}
        description={
          <>
            <div>{t('test.timing', { login: formatDuration(result.loginMs), query: formatDuration(result.queryMs), total: formatDuration(result.totalMs) })}</div>
            <div>
              {t('test.columns')}: <code>{result.columnNames.join(', ')}</code>
            </div>
          </>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginTop: 16 }}
      data-testid="sources-test-result"
      title={t(`errors.${result.error.code}`, { defaultValue: t('test.failed') })}
      description={
        <>
          <div data-testid="sources-test-error">{result.error.message}</div>
          <Typography.Text type="secondary">
            {result.error.code} · {formatDuration(result.totalMs)}
          </Typography.Text>
        </>
      }
    />
  );
}
