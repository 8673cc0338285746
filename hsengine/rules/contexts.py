"""Stage 6c — contexts that turn a pattern match into a non-match, with the cue that did it.

Hate speech and speech *about* hate use the same words.  A rule lists in `unless` the contexts
that suppress it; each context is defined as data in the rules directory's contexts.yaml and has
one of three kinds:

- negation — a negation cue scopes over the attack words: Russian cues come before them
  ("Я не считаю евреев паразитами", "нельзя называть..."), Kazakh cues after ("...тарақан емес",
  "...қуу керек емес"), and a Kazakh verb can carry negation itself (өлтірмеу).  The cue must be
  in the same clause, or in the clause that a complementizer (что, деп...) opens.
- cue — a counter-speech, news-reporting or metalinguistic cue is in the same sentence, nearby
  sentences, or the whole text, and is not itself negated ("это не ксенофобия" is no cue).
- quotation — every piece of evidence sits inside quotation marks and a framing cue (condemnation,
  reporting) stands outside them.
- refutation — the evidence is a claim that a refutation word frames in the same sentence: the
  claim follows it in its own or a linked clause ("ложь о том, что...", "миф, будто...",
  "опровергли слухи о..."), or precedes it with nothing turning away between ("...деген өтірікті
  әшкереледі", "..., — это миф").  A negated refutation ("это не миф") frames nothing.
- attribution — the evidence is what someone else said: a verb of saying whose speaker is not the
  writer frames it in the same sentence ("нацики кричат, что...", "депутат заявил, будто...",
  "...деп айғайлайды", "...дейді олар"), and nothing takes it up ("правильно говорят", "дұрыс
  айтады", "и это правда").  The writer's own saying ("я говорю", "айтамын"), a request ("скажите")
  and hearsay without a speaker ("говорят, что...") report nothing.
- question — a why-question with no negation in it doubts the call it asks about ("зачем
  выгонять атеистов?", "еврейлерге неге елдеріне қайту керек?"); a negated one is the call itself
  ("почему их до сих пор не выгнали?") and is left alone.

The negation context also knows a rhetorical question that affirms: "разве евреи не заслуживают
уважения?", "тәжіктер құрметке лайық емес пе?" say they do.

Suppressed matches are kept with their reason: users ask why something was *not* flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

from bisect import bisect_left

import regex

from ..lexicon.annotate import Doc, DocHit
from .matcher import Binding, Span
from .loader import Context
from ..text.lazyregex import lazy_compile

CUE_NEGATION_WINDOW = 3  # words between a negation and the cue it cancels ("не то чтобы я расист")


@dataclass(frozen=True, slots=True)
class Suppression:
    context: str
    kind: str
    cue: DocHit | Span | None
    detail: str


# roles that name what a claim is about, not the claim: "никакой пандемии нет, это пландемия"
# denies the disease and makes the claim in the next clause; a negation of the topic alone is no
# negation of the attack (a target is such a role too: "не все уйгуры ..." is handled by the rules)
_TOPIC_ROLES = frozenset({"target", "covid"})


def _attack_spans(b: Binding) -> list[Span]:
    return [s for s in b.spans if s.role not in _TOPIC_ROLES] or list(b.spans)


def _evidence_tokens(b: Binding) -> set[int]:
    out: set[int] = set()
    for s in b.spans:
        out.update(range(s.first, s.last + 1))
    return out


# a genitive or locative pronoun of the group right before a lie word makes the lie theirs: "у них
# вся вера на вранье построена", "олардың бәрі өтірік" — an attack, not a verdict on the claim
_THEIR = frozenset({"них", "их", "ними", "олардың", "олардын", "бұлардың", "булардын", "солардың"})


def _lie_is_theirs(doc: Doc, after: int, ref: int) -> bool:
    """Between a claim and a lie word after it, a new clause about *them* ("у них всё на вранье"):
    the lie word describes the group, it does not judge the claim."""
    toks = doc.tokens
    clause = toks[ref].clause
    return any(toks[i].kind == "word" and toks[i].clause == clause and toks[i].text.lower() in _THEIR
               for i in range(after + 1, ref))


def _linked_clauses(doc: Doc, a: int, b: int, openers: frozenset[str], label_colon: bool = False) -> bool:
    """Tokens a < b are in one clause, or every clause break between them opens with a complementizer
    (with label_colon, also a colon right after a: the headline "Фейк: ...")."""
    toks = doc.tokens
    if toks[a].sent != toks[b].sent:
        return False
    if toks[a].clause == toks[b].clause:
        return True
    for i in range(a + 1, b + 1):
        if toks[i].clause != toks[i - 1].clause:
            # the first word of the new clause must be a complementizer
            j = i
            while j <= b and toks[j].kind != "word":
                j += 1
            if label_colon and j <= b and all(toks[k].kind != "word" for k in range(a + 1, j)) \
                    and any(":" in toks[k].text for k in range(a + 1, j)):
                continue  # a label and a colon: "Фейк: X скупают землю", "Миф: ..."
            if j > b or toks[j].text not in openers:
                return False
    return True


# Question particles are the lexicon's (class question_particle: разве, неужели, ли; Kazakh ма/ме...)
_QUESTION_PARTICLE = frozenset({"question_particle"})


def _particle_at(doc: Doc, i: int) -> bool:
    """A Kazakh question particle is token i ("емес пе", "қуамыз ба")."""
    return next(_hits_with(doc, _QUESTION_PARTICLE, "kk", i, i), None) is not None


def _russian_particle_in(doc: Doc, lo: int, hi: int) -> bool:
    """A Russian question particle (разве, неужели, ли) starts in tokens [lo, hi]."""
    return next(_hits_with(doc, _QUESTION_PARTICLE, "ru", lo, hi), None) is not None


def _rhetorical(doc: Doc, cue: DocHit) -> bool:
    """A negation that asks rather than denies: "разве они не паразиты?", "паразит емес пе?"."""
    toks = doc.tokens
    nxt = cue.last + 1
    if cue.entry.lang == "kk":
        return nxt < len(toks) and _particle_at(doc, nxt)
    sent = toks[cue.first].sent
    i = cue.first
    while i > 0 and toks[i - 1].sent == sent:
        i -= 1
    j = cue.last
    while j + 1 < len(toks) and toks[j + 1].sent == sent:
        j += 1
    return _russian_particle_in(doc, i, j) and any("?" in t.text for t in toks[i : j + 1] if t.kind == "punct")


def _hits_with(doc: Doc, classes: frozenset[str], lang: str | None = None, lo: int = 0, hi: int | None = None):
    """Hits of these classes (and language) whose first token is in [lo, hi]."""
    hits = doc.hits_of(classes)
    start = bisect_left(hits, lo, key=lambda h: h.first) if lo else 0
    for h in hits[start:]:
        if hi is not None and h.first > hi:
            break
        if lang is None or h.entry.lang == lang:
            yield h


_NEGATION = frozenset({"negation"})
_REPORTING = frozenset({"reporting"})
_PRIVATIVE = frozenset({"privative"})
_COMPANY = frozenset({"association", "grant"})  # acts of company or of giving: their verdict is no condemnation
_COMPANY_WORDS = _COMPANY | {"entitlement", "auxiliary", "doing", "positive"}  # what else such an act's word may be (жасау in "рақым жасау")


def _cue_negated(doc: Doc, cue: DocHit) -> bool:
    """'это не ксенофобия', 'бұл ксенофобия емес': a negated cue does not count.  A cue that is
    itself negative ("не выход", "не придёт день, когда") is not negated by its own не, nor by a
    negation right before it: "никогда не придёт день" is Russian negative concord, not a double
    negation."""
    nearby = list(_hits_with(doc, _NEGATION, None, max(0, cue.first - 8), cue.last + 8))
    own = any(cue.first <= h.first and h.last <= cue.last for h in nearby if h is not cue)
    for h in nearby:
        if h is cue or doc.tokens[h.first].quote != doc.tokens[cue.first].quote:
            continue  # a "не" inside a quotation does not negate the condemnation outside it
        if cue.first <= h.first and h.last <= cue.last:
            continue  # the cue's own negation
        if own and h.last < cue.first:
            continue  # negative concord before a negative cue
        if "cessation" in h.entry.classes:
            continue  # "перестать повторять ложь": stopping negates the act, not the word for the claim
        if h.entry.lang == "ru" and h.last < cue.first and doc.word_distance(h.last, cue.first) <= CUE_NEGATION_WINDOW:
            if doc.tokens[h.last].clause == doc.tokens[cue.first].clause:
                return True
        if h.entry.lang == "kk" and h.first > cue.last and doc.word_distance(cue.last, h.first) <= CUE_NEGATION_WINDOW:
            if h.last + 1 < len(doc.tokens) and _particle_at(doc, h.last + 1):
                continue  # "бұл қате емес пе?" (isn't it wrong?) asks rhetorically: it affirms the wrong
            if doc.tokens[h.first].clause == doc.tokens[cue.last].clause:
                return True
    if "counter_speech" in cue.entry.classes and (_kazakh_cue_lacked(doc, cue) if cue.entry.lang == "kk"
                                                  else _russian_cue_lacked(doc, cue)):
        return True
    return False


def _russian_cue_lacked(doc: Doc, cue: DocHit) -> bool:
    """Russian says a quality is lost or lacking with a privative verb beside it: "стыд потеряли",
    "лишились совести", or with нет after it: "стыда у них нет".  Said of a group, that is the
    attack itself, not a condemnation of it."""
    toks = doc.tokens
    clause = toks[cue.first].clause
    lo = max(0, cue.first - 2 * CUE_NEGATION_WINDOW)
    hi = min(len(toks) - 1, cue.last + 2 * CUE_NEGATION_WINDOW)
    for h in _hits_with(doc, _PRIVATIVE, "ru", lo, hi):
        if toks[h.first].clause == clause and (doc.word_distance(h.last, cue.first) <= CUE_NEGATION_WINDOW
                                               if h.last < cue.first else
                                               doc.word_distance(cue.last, h.first) <= CUE_NEGATION_WINDOW):
            return True
    return False


def _kazakh_cue_lacked(doc: Doc, cue: DocHit) -> bool:
    """Kazakh says a quality is lacking with a privative word or a negated verb after it: "ұяттан
    жұрдай" (devoid of shame), "ұят дегенді білмейді" (knows no shame).  Said of a group, that is
    the attack itself, not a condemnation of it."""
    toks = doc.tokens
    for j in range(cue.last + 1, min(len(toks), cue.last + 1 + 2 * CUE_NEGATION_WINDOW)):
        if toks[j].kind != "word":
            continue
        if toks[j].clause != toks[cue.last].clause or doc.word_distance(cue.last, j) > CUE_NEGATION_WINDOW:
            break
        if any(True for _ in _hits_with(doc, _PRIVATIVE, "kk", j, j)) or _negated_verb(doc, j):
            return True
    return False


def _verdict_on_company(doc: Doc, cue: DocHit) -> bool:
    """"олармен сөйлесудің өзі күнә", "оларға азаматтық берудің өзі қате", "дружить с ними — грех":
    a word of condemnation whose subject is an act of company or a grant (talking, befriending,
    giving citizenship) says that the company is wrong — the exclusion itself, not counter-speech.
    The act must be right before the verdict (at most two words between, ignoring өзі / это)."""
    toks = doc.tokens
    words = 0
    for j in range(cue.first - 1, max(-1, cue.first - 8), -1):
        if toks[j].kind != "word":
            continue
        if toks[j].sent != toks[cue.first].sent:
            return False
        if any(True for h in _hits_with(doc, _COMPANY, None, max(0, j - 3), j)
               if h.last == j and not h.negated and not _preceded_by_negation(doc, h.first)) \
                and not any(h.first <= j <= h.last and _COMPANY_WORDS.isdisjoint(h.entry.classes) for h in doc.hits):
            return True  # (not "қуып жіберу ұят": жіберу is the expulsion's auxiliary there)
        words += 1
        if words > 2:
            return False
    return False


def _preceded_by_negation(doc: Doc, i: int) -> bool:
    """A negation word right before token i ("не давать им гражданство — ошибка")."""
    toks = doc.tokens
    for j in range(i - 1, max(-1, i - 3), -1):
        if toks[j].kind == "word":
            return any(True for _ in _hits_with(doc, _NEGATION, None, j, j))
    return False


def check(ctx: Context, doc: Doc, b: Binding) -> Suppression | None:
    if ctx.kind == "negation":
        return _negation(ctx, doc, b)
    if ctx.kind == "cue":
        return _cue(ctx, doc, b)
    if ctx.kind == "question":
        return _question(ctx, doc, b)
    if ctx.kind == "refutation":
        return _refutation(ctx, doc, b)
    if ctx.kind == "echo":
        return _echo(ctx, doc, b)
    if ctx.kind == "attribution":
        return _attribution(ctx, doc, b)
    return _quotation(ctx, doc, b)


def _sentence_tokens(doc: Doc, sent: int) -> range:
    lo, hi = doc.sentence_range(sent, sent)
    return range(lo, hi + 1)


def _is_question(doc: Doc, sent: int) -> bool:
    return any(doc.tokens[i].kind == "punct" and "?" in doc.tokens[i].text for i in _sentence_tokens(doc, sent))


def _has_negation(doc: Doc, sent: int, evidence: frozenset[int] | set[int] = frozenset()) -> bool:
    """A negation word or a negated Kazakh verb anywhere in the sentence, outside `evidence`."""
    lo, hi = doc.sentence_range(sent, sent)
    if any(not evidence.issuperset(range(h.first, h.last + 1)) for h in _hits_with(doc, _NEGATION, None, lo, hi)):
        return True
    return any(a is not None and a.verb_negated and i not in evidence
               for i, a in enumerate(doc.analyses[lo:hi + 1], lo))


def _question(ctx: Context, doc: Doc, b: Binding) -> Suppression | None:
    """Every sentence that holds the attack is a why-question without negation.  The group may be
    named in a question before it: "Неге бізге X керек? Түгел құрту керек." asks, then calls."""
    evidence = _evidence_tokens(b)
    found = None
    for sent in sorted({doc.tokens[s.first].sent for s in _attack_spans(b)}):
        # (a negation that is part of the attack itself, "не братья", "бауыр емес", is not the
        # question's: "кто сказал, что X нам не братья?" doubts the claim)
        if not _is_question(doc, sent) or _has_negation(doc, sent, evidence):
            return None
        lo, hi = doc.sentence_range(sent, sent)
        # a question word that is part of the pattern is no doubt ("почему мы должны терпеть X?"),
        # nor one in a clause after the attack's: "X-ды қаладан шығару керек, олар неге бізде
        # билік жүргізеді?" asks why they rule, not why to expel them
        last_clause = max(doc.tokens[s.last].clause for s in _attack_spans(b))
        cue = next((c for c in _hits_with(doc, ctx.cue_classes, None, lo, hi)
                    if not evidence.intersection(range(c.first, c.last + 1))
                    and doc.tokens[c.first].clause <= last_clause), None)
        if cue is None:
            return None
        found = found or cue
    return None if found is None else Suppression(ctx.id, ctx.kind, found, ctx.description or ctx.id)


def _echo(ctx: Context, doc: Doc, b: Binding) -> Suppression | None:
    """The attack is asked back as a yes/no question and rejected in the next sentence: "Перебить
    всех X? Вы с ума сошли?", "Бәрін қуу керек пе? Есің дұрыс па?".  The question holds every
    attack word, has no question word of its own (a why- or when-question is a call in disguise)
    and no negation; the rejection (a cue of ctx.cue_classes) opens the sentence after it."""
    toks = doc.tokens
    sents = {toks[s.first].sent for s in _attack_spans(b)} | {toks[b.first].sent, toks[b.last].sent}
    if len(sents) != 1:
        return None
    sent = next(iter(sents))
    if not _is_question(doc, sent) or _has_negation(doc, sent):
        return None
    lo, hi = doc.sentence_range(sent, sent)
    if any(True for _ in _hits_with(doc, _WHY, None, lo, hi)) or any(
            toks[i].text.lower() in _ASKING_WORDS for i in range(lo, hi + 1)):
        return None
    nxt = doc.sentence_range(sent + 1, sent + 1) if sent + 1 <= toks[-1].sent else None
    if nxt is None:
        return None
    first_words = [i for i in range(nxt[0], nxt[1] + 1) if toks[i].kind == "word"][:4]
    for cue in _hits_with(doc, ctx.cue_classes, None, nxt[0], nxt[1]):
        if first_words and cue.first <= first_words[-1]:
            return Suppression(ctx.id, ctx.kind, cue, ctx.description or ctx.id)
    return None


# question words that make the question a call in disguise ("разве их не надо гнать?", "когда уже
# их выгонят?"); the Kazakh yes/no particles ма/ме are every question's, so they do not count
_ASKING_WORDS = frozenset({"разве", "неужели", "когда", "доколе", "сколько", "кто", "как", "где", "қашан", "қашанға",
                           "қашанғы", "кім", "қалай", "қайда"})


def _affirming_question(doc: Doc, b: Binding) -> Span | None:
    """An attack word that is itself a negated positive (не заслуживать уважения, құрметке лайық
    емес) inside a rhetorical negative question affirms the positive."""
    for s in _attack_spans(b):
        hit = s.hit
        if hit is None or not _negative_lemma(hit.entry.lemma):
            continue
        toks = doc.tokens
        if hit.entry.lang == "kk":
            nxt = hit.last + 1
            if nxt < len(toks) and _particle_at(doc, nxt):
                return s
        else:
            sent = toks[hit.first].sent
            lo, hi = doc.sentence_range(sent, sent)
            if _russian_particle_in(doc, lo, hi) and _is_question(doc, sent):
                return s
    return None


_WHY = frozenset({"why_question"})


def _why_not(doc: Doc, sent: int) -> bool:
    """A why-question (почему, зачем, неге, не үшін ... ?): its negation is rhetorical."""
    if not _is_question(doc, sent):
        return False
    lo, hi = doc.sentence_range(sent, sent)
    return any(True for _ in _hits_with(doc, _WHY, None, lo, hi))


def _negative_lemma(lemma: str) -> bool:
    words = lemma.split()
    return bool(words) and (words[0] in ("не", "нет") or words[-1] in ("емес", "жоқ"))


_SAYING = frozenset({"reporting"})


def _negation(ctx: Context, doc: Doc, b: Binding) -> Suppression | None:
    affirmed = _affirming_question(doc, b)
    if affirmed is not None:
        return Suppression(ctx.id, ctx.kind, affirmed, "a rhetorical question affirms the positive it seems to deny")
    if _why_not(doc, doc.tokens[b.first].sent):
        return None  # "почему их ещё не выгнали?", "неге өлтірмейміз?": the negation asks for the act
    attacks = _attack_spans(b)
    toks = doc.tokens
    evidence = _evidence_tokens(b)
    asked = frozenset(s.hit.entry.id for s in attacks if s.hit is not None)
    answer = _answered_no(doc, toks[b.last].sent, asked)
    if answer is not None:
        return Suppression(ctx.id, ctx.kind, answer, "the speaker answers the question no")
    if ctx.morphological:
        for s in attacks:
            if s.hit is not None and s.hit.negated:
                return Suppression(ctx.id, ctx.kind, s, "the verb carries the Kazakh negation suffix")
        if doc.lang in ("kk", "mixed"):
            # a negated Kazakh verb right after the attack words negates them (бедеулік тудырмайды)
            window = max((c.after for c in ctx.cues if c.lang == "kk"), default=0)
            for a in attacks:
                j, words = a.last + 1, 0
                own_complement = False
                while j < len(toks) and words < window and toks[j].clause == toks[a.last].clause:
                    if toks[j].kind == "word":
                        words += 1
                        an = doc.analyses[j]
                        if own_complement:
                            break  # "бәрі нашақор, сабаққа келмейді": the verb has a complement of its own
                        if j not in evidence and an is not None and not an.verb_negated \
                                and not _OBLIQUE.isdisjoint(an.gram) and "VERB" not in an.gram:
                            own_complement = True
                            j += 1
                            continue
                        # "...қайтатын кез жетпеді ме?" asks rhetorically: the negation affirms
                        rhetorical = j + 1 < len(toks) and _particle_at(doc, j + 1)
                        # a verb with an entry is no plain negation (бағынбаңдар: submission
                        # forbidden is a call), except a verb of saying: "... деп айтпаймын"
                        plain = not an.hits or all(_SAYING.issuperset(h.entry.classes) for h in an.hits)
                        if j not in evidence and _negated_verb(doc, j) and plain and not rhetorical:
                            return Suppression(ctx.id, ctx.kind, Span(j, j, ctx.id, None),
                                               "a negated Kazakh verb follows the attack words")
                    j += 1
    sent_lo, sent_hi = doc.sentence_range(toks[b.first].sent, toks[b.last].sent)
    for spec in ctx.cues:
        for cue in _hits_with(doc, spec.classes, spec.lang, sent_lo, sent_hi):
            if evidence.issuperset(range(cue.first, cue.last + 1)):
                continue  # the negation is part of the evidence itself ("не люди")
            if _rhetorical(doc, cue) or _inside_call(doc, cue) or _concord(doc, cue, evidence) or _until(doc, cue):
                continue
            if _ends_tolerance(doc, cue) or _inside_insult(doc, cue, evidence) or _kazakh_correction(doc, cue, b):
                continue
            if _negation_corrected(doc, cue, attacks) or _kazakh_either_or(doc, cue):
                continue
            for a in attacks:
                if spec.before and cue.last < a.first:
                    if toks[cue.last].sent == toks[a.first].sent and doc.word_distance(cue.last, a.first) <= spec.before \
                            and _linked_clauses(doc, cue.last, a.first, ctx.clause_openers) \
                            and not _corrected(doc, cue.last, a.first):
                        return Suppression(ctx.id, ctx.kind, cue, "negation before the attack words")
                if spec.after and cue.first > a.last:
                    if toks[cue.first].sent == toks[a.last].sent and doc.word_distance(a.last, cue.first) <= spec.after \
                            and toks[cue.first].clause == toks[a.last].clause \
                            and not _denial_continued(doc, cue, a, evidence):
                        return Suppression(ctx.id, ctx.kind, cue, "negation after the attack words")
    return None


EITHER_OR_REACH = 4  # words between the two не of a Kazakh "не A, не B"


def _kazakh_either_or(doc: Doc, cue: DocHit) -> bool:
    """Kazakh "не A, не B" is "either A or B" ("оларды не емдеу, не оқшаулау керек"), no negation:
    a не of a Kazakh (or mixed) text with a second не in its sentence a few words away.  (Russian
    "не A, не B" is "neither ... nor", a negation; a Russian text keeps it.)"""
    if doc.lang not in ("kk", "mixed") or cue.first != cue.last:
        return False
    toks = doc.tokens
    if toks[cue.first].text.lower() != "не":
        return False
    sent = toks[cue.first].sent
    near = [j for j in range(max(0, cue.first - 2 * EITHER_OR_REACH), min(len(toks), cue.first + 2 * EITHER_OR_REACH + 1))
            if j != cue.first and toks[j].kind == "word" and toks[j].sent == sent and toks[j].text.lower() == "не"]
    pairs = [j for j in near if doc.word_distance(min(j, cue.first), max(j, cue.first)) <= EITHER_OR_REACH]
    # the words after both не are Kazakh: "не воры и не жулики" in a mixed text is Russian "neither ... nor"
    return bool(pairs) and not any(_russian_word_after(doc, j) for j in (cue.first, *pairs))


def _russian_word_after(doc: Doc, i: int) -> bool:
    """The word after token i is a Russian dictionary word (written in Russian letters only)."""
    from ..morphology import russian

    nxt = next((t for t in doc.tokens[i + 1:] if t.kind == "word"), None)
    if nxt is None:
        return False
    word = nxt.text.lower()
    return _RUSSIAN_LETTERS.match(word) is not None and russian.is_known(word)


_RUSSIAN_LETTERS = lazy_compile(r"^[а-яё-]+$")


# insults that carry their own negation: "ми жоқ" (no brains), "ар-ұяты жоқ" (no shame), "адам
# емес" (not human) — a negation inside one of them, apart from the evidence, is a second insult,
# not a denial of the first ("ақылы тек сатуға жетеді, басқаға ми жоқ"); one that shares words
# with the evidence may deny it ("не люди второго сорта")
_INSULT_CLASSES = frozenset({"negative_attribute", "dehumanization", "epithet", "vice"})


def _inside_insult(doc: Doc, cue: DocHit, evidence: frozenset[int] | set[int]) -> bool:
    return any(h.first <= cue.first and cue.last <= h.last and h.last > h.first
               and not _INSULT_CLASSES.isdisjoint(h.entry.classes)
               and evidence.isdisjoint(range(h.first, h.last + 1)) for h in doc.hits if h is not cue)


_CESSATION = frozenset({"cessation"})
_TOLERATE = frozenset({"tolerate"})


def _ends_tolerance(doc: Doc, cue: DocHit) -> bool:
    """"Хватит", "сколько можно" before putting up with someone ("сколько можно кормить X",
    "хватит терпеть X") ends the tolerance, which is the hate; before an attack ("хватит бить
    X") it opposes the attack, and stays a negation."""
    if _CESSATION.isdisjoint(cue.entry.classes):
        return False
    return any(True for _ in _hits_with(doc, _TOLERATE, None, cue.last + 1, cue.last + 3))


def _until(doc: Doc, cue: DocHit) -> bool:
    """Russian "пока ... не" before a verb to come means "until": its не denies nothing ("пока их всех
    не выгоним, покоя не будет" calls for the expulsion).  Before a past verb it tells what was not
    done yet ("пока туда не влезли США" narrates)."""
    toks = doc.tokens
    if cue.first != cue.last or toks[cue.first].text.lower() != "не":
        return False
    j = cue.last + 1
    if j < len(toks) and toks[j].kind == "word" and doc.analyses[j] is not None and "past" in doc.analyses[j].gram:
        return False
    i, words = cue.first - 1, 0
    while i >= 0 and words < 4 and toks[i].sent == toks[cue.first].sent:
        if toks[i].kind == "word":
            if toks[i].text.lower() == "пока":
                return True
            words += 1
        i -= 1
    return False


def _corrected(doc: Doc, after: int, before: int) -> bool:
    """A contrast between a negation and the attack: the corrective "не X, а Y" ("не народ, а
    саранча" asserts the second) and the disclaimer "я не расист, но ..." (what follows но is said,
    not denied), with or without the comma informal writing drops."""
    toks = doc.tokens
    return any(toks[i].kind == "word" and toks[i].text.lower() in doc.contrast_words for i in range(after + 1, before))


_CORRECTION_WINDOW = 3  # words between не and the а of "не X, а Y"


def _negation_corrected(doc: Doc, cue: DocHit, attacks: list[Span]) -> bool:
    """The Russian corrective "не X, а Y" whose X is only the people word the attack is said of
    ("цыгане не народ, а банда"): the negation denies X, the attack after а is asserted.  When an
    attack word stands between не and а ("они не бандиты, а обычные люди") the attack is what is
    denied, and the negation stays."""
    toks = doc.tokens
    sent = toks[cue.first].sent
    i, words = cue.last + 1, 0
    while i < len(toks) and toks[i].sent == sent and words <= _CORRECTION_WINDOW:
        if toks[i].kind == "word":
            if toks[i].text.lower() in doc.contrast_words:
                break
            words += 1
        i += 1
    else:
        return False
    if i >= len(toks) or toks[i].sent != sent or toks[i].kind != "word":
        return False
    denied = [a for a in attacks if cue.last < a.first and a.last < i]
    asserted = [a for a in attacks if a.first > i and a.role != "people"]
    return bool(asserted) and all(a.role == "people" for a in denied)


# Kazakh oblique case endings by case (Cyrillic, typed and Latin): the accusative, the dative and
# the ablative, the cases of the objects a correction swaps
_KAZAKH_CASE_ENDINGS = (
    regex.compile(r"(ны|ні|ды|ді|ты|ті|ын|ін|ни|ди|ти|ин|ny|ni|nı|dy|di|dı|ty|ti|tı|yn|in|ın)$"),
    regex.compile(r"(ға|ге|қа|ке|на|не|га|ga|ge|qa|ke|na|ne)$"),
    regex.compile(r"(дан|ден|тан|тен|нан|нен|dan|den|tan|ten|nan|nen)$"),
)


def _kazakh_correction(doc: Doc, cue: DocHit, b: Binding) -> bool:
    """The Kazakh corrective "A емес, B": емес between two words in the same oblique case
    ("үйлерін емес, өздерін өртейміз" — not their houses, them) denies A and asserts B; the verb
    after B is not negated.  When A is the match's target ("қытайларды емес, тышқандарды
    уландырамыз"), what is denied is the match itself."""
    toks = doc.tokens
    if cue.first != cue.last or toks[cue.first].text.lower() not in ("емес", "emes", "эмес"):
        return False
    words = [i for i in range(len(toks)) if toks[i].kind == "word"]
    k = words.index(cue.first)
    if k == 0 or k + 1 >= len(words) \
            or any(s.role == "target" and s.first <= words[k - 1] <= s.last for s in b.spans):
        return False
    a, c = toks[words[k - 1]].text.lower(), toks[words[k + 1]].text.lower()
    return len(a) > 3 and len(c) > 3 and any(e.search(a) and e.search(c) for e in _KAZAKH_CASE_ENDINGS)


_CALL = frozenset({"call"})
_CONCORD = frozenset({"ни", "никому", "никого", "никакой", "никакого", "никакому", "никаким", "никаком", "никакая",
                      "никакую", "никакое", "никакие", "никаких", "никакими", "никто", "никого", "никому", "никем",
                      "никогда"})


# (as typed on a Russian keyboard and in Latin too)
_KAZAKH_CONCORD = frozenset({"ешқашан", "ешкашан", "eshqashan", "eşqaşan", "ешқандай", "ешкандай", "eshqandai", "ешбір",
                             "ешбир", "eshbir", "ешкім", "ешким", "eshkim", "eşkım"})


def _concord(doc: Doc, cue: DocHit, evidence: set[int]) -> bool:
    """Negative concord: Russian ни, никакой in the clause of a negation that is itself part of the
    evidence ("китайцам нельзя продавать ни метра земли", "никакой пандемии нет"), Kazakh ешқашан,
    ешкім beside a negated verb of the evidence ("қызымды X-ға ешқашан бермеймін": the refusal is
    the attack), repeat that negation; they do not negate the attack."""
    toks = doc.tokens
    word = toks[cue.first].text.lower()
    if cue.first != cue.last or (word not in _CONCORD and word not in _KAZAKH_CONCORD):
        return False
    clause = toks[cue.first].clause
    if word in _KAZAKH_CONCORD:
        return any(i != cue.first and toks[i].clause == clause and doc.analyses[i] is not None
                   and doc.analyses[i].verb_negated for i in evidence)
    if word == "никогда" and any(toks[i].clause == clause and doc.analyses[i] is not None
                                 and {"VERB", "past"} <= doc.analyses[i].gram for i in evidence):
        return False  # "X никогда не жили здесь" tells the past, it refuses nothing
    return any(i != cue.first and toks[i].clause == clause and doc.analyses[i] is not None
               and any(h.first <= i <= h.last for h in _hits_with(doc, _NEGATION, None, i, i))
               for i in evidence)


def _inside_call(doc: Doc, cue: DocHit) -> bool:
    """A negation word inside a call said as litotes (не мешало бы, не грех): the call asks for the
    act, its не negates nothing."""
    return any(h.first <= cue.first and cue.last <= h.last and h.last > h.first
               for h in _hits_with(doc, _CALL, None, max(0, cue.first - 3), cue.last))


_OBLIQUE = frozenset({"datv", "loct", "ablv"})
# "and" as typed on a Russian keyboard and in Latin too (жане, jäne, zhane)
_DENIAL_AND = frozenset({"және", "әрі", "и", "да", "жане", "ари", "jäne", "zhane", "jane", "äri", "ari"})
_NEVER = frozenset({"никогда", "ешқашан", "ешкашан", "ими", "такими", "ондай", "солай"})


def _denial_continued(doc: Doc, cue: DocHit, attack: Span, evidence: set[int]) -> bool:
    """A negation joined by "and" to an attack that is itself a denial continues it: "X адам емес
    және ешқашан болмайды" (are not human and never will be), "не люди и никогда ими не будут"."""
    toks = doc.tokens
    if not any(True for _ in _hits_with(doc, _NEGATION, None, attack.first, attack.last)):
        return False
    k = cue.first - 1
    # (over punctuation and other negation words: "және ешқашан болмайды", "и никогда не будут")
    while k > attack.last and (toks[k].kind != "word" or any(True for _ in _hits_with(doc, _NEGATION, None, k, k))
                               or toks[k].text.lower() in _NEVER):
        k -= 1
    return k > attack.last and toks[k].text.lower() in _DENIAL_AND


def _negated_verb(doc: Doc, i: int) -> bool:
    """A Kazakh verb that carries the negation suffix, except a negative converb used as an
    adverb: ұрыңдар аямай "beat them without mercy" does not negate the beating."""
    an = doc.analyses[i]
    if an is None or not an.verb_negated:
        return False
    return "conv" not in an.gram


SHORT_ANSWER = 3  # words in a reply like "Нет.", "Конечно нет.", "Әрине, жоқ."


def _answered_no(doc: Doc, sent: int, asked: frozenset[str] = frozenset()) -> DocHit | None:
    """A question the speaker answers no in the next sentence ("Разве X заслужили, чтобы их
    били? Нет."): the answer is a short sentence made of a negation word and little else."""
    if not _is_question(doc, sent):
        return None
    lo, hi = doc.sentence_range(sent + 1, sent + 1)
    if lo > hi or doc.tokens[lo].sent != sent + 1:
        return None
    words = [i for i in range(lo, hi + 1) if doc.tokens[i].kind == "word"]
    if not words:
        return None
    cues = list(_hits_with(doc, _NEGATION, None, lo, hi))
    if len(words) <= SHORT_ANSWER:
        return next((c for c in cues if c.first == words[0] or c.last == words[-1]), None)
    # a longer reply that opens "Нет:" / "Жоқ," and denies the very words of the question: "«Смерть
    # X»? Нет: никакой смерти" — not "Нет, их надо гнать", which answers with a call of its own
    first = next((c for c in cues if c.first == words[0]), None)
    if (first is not None and first.last + 1 <= hi and doc.tokens[first.last + 1].kind == "punct"
            and any(h.entry.id in asked for h in doc.hits if lo <= h.first <= hi)):
        return first
    # ... or opens "Нет," and says something with no attack in it: "Дунгане нам чужие? Нет, они наши
    # соседи" (not "Нет, они воры", "Нет, их надо гнать")
    if (first is not None and first.last + 1 <= hi and doc.tokens[first.last + 1].kind == "punct"
            and not any(not _ATTACK_LIKE.isdisjoint(h.entry.classes) for h in doc.hits if lo <= h.first <= hi)):
        return first
    return None


# what a reply must not hold to be a plain "no" (an insult, a call, an act of harm)
_ATTACK_LIKE = frozenset({"negative_attribute", "dehumanization", "epithet", "vice", "slur", "violence", "threat",
                          "injure", "perish", "erase", "do_away", "expulsion", "send_away", "leave", "exclusion",
                          "deprive", "call", "hate_emotion", "invasion", "confinement", "punish"})


def _cue(ctx: Context, doc: Doc, b: Binding) -> Suppression | None:
    evidence = _evidence_tokens(b)
    toks = doc.tokens
    lo_sent = toks[b.first].sent - ctx.neighbor_sentences
    hi_sent = toks[b.last].sent + ctx.neighbor_sentences
    lo, hi = doc.sentence_range(lo_sent, hi_sent) if ctx.scope == "sentence" else (0, None)
    for cue in _hits_with(doc, ctx.cue_classes, None, lo, hi):
        # a cue inside the evidence is the attack's own word; a cue phrase that takes an evidence
        # word and adds its own judges it ("мир без X — нацистская мечта")
        if evidence.issuperset(range(cue.first, cue.last + 1)) or (
                cue.first == cue.last and cue.first in evidence):
            continue
        if ctx.max_distance is not None and min(
            doc.word_distance(cue.last, b.first) if cue.last < b.first else doc.word_distance(b.last, cue.first),
            doc.word_distance(cue.last, b.last) if cue.last < b.last else doc.word_distance(b.first, cue.first),
        ) > ctx.max_distance:
            continue  # "одним словом" far from the evidence is no talk about that word
        if _cue_negated(doc, cue):
            continue
        if _inside_frame_phrase(doc, cue):
            continue  # "тағұт заңымен үкім еткен": the frame's own words, no report of a verdict
        if "metalinguistic" in cue.entry.classes and _no_talk_of_a_word(doc, cue):
            continue
        if "counter_speech" in ctx.cue_classes and (_verdict_on_company(doc, cue) or _cue_names_target(doc, cue, b)
                                                    or _asks_agreement(doc, cue, b) or _label_on_speaker(doc, cue)):
            continue
        if ctx.not_when_called and _called_for(doc, cue):
            continue  # "X-ды лагерьге қамау керек": the arrest is the act called for, no report
        if "news_report" in ctx.cue_classes and _lacked(doc, cue):
            continue  # "к стенке без суда и следствия": a trial lacked is no report of one
        return Suppression(ctx.id, ctx.kind, cue, ctx.description or ctx.id)
    return None


_WITHOUT = frozenset({"без", "безо"})


def _lacked(doc: Doc, cue: DocHit) -> bool:
    """The cue is what is done without: "без суда и следствия", "без всякого суда" — a Russian без
    up to three words before it, in its clause."""
    toks = doc.tokens
    j, words = cue.first - 1, 0
    while j >= 0 and words < 3 and toks[j].clause == toks[cue.first].clause:
        if toks[j].kind == "word":
            words += 1
            if toks[j].text.lower() in _WITHOUT:
                return True
        j -= 1
    return False


_KAZAKH_PLURAL = lazy_compile(r"(лар|лер|дар|дер|тар|тер|lar|ler|dar|der|tar|ter)$")
_KAZAKH_GENITIVE = lazy_compile(r"(ның|нің|дың|дің|тың|тің|нын|нин|дын|дин|тын|тин|nyñ|nıñ|dyñ|dıñ|tyñ|tıñ|nyn|nin|dyn|din|tyn|tin|nyng|ning|dyng|ding|tyng|ting)$")
# the metalinguistic words that also say something else: сөзі (a word, or someone's speech) and
# дегеніміз (what a term means, or "X, as we know them, are ...")
_SPEECH_WORDS = frozenset({"kk.meta.sozi"})
_TOPIC_WORDS = frozenset({"дегеніміз", "дегенимиз", "degenımız", "degenimiz"})
_GROUP_CLASSES = frozenset({"group", "slur"})
# "бір сөзіне сенбеңдер" (don't trust a single word of theirs), "әр сөзі өтірік": their speech
_ONE_OR_EVERY = frozenset("бір бир bir бірде-бір бирде-бир birde-bir әр ар ár ar".split())


def _no_talk_of_a_word(doc: Doc, cue: DocHit) -> bool:
    """A metalinguistic word that talks of no word: "адамдардың сөзін естісем" is their speech
    (a genitive owner before сөзі, not a word named; "бір сөзіне сенбе", not one word of theirs), "жөйттер дегеніміз паразит" says what a whole
    people is (a plural group word before дегеніміз; a definition names a term in the singular:
    "кәпір дегеніміз ...")."""
    toks = doc.tokens
    prev = next((j for j in range(cue.first - 1, -1, -1) if toks[j].kind == "word"), None)
    if prev is None or toks[prev].sent != toks[cue.first].sent:
        return False
    if cue.entry.id in _SPEECH_WORDS:
        before = toks[prev].text.lower()
        return bool(_KAZAKH_GENITIVE.search(before)) or before in _ONE_OR_EVERY
    if toks[cue.first].text.lower() in _TOPIC_WORDS:
        return any(h.first <= prev <= h.last and not _GROUP_CLASSES.isdisjoint(h.entry.classes)
                   and _KAZAKH_PLURAL.search(toks[prev].text.lower()) for h in doc.hits)
    return False


def _inside_frame_phrase(doc: Doc, cue: DocHit) -> bool:
    """A cue word inside a longer phrase of an extremist frame belongs to the frame ("тағұт заңымен
    үкім еткен": its үкім is no verdict reported)."""
    return any(h.first <= cue.first and cue.last <= h.last and h.last > h.first and h is not cue
               and not _FRAME_CLASSES.isdisjoint(h.entry.classes) for h in doc.hits)


_FRAME_CLASSES = frozenset({"taghut", "takfir", "sharia_rule", "jihad", "dajjal", "martyrdom"})


_SPEAKER_OBJECT = frozenset("нас меня бізді мені бизди мени bızdı bizdi menı meni".split())


def _label_on_speaker(doc: Doc, cue: DocHit) -> bool:
    """A condemnation word others put on the speaker ("бізді экстремист деп күлетін кәпірлер", "нас
    называют расистами"): the speaker reports being called it, and condemns no hate.  "Us" or "me"
    stands in the accusative at most three words before it, in its clause."""
    toks = doc.tokens
    words = 0
    for j in range(cue.first - 1, -1, -1):
        if toks[j].kind != "word":
            continue
        if toks[j].clause != toks[cue.first].clause or words >= 3:
            return False
        if toks[j].text.lower() in _SPEAKER_OBJECT:
            return True
        words += 1
    return False


# a disgrace said of the group itself: "X это позор страны", "педики — болезнь и позор" (the noun
# in the nominative singular; "позорно", "позорный" judge an act)
_VERDICT_NOUNS = frozenset({"позор", "стыд", "pozor"})


def _cue_names_target(doc: Doc, cue: DocHit, b: Binding) -> bool:
    """A condemnation word that is a plural noun predicated of the group in its own clause ("русня
    вся поголовно имперцы и шовинисты", "қазақтар нәсілшілдер"), or a disgrace the group is said
    to be ("оралманы это позор страны"): it calls the group names, it judges no hate.  The group is a nominative subject before it, with no negation between."""
    toks = doc.tokens
    verdict = toks[cue.first].text.lower() in _VERDICT_NOUNS
    if cue.first != cue.last or not ({"plur", "nomn"} <= cue.gram or verdict):
        return False
    if cue.entry.lang == "kk" and not _KAZAKH_PLURAL.search(toks[cue.first].text.lower()):
        return False  # (a Kazakh word's grammemes include the Russian parser's guesses)
    for s in b.spans:
        if s.role != "target" or s.hit is None:
            continue
        # a pronoun's antecedent is the subject the disgrace was said of: "X — позор, гнать их"
        first, last = s.hit.ref if verdict and s.hit.how == "pronoun" and s.hit.ref else (s.first, s.last)
        mention = next((h for h in doc.hits if (h.first, h.last) == (first, last) and h.entry.target), s.hit)
        if last >= cue.first or "nomn" not in mention.gram:
            continue
        if verdict and toks[first].quote != toks[cue.first].quote:
            continue  # "Фраза «цыгане — воры» — позор": the quoted words are the disgrace
        if toks[last].clause != toks[cue.first].clause or doc.word_distance(last, cue.first) > 6:
            continue
        if not any(True for _ in _hits_with(doc, _NEGATION, None, last + 1, cue.first - 1)):
            return True
    return False


AGREEMENT_TAG_WORDS = 4  # "қате айтып тұрмын ба?", "қате ме?": a tag, not a sentence of its own


def _asks_agreement(doc: Doc, cue: DocHit, b: Binding) -> bool:
    """A short question after the claim that asks whether the speaker is wrong ("..., қате айтып
    тұрмын ба?", "..., или я неправ?") asks the reader to agree, it condemns nothing.  Without the
    speaker in it ("..., это расизм и позор?", "..., это недопустимо?") the question condemns; asked
    with a negation ("қате емес пе?" — isn't it wrong?) it affirms the wrong: the cue stays."""
    toks = doc.tokens
    if cue.first <= b.last:
        return False
    clause = toks[cue.first].clause
    members = [t for t in toks[b.last + 1:] if t.clause == clause]
    words = [t for t in members if t.kind == "word"]
    if not words or len(words) > AGREEMENT_TAG_WORDS:
        return False
    if not any("?" in t.text for t in members if t.kind != "word"):
        return False
    speaker = any(t.text.lower() in _SPEAKER or {"1per", "sing"} <= _gram(doc, t.index) for t in words)
    return speaker and not any(True for _ in _hits_with(doc, _NEGATION, None, words[0].index, words[-1].index))


_SPEAKER = frozenset({"я", "мен", "men"})


def _gram(doc: Doc, i: int) -> frozenset[str]:
    a = doc.analyses[i]
    return a.gram if a is not None else frozenset()


def _called_for(doc: Doc, cue: DocHit) -> bool:
    """A modal of call (керек, надо, пора) right before or after the cue word, in its clause; or
    the speaker's own verb of doing it after the word ("Алланың үкімін өз қолымызбен орындаймыз":
    the verdict is one the speaker will carry out, no court report)."""
    toks = doc.tokens
    for i in (cue.first - 1, cue.last + 1):
        if 0 <= i < len(toks) and toks[i].kind == "word" and toks[i].clause == toks[cue.first].clause \
                and any(True for _ in _hits_with(doc, _CALL, None, i, i)):
            return True
    if cue.entry.lang != "kk":
        return False  # (a Russian word's grammemes mix in Kazakh readings: поста is no verb)
    words = 0
    for i in range(cue.last + 1, len(toks)):
        if toks[i].clause != toks[cue.first].clause or words >= 3:
            break
        if toks[i].kind != "word":
            continue
        words += 1
        g = _gram(doc, i)
        if {"VERB", "1per", "plur"} <= g and "past" not in g and toks[i].text.lower() not in _SPEAKER_OBJECT:
            return True
    return False


MAX_QUOTED_SENTENCES = 3


def _quotation(ctx: Context, doc: Doc, b: Binding) -> Suppression | None:
    toks = doc.tokens
    quotes = {toks[i].quote for s in b.spans for i in range(s.first, s.last + 1)}
    if -1 in quotes:
        return None
    # the frame is looked for around the whole quotation when it holds a few sentences («Сколько
    # можно терпеть X? Не пора ли...?» — такие комментарии мы удаляем); a longer one is more
    # often a stray quotation mark than a quote
    first, last = toks[b.first].sent, toks[b.last].sent
    quoted = [t.sent for t in toks if t.quote in quotes]
    if max(quoted) - min(quoted) <= MAX_QUOTED_SENTENCES - 1:
        first, last = min(quoted), max(quoted)
    lo, hi = doc.sentence_range(first - ctx.neighbor_sentences, last + ctx.neighbor_sentences)
    for cue in _hits_with(doc, ctx.frame_classes, None, lo, hi):
        if toks[cue.first].quote in quotes:
            continue
        if _cue_negated(doc, cue):
            continue
        return Suppression(ctx.id, ctx.kind, cue, "the words are quoted and framed by condemnation or reporting")
    return None


_COORDINATING = frozenset({"и", "да", "или", "мен", "пен", "бен", "және", "әрі", "жане", "ари"})
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})


