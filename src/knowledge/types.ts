import type { Chat } from './message.ts';

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

/**
 * answered: the best note answers the question. partial: the best note covers part of it and lacks
 * something the question asks about (see `partial`). none: no note covers it.
 */
export type Outcome = 'answered' | 'partial' | 'none';

export interface Answer {
  query: string;
  outcome: Outcome;
  /** outcome === 'answered': the best match is confident enough to be shown as the answer. */
  answered: boolean;
  /**
   * Best first. Answered: the answer, then runners-up. Partial: the note that covers part, first.
   * None: the closest topics sharing a meaningful word with the question ("did you mean"), possibly none.
   */
  matches: Match[];
  /**
   * For a partial answer, the question's words as typed: those the first match covers ("도커 루트
   * 디렉토리") and those it lacks ("바꾸는", "docker system prune", "-e"), so a face can say which part
   * the notes answer.
   */
  partial?: { covered: string[]; missing: string[] };
  /**
   * The message is only a greeting or thanks, with no question, or names nothing at all ("음…"): reply briefly and
   * say how to ask. help: it asks about the bot itself ("help", "what can you do?", "너 누구야?") or asks something
   * naming nothing ("다시 설명해 줄래요?"): say what it does and list the topics. sorry: it says the bot got it wrong
   * ("that's not what I asked", "답이 틀렸어요"): apologise and say how to ask again.
   */
  chat?: Chat;
}

export interface KnowledgeBase {
  entries: readonly KnowledgeEntry[];
  byId(id: string): KnowledgeEntry | undefined;
  ask(question: string, options?: { limit?: number }): Answer;
}
