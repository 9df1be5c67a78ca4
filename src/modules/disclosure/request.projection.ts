/**
 * The state and due dates of a 依申请公开 request, derived from its events only (house-style §5). The stored
 * columns of `gi_request` are a cache of this projection, refreshed in the transaction that appends an event.
 */
import { computeDeadline, getRule, resolveReceiptDate, type Calendar, type DeadlineEvent, type DeadlineResult, type DeadlineRule, type ReceiptChannel } from '../calendar';
import type { Outcome, RequestEventType, RequestState } from '../../shared/disclosure';

export interface ReceivedPayload {
  channel: ReceiptChannel;
  submittedOn: string;
  signedOn?: string | null;
  confirmedOn?: string | null;
}

export interface StoredRequestEvent {
  seq: number;
  type: RequestEventType;
  occurredOn: string;
  payload: Record<string, unknown>;
}

export interface RequestProjection {
  state: RequestState;
  /** 收到申请之日 (《政府信息公开条例》第三十一条). */
  receivedOn: string;
  /** 答复期限; null while the applicant owes a 补正 (the clock restarts on receipt of it). */
  due: string | null;
  reply: DeadlineResult | null;
  /** 补正告知的最后期限：收到申请之日起7个工作日 (第三十条). */
  supplementNoticeDue: string;
  outcome: Outcome | null;
  outcomeSub: number | null;
  closedOn: string | null;
  isExtended: boolean;
  /** The extension's length in working days, if any. */
  extensionDays: number;
  provisional: boolean;
  hasSupplementRequest: boolean;
  openConsultation: boolean;
  openFee: boolean;
  /** Whether an answer (or the now) is later than the due date. */
  isLate: boolean;
}

/** Options: the rules in force for the unit (configuration applied) and "today" for late checks. */
export interface ProjectOptions {
  rules?: readonly DeadlineRule[];
  today?: string;
  /** Skip building traces (lists and reports need only the dates). */
  trace?: boolean;
}

/** Derives the projection from the events (ordered by seq). The first event must be `request_received`. */
export function projectRequest(events: readonly StoredRequestEvent[], calendar: Calendar, opts: ProjectOptions = {}): RequestProjection {
  const first = events[0];
  if (!first || first.type !== 'request_received') throw new Error('a request starts with its request_received event');
  const receipt = first.payload as unknown as ReceivedPayload;
  const receivedOn = resolveReceiptDate({ channel: receipt.channel, submittedOn: receipt.submittedOn, signedOn: receipt.signedOn ?? undefined, confirmedOn: receipt.confirmedOn ?? undefined }).date;
  const replyRule = getRule('disclosure.reply', opts.rules);
  const supplementRule = getRule('disclosure.supplement-notice', opts.rules);

  let supplementOpen = false;
  let hasSupplementRequest = false;
  let openConsultation = false;
  let openFee = false;
  let extension: { length: number; approvedBy?: string; approvedOn?: string } | null = null;
  let answered: StoredRequestEvent | null = null;
  const clockEvents: DeadlineEvent[] = [];
  for (const e of events.slice(1)) {
    switch (e.type) {
      case 'supplement_requested':
        supplementOpen = true;
        hasSupplementRequest = true;
        break;
      case 'supplement_received':
        supplementOpen = false;
        clockEvents.push({ type: 'supplement_received', date: e.occurredOn, note: '收到补正的申请' });
        break;
      case 'consultation_started':
        openConsultation = true;
        clockEvents.push({ type: 'consultation_started', date: e.occurredOn, note: String(e.payload.party ?? '') });
        break;
      case 'consultation_ended':
        openConsultation = false;
        clockEvents.push({ type: 'consultation_ended', date: e.occurredOn });
        break;
      case 'fee_notice_sent':
        openFee = true;
        clockEvents.push({ type: 'fee_notice_sent', date: e.occurredOn });
        break;
      case 'fee_paid':
        openFee = false;
        clockEvents.push({ type: 'fee_paid', date: e.occurredOn });
        break;
      case 'extended':
        extension = { length: Number(e.payload.days), approvedBy: String(e.payload.approvedBy ?? ''), approvedOn: e.occurredOn };
        break;
      case 'answered':
        answered = e;
        break;
      default:
        break;
    }
  }
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const supplementNoticeDue = computeDeadline({ rule: supplementRule, start: receivedOn, calendar }, { trace: false }).due;
  const reply =
    supplementOpen && !answered
      ? null
      : computeDeadline(
          { rule: replyRule, start: receivedOn, events: clockEvents, extended: extension ?? undefined, calendar },
          { trace: opts.trace ?? true, asOf: answered?.occurredOn ?? today },
        );
  let state: RequestState = 'in_progress';
  if (answered) state = 'closed';
  else if (supplementOpen) state = 'awaiting_supplement';
  else if (openConsultation) state = 'consulting';
  else if (openFee) state = 'awaiting_fee';
  const closedOn = answered?.occurredOn ?? null;
  const due = reply?.due ?? null;
  return {
    state,
    receivedOn,
    due,
    reply,
    supplementNoticeDue,
    outcome: (answered?.payload.outcome as Outcome | undefined) ?? null,
    outcomeSub: answered?.payload.outcomeSub ? Number(answered.payload.outcomeSub) : null,
    closedOn,
    isExtended: extension !== null,
    extensionDays: extension?.length ?? 0,
    provisional: reply?.provisional ?? false,
    hasSupplementRequest,
    openConsultation,
    openFee,
    isLate: due !== null && (closedOn ? closedOn > due : state !== 'awaiting_supplement' && !reply?.paused && today > due),
  };
}
