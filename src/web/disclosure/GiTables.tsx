/**
 * Tables 2, 3 and 4 of the 政府信息公开工作年度报告 drawn in the national layout (国办公开办函〔2021〕30号):
 * grouped headers, the 勾稽关系 note of table 3, the row groups of 三、本年度办理结果. Used by the staff report
 * page (where every figure of table 3 opens the records behind it) and by the portal's report page.
 */
import type { ReactNode } from 'react';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import {
  T2_COLUMN_LABELS,
  T2_ROWS,
  T3_COLUMNS,
  T3_LINES,
  T3_OUTCOMES_HEADING,
  T4_COLUMN_LABELS,
  T4_COLUMNS,
  T4_GROUPS,
  t3ColumnLabel,
  type Identity,
  type T3Column,
  type Table2,
  type Table3,
  type Table4,
  T3_NOTE,
} from '../../shared/gi-format';
import './disclosure.css';

/** The computed tables and their identities, as GET /api/disclosure/report and a saved version's snapshot give them. */
export interface GiTablesData {
  table2: Table2;
  table3: Table3;
  table4: Table4;
  identities: Identity[];
}

/** The note printed in the top-left cell of table 3. */
/** 法人或其他组织: the five organisation columns between 自然人 and 总计. */
const T3_ORG_COLUMNS = T3_COLUMNS.filter((c) => c !== 'natural' && c !== 'total');

const fmt = (n: number | undefined) => (n === undefined || n === null ? '—' : String(n));

/** 二、主动公开政府信息情况 */
export function Table2({ data }: { data: GiTablesData['table2'] }) {
  const blocks = [...new Set(T2_ROWS.map((r) => r.block))];
  return (
    <table className="fz-gi-table fz-gi-t2" data-testid="gi-table2">
      <colgroup>
        <col style={{ width: '31%' }} />
        <col />
        <col />
        <col />
      </colgroup>
      <tbody>
        {blocks.map((block) => {
          const rows = T2_ROWS.filter((r) => r.block === block);
          const cols = rows[0].columns;
          return [
            <tr key={`${block}-caption`} className="fz-gi-block">
              <th colSpan={4}>{block}</th>
            </tr>,
            <tr key={`${block}-head`}>
              <th>信息内容</th>
              {cols.length === 1 ? (
                <th colSpan={3}>{T2_COLUMN_LABELS[cols[0]]}</th>
              ) : (
                cols.map((c) => <th key={c}>{T2_COLUMN_LABELS[c]}</th>)
              )}
            </tr>,
            ...rows.map((r) => (
              <tr key={r.key}>
                <td className="fz-gi-label-center">{r.label}</td>
                {r.columns.length === 1 ? (
                  <td colSpan={3} className="fz-gi-num">
                    {fmt(data[r.key]?.[r.columns[0]])}
                  </td>
                ) : (
                  r.columns.map((c) => (
                    <td key={c} className="fz-gi-num">
                      {fmt(data[r.key]?.[c])}
                    </td>
                  ))
                )}
              </tr>
            )),
          ];
        })}
      </tbody>
    </table>
  );
}

/**
 * 三、收到和处理政府信息公开申请情况. `onCell` makes each figure a link (the records behind it).
 */
