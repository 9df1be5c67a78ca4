/**
 * antd's message/modal/notification bound to the app's ConfigProvider (zh-CN, theme), usable outside components,
 * and `showError` which puts an ApiError's message on screen and its field errors onto a form.
 */
import { App } from 'antd';
import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { HookAPI as ModalHookAPI } from 'antd/es/modal/useModal';
import type { NotificationInstance } from 'antd/es/notification/interface';
import { ApiError } from './api';

let message: MessageInstance | null = null;
let modal: ModalHookAPI | null = null;
let notification: NotificationInstance | null = null;

/** Rendered once inside <App>; captures the context-aware message/modal/notification APIs. */
export function FeedbackBinder() {
  const app = App.useApp();
  message = app.message;
  modal = app.modal;
  notification = app.notification;
  return null;
}

export const feedback = {
  get message(): MessageInstance {
    if (!message) throw new Error('FeedbackBinder is not mounted');
    return message;
  },
  get modal(): ModalHookAPI {
    if (!modal) throw new Error('FeedbackBinder is not mounted');
    return modal;
  },
  get notification(): NotificationInstance {
    if (!notification) throw new Error('FeedbackBinder is not mounted');
    return notification;
  },
};

/**
 * Shows an error: the message with message.error, and (for ApiError with `fields`) each field's message on the
 * matching form item. Server field paths look like `code`, `roleIds.0` or `header.x`; `map` renames them.
 */
export function showError(err: unknown, form?: FormInstance | null, map: Record<string, string> = {}) {
  if ((err as Error)?.name === 'AbortError') return;
  if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') return; // being sent to the sign-in page
  const text = err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err);
  if (form && err instanceof ApiError && err.fields.length) {
    const known = new Set([...Object.keys(form.getFieldsValue() ?? {}), ...Object.keys(form.getFieldsValue(true) ?? {})]);
    const byField = new Map<string, string[]>();
    const unplaced: string[] = [];
    for (const f of err.fields) {
      const head = f.field.split('.')[0];
      const name = map[f.field] ?? map[head] ?? head;
      if (known.has(name)) byField.set(name, [...(byField.get(name) ?? []), f.message]);
      else unplaced.push(f.message);
    }
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    // The field messages are on the form; the toast repeats them without the technical field names.
    if (byField.size) {
      message?.error([...[...byField.values()].flat(), ...unplaced].join('；'));
      return;
    }
  }
  message?.error(text);
}
