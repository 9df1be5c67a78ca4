/**
 * 接口令牌: the signed-in user's API tokens for integrations (Authorization: Bearer …). The secret is shown once
 * at creation; tokens can be revoked.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { feedback, showError } from '../../feedback';
import { fmtTime } from '../../components/format';
import type { ApiTokenItem } from '../../types';
import { permissionLabel } from '../permissionLabels';

const parsePerms = (p: string | null): string[] | null => {
  if (!p) return null;
  try {
    return JSON.parse(p) as string[];
  } catch {
    return null;
  }
};

function tokenState(t: ApiTokenItem) {
  if (t.revoked_at) return <Tag color="default">已吊销</Tag>;
  if (t.expires_at && dayjs(t.expires_at).isBefore(dayjs())) return <Tag color="warning">已过期</Tag>;
  return <Tag color="success">有效</Tag>;
}

export default function TokensPage() {
  const { user } = useAuth();
  const [items, setItems] = useState<ApiTokenItem[]>([]);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setItems((await api.get<{ items: ApiTokenItem[] }>('/api/auth/tokens')).items);
    } catch (err) {
      showError(err);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const revoke = (t: ApiTokenItem) =>
    feedback.modal.confirm({
      title: '确认吊销',
      content: `确定吊销接口令牌「${t.name}」吗？使用该令牌的系统将立即无法访问。`,
      okText: '确定吊销',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.delete(`/api/auth/tokens/${t.id}`);
          feedback.message.success('已吊销');
          await load();
        } catch (err) {
          showError(err);
        }
      },
    });

  const columns: ColumnsType<ApiTokenItem> = [
    { title: '名称', dataIndex: 'name', width: 180 },
    { title: '令牌前缀', dataIndex: 'token_prefix', width: 130, render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
    {
      title: '权限',
      dataIndex: 'permissions',
      render: (p: string | null) => {
        const ps = parsePerms(p);
        return ps ? ps.map((x) => <Tag key={x}>{permissionLabel(x)}</Tag>) : <span className="fz-muted">与本人相同</span>;
      },
    },
    { title: '状态', key: 'state', width: 90, align: 'center', render: (_: unknown, t) => tokenState(t) },
    { title: '创建时间', dataIndex: 'created_at', width: 170, render: fmtTime },
    { title: '到期时间', dataIndex: 'expires_at', width: 170, render: (v: string | null) => (v ? fmtTime(v) : '长期') },
    { title: '最后使用', dataIndex: 'last_used_at', width: 170, render: fmtTime },
    {
      title: '操作',
      key: 'actions',
      width: 100,
      render: (_: unknown, t) =>
        !t.revoked_at && (
          <Button type="link" size="small" danger icon={<StopOutlined />} onClick={() => revoke(t)}>
            吊销
          </Button>
        ),
    },
  ];

  return (
    <div className="fz-page">
      <Card variant="borderless" className="fz-table-card">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="接口令牌供其他系统调用本平台接口：请求头加 Authorization: Bearer <令牌>。令牌的权限不超过您本人的权限，所有调用都记入操作日志。"
        />
        <div className="fz-toolbar">
          <Button className="fz-btn-primary-plain" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
            新建令牌
          </Button>
          <Tooltip title="刷新">
            <Button shape="circle" icon={<ReloadOutlined />} onClick={load} aria-label="刷新" />
          </Tooltip>
        </div>
        <Table<ApiTokenItem> data-testid="token-table" rowKey="id" size="middle" loading={loading} columns={columns} dataSource={items} pagination={false} scroll={{ x: 1100 }} />
      </Card>
      {creating && (
        <CreateTokenModal
          ownPermissions={user?.permissions ?? []}
          onClose={() => setCreating(false)}
          onCreated={async (token) => {
            setCreating(false);
            setSecret(token);
            await load();
          }}
        />
      )}
      <Modal
        open={!!secret}
        title="令牌已创建"
        mask={{ closable: false }}
        onCancel={() => setSecret(null)}
        footer={
          <Button type="primary" onClick={() => setSecret(null)}>
            我已妥善保存
          </Button>
        }
      >
        <Alert type="warning" showIcon title="令牌只显示这一次，关闭后无法再次查看，请立即复制并妥善保存。" style={{ marginBottom: 16 }} />
        <Typography.Paragraph copyable={{ text: secret ?? '', tooltips: ['复制', '已复制'] }} className="fz-secret" data-testid="token-secret">
          {secret}
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}

function CreateTokenModal({ ownPermissions, onClose, onCreated }: { ownPermissions: string[]; onClose: () => void; onCreated: (token: string) => void }) {
  const [form] = Form.useForm<{ name: string; permissions?: string[]; expiresAt?: Dayjs | null }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    let v: { name: string; permissions?: string[]; expiresAt?: Dayjs | null };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const r = await api.post<{ id: number; token: string }>('/api/auth/tokens', {
        name: v.name.trim(),
        permissions: v.permissions?.length ? v.permissions : null,
        expiresAt: v.expiresAt ? v.expiresAt.endOf('day').toISOString() : null,
      });
      onCreated(r.token);
    } catch (err) {
      showError(err, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title="新建接口令牌" onCancel={onClose} onOk={submit} okText="创建" cancelText="取消" confirmLoading={saving} destroyOnHidden width={560}>
      <Form form={form} name="token" layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写令牌名称' }]} extra="用于识别调用方，如：政务服务网对接">
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="permissions" label="限定权限" extra="不选则与本人权限相同；可输入通配权限如 org:*:list">
          <Select mode="tags" placeholder="选择或输入权限" options={ownPermissions.map((p) => ({ value: p, label: p === '*' ? '全部权限（*）' : `${permissionLabel(p)}${permissionLabel(p) !== p ? `（${p}）` : ''}` }))} />
        </Form.Item>
        <Form.Item name="expiresAt" label="到期日期" extra="不填则长期有效">
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
