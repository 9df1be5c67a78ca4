/**
 * The letters of a request, as .docx: 补正告知书, 征求意见函, 延期答复告知书 and 答复书. Each carries the document number
 * given to its event from the unit's sequence.
 */
import type { Ctx } from '../../core/context';
import { cnDate } from '../../core/dates';
import { renderOfficialDocx, type DocBlock } from '../../core/docx';
import { AppError } from '../../core/errors';
import { outcomeLabel, type Outcome, type RequestEventType } from '../../shared/disclosure';
import { unitRepo } from '../org/org.repo';
import { LETTERS, getRequest } from './request.service';

/** Legal wording for each outcome of the 答复书 (《政府信息公开条例》第三十六条至第三十九条). */
const OUTCOME_TEXT: Record<Outcome, string> = {
  disclosed: '经审查，你（单位）申请获取的政府信息属于公开范围，根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，本机关予以公开。',
  partial: '经审查，你（单位）申请获取的政府信息中部分内容属于不予公开范围且能够区分处理，根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关向你（单位）提供可以公开的部分，并对不予公开的部分说明理由。',
  denied: '经审查，根据《中华人民共和国政府信息公开条例》第三十六条第（三）项的规定，本机关决定不予公开，理由如下。',
  unable: '经审查，根据《中华人民共和国政府信息公开条例》第三十六条第（四）项、第三十八条的规定，本机关无法提供你（单位）申请的政府信息。',
  not_processed: '经审查，根据《中华人民共和国政府信息公开条例》第三十六条第（六）项、第三十九条的规定，本机关对你（单位）的申请不予处理。',
  other: '根据《中华人民共和国政府信息公开条例》的规定，本机关对你（单位）的申请作如下处理。',
};

/** Renders the letter of the event `seq` of a request the actor may see. */
export async function requestLetterDocx(ctx: Ctx, requestId: number, seq: number): Promise<{ filename: string; data: Buffer }> {
  const { request: r, events, projection: p } = await getRequest(ctx, requestId);
  const e = events.find((x) => x.seq === seq);
  const letter = e ? LETTERS[e.type as RequestEventType] : undefined;
  if (!e || !letter) throw new AppError('NOT_FOUND', { message: '该步骤没有文书' });
  const unit = (await unitRepo.findById(ctx.db, r.unit_id))!;
  const payload = JSON.parse(e.payload) as Record<string, string | number | null>;
  const intro = `你（单位）于${cnDate(p.receivedOn)}向本机关提出政府信息公开申请（查询码 ${r.tracking_code}），申请获取“${r.content}”。`;
  let recipient = r.applicant_name;
  let body: DocBlock[];
  switch (e.type) {
    case 'supplement_requested':
      body = [intro, `经审查，你（单位）的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请你（单位）自收到本告知书之日起15个工作日内对以下事项作出补正：${payload.items}`, '答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。'];
      break;
    case 'consultation_started':
      recipient = String(payload.party);
      body = [
        `本机关于${cnDate(p.receivedOn)}收到政府信息公开申请，申请获取“${r.content}”。该信息${payload.partyKind === 'agency' ? '由本机关与你机关共同制作或涉及你机关职责' : '可能损害你方合法权益'}。`,
        payload.partyKind === 'agency'
          ? '根据《中华人民共和国政府信息公开条例》第三十四条的规定，请你机关自收到本函之日起15个工作日内提出意见；逾期未提出意见的，视为同意公开。'
          : '根据《中华人民共和国政府信息公开条例》第三十二条的规定，请你方自收到本函之日起15个工作日内提出意见；逾期未提出意见的，由本机关依照条例的规定决定是否公开。',
      ];
      break;
    case 'extended':
      body = [intro, `因${payload.reason}，经本机关政府信息公开工作机构负责人${payload.approvedBy}同意，根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长${payload.days}个工作日，至${p.due ? cnDate(p.due) : '（见答复）'}。`];
      break;
    default: {
      const outcome = payload.outcome as Outcome;
      body = [intro, OUTCOME_TEXT[outcome], `处理结果：${outcomeLabel(outcome, payload.outcomeSub ? Number(payload.outcomeSub) : null)}。`, String(payload.reply), '如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议，或者自收到本答复之日起6个月内依法提起行政诉讼。'];
    }
  }
  const data = await renderOfficialDocx({ title: letter.title, docNo: e.doc_no, recipient, body, issuer: unit.name, date: e.occurred_on });
  return { filename: `${letter.title}-${r.tracking_code}.docx`, data };
}
