#!/usr/bin/env python3
"""Prints the expected values used in org.nmt4j.eval tests (BleuCraftedCasesTest, ChrFTest).

Usage: python3 src/test/python/eval_expected_values.py /path/to/dir/with/bleu.py
The reference implementation (bleu.py, sacreBLEU 2.x defaults) is not shipped with nmt4j; the tests hold the
numbers this script printed, so they run without it.
"""
import sys

sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else '../shared/reference')
from bleu import corpus_bleu, corpus_chrf, tokenize_13a  # noqa: E402

CASES = {
    'french': (['Le garçon mange une pomme très rouge.', "L'été dernier, nous sommes allés à Paris."],
               [['Le garçon a mangé une pomme rouge.', "L'été dernier, nous sommes allés à Paris !"]]),
    'chinese': (['我们在2024年去了北京。', '他喜欢喝茶，不喜欢喝咖啡。'],
                [['我们2024年去了北京。', '他喜欢喝茶，不爱喝咖啡。']]),
    'punctuation': (['Well... (he said) "yes"; it costs $3.50, i.e. 1,000-2,000 & more!?',
                     '[a]{b}<c>|d|~e~ `f` ^g^ _h_ @i# 10%-20% 3-4 a-b'],
                    [['Well ... (he said) "no"; it costs $3.50, i.e. 1,000-2,000 &amp; more!',
                      '[a] {b} <c> |d| ~e~ `f` ^g^ _h_ @i# 10% - 20% 3 - 4 a-b']]),
    'empty_lines': (['The cat sat on the mat.', '', 'A man in a blue shirt.', ''],
                    [['The cat sat on the mat.', 'Nothing here.', 'A man in a red shirt.', '']]),
    'brevity': (['A man is standing.', 'Two dogs play.'],
                [['A man in a blue shirt is standing on a ladder.', 'Two dogs play in the snow near a fence.']]),
    'multi_ref': (['A man is standing on a ladder.', 'Two dogs are playing in the snow.', 'It rains.'],
                  [['A man in a blue shirt stands on a ladder.', 'Two dogs play in snow.', 'It is raining.'],
                   ['A man stands on a ladder.', 'Two brown dogs are playing in the deep snow.', 'Rain falls.']]),
    'unicode_space': (['a\u00a0b c\u3000d e\u2009f g', 'x\u200by z', 'tab\there '],
                      [['a b c d e f g', 'x y z', 'tab there']]),
    'emoji': (['I ❤️ NY 😀😀!', 'Ça va? 🇫🇷'], [['I ❤️ New York 😀!', 'Ça va ? 🇫🇷']]),
    'entities': (['Tom &amp; Jerry &quot;run&quot; &lt;fast&gt;', 'co-\noperate <skipped> now'],
                 [['Tom & Jerry "run" <fast>', 'cooperate now']]),
    'long_vs_short': (['the the the the the the the the', 'a b c d e f g h i j k l m n o p q'],
                      [['the cat is on the mat', 'a b c d e f g h i j']]),
    'short_segments': (['Yes.', 'No!', 'Hi'], [['Yes.', 'No.', 'Hello']]),
}


def java_str(s):
    out = []
    for ch in s:
        if ch in '"\\':
            out.append('\\' + ch)
        elif ch == '\n':
            out.append('\\n')
        elif ch == '\t':
            out.append('\\t')
        elif ord(ch) < 0x20 or 0x7f <= ord(ch) < 0xa0 or ch in '\u00a0\u2009\u200b\u3000\ufe0f':
            out.append('\\u%04x' % ord(ch))
        else:
            out.append(ch)
    return '"' + ''.join(out) + '"'


for name, (hyps, refs) in CASES.items():
    b = corpus_bleu(hyps, refs)
    c = corpus_chrf(hyps, refs)
    print('%s: bleu=%r  chrf=%r' % (name, b.score, c.score))
    print('    %s | %s' % (b.format(), c.format()))

hyps = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."]
r1 = ["The dog bit the man.", "It was not unexpected.", "The man bit him first."]
r2 = ["The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."]
for sm in ['exp', 'none', 'floor', 'add-k']:
    for nref, refs in [(1, [r1]), (2, [r1, r2])]:
        print('classic smooth=%s nrefs=%d: %r' % (sm, nref, corpus_bleu(hyps, refs, smooth_method=sm).score))
smooth_hyps = ['the cat sat on a mat today', 'dogs run']
smooth_refs = [['a cat sat on the mat', 'dogs run fast']]
for sm in ['exp', 'none', 'floor', 'add-k']:
    b = corpus_bleu(smooth_hyps, smooth_refs, smooth_method=sm)
    print('zero-match smooth=%s: %r  %s' % (sm, b.score, b.format()))
print('classic lowercase nrefs=1: bleu=%r chrf=%r' % (corpus_bleu([h.upper() for h in hyps], [r1], lowercase=True).score,
                                                     corpus_chrf([h.upper() for h in hyps], [r1], lowercase=True).score))
print('sacrebleu statistics case:', vars(corpus_bleu(['am I am a character sequence'],
                                                      [['I am a symbol string sequence a a']])))
for s in ['Hello, world! It costs $3.50, ok?', "l'homme d'État « élu » — c'est ça!", 'a..b,,c 1.000,5 ... 3-4-5 --x',
          '[a]{b}<c>|d|~e~ `f` ^g^ _h_ @i# 10%-20%', '你好，世界。我们在2024年。']:
    print('tok %s -> %s' % (java_str(s), java_str(tokenize_13a(s))))
