/**
 * 政务公开 in the demo district: the whole of 2025 and 2026 to date — proactive items (some late), requests of
 * every outcome and path (补正, 征求意见, 延期, 收费), open ones that are overdue, paused or extended, a few 复议/诉讼
 * cases, and a published 2025 report. Everything goes through the services, with deterministic pseudo-random data.
 */
import type { Ctx } from '../../core/context';
import { todayCn } from '../../core/dates';
import { APPLICANT_TYPE_CODES, OUTCOMES, type ApplicantType, type Outcome } from '../../shared/disclosure';
import { unitCalendar } from './disclosure.calendar';
import type { RequestEventInput } from './disclosure.schema';
import { createProactiveItem, publishProactiveItem } from './proactive.service';
import { approveReport, publishReport, saveReportVersion } from './report.service';
import { appendRequestEvent, createRequest } from './request.service';
import { createReviewCase } from './review.service';

/** A small deterministic generator, so every demo load is the same. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TOPICS = ['农村危房改造补助资金发放明细', '城中村改造项目征收补偿方案', '辖区2025年度财政预算执行情况', '某小区规划许可证及附图', '垃圾中转站环境影响评价文件', '低保对象认定名单及标准', '道路改造工程招投标文件', '耕地占补平衡项目验收材料', '学校校舍安全鉴定报告', '企业行政处罚决定书', '集体土地征收公告', '安置房分配方案', '防汛应急预案', '河道整治工程资金拨付凭证', '行政事业性收费项目目录'];
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈杰', '杨静', '赵磊', '黄敏', '周强', '吴婷'];
const ORGS: Record<Exclude<ApplicantType, 'natural'>, string[]> = {
  commercial: ['青山某建筑工程有限公司', '某房地产开发有限公司', '某农业科技有限公司'],
  research: ['某大学公共管理学院', '某省社会科学院'],
  public_interest: ['某环保公益基金会', '某法律援助志愿者协会'],
  legal_service: ['某律师事务所', '某公证处'],
  other_org: ['某村民委员会', '某业主委员会'],
};

/** All outcomes with their sub-items, in table order. */
const ALL_OUTCOMES: [Outcome, number | null][] = (Object.keys(OUTCOMES) as Outcome[]).flatMap((o): [Outcome, number | null][] =>
  OUTCOMES[o].subs.length ? OUTCOMES[o].subs.map((_, i): [Outcome, number | null] => [o, i + 1]) : [[o, null]],
);

