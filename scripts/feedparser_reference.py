"""Reference side of scripts/eval-feeds.ts (run with Debian's /usr/bin/python3 and python3-feedparser).

Reads a JSON-lines file of eventwire results (one object per corpus file: path, headers, expect, ours,
rssParser: rss-parser's result in the same shape),
parses each corpus file with Python feedparser, evaluates the file's `Expect:` expression against
feedparser's result and against eventwire's result mapped into a feedparser-like dict, and prints one
JSON line per file: {"path", "shape", "eventwire", "feedparser", "rssParser"}. `shape` is null for expressions that
use fields eventwire does not expose; only shaped files are scored.
"""
import ast
import calendar
import io
import json
import sys
import time
import warnings

warnings.simplefilter('ignore')

try:
    import feedparser
    from feedparser.util import FeedParserDict
except ImportError:  # eventwire's figures are still scored, with a plain dict stand-in
    feedparser = None

    class FeedParserDict(dict):
        def __getattr__(self, key):
            try:
                return self[key]
            except KeyError as error:
                raise AttributeError(key) from error

FIELD_SHAPES = {
    "feed['title']": 'feed title', 'feed.title': 'feed title',
    "feed['link']": 'feed link', 'feed.link': 'feed link',
    'len(entries)': 'entry count',
    'encoding': 'encoding',
}
ENTRY_FIELDS = {
    'title': 'entry title', 'link': 'entry link', 'id': 'entry id', 'guid': 'entry id',
    'published_parsed': 'entry date', 'updated_parsed': 'entry date',
}


def classify_term(node):
    if isinstance(node, ast.Name) and node.id == 'bozo':
        return 'bozo'
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not) and classify_term(node.operand) == 'bozo':
        return 'bozo'
    if not (isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], ast.Eq)):
        return None
    if not isinstance(node.comparators[0], (ast.Constant, ast.Tuple, ast.BinOp)):
        return None
    left = ast.unparse(node.left)
    if left in FIELD_SHAPES:
        return FIELD_SHAPES[left]
    if isinstance(node.left, ast.Subscript) and isinstance(node.left.slice, ast.Constant):
        base = ast.unparse(node.left.value)
        if base.startswith('entries[') and base.endswith(']') and base[8:-1].isdigit():
            return ENTRY_FIELDS.get(node.left.slice.value)
    if isinstance(node.left, ast.Attribute):
        base = ast.unparse(node.left.value)
        if base.startswith('entries[') and base.endswith(']') and base[8:-1].isdigit():
            return ENTRY_FIELDS.get(node.left.attr)
    return None


def classify(expect):
    try:
        tree = ast.parse(expect, mode='eval').body
    except SyntaxError:
        return None
    terms = tree.values if isinstance(tree, ast.BoolOp) and isinstance(tree.op, ast.And) else [tree]
    shapes = [classify_term(t) for t in terms]
    if any(s is None for s in shapes):
        return None
    fields = [s for s in shapes if s != 'bozo']
    return fields[0] if fields else 'bozo'


def time_tuple(iso):
    if not iso:
        return None
    return time.gmtime(calendar.timegm(time.strptime(iso.replace('Z', ''), '%Y-%m-%dT%H:%M:%S')))


def ours_env(ours):
    if ours is None:
        return FeedParserDict(bozo=True, feed=FeedParserDict(), entries=[], encoding='')
    feed = FeedParserDict({k: v for k, v in (('title', ours['title']), ('link', ours['link'])) if v is not None})
    entries = []
    for item in ours['items']:
        entry = FeedParserDict()
        for key in ('title', 'link', 'id'):
            if item[key] is not None:
                entry[key] = item[key]
        for key in ('published', 'updated'):
            parsed = time_tuple(item[key])
            if parsed is not None:
                entry[key + '_parsed'] = parsed
        entries.append(entry)
    return FeedParserDict(bozo=ours['bozo'], feed=feed, entries=entries, encoding=ours['encoding'])


def holds(expect, env):
    try:
        return bool(eval(expect, {'__builtins__': __builtins__}, env))
    except Exception:
        return False


def main():
    corpus, results_path = sys.argv[1], sys.argv[2]
    print(json.dumps({'feedparser_version': feedparser.__version__ if feedparser is not None else None}))
    with open(results_path, encoding='utf-8') as handle:
        for line in handle:
            row = json.loads(line)
            shape = classify(row['expect']) if row['expect'] else None
            fp_ok = None
            if shape is not None and feedparser is not None:
                with open(corpus + '/' + row['path'], 'rb') as f:
                    data = f.read()
                try:
                    result = feedparser.parse(io.BytesIO(data), response_headers=row['headers'])
                    fp_ok = holds(row['expect'], result)
                except Exception:  # feedparser itself crashes on a few corpus files
                    fp_ok = False
            ew_ok = holds(row['expect'], ours_env(row['ours'])) if shape is not None else None
            rp_ok = holds(row['expect'], ours_env(row['rssParser'])) if shape is not None else None
            print(json.dumps({'path': row['path'], 'shape': shape, 'eventwire': ew_ok, 'feedparser': fp_ok,
                              'rssParser': rp_ok}))


if __name__ == '__main__':
    main()
