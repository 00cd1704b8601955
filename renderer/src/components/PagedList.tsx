import { useState, type ReactNode } from 'react';
import { Pagination, Space } from 'antd';

/** A vertical list of cards, paged (antd's List is deprecated in v6). */
export function PagedList<T>({ items, pageSize = 10, render }: { items: T[]; pageSize?: number; render: (item: T, index: number) => ReactNode }) {
  const [page, setPage] = useState(1);
  const start = (page - 1) * pageSize;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {items.slice(start, start + pageSize).map((item, i) => render(item, start + i))}
      {items.length > pageSize ? <Pagination size="small" current={page} pageSize={pageSize} total={items.length} onChange={setPage} showSizeChanger={false} /> : null}
    </Space>
  );
}
