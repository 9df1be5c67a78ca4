/**
 * 修改密码 (POST /api/auth/password). `forced`: after sign-in with a one-time password — cannot be dismissed.
 */
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { feedback, showError } from '../feedback';

/** Same policy as the server (src/modules/auth/password.ts): 8+ characters with letters and digits. */
export const passwordRules = [
  { required: true, message: '请输入新密码' },
  { min: 8, message: '密码至少 8 位' },
  { max: 128, message: '密码不能超过 128 位' },
  { pattern: /^(?=.*[A-Za-z])(?=.*\d).+$/, message: '密码须同时包含字母和数字' },
];

export function ChangePasswordModal({ open, forced, onDone, onCancel }: { open: boolean; forced?: boolean; onDone: () => void; onCancel?: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    let v: { oldPassword: string; newPassword: string };
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is wrong
    }
    setSaving(true);
    try {
      await api.post('/api/auth/password', { oldPassword: v.oldPassword, newPassword: v.newPassword });
      feedback.message.success('密码已修改');
      form.resetFields();
      onDone();
    } catch (err) {
      showError(err, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="修改密码"
      open={open}
      onOk={submit}
      onCancel={forced ? undefined : () => { form.resetFields(); onCancel?.(); }}
      closable={!forced}
      mask={{ closable: false }}
      keyboard={!forced}
      okText="确认修改"
      cancelButtonProps={forced ? { style: { display: 'none' } } : undefined}
      confirmLoading={saving}
      destroyOnHidden
    >
      {forced && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="您正在使用初始密码或管理员重置的密码，请先修改密码再继续使用系统。" />}
      <Form form={form} layout="vertical" requiredMark onFinish={submit}>
        <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" rules={passwordRules} extra="至少 8 位，须同时包含字母和数字">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