def _cue_in_attack_phrase(doc: Doc, ref: DocHit, evidence: set[int]) -> bool:
    """A refutation word coordinated with an attack word in the same case ("нация барыг и
    подделок" — a nation of hucksters and fakes) is part of the insult, no verdict on a claim."""
    toks = doc.tokens
    if ref.first != ref.last or ref.first < 2:
        return False
    conj, other = ref.first - 1, ref.first - 2
    if toks[conj].kind != "word" or toks[conj].text.lower() not in _COORDINATING or other not in evidence:
        return False
    a, c = doc.analyses[other], doc.analyses[ref.first]
    return a is not None and c is not None and not (a.gram & c.gram & _CASES).isdisjoint(_CASES)


_CLAIM_REPORTED = frozenset({"деген", "дегенді", "дегенге", "degen", "dep", "деп"})
# a Kazakh participle (-ған, -ген, -қан, -кен; typed -ган, -кан) before the noun it describes
_PARTICIPLE_END = ("ған", "ген", "қан", "кен", "ган", "кан", "ğan", "gen", "qan", "ken")
# a participle used as a noun, with its plural: шығарғандар(ды), шығаратындарға, жоққа шығарушылар
_SUBSTANTIVE_PARTICIPLE = lazy_compile(
    r"(ған|ген|қан|кен|ган|кан|атын|етін|йтын|йтін|итин|ушы|уші|уши|ğan|gen|qan|ken|atyn|etın|ytyn)"
    r"(дар|дер|лар|лер|тар|тер|dar|der|lar|ler|tar|ter)(ды|ді|ди|ға|ге|га|дың|дің|дан|ден|мен|dy|dı|di|ğa|ge|ga|dyñ|dıñ|dan|den|men)?$")


