import { AutoComplete, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FormInstance } from 'antd';
import type { FormValues } from './document.js';

type Path = Array<string | number>;

/** A dated list of names (badges): from which day, which names. */
function DatedNames({ name, label }: { name: Path; label: string }) {
  const { t } = useTranslation('campaigns');
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item label={label}>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[f.name, 'from']} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}>
                <Input placeholder={t('settings.from')} style={{ width: 130 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'names']}>
                <Select mode="tags" placeholder={t('settings.names')} style={{ minWidth: 420 }} tokenSeparators={[',', '，', ' ']} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ from: '', names: [] })}>
            {t('settings.addList')}
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}

/**
 * The structured part of a campaign's configuration: tiers, lucky number, caps, award amounts,
 * badges, recipients. Fields no control shows (strategy, processing, notification options) stay
 * in the form's values and are edited in the JSON view.
 */
export function CampaignForm({ form, recipients }: { form: FormInstance<FormValues>; recipients: string[] }) {
  const { t } = useTranslation('campaigns');
  const lucky = Form.useWatch(['rules', 'lucky_rewards'], form);
  const amount = (name: Path, label: string) => (
    <Form.Item name={name} label={label}>
      <InputNumber min={0} style={{ width: '100%' }} data-testid={`config-${name.join('.')}`} />
    </Form.Item>
  );
  return (
    <Form form={form} layout="vertical" data-testid="campaign-config-form">
      <Card size="small" title={t('settings.tiers')} style={{ marginBottom: 12 }}>
        <Form.Item name={['rules', 'tiered_rewards', 'min_contracts']} label={t('settings.minContracts')}>
          <InputNumber min={0} data-testid="config-min-contracts" />
        </Form.Item>
        <Form.List name={['rules', 'tiered_rewards', 'tiers']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('settings.tierName')} data-testid={`config-tier-name-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'threshold']} rules={[{ required: true }]}>
                    <InputNumber placeholder={t('settings.threshold')} style={{ width: 160 }} data-testid={`config-tier-threshold-${i}`} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', threshold: 0 })}>
                {t('settings.addTier')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title={t('settings.lucky')} style={{ marginBottom: 12 }}>
        <Form.Item name={['rules', 'lucky_number']} label={t('settings.luckyNumber')}>
          <Input style={{ width: 80 }} maxLength={1} data-testid="config-lucky-number" />
        </Form.Item>
        {lucky ? (
          <Row gutter={12}>
            {(['base', 'high'] as const).map((k) => (
              <Col key={k} span={12}>
                <Space align="baseline">
                  <Form.Item name={['rules', 'lucky_rewards', k, 'name']} label={t(k === 'base' ? 'settings.luckyBase' : 'settings.luckyHigh')}>
                    <Input placeholder={t('settings.rewardName')} />
                  </Form.Item>
                  <Form.Item name={['rules', 'lucky_rewards', k, 'threshold']} label={t('settings.threshold')}>
                    <InputNumber />
                  </Form.Item>
                </Space>
              </Col>
            ))}
          </Row>
        ) : null}
      </Card>
      <Card size="small" title={t('settings.caps')} style={{ marginBottom: 12 }}>
        <Form.Item name={['rules', 'performance_limits', 'enable_cap']} label={t('settings.enableCap')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Row gutter={12}>
          <Col span={6}>{amount(['rules', 'performance_limits', 'single_contract_cap'], t('settings.singleContractCap'))}</Col>
          <Col span={6}>{amount(['rules', 'performance_limits', 'single_project_limit'], t('settings.singleProjectLimit'))}</Col>
          <Col span={6}>{amount(['rules', 'performance_limits', 'self_referral_contract_cap'], t('settings.selfReferralContractCap'))}</Col>
          <Col span={6}>{amount(['rules', 'performance_limits', 'self_referral_project_limit'], t('settings.selfReferralProjectLimit'))}</Col>
        </Row>
      </Card>
      <Card size="small" title={t('settings.awardsMapping')} style={{ marginBottom: 12 }}>
        <Form.List name="awardsList">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('settings.awardName')} data-testid={`config-award-name-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} rules={[{ required: true }]}>
                    <Input placeholder={t('settings.awardAmount')} style={{ width: 120 }} data-testid={`config-award-amount-${i}`} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', amount: '' })}>
                {t('settings.addAward')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title={t('settings.badges')} style={{ marginBottom: 12 }}>
        <Space size="large">
          <Form.Item name={['badges', 'elite']} label={t('settings.elite')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name={['badges', 'risingStar']} label={t('settings.risingStar')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <DatedNames name={['badges', 'eliteNames']} label={t('settings.eliteNames')} />
        <DatedNames name={['badges', 'risingStarNames']} label={t('settings.risingStarNames')} />
      </Card>
      <Card size="small" title={t('settings.recipients')}>
        <Row gutter={12}>
          {(['group', 'award'] as const).map((k) => (
            <Col key={k} span={12}>
              <Form.Item name={['recipients', k]} label={t(`settings.${k}`)} rules={[{ required: true }]}>
                <AutoComplete options={recipients.map((id) => ({ value: id }))} data-testid={`config-recipient-${k}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>
    </Form>
  );
}
