"""What a monitor's stream looks like: every message names a group (issue #14).

Keyword search collects the messages a monitor reads, so each of them mentions a group, by name
or by slur, and most are ordinary comments of a few sentences (~380 characters, like the
RuEthnoHate comments).  This generator builds such messages from the inventory of `corpus.py`
(its words, templates and inflection; no text taken from any data set):

- every message carries an ordinary sentence naming a group; ~25% also a near miss (attack
  words used innocently, a news report, counter-speech) and ~20% a hateful sentence;
- ~30% of messages name a group once more, in another sentence;
- Russian ~75%, Kazakh ~15%, mixed ~10% (the public data sets of this kind are mostly Russian);
- length: log-normal around 55 words (5–200), so ~380 characters on average.

    PYTHONPATH=. python -m benchmarks.monitor_corpus --size 5 --seed 1
"""

from __future__ import annotations

import argparse
import math
import random

from .corpus import Message, _Gen, to_latin, _LAT_2021, _LAT_ASCII


class _MonitorGen(_Gen):
    def _length(self) -> int:
        n = int(round(math.exp(self.rng.gauss(math.log(50), 0.6))))
        return max(5, min(200, n))

    def message(self) -> Message:
        rng = self.rng
        r = rng.random()
        lang = "ru" if r < 0.75 else "kk" if r < 0.88 else "kk-latn" if r < 0.90 else "mixed"
        words, target = self._mention(lang)
        specials = [words]
        kind, obf = "group_mention", None
        k = rng.random()
        if k < 0.20:
            words, target, obf = self._hateful(lang)
            kind = "hateful"
            specials.append(words)
        elif k < 0.45:  # attack words used innocently, a news report, counter-speech
            words, _ = self._near_miss(lang)
            kind = "near_miss"
            specials.append(words)
        if rng.random() < 0.3:  # a second mention elsewhere in the message
            specials.append(self._mention(lang)[0])
        budget = max(5, self._length())
        used = sum(len(s) for s in specials)
        sentences: list[list[str]] = []
        while used < budget:
            sent_lang = lang
            if lang == "mixed":
                sent_lang = "ru" if rng.random() < 0.5 else "kk"
            elif lang == "kk-latn":
                sent_lang = "kk"
            words = self._sentence(sent_lang, budget - used)
            if lang == "mixed" and rng.random() < 0.3:
                words.insert(rng.randrange(len(words) + 1), self._word("ru" if sent_lang == "kk" else "kk", "noun"))
                words = words[: budget - used]
            sentences.append(words)
            used += len(words)
        keep = -1
        for s in specials:
            keep = rng.randrange(len(sentences) + 1)
            sentences.insert(keep, s)
        text = self._render(sentences, lang, keep)
        if lang == "kk-latn":
            text = to_latin(text, _LAT_2021 if rng.random() < 0.4 else _LAT_ASCII)
        return Message(text, lang, kind == "hateful", kind, target, obf, used)


def generate(size: int, seed: int = 0) -> list[Message]:
    """`size` messages that all name a group; the same arguments always give the same list."""
    if size < 0:
        raise ValueError("size must be >= 0")
    gen = _MonitorGen(random.Random(seed), 1.0, 0.0)
    return [gen.message() for _ in range(size)]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    msgs = generate(args.size, args.seed)
    for m in msgs:
        print(f"[{m.lang} {m.kind}{' ' + m.obfuscation if m.obfuscation else ''}] {m.text}")
    if msgs:
        print(f"-- mean length {sum(len(m.text) for m in msgs) / len(msgs):.0f} characters")


if __name__ == "__main__":
    main()
