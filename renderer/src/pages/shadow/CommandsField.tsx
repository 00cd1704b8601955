import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CommandRow } from './settings-form.js';

const PIPELINE_ID = /^[\w.:@-]{1,80}$/;

const NEW_COMMAND: CommandRow = { id: 'v1', command: '', args: ['{input}', '{scheduledAt}'], env: [], timeoutSeconds: 600, keyField: '合同ID(_id)', batches: 'last' };

/** The job's external commands (how Herald runs v1 as a pipeline), one card each. */
export function CommandsField() {
  const { t } = useTranslation('shadow');
  const form = Form.useFormInstance();
  // Two commands under one name would silently become one.
  const unique = (row: number) => ({
    validator: (_: unknown, id: string | undefined) => {
      const rows = (form.getFieldValue('commands') ?? []) as CommandRow[];
      const taken = rows.some((c, i) => i !== row && id !== undefined && c.id?.trim() === id.trim());
      return taken ? Promise.reject(new Error(t('settings.command.idTaken', { id }))) : Promise.resolve();
    },
  });
  return (
    <Form.List name="commands">
      {(rows, { add, remove }) => (
        <>
          {rows.map((row) => (
            <Card
              key={row.key}
              size="small"
              style={{ marginBottom: 12 }}
              data-testid={`shadow-command-${row.name}`}
              extra={<Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} aria-label={t('settings.command.remove')} data-testid={`shadow-command-remove-${row.name}`} />}
            >
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name={[row.name, 'id']} label={t('settings.command.id')} rules={[{ required: true, pattern: PIPELINE_ID, message: t('settings.command.idRule') }, unique(row.name)]}>
                    <Input data-testid={`shadow-command-id-${row.name}`} />
                  </Form.Item>
                </Col>
                <Col span={16}>
                  <Form.Item name={[row.name, 'command']} label={t('settings.command.command')} rules={[{ required: true, whitespace: true, message: t('settings.command.commandRequired') }]}>
                    <Input placeholder="python" data-testid={`shadow-command-command-${row.name}`} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name={[row.name, 'args']} label={t('settings.command.args')} extra={t('settings.command.argsHelp')}>
                <Select mode="tags" tokenSeparators={['\n']} open={false} data-testid={`shadow-command-args-${row.name}`} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name={[row.name, 'cwd']} label={t('settings.command.cwd')}>
                    <Input data-testid={`shadow-command-cwd-${row.name}`} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name={[row.name, 'timeoutSeconds']} label={t('settings.command.timeout')}>
                    <InputNumber min={0.1} max={21_600} suffix={t('settings.seconds')} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name={[row.name, 'keyField']} label={t('settings.command.keyField')} rules={[{ required: true, whitespace: true }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name={[row.name, 'batches']} label={t('settings.command.batches')}>
                    <Select options={(['last', 'all'] as const).map((b) => ({ value: b, label: t(`settings.command.batch.${b}`) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name={[row.name, 'env']} label={t('settings.command.env')} extra={t('settings.command.envHelp')}>
                <Select mode="tags" tokenSeparators={['\n']} open={false} />
              </Form.Item>
            </Card>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...NEW_COMMAND, args: [...NEW_COMMAND.args] })} data-testid="shadow-command-add">
            {t('settings.command.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
