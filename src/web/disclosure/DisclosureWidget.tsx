/**
 * The 政务公开 card of the home page: 办理中 / 逾期 / 即将到期 requests in the user's scope
 * (GET /api/disclosure/requests/counters), each one click from the filtered 依申请公开 list.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api';
import './disclosure.css';

interface Counters {
  open: number;
  overdue: number;
  soon: number;
}

const LIST = '/admin/disclosure/requests';

export default function DisclosureWidget() {
  const [c, setC] = useState<Counters | null>(null);
  useEffect(() => {
    api.get<Counters>('/api/disclosure/requests/counters').then(setC, () => undefined);
  }, []);
  const items = [
    { key: 'open', label: '办理中', value: c?.open, to: `${LIST}?state=open`, className: '' },
    { key: 'overdue', label: '逾期', value: c?.overdue, to: `${LIST}?due=overdue`, className: c?.overdue ? 'fz-due-over' : '' },
    { key: 'soon', label: '即将到期', value: c?.soon, to: `${LIST}?due=soon`, className: c?.soon ? 'fz-due-soon' : '' },
  ];
  return (
    <div className="fz-gk-widget" data-testid="disclosure-widget">
      {items.map((i) => (
        <Link key={i.key} to={i.to} onClick={(e) => e.stopPropagation()} data-testid={`disclosure-count-${i.key}`}>
          <b className={i.className}>{i.value ?? '—'}</b>
          <span>{i.label}</span>
        </Link>
      ))}
    </div>
  );
}
