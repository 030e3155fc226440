"""A sumy summariser over every file of a folder, the way ../shared/bench/sumy_lexrank.py runs LexRank.

Usage: python bench/sumy_peer.py {lexrank,textrank,lsa} DIR [K]. Same parser, regex tokenizer
(no NLTK data), stemmer and stop words as the shared LexRank script: only the algorithm differs.
"""

from __future__ import annotations

import sys
from pathlib import Path

SHARED_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"


def main(argv: list[str]) -> None:
    """Print the top K sentences of the folder by the chosen sumy algorithm."""
    sys.path.insert(0, str(SHARED_BENCH))
    from common import TOKENIZER  # the shared regex tokenizer: sumy without NLTK's punkt data
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    algorithms = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer}
    name, folder = argv[0], Path(argv[1])
    count = int(argv[2]) if len(argv) > 2 else 5
    text = "\n\n".join(p.read_text() for p in sorted(folder.glob("*.txt")))
    document = PlaintextParser.from_string(text, TOKENIZER).document
    summarizer = algorithms[name](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    for sentence in summarizer(document, count):
        print(sentence)


if __name__ == "__main__":
    main(sys.argv[1:])
