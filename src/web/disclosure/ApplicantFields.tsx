/**
 * The applicant and request fields of a 政府信息公开申请 (《政府信息公开条例》第二十九条), shared by 登记申请 (staff)
 * and the portal's 在线申请; `rule` gives each field the rules of the zod schema the server validates with.
 */
import { Form, Input, Select } from 'antd';
import { DISCLOSURE_LIMITS } from '../../shared/disclosure';
import { APPLICANT_TYPE_OPTIONS, DELIVERY_OPTIONS, FORM_OPTIONS, type zodRule } from './common';

/** The applicant and request fields, shared by 登记申请 (staff) and the portal's 在线申请 via the same schema rules. */
export function ApplicantFields({ rule }: { rule: (field: string, label: string) => ReturnType<typeof zodRule> }) {
  return (
    <>
      <Form.Item name="applicantType" label="申请人类型" rules={rule('applicantType', '申请人类型')}>
        <Select options={APPLICANT_TYPE_OPTIONS} data-testid="applicant-type" />
      </Form.Item>
      <Form.Item name="applicantName" label="姓名/名称" rules={rule('applicantName', '申请人姓名或名称')}>
        <Input maxLength={DISCLOSURE_LIMITS.nameMax} />
      </Form.Item>
      <Form.Item name="applicantIdNo" label="证件号码" rules={rule('applicantIdNo', '证件号码')} extra="身份证件号码或统一社会信用代码">
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="applicantPhone" label="联系电话" rules={rule('applicantPhone', '联系电话')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="applicantEmail" label="电子邮箱" rules={rule('applicantEmail', '电子邮箱')}>
        <Input maxLength={128} />
      </Form.Item>
      <Form.Item name="applicantAddress" label="通信地址" rules={rule('applicantAddress', '通信地址')}>
        <Input maxLength={256} />
      </Form.Item>
      <Form.Item name="content" label="所需信息" rules={rule('content', '所需政府信息的描述')} extra="政府信息的名称、文号或者便于行政机关查询的其他特征性描述">
        <Input.TextArea rows={4} maxLength={DISCLOSURE_LIMITS.contentMax} showCount />
      </Form.Item>
      <Form.Item name="form" label="获取形式" rules={rule('form', '获取形式')}>
        <Select options={FORM_OPTIONS} />
      </Form.Item>
      <Form.Item name="delivery" label="获取方式" rules={rule('delivery', '获取方式')}>
        <Select options={DELIVERY_OPTIONS} />
      </Form.Item>
    </>
  );
}
