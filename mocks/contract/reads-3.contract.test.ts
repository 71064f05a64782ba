/** Contract (MLflow 3.18.0): every recorded read and error exchange (read-contract.ts). */
import { LINE_3 } from './exchanges-3';
import { describeReadContract } from './read-contract';
import { recordedWorkspace3 } from './workspaces';

describeReadContract({
  set: LINE_3,
  workspaces: [recordedWorkspace3],
  count: 93,
});
