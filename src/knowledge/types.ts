/** One topic of the knowledge base: one Markdown file in the knowledge directory. */
export interface KnowledgeEntry {
  id: string;
  title: string;
  titleEn: string;
  aliases: string[];
  tags: string[];
  related: string[];
  /** The Markdown body after the front-matter. */
  body: string;
  /** File name relative to the knowledge directory, for error messages. */
  file: string;
}

export interface Match {
  entry: KnowledgeEntry;
  /** Confidence in 0..1, higher is better. */
  score: number;
}

export interface Answer {
  query: string;
  /** True when the best match is confident enough to be shown as the answer. */
  answered: boolean;
  /** Best first. When not answered, these are the closest topics ("did you mean"). */
  matches: Match[];
}

export interface KnowledgeBase {
  entries: readonly KnowledgeEntry[];
  byId(id: string): KnowledgeEntry | undefined;
  ask(question: string, options?: { limit?: number }): Answer;
}