export function Table3({ data, onCell }: { data: GiTablesData['table3']; onCell?: (row: string, col: T3Column) => void }) {
  const cells = (rowKey: string) =>
    T3_COLUMNS.map((c) => {
      const n = data[rowKey]?.[c];
      return (
        <td key={c} className={c === 'total' ? 'fz-gi-num fz-gi-total' : 'fz-gi-num'}>
          {onCell && n !== undefined ? (
            <a role="button" tabIndex={0} className={n ? 'fz-gi-link' : 'fz-gi-link fz-gi-zero'} data-testid={`t3-${rowKey}-${c}`} onClick={() => onCell(rowKey, c)} onKeyDown={(e) => e.key === 'Enter' && onCell(rowKey, c)}>
              {n}
            </a>
          ) : (
            <span data-testid={`t3-${rowKey}-${c}`}>{fmt(n)}</span>
          )}
        </td>
      );
    });
  // The printed lines: 一, 二, the heading 三 (a vertical cell over its block), each outcome group heading (a cell
  // over its numbered sub-rows), （七）总计, 四.
  const from = T3_LINES.findIndex((l) => l.key === 'results');
  const to = T3_LINES.findIndex((l) => l.key === 'total');
  const blockRows = T3_LINES.slice(from + 1, to + 1).filter((l) => !l.heading).length;
  const body: ReactNode[] = [];
  let group: { text: string; span: number } | null = null;
  let firstInBlock = true;
  T3_LINES.forEach((line, i) => {
    if (line.heading) {
      if (line.key !== 'results') group = { text: line.text, span: T3_LINES.filter((l) => !l.heading && l.row?.outcome === line.key).length };
      return;
    }
    const inBlock = i > from && i <= to;
    if (!inBlock) {
      body.push(
        <tr key={line.key}>
          <th colSpan={3} className="fz-gi-label">
            {line.text}
          </th>
          {cells(line.key)}
        </tr>,
      );
      return;
    }
    const heading = firstInBlock ? (
      <th rowSpan={blockRows} className="fz-gi-vertical">
        {T3_OUTCOMES_HEADING}
      </th>
    ) : null;
    firstInBlock = false;
    const sub = line.row?.sub;
    const g = group as { text: string; span: number } | null;
    body.push(
      <tr key={line.key} className={line.key === 'total' ? 'fz-gi-sum' : undefined}>
        {heading}
        {sub === undefined ? (
          <th colSpan={2} className="fz-gi-label">
            {line.text}
          </th>
        ) : (
          <>
            {sub === 1 && g && (
              <th rowSpan={g.span} className="fz-gi-label fz-gi-group">
                {g.text}
              </th>
            )}
            <th className="fz-gi-label fz-gi-sub">{line.text}</th>
          </>
        )}
        {cells(line.key)}
      </tr>,
    );
  });
  return (
    <table className="fz-gi-table fz-gi-t3" data-testid="gi-table3">
      <colgroup>
        <col style={{ width: 34 }} />
        <col style={{ width: 104 }} />
        <col style={{ width: 216 }} />
      </colgroup>
      <thead>
        <tr>
          <th colSpan={3} rowSpan={3} className="fz-gi-note">
            {T3_NOTE}
          </th>
          <th colSpan={7}>申请人情况</th>
        </tr>
        <tr>
          <th rowSpan={2}>{t3ColumnLabel('natural')}</th>
          <th colSpan={T3_ORG_COLUMNS.length}>法人或其他组织</th>
          <th rowSpan={2}>{t3ColumnLabel('total')}</th>
        </tr>
        <tr>
          {T3_ORG_COLUMNS.map((c) => (
            <th key={c}>{t3ColumnLabel(c)}</th>
          ))}
        </tr>
      </thead>
      <tbody>{body}</tbody>
    </table>
  );
}

/** 四、政府信息公开行政复议、行政诉讼情况 */
export function Table4({ data }: { data: GiTablesData['table4'] }) {
  const [recon, ...lit] = T4_GROUPS;
  const short = (label: string) => label.replace(/^行政诉讼（(.*)）$/, '$1');
  return (
    <table className="fz-gi-table fz-gi-t4" data-testid="gi-table4">
      <thead>
        <tr>
          <th colSpan={T4_COLUMNS.length} rowSpan={2}>
            {recon.label}
          </th>
          <th colSpan={T4_COLUMNS.length * lit.length}>行政诉讼</th>
        </tr>
        <tr>
          {lit.map((g) => (
            <th key={g.key} colSpan={T4_COLUMNS.length}>
              {short(g.label)}
            </th>
          ))}
        </tr>
        <tr>
          {T4_GROUPS.flatMap((g) =>
            T4_COLUMNS.map((c) => (
              <th key={`${g.key}-${c}`} className="fz-gi-narrow">
                {T4_COLUMN_LABELS[c]}
              </th>
            )),
          )}
        </tr>
      </thead>
      <tbody>
        <tr>
          {T4_GROUPS.flatMap((g) =>
            T4_COLUMNS.map((c) => (
              <td key={`${g.key}-${c}`} className={c === 'total' ? 'fz-gi-num fz-gi-total' : 'fz-gi-num'}>
                {fmt(data[g.key]?.[c])}
              </td>
            )),
          )}
        </tr>
      </tbody>
    </table>
  );
}

/** The identities of the national format, each ✓ or ✗ (a broken one in red, never hidden). */
export function IdentityList({ identities }: { identities: Identity[] }) {
  const broken = identities.filter((i) => !i.holds).length;
  return (
    <div data-testid="gi-identities">
      <div className={broken ? 'fz-gi-id-summary fz-gi-id-bad' : 'fz-gi-id-summary fz-gi-id-ok'}>
        {broken ? `${broken} 处勾稽关系不成立` : `全部 ${identities.length} 项勾稽关系成立`}
      </div>
      <ul className="fz-gi-ids">
        {identities.map((i) => (
          <li key={i.id} className={i.holds ? 'ok' : 'bad'} data-testid={`identity-${i.id}`}>
            {i.holds ? <CheckCircleFilled /> : <CloseCircleFilled />}
            <span>{i.description}</span>
            <span className="fz-gi-id-nums">
              {i.left} {i.holds ? '=' : '≠'} {i.right}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
