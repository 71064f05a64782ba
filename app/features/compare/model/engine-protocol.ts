import type { PipelineRequest, PipelineResult } from './pipeline';
import type { RawSeries } from './series';

export type EngineMessage =
  | { type: 'put'; key: string; series: RawSeries }
  | { type: 'drop'; keys: string[] }
  | { type: 'run'; id: number; req: PipelineRequest };

export interface EngineReply {
  id: number;
  result: PipelineResult;
}
