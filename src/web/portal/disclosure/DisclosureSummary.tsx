/**
 * Inside the portal's 政府信息公开 card: the newest published items (plain text — the whole card is the link).
 */
import { useEffect, useState } from 'react';
import { api } from '../../api';
import '../../disclosure/disclosure.css';

interface Item {
  id: number;
  title: string;
  published_on: string;
}

export default function DisclosureSummary() {
  const [items, setItems] = useState<Item[] | null>(null);
  useEffect(() => {
    api.get<{ items: Item[] }>('/api/public/disclosure/proactive', { pageSize: 4 }, { noRedirect: true }).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, []);
  if (!items) return null;
  return (
    <div className="fz-gk-summary">
      {items.length ? (
        <ul>
          {items.map((i) => (
            <li key={i.id}>
              <span title={i.title}>{i.title}</span>
              <span className="fz-muted">{i.published_on.slice(5)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <span className="fz-muted">在线申请政府信息公开、查询办理进度</span>
      )}
    </div>
  );
}
