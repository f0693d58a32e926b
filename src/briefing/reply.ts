/**
 * The platform-neutral answer to a command. The Discord adapter renders it as embeds and buttons (within Discord's
 * limits), the console as plain text. Text here is plain: adapters escape it for their medium.
 */
export interface Reply {
  /** Only the person who asked sees it (Discord: ephemeral). Errors and notes are private. */
  private?: boolean;
  /** A short line above the embeds ("No Latvia coverage in the last 7 days; …"). */
  content?: string;
  sections?: ReplySection[];
  /** Rows of buttons; each button carries its whole state in `action` (≤ 100 chars) so it survives restarts. */
  buttons?: ReplyButton[][];
}

/** One block of the reply: Discord renders it as an embed. */
export interface ReplySection {
  title?: string;
  /** Link behind the title. */
  url?: string;
  /** Lines of body text; a line may link somewhere (Discord: a markdown link; console: the URL after the text). */
  lines?: ReplyLine[];
  fields?: ReplyField[];
  footer?: string;
  /** ISO instant shown as the section's time. */
  timestamp?: string;
}

/** Plain text, or text that links to a URL (a source's title linking to the article). */
export type ReplyLine = string | ReplyLink;

export interface ReplyLink {
  text: string;
  url: string;
  /** Plain text after the link, e.g. " — ERR, 2024-03-14". */
  after?: string;
}

export interface ReplyField {
  name: string;
  value: string;
  inline?: boolean;
}

export type ReplyButton =
  | { kind: 'action'; label: string; action: string; disabled?: boolean }
  | { kind: 'link'; label: string; url: string };

/** A private one-line reply: the shape of every expected failure shown to a user. */
export function noticeReply(message: string): Reply {
  return { private: true, content: message };
}
