import { useState } from 'react';
import type { PlanSelectDetail } from 'ruankao-elements';

/**
 * React 19 sets properties and listens to custom events on custom elements by itself:
 * `onrk-plan-select` listens to `rk-plan-select`.
 */
export function App() {
  const [chosen, setChosen] = useState<PlanSelectDetail | null>(null);
  return (
    <main>
      <h1>计算机软件考试 · 考试计划（React）</h1>
      <rk-provider api-base="/api" lang="zh-CN">
        <rk-exam-plan level="junior" onrk-plan-select={(event: CustomEvent<PlanSelectDetail>) => setChosen(event.detail)} />
      </rk-provider>
      <p id="chosen" role="status">
        {chosen ? `已选择：${chosen.level} ${chosen.qualification}` : ''}
      </p>
    </main>
  );
}