def _attributive_participle(doc: Doc, ref: DocHit) -> bool:
    """A Kazakh refutation verb as a participle before a noun ("Құдайды жоққа шығарған адам" — a
    person who denied God), or as a noun itself ("Құдайды жоққа шығаратындар" — those who deny
    God), describes people: it refutes no claim of the text.  One whose object is a reported claim
    ("... деген пікірді жоққа шығарған зерттеу") still refutes it."""
    toks = doc.tokens
    last = toks[ref.last].text.lower()
    substantive = _SUBSTANTIVE_PARTICIPLE.search(last) is not None
    if not last.endswith(_PARTICIPLE_END) and not substantive:
        return False
    if any(toks[i].kind == "word" and toks[i].text.lower() in _CLAIM_REPORTED for i in range(max(0, ref.first - 3), ref.first)):
        return False
    if substantive:
        return True  # "Құдайды жоққа шығаратындарды жек көремін": the people who deny, as a noun
    j = ref.last + 1
    if j >= len(toks) or toks[j].kind != "word" or toks[j].clause != toks[ref.last].clause:
        return False
    a = doc.analyses[j]
    return a is not None and "NOUN" in a.gram and "VERB" not in a.gram


def _refutation(ctx: Context, doc: Doc, b: Binding) -> Suppression | None:
    toks = doc.tokens
    evidence = _evidence_tokens(b)
    lo, hi = doc.sentence_range(toks[b.first].sent, toks[b.last].sent)
    reach = ctx.max_distance or 12
    for ref in _hits_with(doc, ctx.cue_classes, None, lo, hi):
        if _cue_negated(doc, ref):
            continue
        if ref.entry.lang == "kk" and ref.last + 1 < len(toks) and _particle_at(doc, ref.last + 1):
            continue  # a tag question: "X-ды қуу керек, дұрыс емес пе?" asks for agreement
        if ref.last + 1 < len(toks) and any(True for _ in _hits_with(doc, _REPORTING, None, ref.last + 1, ref.last + 1)):
            continue  # the object of saying: "бәрі өтірік айтады" (they all tell lies) is no verdict on a claim
        if _cue_in_attack_phrase(doc, ref, evidence) or _attributive_participle(doc, ref):
            continue
        if _said_of_the_rest(doc, ref):
            continue  # "X-ты қуу — жалғыз жол, басқасы бос сөз": the other ways are the idle talk
        inside = evidence.intersection(range(ref.first, ref.last + 1))
        b_first, b_last = b.first, b.last
        if ref.first < ref.last and all(any(sp.role == "call" and sp.first <= i <= sp.last for sp in b.spans)
                                        for i in range(ref.first, ref.last + 1)):
            continue  # the phrase is the attack's own call: "X-пен сауда жасау дұрыс емес" forbids
        if inside:
            # a one-word cue that is itself evidence refutes nothing; a phrase may lend the match a
            # word ("— последнее, что я бы сделал": я as the mood of a threat): the claim is the rest
            outside = evidence - inside
            # ...unless a reported claim ends right before it: "<claim> деген өтірік" (the lie that
            # <claim>), where a rule read өтірік "lie" as the claim's vice
            reported = ref.first == ref.last and ref.first > 0 and any(
                True for _ in _hits_with(doc, _REPORTING, None, ref.first - 1, ref.first - 1))
            if (ref.first == ref.last and not reported) or not outside \
                    or max(outside) > ref.last and min(outside) < ref.first:
                continue
            b_first, b_last = min(outside), max(outside)
        if ref.last < b_first:
            # "ложь о том, что <claim>": the claim is the frame's complement
            framed = (doc.word_distance(ref.last, b_first) <= reach
                      and _linked_clauses(doc, ref.last, b_first, ctx.clause_openers, label_colon=True))
        elif ref.first > b_last:
            # "<claim> деген өтірік", "<claim>, но это ложь"; not "<claim>, а врачи говорят, что это
            # миф": turning away to what others say makes the refutation theirs, not the speaker's
            framed = (toks[ref.first].sent == toks[b_last].sent and doc.word_distance(b_last, ref.first) <= reach
                      and not (any(toks[i].text in ctx.contrast for i in range(b_last + 1, ref.first))
                               and any(True for _ in _hits_with(doc, _REPORTING, None, b_last + 1, ref.first - 1)))
                      and not _lie_is_theirs(doc, b_last, ref.first))
        else:
            framed = False
        if framed:
            return Suppression(ctx.id, ctx.kind, ref, ctx.description or ctx.id)
    return None


