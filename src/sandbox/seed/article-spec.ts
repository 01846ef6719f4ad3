import type { SOLUTION_FOLDER } from "./ids.ts";

export type FolderKey = keyof typeof SOLUTION_FOLDER;

/** One knowledge-base article as authored; solutions.ts turns it into the wire shape. */
export type ArticleSpec = {
  folder: FolderKey;
  title: string;
  /** Article body as stored by the Freshdesk editor (HTML). */
  html: string;
  tags: string[];
  /** 1 draft, 2 published. */
  status: 1 | 2;
  /** 1 permanent, 2 workaround. */
  type?: 1 | 2;
  hits: number;
  thumbsUp: number;
  thumbsDown: number;
  createdDaysAgo: number;
  updatedDaysAgo: number;
  metaDescription: string;
};
