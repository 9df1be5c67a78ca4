/**
 * 期限计算器 on the public portal (/p/deadline): anyone, without signing in, computes a statutory deadline on the
 * national working-day calendar and sees how it was reached, day by day (house-style §12 C.1).
 */
import { Typography } from 'antd';
import { DeadlineCalculator } from './DeadlineCalculator';

export default function PublicCalculatorPage() {
  return (
    <div data-testid="public-calculator">
      <Typography.Paragraph type="secondary">
        法律规定的“工作日”不含周末和法定节假日，含调休上班日；“日”届满日为休息日的，顺延至其后第一个工作日。选择期限规则、填写起算日，即可得到期限届满日和逐日计算过程。
      </Typography.Paragraph>
      <DeadlineCalculator mode="public" />
    </div>
  );
}