# "the rest": a refutation said of it is said of everything but the claim
_THE_REST = frozenset({"басқасы", "баскасы", "қалғаны", "калганы", "basqasy", "qalğany", "qalgany",
                       "остальное", "остальные", "прочее", "другое"})


def _said_of_the_rest(doc: Doc, ref: DocHit) -> bool:
    """The refutation's subject is "the rest" right before it ("басқасы бос сөз", "остальное —
    сказки"): it sets the claim apart as the one true thing, it does not deny it."""
    toks = doc.tokens
    j = ref.first - 1
    while j >= 0 and toks[j].kind == "punct" and toks[j].text in ("—", "-", "–", ":"):
        j -= 1
    return j >= 0 and toks[j].kind == "word" and toks[j].text.lower() in _THE_REST


# -- attribution: someone else's words -------------------------------------------------------
# a Russian reporting word that is the writer's own (я говорю), a request (скажите) or an intention
# (хочу сказать) attributes nothing
_NOT_REPORTED_GRAM = frozenset({"1per", "impr", "INFN", "GRND"})  # GRND: "честно говоря" is a parenthesis
_FIRST_PERSON_RU = frozenset({"я", "мы"})
_FIRST_PERSON_KK = frozenset({"мен", "біз", "men", "biz"})
# a plural verb of saying needs its speaker named: "говорят, что..." without one is hearsay the
# writer passes on, "нацики говорят, что..." reports
_SPEAKER_GRAM = frozenset({"NOUN", "NPRO", "Apro"})  # Apro: "которые говорят"
# Kazakh first person on the verb itself: айтамын, деймін, айттым, дедім, айтамыз, дедік, aitamyn
_KAZAKH_FIRST_PERSON = lazy_compile(
    r"(?:м|мын|мін|мин|мыз|міз|миз|быз|біз|пыз|піз|дық|дік|тық|тік|дык|дик|тык|тик"
    r"|m|myn|min|myz|miz|dyq|dık|tyq|tık|dyk|dik|tyk|tik)$")
