/** Deal and ticket pipelines with their stages. Filled in by the pipelines work. */
export class PipelineStore {
  toJSON(): unknown {
    return {};
  }
  load(_state: unknown): void {}
}
