import { useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Badge, ConfigProvider, Layout, Menu, Space, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { pages } from './pages/registry.js';
import { useApi } from './api/hooks.js';
import { ErrorAlert } from './components/ErrorAlert.js';
import { cspNonce } from './csp.js';


function currentPage(): string {
  const key = window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return pages.some((p) => p.key === key) ? key : 'jobs';
}

const stateColor = { ok: 'green', failed: 'red', paused: 'gold' } as const;

export function App() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(currentPage);
  const settings = useApi('settings.get', undefined, ['settings']);
  const health = useApi('health', undefined, []);
  const status = useApi('status.get', undefined, ['status', 'runs', 'jobs', 'outbox']);

  useEffect(() => {
    const onHash = () => setPage(currentPage());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const language = settings.data?.language ?? 'zh-CN';
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language, i18n]);

  const Page = useMemo(() => pages.find((p) => p.key === page)?.component ?? pages[0]!.component, [page]);
  const state = status.data?.state;

  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} {...(cspNonce ? { csp: { nonce: cspNonce } } : {})}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Sider theme="light" width={190} breakpoint="lg">
            <Typography.Title level={4} style={{ padding: '16px 20px', margin: 0 }}>
              {t('appName')}
            </Typography.Title>
            <Menu
              mode="inline"
              selectedKeys={[page]}
              items={pages.map((p) => ({ key: p.key, icon: p.icon, label: <span data-testid={`nav-${p.key}`}>{t(`nav.${p.key}`)}</span> }))}
              onClick={({ key }) => {
                window.location.hash = `#/${key}`;
              }}
            />
          </Layout.Sider>
          <Layout>
            <Layout.Header style={{ background: 'transparent', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
                {t(`nav.${page}`)}
              </Typography.Title>
              <Space>
                {state ? <Badge color={stateColor[state]} text={<span data-testid="app-state">{t(`state.${state}`)}</span>} /> : null}
              </Space>
            </Layout.Header>
            <Layout.Content style={{ padding: '0 24px 24px' }}>
              <ErrorAlert error={health.error} />
              {health.data?.demo ? <Alert type="info" showIcon title={t('demoBanner')} style={{ marginBottom: 16 }} /> : null}
              {health.data && !health.data.integrity.ok ? (
                <Alert type="error" showIcon title={t('integrityProblem', { problem: health.data.integrity.problems[0] })} style={{ marginBottom: 16 }} />
              ) : null}
              <Page />
            </Layout.Content>
          </Layout>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
