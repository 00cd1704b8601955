import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Col, Form, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api/client.js';
import { useApi } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { CommandsField } from './CommandsField.js';
import { EnvLineError, formPathOf, toSettingsPatch, toSettingsValues, type SettingsValues } from './settings-form.js';

type Path = string | [string, string];

/** A number in a grid cell; `testId` lets the browser tests find it. */
function NumberItem({ name, label, min, max, unit, step, testId }: { name: Path; label: string; min?: number; max?: number; unit?: string; step?: number; testId: string }) {
  return (
    <Col xs={24} sm={12} md={8}>
      <Form.Item name={name} label={label} rules={[{ required: true }]}>
        <InputNumber min={min} max={max} step={step} suffix={unit} style={{ width: '100%' }} data-testid={testId} />
      </Form.Item>
    </Col>
  );
}

function SwitchItem({ name, label, help, testId }: { name: Path; label: string; help?: string; testId: string }) {
  return (
    <Col xs={24} sm={12} md={8}>
      <Form.Item name={name} label={label} valuePropName="checked" extra={help}>
        <Switch data-testid={testId} />
      </Form.Item>
    </Col>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Row gutter={16}>{children}</Row>
    </>
  );
}

/** Tags input for a list of field names. */
function ListItem({ name, label, help, testId }: { name: [string, string]; label: string; help?: string; testId: string }) {
  return (
    <Col xs={24} md={12}>
      <Form.Item name={name} label={label} extra={help}>
        <Select mode="tags" tokenSeparators={['\n', ',']} open={false} data-testid={testId} />
      </Form.Item>
    </Col>
  );
}

/**
 * A job's shadow settings (`shadow.settings` / `shadow.saveSettings`): planned order, KPI window
 * and readiness, thresholds, rollback triggers and automatic rollback, noise calibration, side
 * timeout, diff rules and external commands. Saved settings apply from the job's next run.
 */
export function SettingsModal({ jobId, onClose }: { jobId: string | undefined; onClose(): void }) {
  return jobId === undefined ? null : <OpenSettingsModal jobId={jobId} onClose={onClose} />;
}

