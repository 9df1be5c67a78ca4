/**
 * 登录日志: sign-in attempts (success and failure), filtered by user name.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Form, Input, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { api } from '../../api';
import { showError } from '../../feedback';
import { fmtTime } from '../../components/format';
import type { LoginLogItem, Paged } from '../../types';

const REASONS: Record<string, string> = {
  bad_password: '密码错误',
  no_user: '用户不存在',
  unknown_user: '用户不存在',
  disabled: '账号或所在单位已停用',
  locked: '失败次数过多，账号已临时锁定',
  unit_disabled: '单位已停用',
};

export default function LoginLogPage() {
  const [form] = Form.useForm<{ username?: string }>();
  const [username, setUsername] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<Paged<LoginLogItem>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api.get<Paged<LoginLogItem>>('/api/auth/login-log', { username, ...page }));
    } catch (err) {
      showError(err);
    } finally {
      setLoading(false);
    }
  }, [username, page]);
  useEffect(() => {
    void load();
  }, [load]);

  const columns: ColumnsType<LoginLogItem> = [
    { title: '访问编号', dataIndex: 'id', width: 100 },
    { title: '用户名', dataIndex: 'username', width: 160 },
    { title: '登录地址', dataIndex: 'ip', width: 160 },
    { title: '登录状态', dataIndex: 'success', width: 110, align: 'center', render: (s: number) => (s ? <Tag color="success">成功</Tag> : <Tag color="error">失败</Tag>) },
    { title: '提示信息', dataIndex: 'reason', render: (r: string | null, row) => (row.success ? '登录成功' : r ? (REASONS[r] ?? r) : '—') },
    { title: '访问时间', dataIndex: 'occurred_at', width: 180, render: fmtTime },
  ];

  return (
    <div className="fz-page">
      <Card variant="borderless" className="fz-search">
        <Form
          form={form}
          layout="inline"
          name="loginLogSearch"
          onFinish={(v) => {
            setUsername(v.username?.trim() || undefined);
            setPage((p) => ({ ...p, page: 1 }));
          }}
        >
          <Form.Item name="username" label="用户名">
            <Input placeholder="完整的用户名" allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                搜索
              </Button>
              <Button
                icon={<ReloadOutlined />}
                onClick={() => {
                  form.resetFields();
                  setUsername(undefined);
                  setPage((p) => ({ ...p, page: 1 }));
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card variant="borderless" className="fz-table-card">
        <div className="fz-toolbar">
          <span className="fz-muted">连续多次登录失败的账号会被临时锁定。</span>
          <Tooltip title="刷新">
            <Button shape="circle" icon={<ReloadOutlined />} onClick={load} aria-label="刷新" />
          </Tooltip>
        </div>
        <Table<LoginLogItem>
          data-testid="login-log-table"
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={data.items}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: data.total,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 条`,
            onChange: (p, s) => setPage({ page: s !== page.pageSize ? 1 : p, pageSize: s }),
          }}
        />
      </Card>
    </div>
  );
}
