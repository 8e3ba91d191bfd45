import { ClusterDdlException } from './cluster-ddl.exception';
import { splitTokens, tokenizeSql, tokensText } from './sql-token.util';

describe(tokenizeSql.name, () => {
  it.each([
    ['line comments', 'a -- b, c\n, d', ['a', ',', 'd']],
    ['block comments', 'a /* (, */ b', ['a', 'b']],
    ['a comment marker inside a string', "'a -- b' c", ["'a -- b'", 'c']],
    ['doubled and escaped quotes', "'it''s' 'a\\'b' x", ["'it''s'", "'a\\'b'", 'x']],
    ['the db placeholder', '{{db}}.calls', ['{{db}}', '.', 'calls']],
    ['two-character operators', 'a::b -> c <= d', ['a', '::', 'b', '->', 'c', '<=', 'd']],
    ['backquoted identifiers', '`my col` String', ['`my col`', 'String']],
  ])('should tokenize %s', (_, sql, texts) => {
    expect(tokenizeSql(sql).map((t) => t.text)).toEqual(texts);
  });

  it('should give a bracket the depth outside it and its content one more', () => {
    const depths = tokenizeSql("f(a, [b, {'k': c}])").map((t) => `${t.text}@${t.depth}`);
    expect(depths).toEqual([
      'f@0',
      '(@0',
      'a@1',
      ',@1',
      '[@1',
      'b@2',
      ',@2',
      '{@2',
      "'k'@3",
      ':@3',
      'c@3',
      '}@2',
      ']@1',
      ')@0',
    ]);
  });

  it.each([
    ['an unterminated string', "a 'b"],
    ['an unterminated comment', 'a /* b'],
    ['a missing closing bracket', 'f(a, (b)'],
    ['a mismatched bracket', 'f(a]'],
    ['a stray closing bracket', 'a)'],
    ['an unterminated placeholder', '{{db.calls'],
  ])('should refuse %s', (_, sql) => {
    expect(() => tokenizeSql(sql)).toThrow(ClusterDdlException);
  });
});

describe(tokensText.name, () => {
  it('should collapse whitespace and comments between tokens but never inside quotes', () => {
    const sql = "x    DEFAULT  'a  b' -- note\n   CODEC(ZSTD)";
    expect(tokensText(sql, tokenizeSql(sql))).toBe("x DEFAULT 'a  b' CODEC(ZSTD)");
  });
});

describe(splitTokens.name, () => {
  it('should split only at separators of the given depth', () => {
    const sql = "(a Enum8('x' = 1, 'y' = 2), b Map(String, UInt8))";
    const tokens = tokenizeSql(sql);
    const parts = splitTokens(tokens.slice(1, -1), 1).map((p) => tokensText(sql, p));
    expect(parts).toEqual(["a Enum8('x' = 1, 'y' = 2)", 'b Map(String, UInt8)']);
  });

  it('should refuse an empty item', () => {
    expect(() => splitTokens(tokenizeSql('a,,b'), 0)).toThrow(ClusterDdlException);
  });
});
