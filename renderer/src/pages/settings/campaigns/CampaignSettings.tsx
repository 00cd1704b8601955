import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../../main/api/contract/index.js';
import { ApiCallError, call } from '../../../api/client.js';
import { useApi } from '../../../api/hooks.js';
import { useAction } from '../../../api/useAction.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDateTime } from '../../../format/time.js';
import { useTitle } from '../../runs/shared.js';
import { CampaignForm } from './CampaignForm.js';
import { fromForm, toForm, type FormValues, type Settings } from './document.js';

type Version = MethodOutput<'campaigns.config.history'>['versions'][number];
const AUTHOR_KEY = 'herald.campaigns.author';

/**
 * Settings → Campaigns: a campaign's configuration edited as a form or as JSON, validated by the
 * engine when saved (the error names the field), stored as a new version with who, when and why;
 * the version history can show any version and load it for saving again.
 */
export function CampaignSettings() {
  const { t } = useTranslation('campaigns');
  const title = useTitle();
  const act = useAction();
  const [form] = Form.useForm<FormValues>();
  const campaigns = useApi('campaigns.list', undefined, ['campaigns']);
  const recipients = useApi('recipients.list', undefined, ['channels']);
  const [variant, setVariant] = useState<string>();
  const current = variant ?? campaigns.data?.campaigns.find((c) => c.jobId === 'bj-sign-broadcast')?.variant;
  const config = useApi('campaigns.config.get', { variant: current ?? '' }, ['campaigns'], { enabled: Boolean(current) });
  const history = useApi('campaigns.config.history', { variant: current ?? '' }, ['campaigns'], { enabled: Boolean(current) });
  const [loaded, setLoaded] = useState<Settings>();
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [json, setJson] = useState('');
  const [author, setAuthor] = useState(() => localStorage.getItem(AUTHOR_KEY) ?? '');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const [viewing, setViewing] = useState<{ version: number; settings: Settings }>();

  const load = (settings: Settings) => {
    setLoaded(settings);
    form.resetFields();
    form.setFieldsValue(toForm(settings));
    setJson(JSON.stringify(settings, null, 2));
    setProblem(undefined);
  };
  useEffect(() => {
    if (config.data) load(config.data.settings);
    // Reload the form only when another version or campaign arrives, not on every refetch.
  }, [config.data?.variant, config.data?.version]);

  const documentNow = (): unknown => {
    if (mode === 'json') return JSON.parse(json) as unknown;
    return fromForm(form.getFieldsValue(true), loaded!);
  };
  const switchMode = (next: 'form' | 'json') => {
    try {
      if (next === 'json') setJson(JSON.stringify(documentNow(), null, 2));
      else form.setFieldsValue(toForm(JSON.parse(json) as Settings));
      setProblem(undefined);
      setMode(next);
    } catch (e) {
      setProblem(t('settings.jsonInvalid', { message: (e as Error).message }));
    }
  };
  const save = async () => {
    if (!current || !config.data) return;
    if (!author.trim()) return setProblem(t('settings.authorRequired'));
    let settings: unknown;
    try {
      settings = documentNow();
    } catch (e) {
      return setProblem(t('settings.jsonInvalid', { message: (e as Error).message }));
    }
    localStorage.setItem(AUTHOR_KEY, author.trim());
    try {
      const saved = await call('campaigns.config.save', { variant: current, settings, author: author.trim(), note, baseVersion: config.data.version });
      setProblem(undefined);
      setNote('');
      await act(() => Promise.resolve(saved), (v) => t('settings.saved', { version: v.version }));
    } catch (e) {
      setProblem(e instanceof ApiCallError ? e.message : String(e));
    }
  };
  const restore = async (version: number) => {
    if (!current) return;
    const v = await act(() => call('campaigns.config.version', { variant: current, version }), () => t('settings.restoreLoaded', { version }));
    if (!v) return;
    form.setFieldsValue(toForm(v.settings));
    setJson(JSON.stringify(v.settings, null, 2));
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="campaign-settings">
      <ErrorAlert error={campaigns.error ?? config.error ?? history.error} />
      <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
      <Space wrap>
        <Select
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 360 }}
          value={current}
          onChange={setVariant}
          options={(campaigns.data?.campaigns ?? []).map((c) => ({ value: c.variant, label: `${title(c.title)} · ${c.variant}` }))}
          data-testid="config-campaign"
        />
        {config.data ? <Tag color="blue" data-testid="config-version">{t('settings.version', { version: config.data.version })}</Tag> : null}
        <Segmented value={mode} onChange={(v) => switchMode(v as 'form' | 'json')} options={[{ value: 'form', label: t('settings.form') }, { value: 'json', label: t('settings.json') }]} data-testid="config-mode" />
      </Space>
      {problem ? <Alert type="error" showIcon title={t('settings.invalid')} description={problem} data-testid="config-problem" /> : null}
      <div style={{ display: mode === 'form' ? 'block' : 'none' }}>
        <CampaignForm form={form} recipients={(recipients.data?.recipients ?? []).map((r) => r.id)} />
      </div>
      {mode === 'json' ? (
        <Card size="small" title={t('settings.jsonHelp')}>
          <Input.TextArea value={json} onChange={(e) => setJson(e.target.value)} rows={24} style={{ fontFamily: 'monospace' }} data-testid="config-json" />
        </Card>
      ) : null}
      <Space wrap>
        <Input placeholder={t('settings.author')} value={author} onChange={(e) => setAuthor(e.target.value)} style={{ width: 160 }} data-testid="config-author" />
        <Input placeholder={t('settings.note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 360 }} data-testid="config-note" />
        <Button type="primary" onClick={() => void save()} disabled={!loaded} data-testid="config-save">
          {t('settings.save')}
        </Button>
      </Space>
      <Card size="small" title={t('settings.history')}>
        <Table<Version>
          size="small"
          rowKey="version"
          pagination={false}
          dataSource={history.data?.versions ?? []}
          data-testid="config-history"
          columns={[
            { title: t('settings.historyVersion'), dataIndex: 'version', width: 70 },
            { title: t('settings.historyAuthor'), dataIndex: 'author', width: 120, render: (a: string, v) => (v.version === 1 ? t('settings.shipped') : a) },
            { title: t('settings.historyAt'), dataIndex: 'createdAt', width: 170, render: (v: number | null) => formatDateTime(v) },
            { title: t('settings.historyNote'), dataIndex: 'note' },
            {
              title: t('settings.historyFields'),
              key: 'fields',
              render: (_: unknown, v) => (
                <Space wrap size={4}>
                  {v.changedFields.map((f) => <Tag key={f}>{f}</Tag>)}
                  {v.problem ? <Tag color="red">{v.problem}</Tag> : null}
                </Space>
              ),
            },
            {
              title: '',
              key: 'actions',
              width: 200,
              render: (_: unknown, v) => (
                <Space>
                  <Button size="small" disabled={Boolean(v.problem)} onClick={() => void act(() => call('campaigns.config.version', { variant: current!, version: v.version })).then((r) => r && setViewing(r))}>
                    {t('settings.view')}
                  </Button>
                  <Button size="small" disabled={Boolean(v.problem)} onClick={() => void restore(v.version)} data-testid={`config-restore-${v.version}`}>
                    {t('settings.restore')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal open={Boolean(viewing)} title={viewing ? `${current} · v${viewing.version}` : ''} footer={null} onCancel={() => setViewing(undefined)} width={800}>
        <pre style={{ maxHeight: 500, overflow: 'auto' }}>{viewing ? JSON.stringify(viewing.settings, null, 2) : ''}</pre>
      </Modal>
    </Space>
  );
}
