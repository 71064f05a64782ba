/** Contract (MLflow 2.17.0): every recorded read and error exchange (read-contract.ts). */
import { LINE_2 } from './exchanges';
import { describeReadContract } from './read-contract';
import { contractWorkspaces } from './workspaces';

describeReadContract({
  set: LINE_2,
  workspaces: await contractWorkspaces(),
  count: 174, // 179 recorded, less 5 /graphql
});
