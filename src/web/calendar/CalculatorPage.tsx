/**
 * 期限计算 (staff): the calculator on the user's unit calendar, or on another unit's within the user's data scope.
 */
import { useAuth } from '../auth';
import { DeadlineCalculator } from './DeadlineCalculator';

export default function CalculatorPage() {
  const { user } = useAuth();
  return (
    <div className="fz-page" data-testid="calculator-page">
      <DeadlineCalculator mode="staff" defaultUnitId={user?.unitId ?? null} />
    </div>
  );
}