# a bare Kazakh verb stem is the imperative (айт, жаз); these endings make a listed form finite (дейді, деді)
_KAZAKH_FINITE = lazy_compile(r"(?:ды|ді|ты|ті|ди|ты|dy|dı|di|ty|tı)$")
_KAZAKH_REQUEST = lazy_compile(r"(?:шы|ші|ши|ңыз|ңіз|ңиз|ңдар|ңдер|ндар|ндер|şy|şı|ñyz|ñız|ñdar|ñder)$")
# a verbal noun (айту, айтуға, деуге) names the act, it reports no one's words: "мұсылман деп айтуға уяламын"
_KAZAKH_VERBAL_NOUN = lazy_compile(r"(?:у|уға|уге|уга|уды|уді|уди|удан|уден|u|uğa|uge|udy|udı)$")
# the Kazakh saying that ties a claim to its verb: "... деп айтады", "... дейді", "... депті"
_KAZAKH_SAYING = lazy_compile(r"^(?:деп|де[йдп]|дегендер|деушілер|dep|de[idp]|degender|deushiler)")
_RU_OPENING_MARKS = frozenset(":«\"“„")


# words between a verb of saying and the claim it takes in its own clause, without что or a quotation
# mark: "орут таджиков вон", "кричат россия для русских"
SAME_CLAUSE_REACH = 2
KAZAKH_CLAIM_TO_TIE = 3  # words between a claim's last evidence and its деп: "қуу керек деп", "ұры дейді"