export async function disclosureDemo(ctx: Ctx, units: Map<string, number>): Promise<void> {
  const today = todayCn();
  const rand = rng(20251);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const targets = ['QS-NLZ', 'QS-CGJD', 'QS-SCJG', 'QS-SFJ', 'ROOT'].map((c) => units.get(c)!).filter(Boolean);
  let outcomeCursor = 0;
  for (const unitId of targets) {
    const { calendar } = await unitCalendar(ctx.db, unitId);
    const wd = (d: string, n: number) => calendar.addWorkingDays(d, n);
    const min = (a: string, b: string) => (a < b ? a : b);
    // —— 主动公开 ——
    let idx = 0;
    for (const year of [2025, 2026]) {
      const count = year === 2025 ? 24 : 18;
      for (let i = 0; i < count; i++) {
        const month = 1 + Math.floor((i / count) * (year === 2026 ? 11 : 12));
        const formedOn = `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rand() * 27)).padStart(2, '0')}`;
        if (formedOn > today) continue;
        const kind = pick(['normative_issued', 'normative_issued', 'normative_repealed', 'license', 'penalty', 'penalty', 'coercion', 'fee', null, null, null] as const);
        const category = kind === null ? pick(['a20_2', 'a20_3', 'a20_4', 'a20_7', 'a20_11', 'a20_13'] as const) : ({ normative_issued: 'a20_1', normative_repealed: 'a20_1', license: 'a20_5', penalty: 'a20_6', coercion: 'a20_6', fee: 'a20_8' } as const)[kind];
        const title = kind === 'normative_issued' ? `关于印发《${pick(['农村人居环境整治', '城市管理', '安全生产', '市场监管'])}工作办法》的通知` : kind === 'penalty' ? `行政处罚决定书（${year}第${i + 1}号）` : kind === 'license' ? `行政许可决定公示（${year}第${i + 1}号）` : kind === 'fee' ? `${year}年行政事业性收费公示` : `${pick(['机构职能', '年度预算', '统计公报', '扶贫政策', '监督检查结果'])}（${year}年第${i + 1}期）`;
        // 多数按时公开；少数超过20个工作日；少数尚未公开
        const lag = rand() < 0.12 ? 25 + Math.floor(rand() * 10) : 2 + Math.floor(rand() * 12);
        const publishedOn = wd(formedOn, lag);
        const draft = publishedOn > today || (year === 2026 && rand() < 0.1);
        const item = await createProactiveItem(ctx, {
          unitId,
          title,
          indexNo: `${unitId}-${year}-${String(++idx).padStart(4, '0')}`,
          category,
          table2Kind: kind,
          table2Amount: kind === 'fee' ? Math.round(rand() * 5000) / 100 : kind === 'penalty' || kind === 'license' ? 1 + Math.floor(rand() * 4) : null,
          formedOn,
          summary: null,
        });
        if (!draft) await publishProactiveItem(ctx, item.id, { publishedOn, channel: pick(['政府门户网站', '政务公开栏', '政务新媒体']), url: null });
      }
    }
    // —— 依申请公开 ——
    const plan: { received: string; path: string }[] = [];
    for (let m = 1; m <= 12; m++) for (let k = 0; k < 2; k++) plan.push({ received: `2025-${String(m).padStart(2, '0')}-${String(3 + Math.floor(rand() * 24)).padStart(2, '0')}`, path: pick(['plain', 'plain', 'plain', 'supplement', 'consult', 'extend', 'fee']) });
    for (let m = 1; m <= 10; m++) for (let k = 0; k < 2; k++) plan.push({ received: `2026-${String(m).padStart(2, '0')}-${String(3 + Math.floor(rand() * 24)).padStart(2, '0')}`, path: pick(['plain', 'plain', 'supplement', 'consult', 'extend', 'fee', 'nosupplement', 'unpaid']) });
    // 仍在办理中的：逾期、征求意见中、待补正、已延期
    plan.push({ received: '2026-09-14', path: 'open' }, { received: '2026-10-09', path: 'open' }, { received: wd(today, -8), path: 'open-consulting' }, { received: wd(today, -3), path: 'open-supplement' }, { received: wd(today, -17), path: 'open-extended' }, { received: wd(today, -2), path: 'open' }, { received: '2025-12-22', path: 'carry' });
    for (const p of plan) {
      const type = rand() < 0.7 ? 'natural' : pick(APPLICANT_TYPE_CODES.filter((c) => c !== 'natural'));
      const name = type === 'natural' ? pick(NAMES) : pick(ORGS[type as Exclude<ApplicantType, 'natural'>]);
      const channel = pick(['in_person', 'online', 'online', 'registered_post'] as const);
      const received = p.received > today ? today : p.received;
      const r = await createRequest(ctx, {
        unitId,
        channel,
        submittedOn: channel === 'registered_post' ? wd(received, -2) : received,
        signedOn: channel === 'registered_post' ? received : null,
        confirmedOn: channel === 'online' ? received : null,
        applicantType: type,
        applicantName: name,
        applicantIdNo: type === 'natural' ? `6501021990${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` : null,
        applicantPhone: `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
        applicantEmail: null,
        applicantAddress: null,
        content: `申请公开${pick(TOPICS)}`,
        form: pick(['paper', 'electronic'] as const),
        delivery: pick(['post', 'email', 'pickup'] as const),
      });
      const rx = r.projection.receivedOn;
      const step = (e: RequestEventInput) => appendRequestEvent(ctx, r.id, e);
      const answer = async (date: string, forced?: [Outcome, number | null]) => {
        const [outcome, sub] = forced ?? ALL_OUTCOMES[outcomeCursor++ % ALL_OUTCOMES.length];
        if (outcome === 'other' && sub !== 3 && !forced) return answer(date, ['disclosed', null]);
        if (date > today) return;
        await step({ type: 'answered', date, outcome, outcomeSub: sub, reply: outcome === 'disclosed' ? '所申请信息已通过电子邮件提供。' : '理由详见答复书。' });
      };
      switch (p.path) {
        case 'plain':
          await answer(min(wd(rx, 5 + Math.floor(rand() * 14)), today));
          break;
        case 'supplement': {
          const s1 = wd(rx, 3);
          if (s1 > today) break;
          await step({ type: 'supplement_requested', date: s1, items: '请明确所需信息的文件名称、文号或时间范围' });
          const s2 = wd(s1, 4);
          if (s2 > today) break;
          await step({ type: 'supplement_received', date: s2 });
          await answer(min(wd(s2, 10), today));
          break;
        }
        case 'nosupplement': {
          const s1 = wd(rx, 5);
          if (s1 > today) break;
          await step({ type: 'supplement_requested', date: s1, items: '请提供申请人身份证明' });
          await answer(min(wd(s1, 20), today), ['other', 1]);
          break;
        }
        case 'consult': {
          const c1 = wd(rx, 4);
          if (c1 > today) break;
          await step({ type: 'consultation_started', date: c1, party: pick(ORGS.commercial), partyKind: 'third_party' });
          const c2 = wd(c1, 12);
          if (c2 > today) break;
          await step({ type: 'consultation_ended', date: c2, opinion: pick(['agree', 'disagree', 'no_reply'] as const) });
          await answer(min(wd(c2, 8), today));
          break;
        }
        case 'extend': {
          const e1 = wd(rx, 15);
          if (e1 > today) break;
          await step({ type: 'extended', date: e1, days: 15, approvedBy: '李主任', reason: '所需信息需跨部门调取' });
          await answer(min(wd(rx, 28), today));
          break;
        }
        case 'fee': {
          const f1 = wd(rx, 3);
          if (f1 > today) break;
          await step({ type: 'fee_notice_sent', date: f1, amount: 100 * (1 + Math.floor(rand() * 3)), basis: 'per_request' });
          const f2 = wd(f1, 5);
          if (f2 > today) break;
          await step({ type: 'fee_paid', date: f2 });
          await answer(min(wd(f2, 6), today));
          break;
        }
        case 'unpaid': {
          const f1 = wd(rx, 3);
          if (f1 > today) break;
          await step({ type: 'fee_notice_sent', date: f1, amount: 300, basis: 'per_volume' });
          await answer(min(wd(f1, 22), today), ['other', 2]);
          break;
        }
        case 'carry':
          await answer('2026-01-09', ['disclosed', null]);
          break;
        case 'open-consulting':
          await step({ type: 'consultation_started', date: wd(rx, 2), party: '某房地产开发有限公司', partyKind: 'third_party' });
          break;
        case 'open-supplement':
          await step({ type: 'supplement_requested', date: wd(rx, 1), items: '请写明所需信息的具体范围' });
          break;
        case 'open-extended':
          await step({ type: 'extended', date: wd(rx, 16), days: 20, approvedBy: '李主任', reason: '信息量大，需整理' });
          break;
        default:
          break; // open：办理中（两件已逾期）
      }
    }
    // —— 复议、诉讼 ——
    await createReviewCase(ctx, { unitId, kind: 'reconsideration', caseNo: `青山复〔2025〕${unitId}01号`, filedOn: '2025-05-12', result: 'upheld', closedOn: '2025-07-08' });
    await createReviewCase(ctx, { unitId, kind: 'reconsideration', caseNo: `青山复〔2025〕${unitId}02号`, filedOn: '2025-11-20', result: 'corrected', closedOn: '2026-01-15' });
    await createReviewCase(ctx, { unitId, kind: 'litigation_direct', caseNo: `（2026）新0102行初${unitId}号`, filedOn: '2026-03-02', result: 'pending' });
  }
  // —— 2025 年度报告：南岭镇已发布 ——
  const nlz = units.get('QS-NLZ');
  if (nlz) {
    const saved = await saveReportVersion(ctx, {
      unitId: nlz,
      year: 2025,
      reportKind: 'government',
      title: '南岭镇人民政府2025年政府信息公开工作年度报告',
      sections: {
        overview: '2025年，南岭镇深入贯彻《中华人民共和国政府信息公开条例》，围绕主动公开、依申请公开、政府信息管理、平台建设和监督保障等方面扎实推进政务公开工作。',
        problems: '一是部分主动公开信息发布不够及时；二是依申请公开答复的说理性有待加强。下一步将健全发布审核机制，加强业务培训。',
        other: '本年度依据《政府信息公开信息处理费管理办法》收取信息处理费的情况见依申请公开台账。',
      },
    });
    await approveReport(ctx, saved.id);
    await publishReport(ctx, saved.id);
  }
}
