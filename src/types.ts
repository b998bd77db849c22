/**
 * The records that flow through baoku's pipeline: files → pages → article
 * records → site. This module is the contract between the stages
 * (load, parse, enrich, search, render, site); FORMAT.md §5 is its source.
 */

/** A problem found in the input: where it is, which rule, and what to do. */
export interface Message {
  /** Path of the input file, relative to the working directory, `/`-separated. */
  file: string;
  /** 1-based line in that file (0 when the message is about the whole file). */
  line: number;
  /** Stable rule id, e.g. `undated-file`, `unplaced-text`, `unknown-encoding`. */
  ruleId: string;
  severity: 'warning' | 'error';
  /** What was found, in one sentence. */
  message: string;
  /** What the user can do about it. */
  hint: string;
}

/** A page (版面) of an issue. */
export interface PageRef {
  /** Page number, 1-based (`01-要闻.txt` → 1). */
  number: number;
  /** Page name (`要闻`), null when the file name or front matter gives none. */
  name: string | null;
}

/** The dateline (电头): the formula that opens the first paragraph. */
export interface Dateline {
  /** The formula as written: `本报北京5月8日电（记者 张三）`. */
  text: string;
  /** Place named in the formula (`北京`), else null. */
  place: string | null;
  /** Date named in the formula, ISO `YYYY-MM-DD`, else null. */
  date: string | null;
}

/** A picture caption (图片说明) with its credit line. */
export interface Caption {
  text: string;
  /** The credit as written: `新华社 图`, `本报记者 张三 摄`, `（资料图片）`. */
  credit: string | null;
}

/** A subheading (小标题) inside an article. */
export interface Subheading {
  /** Index in `paragraphs` of the paragraph this subheading precedes. */
  before: number;
  text: string;
}

/** A run of bold text (`**…**`) inside a body paragraph. */
export interface Emphasis {
  /** Index in `paragraphs` of the paragraph that holds the run. */
  paragraph: number;
  /** Start of the run in that paragraph, in UTF-16 code units (JavaScript string index). */
  start: number;
  /** End of the run (exclusive), in UTF-16 code units: the run is `paragraphs[paragraph].slice(start, end)`. */
  end: number;
}

/** Pages an article spans when it was continued (下转/上接). */
export interface Continuation {
  fromPage: number;
  toPage: number;
}

/** One article: the unit every later stage works on (FORMAT.md §5). */
export interface ArticleRecord {
  /** Stable id: `2025-05-09/01/2` (issue date, page, position). */
  id: string;
  /** Site path of the article page, root-relative, ends with `/`. */
  url: string;
  /** Input file of the (first part of the) article, `/`-separated, relative to the working directory. */
  file: string;
  /** 1-based line of the headline (or first text line) in `file`. */
  line: number;
  /** Day the paper appeared, `YYYY-MM-DD`; null when undated. */
  issueDate: string | null;
  page: PageRef | null;
  /** 栏目: the column the article sits in, else the page's section. */
  section: string | null;
  /** 主题: the headline. */
  headline: string;
  /** 引题: the line above the headline. */
  kicker: string | null;
  /** 副题: the line under the headline, without its leading dashes. */
  subtitle: string | null;
  dateline: Dateline | null;
  /** 来源: `本报`, `新华社`, … */
  source: string | null;
  /** Names of the reporters (记者, 通讯员). */
  byline: string[];
  captions: Caption[];
  /** Body paragraphs, plain text, layout breaks joined. */
  paragraphs: string[];
  subheadings: Subheading[];
  /** Bold runs inside body paragraphs (a whole bold line is a subheading instead); absent when there are none. */
  emphasis?: Emphasis[];
  continuation: Continuation | null;
  /** Keywords (TF-IDF over the article's words), filled by enrich. */
  keywords: string[];
  warnings: Message[];
  /** Link to the original publication (`[查看原文](…)` in broadcast transcripts). */
  originalUrl?: string;
}

/**
 * An article as one page file yields it, before the corpus-level steps
 * (continuation merging, ids, keywords).
 */
export interface ParsedArticle extends Omit<ArticleRecord, 'id' | 'url' | 'keywords'> {
  /** `（下转第3版）`: the page this article continues on. */
  continuedOn?: number;
  /** `（上接第1版）`: the page this part continues from. */
  continuedFrom?: number;
  /** Lines of the input that ended up in this article (for merging parts). */
  lastLine?: number;
  /** 1-based position of the article among the articles of its file: with `namePlace`, what its id is made of. */
  place?: number;
  /** The page and place on it that the file's name gives. */
  namePlace?: NamePlace;
}

/** What a file's own name says about where its articles sit (FORMAT.md §1, §5). */
export interface NamePlace {
  /** Page number in the name: `01-要闻.txt`, `20191001-04-03.txt` → 4. */
  page: number;
  /** NN of a `YYYYMMDD-PP-NN` name: the article's place on its page; null for a page file (`01-要闻.txt`). */
  order: number | null;
}

/** Values a page file's YAML front matter may set (FORMAT.md §1). */
export interface FrontMatter {
  date?: string;
  page?: number;
  pageName?: string;
  section?: string;
  source?: string;
  headline?: string;
  kicker?: string;
  subtitle?: string;
  byline?: string[];
}

/** An input file as read from disk. */
export interface SourceFile {
  /** Path relative to the working directory, `/`-separated (`articles/2025-05-09/01-要闻.txt`). */
  file: string;
  /** Path relative to the articles root, `/`-separated (`2025-05-09/01-要闻.txt`). */
  relPath: string;
  bytes: Uint8Array;
}

/** A page file decoded and its path metadata read: the input of `parse`. */
export interface LoadedPage {
  file: string;
  relPath: string;
  /** The text after the front matter, LF line endings, no BOM. */
  text: string;
  /** 1-based line in the file of the first line of `text`. */
  firstLine: number;
  frontMatter: FrontMatter;
  issueDate: string | null;
  page: PageRef | null;
  /** The page (and place on it) that the file name gives, when it gives one. */
  namePlace?: NamePlace;
  messages: Message[];
}

/** Site settings (baoku.config.json), after defaults and validation. */
export interface SiteConfig {
  /** Site title shown in the header and feeds. */
  title: string;
  description: string;
  /** Where the site is hosted: `/`, `/archive/` or `https://example.org/archive/`. Ends with `/`. */
  baseUrl: string;
  /** The paper that `本报` stands for. */
  paperName: string;
  /** Articles per page on section, source and keyword listings. */
  pageSize: number;
  /** Number of articles in the feeds. */
  feedSize: number;
  /** Language of the site (`zh-CN`). */
  language: string;
  /** Page files larger than this many bytes are skipped and reported. */
  maxFileSize: number;
}

/** One file of the built site. */
export interface OutputFile {
  /** Path inside the output directory, `/`-separated, no leading slash. */
  path: string;
  content: string | Uint8Array;
}

/**
 * A file of the built site that is made only when needed: `key` changes
 * whenever the content would (a hash of the template and the data it is
 * made from), so a file whose key is unchanged is kept from the previous
 * build without being made again.
 */
export interface LazyOutput {
  path: string;
  key: string;
  content: () => string | Uint8Array | Promise<string | Uint8Array>;
}

/** What the site and search stages yield: files made, or files made on demand. */
export type Output = OutputFile | LazyOutput;