# those who say it, as a noun: дегендер, дейтіндер, деушілер, айтатындарға (the parser reads most
# plural participles itself: айтатындар is VERB prtc plur)
_KAZAKH_SAYING_PARTICIPLES = frozenset({"дейтін", "дейтин", "deitin"})  # (not деген: "...деген ой" is one's own thought)
_KAZAKH_PLURAL_OBLIQUE = lazy_compile(r"(лар|лер|дар|дер|тар|тер)(ға|ге|ды|ді|дың|дің|дан|ден|мен|да|де)?$")
_KAZAKH_SAYERS = lazy_compile(r"^(?:дегендер|дейтіндер|дейтиндер|деушілер|деушилер|degender|deitinder|deushiler)")
# what a verdict on a saying is: "...деп жазу — қылмыс", "...деп айту ұят", "...деу — надандық"
_VERDICT_CLASSES = frozenset({"counter_speech", "negative_attribute", "vice"})
VERDICT_REACH = 2  # words from a verbal noun of saying to its verdict


def _verdict_after(doc: Doc, cue: DocHit) -> bool:
    """A verdict (condemnation, an insult, a crime) right after a Kazakh verbal noun of saying, in its
    sentence and not negated: the act of saying the claim is judged, not made."""
    toks = doc.tokens
    for h in _hits_with(doc, _VERDICT_CLASSES, None, cue.last + 1, min(len(toks) - 1, cue.last + 1 + 2 * VERDICT_REACH)):
        if toks[h.first].sent == toks[cue.last].sent and doc.word_distance(cue.last, h.first) <= VERDICT_REACH \
                and not _cue_negated(doc, h):
            return True
    return False


