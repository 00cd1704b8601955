import { useState } from 'react';
import { App, Button, Card, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../main/api/contract/index.js';
import { call } from '../../api/client.js';
import { useApi } from '../../api/hooks.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

type SourceCard = MethodOutput<'sources.cards.list'>['cards'][number];

const kindColor: Record<SourceCard['kind'], string> = { job: 'blue', campaign: 'purple', custom: 'gold' };

/** The Metabase card each job (by job id) or campaign (by variant) reads; v1's defaults, editable. */
export function SourceCardsTable() {
  const { t } = useTranslation('sources');
  const { message } = App.useApp();
  const cards = useApi('sources.cards.list', undefined, ['sources']);
  const [edits, setEdits] = useState<Record<string, number | null>>({});
  const [newKey, setNewKey] = useState('');
  const [newCard, setNewCard] = useState<number | null>(null);

  const setCard = async (key: string, cardId: number | null) => {
    try {
      await call('sources.cards.set', { key, cardId });
      setEdits(({ [key]: _done, ...rest }) => rest);
      message.success(t('cards.saved', { key }));
      cards.reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const add = async () => {
    if (!newKey.trim() || !newCard) return;
    await setCard(newKey.trim(), newCard);
    setNewKey('');
    setNewCard(null);
  };

  return (
    <Card title={t('cards.title')}>
      <ErrorAlert error={cards.error} />
      <Typography.Paragraph type="secondary">{t('cards.intro')}</Typography.Paragraph>
      <Table<SourceCard>
        size="small"
        rowKey="key"
        loading={cards.loading}
        dataSource={cards.data?.cards ?? []}
        pagination={false}
        data-testid="sources-cards-table"
        columns={[
          { title: t('cards.key'), dataIndex: 'key', render: (key: string) => <code>{key}</code> },
          { title: t('cards.kind'), dataIndex: 'kind', render: (kind: SourceCard['kind']) => <Tag color={kindColor[kind]}>{t(`cards.kinds.${kind}`)}</Tag> },
          {
            title: t('cards.card'),
            key: 'card',
            render: (_: unknown, row) => {
              const value = row.key in edits ? edits[row.key] : row.cardId;
              return (
                <Space>
                  <InputNumber<number>
                    min={1}
                    size="small"
                    value={value}
                    onChange={(v) => setEdits((prev) => ({ ...prev, [row.key]: v }))}
                    data-testid={`card-input-${row.key}`}
                  />
                  {row.key in edits && value && value !== row.cardId ? (
                    <Button size="small" type="primary" onClick={() => void setCard(row.key, value)} data-testid={`card-save-${row.key}`}>
                      {t('cards.save')}
                    </Button>
                  ) : null}
                </Space>
              );
            },
          },
          { title: t('cards.default'), dataIndex: 'defaultCardId', render: (v: number | null) => v ?? '-' },
          {
            title: '',
            key: 'reset',
            render: (_: unknown, row) =>
              row.custom ? (
                <Button size="small" onClick={() => void setCard(row.key, null)} data-testid={`card-reset-${row.key}`}>
                  {row.defaultCardId === null ? t('cards.remove') : t('cards.reset')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Space style={{ marginTop: 16 }} wrap>
        <Input placeholder={t('cards.newKey')} value={newKey} onChange={(e) => setNewKey(e.target.value)} style={{ width: 220 }} data-testid="card-new-key" />
        <InputNumber<number> min={1} placeholder={t('cards.card')} value={newCard} onChange={setNewCard} data-testid="card-new-id" />
        <Button onClick={() => void add()} disabled={!newKey.trim() || !newCard} data-testid="card-add">
          {t('cards.add')}
        </Button>
      </Space>
    </Card>
  );
}
