import { useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, Row, Select, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useTitle } from '../runs/shared.js';
import { DailyChart } from './DailyChart.js';
import { ExportButton } from './ExportButton.js';
import { LedgerTable } from './LedgerTable.js';
import { AwardsTable, ProgressTable } from './ProgressTables.js';
import { formatAmount, officeMonth, type Campaign, type Selection } from './format.js';

/** The campaign shown first: one with recorded contracts (a broadcast's current month first), else the sign broadcast. */
function firstCampaign(campaigns: Campaign[]): string | undefined {
  return (campaigns.find((c) => c.monthly && c.contracts > 0) ?? campaigns.find((c) => c.contracts > 0) ?? campaigns.find((c) => c.jobId === 'bj-sign-broadcast') ?? campaigns[0])?.variant;
}

/** Per campaign: totals, the ledger with each contract's messages, housekeepers' progress, awards and the days. */
export function CampaignsPage() {
  const { t } = useTranslation('campaigns');
  const title = useTitle();
  const list = useApi('campaigns.list', undefined, ['campaigns', 'runs']);
  const campaigns = useMemo(() => list.data?.campaigns ?? [], [list.data]);
  const [picked, setPicked] = useState<string>();
  const [pickedMonth, setPickedMonth] = useState<string>();
  const variant = picked ?? firstCampaign(campaigns);
  const campaign = campaigns.find((c) => c.variant === variant);
  const months = campaign?.monthly ? [...new Set([officeMonth(), ...campaign.months])].sort().reverse() : [];
  const selection: Selection | undefined = variant ? { variant, ...(campaign?.monthly ? { month: pickedMonth ?? campaign.months[0] ?? officeMonth() } : {}) } : undefined;
  const overview = useApi('campaigns.overview', selection ?? { variant: '' }, ['campaigns', 'runs'], { enabled: Boolean(selection) });
  const data = overview.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="campaigns-page">
      <ErrorAlert error={list.error ?? overview.error} />
      <Card>
        <Space wrap align="center" style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Text>{t('pick')}</Typography.Text>
            <Select
              showSearch
              style={{ minWidth: 320 }}
              value={variant}
              optionFilterProp="label"
              onChange={(v: string) => {
                setPicked(v);
                setPickedMonth(undefined);
              }}
              options={(['BJ', 'SH'] as const).map((city) => ({
                label: city,
                options: campaigns.filter((c) => c.city === city).map((c) => ({ value: c.variant, label: `${title(c.title)} · ${c.variant}${c.contracts ? ` (${c.contracts})` : ''}` })),
              }))}
              data-testid="campaign-select"
            />
            {campaign?.monthly ? (
              <>
                <Typography.Text>{t('month')}</Typography.Text>
                <Select style={{ width: 120 }} value={selection?.month} onChange={setPickedMonth} options={months.map((m) => ({ value: m, label: m }))} data-testid="campaign-month" />
              </>
            ) : null}
            {campaign ? (
              <>
                <Tag>{t(`pipeline.${campaign.pipeline}`)}</Tag>
                <Tag color={campaign.jobId ? 'blue' : 'default'}>{campaign.jobId ? t('job', { jobId: campaign.jobId }) : t('noJob')}</Tag>
                <Tag>{t('configVersion', { version: campaign.configVersion })}</Tag>
                {data ? <Tag color="purple" data-testid="campaign-activity">{data.activityCode}</Tag> : null}
              </>
            ) : null}
          </Space>
          {selection ? <ExportButton selection={selection} /> : null}
        </Space>
        {campaign?.configProblem ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('configProblem', { problem: campaign.configProblem })} /> : null}
      </Card>
      {data && selection ? (
        <>
          <Row gutter={16}>
            {(['contracts', 'amount', 'performance', 'announced', 'awards', 'historical'] as const).map((k) => (
              <Col key={k} xs={12} md={4}>
                <Card size="small">
                  <Statistic title={t(`totals.${k}`)} value={k === 'amount' || k === 'performance' ? formatAmount(data.totals[k]) : data.totals[k]} data-testid={`campaign-total-${k}`} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card>
            {data.totals.contracts + data.totals.historical === 0 ? <Empty description={t('empty')} /> : null}
            <Tabs
              items={[
                { key: 'ledger', label: t('tabs.ledger'), children: <LedgerTable key={`${selection.variant}:${selection.month ?? ''}`} selection={selection} /> },
                { key: 'progress', label: <span data-testid="campaign-tab-progress">{t('tabs.progress')}</span>, children: <ProgressTable progress={data.progress} /> },
                { key: 'awards', label: <span data-testid="campaign-tab-awards">{t('tabs.awards')}</span>, children: <AwardsTable awards={data.awards} /> },
                { key: 'daily', label: <span data-testid="campaign-tab-daily">{t('tabs.daily')}</span>, children: <DailyChart daily={data.daily} /> },
              ]}
            />
          </Card>
        </>
      ) : null}
    </Space>
  );
}
