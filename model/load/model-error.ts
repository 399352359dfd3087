/** One thing wrong with a model: where (file and path inside the model) and what was expected. */
export interface ModelIssue {
  path: string;
  message: string;
}

/** A model that cannot be used; carries every issue found, each naming the file and the path. */
export class ModelError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ModelIssue[],
  ) {
    super(issues.map((issue) => `${file}: ${issue.path}: ${issue.message}`).join('\n'));
    this.name = 'ModelError';
  }
}