_OPENERS_RU = frozenset({"а", "но", "и", "просто", "вот", "ведь", "даже"})
VERDICT_AFTER_CLAIM = 4  # words from a Russian claim to the verdict on saying it


def _saying_judged(doc: Doc, cue: DocHit, b: Binding) -> bool:
    """A Russian infinitive of saying opens the sentence and a verdict follows the claim: "Писать,
    что X надо выгнать, — это преступление", "говорить, что X — воры, подло".  The saying is an
    act judged, no one's words the writer makes."""
    toks = doc.tokens
    a = doc.analyses[cue.first]
    if cue.entry.lang == "kk" or a is None or "INFN" not in a.gram:
        return False
    lo, _hi = doc.sentence_range(toks[cue.first].sent, toks[cue.first].sent)
    if any(toks[j].kind == "word" and toks[j].text.lower() not in _OPENERS_RU for j in range(lo, cue.first)):
        return False
    sent = toks[b.last].sent
    for h in _hits_with(doc, _VERDICT_CLASSES | {"outrage"}, None, b.last + 1, min(len(toks) - 1, b.last + 3 * VERDICT_AFTER_CLAIM)):
        if toks[h.first].sent == sent and doc.word_distance(b.last, h.first) <= VERDICT_AFTER_CLAIM and not _cue_negated(doc, h):
            return True
    return False


def _reporter_is_other(doc: Doc, cue: DocHit) -> bool:
    """The words of saying are someone else's: not the writer's (first person, я/мы/мен/біз in its
    clause), not a request or an intention, and a Russian plural verb names its speaker."""
    toks = doc.tokens
    i = cue.first
    text = toks[i].text.lower()
    clause = toks[i].clause
    if toks[i].text[:1].isupper() and i > 0 and toks[i - 1].kind == "word" and toks[i - 1].sent == toks[i].sent:
        return False  # a capital inside a sentence is a name: the city Орал, not орал "shouted"
    before = [j for j in range(max(0, i - 4), i) if toks[j].kind == "word" and toks[j].clause == clause]
    if cue.entry.lang == "kk":
        bare_stem = text in cue.entry.spellings and not _KAZAKH_FINITE.search(text)
        last = toks[cue.last].text.lower()
        gram = doc.analyses[cue.last].gram if doc.analyses[cue.last] is not None else frozenset()
        if not _KAZAKH_FIRST_PERSON.search(last) and not _negated_verb(doc, cue.last):
            if "prtc" in gram and "plur" in gram or _KAZAKH_SAYERS.search(last):
                return True  # "...дегендер", "...деп айтатындар": those who say it, other people by what they are
            nxt = doc.analyses[cue.last + 1] if cue.last + 1 < len(toks) else None
            if ("prtc" in gram or last in _KAZAKH_SAYING_PARTICIPLES) and nxt is not None \
                    and toks[cue.last + 1].kind == "word" and {"NOUN", "plur"} <= nxt.gram \
                    and _KAZAKH_PLURAL_OBLIQUE.search(toks[cue.last + 1].text.lower()):
                return True  # "...дейтін уағызшылар": the plural noun names who says it
            if _KAZAKH_VERBAL_NOUN.search(last) and _verdict_after(doc, cue):
                return True  # "...деп жазу — қылмыс": saying it, judged — a saying the writer does not make
        if bare_stem or _KAZAKH_REQUEST.search(last) or _KAZAKH_FIRST_PERSON.search(last) \
                or _KAZAKH_VERBAL_NOUN.search(last) or _negated_verb(doc, cue.last):
            return False  # "айт" (say it!), "айтшы", "айтамын" (I say), "айту", "айтпайды" (nobody says)
        window = [j for j in range(max(0, i - 12), min(len(toks), cue.last + 3))
                  if toks[j].kind == "word" and toks[j].clause == clause]
        return not any(toks[j].text.lower() in _FIRST_PERSON_KK for j in window)
    a = doc.analyses[i]
    gram = a.gram if a is not None else frozenset()
    if "INFN" in gram and before:
        # an infinitive after a finite verb is that verb's saying: "начали орать", "стали кричать"
        # ("хочу сказать" stays the writer's through the verb's 1per)
        prev = doc.analyses[before[-1]]
        if prev is not None and "VERB" in prev.gram and before[-1] == i - 1:
            i, gram = before[-1], prev.gram
            before = before[:-1]
    if not _NOT_REPORTED_GRAM.isdisjoint(gram):
        return False
    if "VERB" not in gram:
        return True  # мол, дескать, по словам, a post or a comment: someone else's by what they are
    if any(toks[j].text.lower() in _FIRST_PERSON_RU for j in before):
        return False  # "я вчера сказал, что..."
    if "plur" in gram and "2per" not in gram:
        named = [j for j in before if doc.analyses[j] is not None and not _SPEAKER_GRAM.isdisjoint(doc.analyses[j].gram)
                 and "nomn" in doc.analyses[j].gram]
        after = i + 1 < len(toks) and toks[i + 1].kind == "word" and doc.analyses[i + 1] is not None \
            and "nomn" in doc.analyses[i + 1].gram and not _SPEAKER_GRAM.isdisjoint(doc.analyses[i + 1].gram)
        return bool(named) or after
    return True


