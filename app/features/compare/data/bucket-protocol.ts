import type { PipelineRequest, PipelineResult } from '../model/pipeline';
import type { RawSeries } from '../model/series';

export type EngineMessage =
  | { type: 'put'; key: string; series: RawSeries }
  | { type: 'drop'; keys: string[] }
  | { type: 'run'; id: number; req: PipelineRequest };

export interface EngineReply {
  id: number;
  result: PipelineResult;
}
