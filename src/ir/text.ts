/**
 * The escaping layer for text that reaches generated code, one function per context: `//` and
 * JSDoc comments ({@link commentSafe}), template literals ({@link templateSafe}); string literals
 * are `stringLiteral` (src/emit/jsFormat.ts); identifiers are validated and renamed by the Namer
 * (src/emit/names.ts), never escaped.
 *
 * User-controlled text that reaches generated code as comments (call-site paths above all: a file
 * name may hold a line break) passes through here: it can then neither end its comment nor open
 * code. Line terminators (LF, CR, U+2028, U+2029) and other control characters become visible
 * escapes, and `*\/` cannot close a block comment.
 */
export function commentSafe(text: string): string {
  // (nearly every comment is safe as it is: one scan finds that, no copies made)
  if (!UNSAFE_IN_COMMENT.test(text)) return text;
  return text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
      const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
      return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    })
    .replace(/\*\//g, '*\\/');
}

/** What {@link commentSafe} replaces: a control character, a line terminator or `*\/`. */
const UNSAFE_IN_COMMENT = /[\u0000-\u001f\u007f\u2028\u2029]|\*\//;

/**
 * Text inside a template literal: backslashes, backticks, `${` and line terminators (LF, CR,
 * U+2028, U+2029) are escaped, so the text can neither end the literal nor open code in it.
 */
export function templateSafe(text: string): string {
  const named: Record<string, string> = {
    '\\': '\\\\',
    '`': '\\`',
    '\n': '\\n',
    '\r': '\\r',
    '\u2028': '\\u2028',
    '\u2029': '\\u2029',
  };
  return text.replace(/[\\`\n\r\u2028\u2029]|\$\{/g, (c) => (c === '${' ? '\\${' : named[c]!));
}