def _endorsed(ctx: Context, doc: Doc, cue: DocHit, claim_last: int) -> bool:
    """The writer takes the report up: an endorsement word right before the verb of saying
    ("правильно говорят", "дұрыс айтады"), a cited authority as its speaker ("деп шейх айтты"), or after the claim to the end of the next sentence ("и это
    правда", "келісемін") with no clause of its own between, or the report is a citation the writer
    leans on ("как говорил дед")."""
    toks = doc.tokens
    for j in range(max(0, cue.first - 3), min(len(toks), cue.last + 3)):
        if toks[j].kind == "word" and toks[j].clause == toks[cue.first].clause and toks[j].text.lower() in ctx.endorsement:
            return True
    if ctx.endorsement_classes and any(toks[h.first].clause == toks[cue.first].clause for h in _hits_with(
            doc, ctx.endorsement_classes, None, max(0, cue.first - 4), cue.last + 3)):
        return True  # "деп шейх айтты", "так говорили шейхи": a ruling passed on
    j = cue.first - 1
    while j >= 0 and toks[j].kind == "word" and toks[j].clause == toks[cue.first].clause and cue.first - j <= 3:
        if toks[j].text.lower() == "как":
            return True
        j -= 1
    end = doc.sentence_range(toks[claim_last].sent, toks[claim_last].sent + 1)[1]
    start = max(claim_last, cue.last) + 1
    for k in range(start, min(len(toks), end + 1)):
        if toks[k].kind == "word" and toks[k].text.lower() in ctx.endorsement:
            # a clause of its own between them is what the word judges: "...написал, что X надо
            # резать, его забанили, правильно" approves the ban, not the claim
            own = {toks[claim_last].clause, toks[cue.first].clause}
            if not any(toks[j].kind == "word" and toks[j].clause not in own
                       and toks[j].text.lower() not in _ENDORSEMENT_LEAD for j in range(start, k)):
                return True
    return False


# words that may lead an endorsement in a clause of its own: "и это правда", "и он был прав", "бұл да дұрыс"
_ENDORSEMENT_LEAD = frozenset("и а это вот ведь всё все тоже да абсолютно совершенно очень так он она они был была были оказался "
                               "оказалась оказались бұл осы да де өте нағыз ол олар".split())


# what a plural noun after деген may name that is no one who says it: the words, slogans and
# thoughts themselves ("...деген ұрандар", "...деген ойлар")
_SAID_THINGS = lazy_compile(r"^(сөз|ұран|уран|пікір|пикир|ой|пост|жазба|коммент|хабар|әңгіме|аңгиме|сұрақ|сурак|талап|шешім|шешим)")


def _degen_sayers(doc: Doc, cue: DocHit) -> bool:
    """"...деген жігіттер": деген before a plural noun of people names who said the claim."""
    toks = doc.tokens
    j = cue.last + 1
    if toks[cue.first].text.lower() not in ("деген", "degen") or j >= len(toks) or toks[j].kind != "word":
        return False
    nxt = doc.analyses[j]
    text = toks[j].text.lower()
    return nxt is not None and "NOUN" in nxt.gram and bool(_KAZAKH_PLURAL_OBLIQUE.search(text)) \
        and not _SAID_THINGS.search(text)


# others' writings a claim is named as after деген: "X-ті қуу деген комменттер" (comments saying ...)
_OTHERS_WRITINGS = lazy_compile(r"^(коммент|пост|жазба|статья|мақала|макала|видео|твит|kommen|post)")


def _degen_writings(doc: Doc, cue: DocHit) -> bool:
    """"...деген комменттер": деген before others' writings names the claim as what they wrote."""
    toks = doc.tokens
    j = cue.last + 1
    return toks[cue.first].text.lower() in ("деген", "degen") and j < len(toks) and toks[j].kind == "word" \
        and bool(_OTHERS_WRITINGS.search(toks[j].text.lower()))


POSTPOSED_REACH = 4  # words from a verb of saying after the claim to the end of its sentence
# the verbs that attribute a claim after it, as news and retellings do (not кричать, орать: noise)
_ATTRIBUTING_VERBS = lazy_compile(r"^(сказал|заявил|заявля|сообщ|написал|пиш|говор|утвержда|пояснил|добавил|отметил"
                                  r"|подчеркнул|передал|уточнил|объявил|рассказал|процитировал)")


def _postposed_attribution(doc: Doc, cue: DocHit, claim_last: int, reach: int) -> bool:
    """A Russian verb of saying after the claim opens its own clause, after a comma or a dash, and
    ends the sentence with its speaker: "<claim>, заявил министр", "<claim> — сообщило МВД"."""
    toks = doc.tokens
    a = doc.analyses[cue.first]
    if a is None or "VERB" not in a.gram or not {"INFN", "impr"}.isdisjoint(a.gram):
        return False
    if not _ATTRIBUTING_VERBS.match(toks[cue.first].text.lower()):
        return False  # "..., орут по ночам" tells what they do, not who said it
    if toks[cue.first].sent != toks[claim_last].sent or doc.word_distance(claim_last, cue.first) > reach:
        return False
    prev = cue.first - 1
    if prev < 0 or toks[prev].kind != "punct" or toks[prev].text not in (",", "—", "–", "-"):
        return False
    # the clause right before it is the claim's own, not another one between them
    before = next((j for j in range(prev - 1, -1, -1) if toks[j].kind == "word"), None)
    if before is None or toks[before].clause != toks[claim_last].clause:
        return False
    _lo, hi = doc.sentence_range(toks[cue.first].sent, toks[cue.first].sent)
    words_after = sum(1 for j in range(cue.last + 1, hi + 1) if toks[j].kind == "word")
    return 1 <= words_after <= POSTPOSED_REACH


def _attribution(ctx: Context, doc: Doc, b: Binding) -> Suppression | None:
    toks = doc.tokens
    evidence = _evidence_tokens(b)
    lo, hi = doc.sentence_range(toks[b.first].sent, toks[b.last].sent)
    reach = ctx.max_distance or 12
    for cue in _hits_with(doc, ctx.cue_classes, None, lo, hi):
        if evidence.intersection(range(cue.first, cue.last + 1)) or _cue_negated(doc, cue):
            continue
        if not (_reporter_is_other(doc, cue) or _saying_judged(doc, cue, b)):
            continue
        if cue.entry.lang == "kk":
            # "<claim> деп айғайлайды", "<claim> дейді": the claim before, tied by деп or the verb де-
            # the claim ends right before its деп (or before дейді itself): "<claim> деп айтады"
            # (деген ties its claim too when a plural noun after it names the sayers: "X-ді қуамыз
            # деген жігіттер", which _reporter_is_other has let through)
            tie = cue.first if _KAZAKH_SAYING.match(toks[cue.first].text.lower()) \
                or _degen_sayers(doc, cue) or _degen_writings(doc, cue) else next(
                (k for k in range(cue.first - 1, max(-1, cue.first - 4), -1)
                 if toks[k].text.lower() in ("деп", "dep") and toks[k].clause == toks[cue.first].clause), None)
            framed = (tie is not None and tie > b.last and toks[tie].sent == toks[b.last].sent
                      and doc.word_distance(b.last, tie) <= KAZAKH_CLAIM_TO_TIE
                      and not any(toks[k].text.lower() in ctx.contrast for k in range(b.last + 1, cue.first)))
        else:
            # "кричат, что <claim>", "заявил: <claim>", "орут «<claim>»", "мол, <claim>"
            # the attack words follow the saying (the group it names may stand anywhere: "X, которые
            # говорят «валите»"); a noun of saying takes its claim as a clause or a quotation, never as
            # a word of its own clause ("высказывания всяких X" names the speakers)
            framed = False
            first = min(sp.first for sp in _attack_spans(b))
            a = doc.analyses[cue.first]
            noun_cue = a is not None and "NOUN" in a.gram and "PRCL" not in a.gram and "VERB" not in a.gram
            if cue.last < first and doc.word_distance(cue.last, first) <= reach:
                marks = "".join(toks[k].text for k in range(cue.last + 1, first) if toks[k].kind != "word")
                opened = any(c in _RU_OPENING_MARKS for c in marks)
                linked = _linked_clauses(doc, cue.last, first, ctx.clause_openers)
                particle = a is not None and "PRCL" in a.gram
                if toks[cue.last].clause == toks[first].clause and not particle and (
                        noun_cue or doc.word_distance(cue.last, min(first, b.first)) > SAME_CLAUSE_REACH):
                    linked = False
                framed = linked or (opened and toks[cue.last].sent == toks[first].sent)
                framed = framed and not any(toks[k].text.lower() in ctx.contrast for k in range(cue.last + 1, first))
            elif cue.first > b.last and _postposed_attribution(doc, cue, b.last, reach):
                framed = True  # "<claim>, заявил министр", "<claim> — сообщило МВД"
        if framed and not _endorsed(ctx, doc, cue, b.last):
            return Suppression(ctx.id, ctx.kind, cue, ctx.description or ctx.id)
    return None
