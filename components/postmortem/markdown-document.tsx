import { lexer, type Token, type Tokens } from "marked";
import type { ReactNode } from "react";
import m from "./markdown.module.css";

// The postmortem draft read as a document. marked only tokenises; every token becomes a React element
// here, so text is always text: raw HTML in the Markdown (a log line quoting "<script>") is shown as
// written, never interpreted, and a link goes only where a link may (http, https, mailto, or within
// Uptrust). Rendered on the server: the browser receives HTML, not a Markdown parser.

const SAFE_HREF = /^(https?:|mailto:|\/(?!\/)|#)/i;

/** Where a Markdown link may point on an Uptrust page; anything else (javascript:, data:, //host) is not a link. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  return SAFE_HREF.test(trimmed) ? trimmed : null;
}

type Align = Tokens.TableCell["align"];
const alignStyle = (align: Align) => (align ? { textAlign: align } : undefined);

function inline(tokens: readonly Token[] | undefined, key = ""): ReactNode[] {
  return (tokens ?? []).map((t, i) => inlineToken(t, `${key}${i}`));
}

function inlineToken(t: Token, key: string): ReactNode {
  switch (t.type) {
    case "strong":
      return <strong key={key}>{inline(t.tokens, key)}</strong>;
    case "em":
      return <em key={key}>{inline(t.tokens, key)}</em>;
    case "del":
      return <del key={key}>{inline(t.tokens, key)}</del>;
    case "codespan":
      return <code key={key}>{t.text}</code>;
    case "br":
      return <br key={key} />;
    case "link": {
      const href = safeHref(String(t.href));
      const text = inline(t.tokens, key);
      const external = href !== null && /^https?:/i.test(href);
      return href ? <a key={key} href={href} rel={external ? "noopener noreferrer nofollow" : undefined}>{text}</a> : <span key={key}>{text}</span>;
    }
    case "image":
      // Images are not fetched from wherever a draft points; the alternative text stands in.
      return <span key={key} className={m.image}>[image: {t.text}]</span>;
    case "text":
      return t.tokens ? <span key={key}>{inline(t.tokens, key)}</span> : t.text;
    default:
      // escape, html and anything unknown: the characters as written.
      return "text" in t && typeof t.text === "string" ? t.text : t.raw;
  }
}

function block(t: Token, key: string): ReactNode {
  switch (t.type) {
    case "heading": {
      const Heading = `h${Math.min(Math.max(t.depth, 1), 6)}` as "h1" | "h2" | "h3" | "h4" | "h5" | "h6";
      return <Heading key={key}>{inline(t.tokens, key)}</Heading>;
    }
    case "paragraph":
      return <p key={key}>{inline(t.tokens, key)}</p>;
    case "text":
      return <span key={key}>{t.tokens ? inline(t.tokens, key) : t.text}</span>;
    case "blockquote":
      return <blockquote key={key}>{blocks(t.tokens, key)}</blockquote>;
    case "code":
      return <pre key={key} className={m.code}><code data-lang={t.lang || undefined}>{t.text}</code></pre>;
    case "hr":
      return <hr key={key} />;
    case "list": {
      const items = (t.items as Tokens.ListItem[]).map((item, i) => (
        <li key={i}>{item.task ? <input type="checkbox" checked={Boolean(item.checked)} disabled readOnly aria-label="done" /> : null}{blocks(item.tokens, `${key}.${i}.`)}</li>
      ));
      return t.ordered ? <ol key={key} start={typeof t.start === "number" ? t.start : undefined}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case "table":
      return (
        <div key={key} className={m.tableWrap}>
          <table>
            <thead>
              <tr>{(t.header as Tokens.TableCell[]).map((c, i) => <th key={i} scope="col" style={alignStyle(c.align)}>{inline(c.tokens, `${key}h${i}`)}</th>)}</tr>
            </thead>
            <tbody>
              {(t.rows as Tokens.TableCell[][]).map((row, r) => (
                <tr key={r}>{row.map((c, i) => <td key={i} style={alignStyle(c.align)}>{inline(c.tokens, `${key}r${r}c${i}`)}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "space":
    case "def":
      return null;
    default:
      // Block HTML and anything unknown: shown as the text it is.
      return <p key={key} className={m.raw}>{t.raw}</p>;
  }
}

function blocks(tokens: readonly Token[] | undefined, key = ""): ReactNode[] {
  return (tokens ?? []).map((t, i) => block(t, `${key}${i}`));
}

// The draft's "# Postmortem: …" is the page's h1, as an incident's title is on its page.
export function MarkdownDocument({ markdown }: { markdown: string }) {
  return <div className={m.doc} data-testid="postmortem-rendered">{blocks(lexer(markdown))}</div>;
}
