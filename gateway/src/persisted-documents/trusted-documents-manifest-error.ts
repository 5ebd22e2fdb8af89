/** How many problems the message lists; the rest are counted. */
const LISTED_PROBLEMS = 20;

/** Parameters of {@link TrustedDocumentsManifestError}. */
export interface TrustedDocumentsManifestErrorParameters {
  /** The manifest file. */
  file: string;
  /** What is wrong, one sentence per problem, each naming its entry where there is one. */
  problems: readonly string[];
  /** The error that caused this one (reading or parsing the file). */
  cause?: unknown;
}

/**
 * The trusted documents manifest cannot be used: the file cannot be read, is not a manifest, or has entries that
 * do not parse, do not validate against the supergraph, or whose key is not their document's hash. Thrown at
 * start-up; its message names the file and every bad entry.
 */
export class TrustedDocumentsManifestError extends Error {
  override name = 'TrustedDocumentsManifestError';
  /** The manifest file. */
  readonly file: string;
  /** Every problem found, one sentence each. */
  readonly problems: readonly string[];

  constructor({ file, problems, cause }: TrustedDocumentsManifestErrorParameters) {
    const listed = problems.slice(0, LISTED_PROBLEMS).map((problem) => `- ${problem}`);
    if (problems.length > LISTED_PROBLEMS) listed.push(`- … and ${problems.length - LISTED_PROBLEMS} more`);
    super(
      `The trusted documents manifest ${file} cannot be used; fix it (regenerate it from the clients' operations), or point GATEWAY_TRUSTED_DOCUMENTS at another file:\n${listed.join('\n')}`,
      cause === undefined ? undefined : { cause },
    );
    this.file = file;
    this.problems = problems;
  }
}