function OpenSettingsModal({ jobId, onClose }: { jobId: string; onClose(): void }) {
  const { t } = useTranslation('shadow');
  const [form] = Form.useForm<SettingsValues>();
  const settings = useApi('shadow.settings', { jobId }, []);
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const data = settings.data?.jobId === jobId ? settings.data : undefined;

  useEffect(() => {
    if (data) form.setFieldsValue(toSettingsValues(data.config, data.plannedOrder));
  }, [data, form]);

  const save = async () => {
    if (!data) return;
    let values: SettingsValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    let input: ReturnType<typeof toSettingsPatch>;
    try {
      input = toSettingsPatch(values, data.config);
    } catch (e) {
      if (!(e instanceof EnvLineError)) throw e;
      form.setFields([{ name: ['commands', e.row, 'env'], errors: [t('settings.command.envRule', { line: e.line })] }]);
      return;
    }
    setSaving(true);
    setProblem(undefined);
    try {
      await call('shadow.saveSettings', { jobId, ...input });
      onClose();
    } catch (e) {
      const path = e instanceof ApiCallError ? formPathOf(e.context.field, values.commands ?? []) : undefined;
      if (path) form.setFields([{ name: path as Parameters<typeof form.setFields>[0][number]['name'], errors: [(e as Error).message] }]);
      else setProblem((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const x = t('settings.times');
  const pct = '%';
  return (
    <Modal
      open
      title={t('settings.title', { job: jobId })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('settings.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={saving} disabled={!data} onClick={() => void save()} data-testid="shadow-settings-save">
          {t('settings.save')}
        </Button>,
      ]}
      width={820}
      destroyOnHidden
      data-testid="shadow-settings"
    >
      <ErrorAlert error={settings.error} />
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="shadow-settings-error" /> : null}
      <Alert type="info" showIcon title={t('settings.effect')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" disabled={!data}>
        <Section title={t('settings.sections.readiness')}>
          <Col xs={24} sm={12} md={8}>
            <Form.Item name="plannedOrder" label={t('settings.plannedOrder')}>
              <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} data-testid="shadow-setting-plannedOrder" />
            </Form.Item>
          </Col>
          <NumberItem name="windowDays" label={t('settings.windowDays')} min={1} max={366} unit={t('settings.days')} testId="shadow-setting-windowDays" />
          <NumberItem name="minRuns" label={t('settings.minRuns')} min={1} max={10_000} step={1} testId="shadow-setting-minRuns" />
          <NumberItem name="minSpanDays" label={t('settings.minSpanDays')} min={0} max={366} unit={t('settings.days')} testId="shadow-setting-minSpanDays" />
        </Section>
        <Section title={t('settings.sections.thresholds')}>
          <NumberItem name={['thresholds', 'maxTimeRatio']} label={t('settings.maxTimeRatio')} min={0.01} step={0.1} unit={x} testId="shadow-setting-maxTimeRatio" />
          <NumberItem name={['thresholds', 'maxMemoryRatio']} label={t('settings.maxMemoryRatio')} min={0.01} step={0.1} unit={x} testId="shadow-setting-maxMemoryRatio" />
          <NumberItem name={['thresholds', 'maxErrorRatePercent']} label={t('settings.maxErrorRate')} min={0} max={100} unit={pct} testId="shadow-setting-maxErrorRate" />
          <NumberItem name={['thresholds', 'minConsistencyPercent']} label={t('settings.minConsistency')} min={0} max={100} unit={pct} testId="shadow-setting-minConsistency" />
          <NumberItem name={['thresholds', 'minNotificationSuccessPercent']} label={t('settings.minNotificationSuccess')} min={0} max={100} unit={pct} testId="shadow-setting-minNotificationSuccess" />
        </Section>
        <Section title={t('settings.sections.rollback')}>
          <NumberItem name={['triggers', 'errorRatePercent']} label={t('settings.triggerErrorRate')} min={0} max={100} unit={pct} testId="shadow-setting-triggerErrorRate" />
          <NumberItem name={['triggers', 'notificationFailurePercent']} label={t('settings.triggerNotificationFailure')} min={0} max={100} unit={pct} testId="shadow-setting-triggerNotificationFailure" />
          <NumberItem name={['triggers', 'timeRatio']} label={t('settings.triggerTimeRatio')} min={0.01} step={0.1} unit={x} testId="shadow-setting-triggerTimeRatio" />
          <SwitchItem name={['triggers', 'inconsistency']} label={t('settings.triggerInconsistency')} testId="shadow-setting-triggerInconsistency" />
          <SwitchItem name="autoRollback" label={t('settings.autoRollback')} help={t('settings.autoRollbackHelp')} testId="shadow-setting-autoRollback" />
        </Section>
        <Section title={t('settings.sections.running')}>
          <SwitchItem name="noiseCalibration" label={t('settings.noiseCalibration')} help={t('settings.noiseCalibrationHelp')} testId="shadow-setting-noiseCalibration" />
          <SwitchItem name="verifyAfterPromotion" label={t('settings.verifyAfterPromotion')} help={t('settings.verifyAfterPromotionHelp')} testId="shadow-setting-verifyAfterPromotion" />
          <NumberItem name="sideTimeoutSeconds" label={t('settings.sideTimeout')} min={0.1} max={21_600} unit={t('settings.seconds')} testId="shadow-setting-sideTimeout" />
          <NumberItem name="timeFloorSeconds" label={t('settings.timeFloor')} min={0} max={3600} unit={t('settings.seconds')} testId="shadow-setting-timeFloor" />
        </Section>
        <Section title={t('settings.sections.diff')}>
          <NumberItem name={['diff', 'tolerance']} label={t('settings.tolerance')} min={0} step={0.01} testId="shadow-setting-tolerance" />
          <NumberItem name={['diff', 'maxDetails']} label={t('settings.maxDetails')} min={0} max={1_000_000} step={100} testId="shadow-setting-maxDetails" />
          <Col xs={24} sm={12} md={8}>
            <Form.Item name={['diff', 'fieldsOnOneSide']} label={t('settings.fieldsOnOneSide')}>
              <Select options={(['differ', 'ignore'] as const).map((v) => ({ value: v, label: t(`settings.oneSided.${v}`) }))} data-testid="shadow-setting-fieldsOnOneSide" />
            </Form.Item>
          </Col>
          <SwitchItem name={['diff', 'trim']} label={t('settings.trim')} testId="shadow-setting-trim" />
          <SwitchItem name={['diff', 'collapseWhitespace']} label={t('settings.collapseWhitespace')} testId="shadow-setting-collapseWhitespace" />
          <SwitchItem name={['diff', 'compareRecipients']} label={t('settings.compareRecipients')} testId="shadow-setting-compareRecipients" />
          <ListItem name={['diff', 'fields']} label={t('settings.fields')} help={t('settings.fieldsHelp')} testId="shadow-setting-fields" />
          <ListItem name={['diff', 'ignoreFields']} label={t('settings.ignoreFields')} testId="shadow-setting-ignoreFields" />
          <ListItem name={['diff', 'ignorePrefixes']} label={t('settings.ignorePrefixes')} testId="shadow-setting-ignorePrefixes" />
          <ListItem name={['diff', 'listFields']} label={t('settings.listFields')} help={t('settings.listFieldsHelp')} testId="shadow-setting-listFields" />
        </Section>
        <Typography.Title level={5}>{t('settings.sections.commands')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('settings.commandsHelp')}</Typography.Paragraph>
        <CommandsField />
      </Form>
    </Modal>
  );
}
