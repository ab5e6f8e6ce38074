"""A built-in synthetic set of de-identified clinical notes with faithful summaries.

Each case is first sampled as structured :class:`Facts`; its note and its summary are both rendered
from those facts, so a summary can only state what its note says. Notes come in three styles (a
sectioned narrative, a terse abbreviated note, a doctor-patient dialogue) so that a model learns the
facts rather than one layout. All randomness comes from ``random.Random``: one seed, one dataset.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from pathlib import Path

from clinsum.data.dataset import Example, write_examples

STYLES = ("narrative", "terse", "dialogue")

_NUMBER_WORDS = dict(enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split()))
_DURATIONS = {"day": (2, 10), "week": (1, 4), "month": (1, 3)}
_TERSE_UNITS = {"day": "d", "week": "wk", "month": "mo"}
_MUTATIONS = ("dose", "side", "duration", "age", "drug", "sex")
_MED = re.compile(r"(?P<name>[A-Za-z][A-Za-z ]*?) (?:(?P<form>inhaler|cream|gel) )?"
                  r"(?P<dose>\d+(?:\.\d+)?) ?(?P<unit>mg|mcg|g|puffs|%) (?P<frequency>.+)")


@dataclass(frozen=True)
class Medication:
    """A drug with dose, unit and frequency, e.g. ``lisinopril 10 mg daily``."""

    name: str
    form: str
    dose: str
    unit: str
    frequency: str

    @classmethod
    def parse(cls, text: str) -> Medication:
        m = _MED.fullmatch(text)
        return cls(m["name"], m["form"] or "", m["dose"], m["unit"], m["frequency"])

    def render(self) -> str:
        amount = self.dose + ("%" if self.unit == "%" else " " + self.unit)
        return " ".join(part for part in (self.name, self.form, amount, self.frequency) if part)


@dataclass(frozen=True)
class Condition:
    """A past medical history item with its abbreviation and the home medications that treat it."""

    name: str
    abbrev: str
    meds: tuple[Medication, ...]


@dataclass(frozen=True)
class Complaint:
    """A presenting problem and what plausibly goes with it; ``{side}`` marks laterality.

    ``plans`` maps each assessment to the medications that fit it, so a plan never contradicts its
    assessment.
    """

    phrase: str
    spoken: str
    sides: tuple[str, ...]
    details: tuple[str, ...]
    negatives: tuple[str, ...]
    exams: tuple[str, ...]
    plans: tuple[tuple[str, tuple[Medication, ...]], ...]
    actions: tuple[str, ...]


def _condition(name: str, abbrev: str, *meds: str) -> Condition:
    return Condition(name, abbrev, tuple(Medication.parse(m) for m in meds))


def _complaint(phrase, spoken, sides=(), *, details, negatives, exams, plans, actions) -> Complaint:
    plans = tuple((assessment, tuple(Medication.parse(m) for m in meds)) for assessment, meds in plans.items())
    return Complaint(phrase, spoken, sides, details, negatives, exams, plans, actions)


CONDITIONS = (
    _condition("hypertension", "HTN", "lisinopril 10 mg daily", "amlodipine 5 mg daily", "losartan 50 mg daily",
               "hydrochlorothiazide 25 mg daily", "metoprolol 25 mg twice daily"),
    _condition("type 2 diabetes", "DM2", "metformin 500 mg twice daily", "metformin 1000 mg twice daily",
               "glipizide 5 mg daily"),
    _condition("hyperlipidemia", "HLD", "atorvastatin 20 mg nightly", "simvastatin 40 mg nightly",
               "rosuvastatin 10 mg daily"),
    _condition("hypothyroidism", "hypothyroid", "levothyroxine 50 mcg daily", "levothyroxine 75 mcg daily"),
    _condition("GERD", "GERD", "omeprazole 20 mg daily", "pantoprazole 40 mg daily"),
    _condition("depression", "MDD", "sertraline 50 mg daily", "fluoxetine 20 mg daily", "escitalopram 10 mg daily"),
    _condition("asthma", "asthma", "albuterol inhaler 2 puffs as needed", "fluticasone inhaler 2 puffs twice daily"),
    _condition("gout", "gout", "allopurinol 300 mg daily"),
    _condition("allergic rhinitis", "allergic rhinitis", "cetirizine 10 mg daily", "loratadine 10 mg daily"),
    _condition("anxiety", "anxiety", "buspirone 10 mg twice daily"),
)

_LR = ("left", "right")
COMPLAINTS = (
    _complaint("chest pain", "I've been having chest pain",
               details=("The pain is sharp and worse with movement.", "The pain started after moving furniture."),
               negatives=("shortness of breath", "sweating", "palpitations", "nausea"),
               exams=("tenderness over the sternum that reproduces the pain, with a regular heart rhythm",),
               plans={"musculoskeletal chest wall pain": ("ibuprofen 400 mg every 6 hours as needed",
                                                          "naproxen 500 mg twice daily"),
                      "costochondritis": ("naproxen 500 mg twice daily",
                                          "ibuprofen 600 mg three times daily")},
               actions=("check an ECG",)),
    _complaint("cough", "I've had a cough",
               details=("The cough brings up yellow sputum.", "The cough is dry and worse at night."),
               negatives=("fever", "coughing up blood", "chest pain", "shortness of breath"),
               exams=("clear lungs with no wheezes", "scattered rhonchi that clear with coughing"),
               plans={"acute bronchitis": ("benzonatate 100 mg three times daily", "guaifenesin 400 mg every 4 hours"),
                      "post-viral cough": ("benzonatate 100 mg three times daily",
                                           "dextromethorphan 30 mg every 8 hours as needed")},
               actions=("order a chest x-ray",)),
    _complaint("headaches", "I've been getting headaches",
               details=("The headaches come on most afternoons.", "Pain relievers help only a little."),
               negatives=("vision changes", "weakness", "numbness", "fever"),
               exams=("no focal neurological deficits and no neck stiffness",),
               plans={"tension-type headache": ("acetaminophen 1000 mg every 8 hours as needed",
                                                "ibuprofen 400 mg every 6 hours as needed"),
                      "migraine without aura": ("sumatriptan 50 mg as needed",)},
               actions=("arrange an eye exam",)),
    _complaint("{side} lower quadrant abdominal pain", "I've had pain in the {side} side of my lower belly", _LR,
               details=("The pain comes and goes.", "Bowel movements have been less frequent."),
               negatives=("vomiting", "diarrhea", "blood in the stool", "fever"),
               exams=("mild tenderness in the {side} lower quadrant without rebound or guarding",),
               plans={"constipation": ("polyethylene glycol 17 g daily", "senna 8.6 mg at bedtime"),
                      "irritable bowel syndrome": ("dicyclomine 20 mg four times daily as needed",)},
               actions=("check a CBC and urinalysis", "order an abdominal ultrasound")),
    _complaint("epigastric burning", "I've had burning in my upper stomach",
               details=("The burning is worse after meals.", "Spicy food makes it worse."),
               negatives=("vomiting", "black stools", "weight loss", "trouble swallowing"),
               exams=("mild epigastric tenderness with normal bowel sounds",),
               plans={"gastritis": ("famotidine 20 mg twice daily", "sucralfate 1 g four times daily")},
               actions=("check an H. pylori stool test",)),
    _complaint("{side} knee pain", "my {side} knee has been hurting", _LR,
               details=("The pain is worse on stairs.", "The pain began after a long hike."),
               negatives=("swelling", "locking", "giving way", "fever"),
               exams=("medial joint line tenderness of the {side} knee with full range of motion",
                      "crepitus of the {side} knee without effusion"),
               plans={"osteoarthritis of the {side} knee": ("naproxen 500 mg twice daily", "meloxicam 15 mg daily",
                                                            "diclofenac gel 4 g four times daily"),
                      "{side} knee strain": ("ibuprofen 600 mg three times daily",)},
               actions=("order an x-ray of the {side} knee",)),
    _complaint("{side} shoulder pain", "my {side} shoulder has been hurting", _LR,
               details=("The pain is worse when reaching overhead.", "The pain is worse at night."),
               negatives=("numbness", "weakness", "neck pain", "recent injury"),
               exams=("a painful arc and tenderness over the {side} shoulder with intact strength",),
               plans={"rotator cuff tendinopathy of the {side} shoulder": ("ibuprofen 600 mg three times daily",
                                                                           "naproxen 500 mg twice daily")},
               actions=("arrange physical therapy",)),
    _complaint("{side} hip pain", "my {side} hip has been hurting", _LR,
               details=("The pain is worse when lying on that side.", "Walking long distances makes it worse."),
               negatives=("groin pain", "numbness", "falls", "fever"),
               exams=("tenderness over the {side} greater trochanter with normal hip range of motion",),
               plans={"{side} trochanteric bursitis": ("meloxicam 7.5 mg daily", "naproxen 500 mg twice daily")},
               actions=("arrange physical therapy", "order an x-ray of the {side} hip")),
    _complaint("rash on the {side} forearm", "I've had an itchy rash on my {side} forearm", _LR,
               details=("The rash is very itchy.", "A new laundry detergent was started last month."),
               negatives=("fever", "drainage", "joint pain", "new medications"),
               exams=("a well-demarcated red patch on the {side} forearm without warmth",),
               plans={"contact dermatitis": ("triamcinolone cream 0.1% twice daily",
                                             "hydrocortisone cream 1% twice daily", "cetirizine 10 mg daily"),
                      "eczema": ("triamcinolone cream 0.1% twice daily",)},
               actions=("arrange a dermatology referral if it persists",)),
    _complaint("shortness of breath", "I've been short of breath",
               details=("Symptoms are worse with exertion.", "Cold air brings on wheezing."),
               negatives=("chest pain", "leg swelling", "fever", "coughing up blood"),
               exams=("expiratory wheezes without accessory muscle use",),
               plans={"mild asthma exacerbation": ("prednisone 40 mg daily",
                                                   "albuterol inhaler 2 puffs every 4 hours as needed"),
                      "bronchospasm": ("albuterol inhaler 2 puffs every 4 hours as needed", "prednisone 40 mg daily")},
               actions=("check a peak flow", "order a chest x-ray")),
    _complaint("low back pain", "my lower back has been hurting",
               details=("The pain started after lifting boxes.", "Sitting for long periods makes it worse."),
               negatives=("leg weakness", "numbness", "bowel or bladder problems", "fever"),
               exams=("lumbar paraspinal tenderness and a negative straight leg raise",),
               plans={"lumbar strain": ("cyclobenzaprine 5 mg at bedtime as needed",
                                        "ibuprofen 600 mg three times daily", "naproxen 500 mg twice daily")},
               actions=("arrange physical therapy",)),
    _complaint("dizziness", "I've been feeling dizzy",
               details=("The spinning starts when rolling over in bed.", "Each episode lasts less than a minute."),
               negatives=("hearing loss", "chest pain", "palpitations", "weakness"),
               exams=("nystagmus on Dix-Hallpike testing and no focal neurological deficits",),
               plans={"benign paroxysmal positional vertigo": ("meclizine 25 mg every 8 hours as needed",)},
               actions=("arrange vestibular therapy", "check orthostatic vital signs")),
    _complaint("painful urination", "I've had pain when I urinate",
               details=("Urinary frequency has increased.", "There is urgency with small volumes."),
               negatives=("fever", "flank pain", "blood in the urine", "nausea"),
               exams=("mild suprapubic tenderness without costovertebral angle tenderness",),
               plans={"uncomplicated urinary tract infection": ("nitrofurantoin 100 mg twice daily",
                                                                "cephalexin 500 mg twice daily")},
               actions=("check a urinalysis and urine culture",)),
    _complaint("sore throat", "I've had a sore throat",
               details=("Swallowing is painful.", "A family member had similar symptoms."),
               negatives=("cough", "drooling", "trouble breathing", "rash"),
               exams=("tonsillar exudate, tender anterior cervical lymph nodes and a positive rapid strep test",),
               plans={"streptococcal pharyngitis": ("amoxicillin 500 mg twice daily",
                                                     "penicillin V 500 mg twice daily")},
               actions=("arrange a recheck if symptoms persist",)),
    _complaint("{side} ear pain", "my {side} ear has been hurting", _LR,
               details=("Hearing is muffled on that side.", "Symptoms began after a cold."),
               negatives=("drainage", "fever", "dizziness", "jaw pain"),
               exams=("a bulging, red {side} tympanic membrane",),
               plans={"acute otitis media of the {side} ear": ("amoxicillin 875 mg twice daily",
                                                              "cefdinir 300 mg twice daily")},
               actions=("recheck the {side} ear",)),
)

_PLAN_MEDS = tuple(dict.fromkeys(m for c in COMPLAINTS for _, meds in c.plans for m in meds))
DRUG_NAMES = tuple(sorted({m.name for m in _PLAN_MEDS} | {m.name for c in CONDITIONS for m in c.meds}))


@dataclass(frozen=True)
class Facts:
    """Everything one note states; the summary is rendered from a subset of it."""

    age: int
    male: bool
    complaint: Complaint
    side: str | None
    duration: int
    unit: str
    detail: str
    negatives: tuple[str, ...]
    history: tuple[Condition, ...]
    home_meds: tuple[Medication, ...]
    allergy: str | None
    vitals: tuple[int, int, int, float, int]
    exam: str
    assessment: str
    new_med: Medication
    action: str
    follow_up_weeks: int
    style: str
    phrasing: int

    def fill(self, template: str) -> str:
        """Put this case's side into a complaint/exam/assessment/action template."""
        return template.format(side=self.side)


def _sample_facts(rng: random.Random) -> Facts:
    complaint = rng.choice(COMPLAINTS)
    unit = rng.choices(list(_DURATIONS), weights=(5, 3, 1))[0]
    history = tuple(rng.sample(CONDITIONS, rng.choice((0, 1, 1, 2))))
    home_meds = tuple(rng.choice(c.meds) for c in history)
    assessment, meds = rng.choice(complaint.plans)
    taken = {m.name for m in home_meds}
    return Facts(
        age=rng.randint(18, 88),
        male=rng.random() < 0.5,
        complaint=complaint,
        side=rng.choice(complaint.sides) if complaint.sides else None,
        duration=rng.randint(*_DURATIONS[unit]),
        unit=unit,
        detail=rng.choice(complaint.details),
        negatives=tuple(rng.sample(complaint.negatives, 3)),
        history=history,
        home_meds=home_meds,
        allergy=rng.choice((None, None, None, "sulfa", "codeine", "latex")),
        vitals=(rng.randint(104, 158), rng.randint(60, 94), rng.randint(56, 102),
                round(rng.uniform(97.6, 99.4), 1), rng.randint(95, 99)),
        exam=rng.choice(complaint.exams),
        assessment=assessment,
        new_med=rng.choice([m for m in meds if m.name not in taken]),
        action=rng.choice(complaint.actions),
        follow_up_weeks=rng.randint(1, 4),
        style=rng.choice(STYLES),
        phrasing=rng.getrandbits(32),
    )


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(items, conjunction: str) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _count(n: int, unit: str, words: bool = False) -> str:
    return f"{_NUMBER_WORDS[n] if words else n} {unit}{'' if n == 1 else 's'}"


def _a(age: int) -> str:
    """The article before ``<age>-year-old``: "an 18-", "an 80-", otherwise "a"."""
    return "An" if age == 18 or 80 <= age <= 89 else "A"


def _abbreviate(text: str) -> str:
    """Clinical shorthand for frequencies: ``twice daily`` -> ``BID``."""
    for pattern, short in ((r"every (\d+) hours", r"q\1h"), ("twice daily", "BID"), ("three times daily", "TID"),
                           ("four times daily", "QID"), ("at bedtime|nightly", "qHS"), ("as needed", "PRN"),
                           (r"\bdaily", "qd")):
        text = re.sub(pattern, short, text)
    return text


def _spoken(text: str) -> str:
    """How a doctor says a prescription aloud: ``500 mg twice daily`` -> ``500 milligrams twice a day``."""
    text = re.sub(r"(twice|three times|four times) daily", r"\1 a day", text)
    text = re.sub(r"\bdaily", "once a day", text).replace("nightly", "every night")
    return re.sub(r"(\d) mg\b", r"\1 milligrams", text)


def _narrative(f: Facts, rng: random.Random) -> str:
    pronoun = "He" if f.male else "She"
    who = rng.choice((f"{_a(f.age)} {f.age}-year-old {'man' if f.male else 'woman'}",
                      f"{f.age}-year-old {'male' if f.male else 'female'}"))
    negatives = _join(f.negatives, "or")
    denial = rng.choice((f"{pronoun} denies {negatives}.", f"No {negatives}.", f"{pronoun} reports no {negatives}."))
    bp_sys, bp_dia, hr, temp, spo2 = f.vitals
    sections = (
        (("HPI", "History of present illness"), f"{who} presents with {f.fill(f.complaint.phrase)} for "
         f"{_count(f.duration, f.unit, words=rng.random() < 0.4)}. {f.detail} {denial}"),
        (("PMH", "Past medical history"), _cap(", ".join(c.name for c in f.history)) or "None"),
        (("Medications", "Current medications"), "; ".join(m.render() for m in f.home_meds) or "None"),
        (("Allergies",), _cap(f.allergy or "no known drug allergies")),
        (("Exam", "Physical exam"), f"BP {bp_sys}/{bp_dia}, HR {hr}, temp {temp:.1f} F, SpO2 {spo2}% on room air. "
         f"{_cap(f.fill(f.exam))}."),
        (("Assessment", "Impression"), _cap(f.fill(f.assessment))),
        (("Plan",), f"Start {f.new_med.render()}. {_cap(f.fill(f.action))}. "
         f"Follow up in {_count(f.follow_up_weeks, 'week')}."),
    )
    return "\n".join(f"{rng.choice(labels)}: {text.rstrip('.')}." for labels, text in sections)


def _terse(f: Facts, rng: random.Random) -> str:
    bp_sys, bp_dia, hr, temp, spo2 = f.vitals
    opener = rng.choice(("c/o", "presents w/", "here for"))
    denial = rng.choice(("Pt denies", "Denies", "Neg for"))
    duration = f"x{f.duration}{_TERSE_UNITS[f.unit]}"
    pmh = ", ".join(c.abbrev for c in f.history) or "none"
    meds = ", ".join(_abbreviate(m.render()) for m in f.home_meds) or "none"
    action = re.sub(r"\b(a|an|the) ", "", f.fill(f.action))
    return (f"{f.age} y/o {'M' if f.male else 'F'} {opener} {f.fill(f.complaint.phrase)} {duration}. {f.detail} "
            f"{denial} {', '.join(f.negatives)}.\n"
            f"PMH: {pmh}. Meds: {meds}. {'Allergy: ' + f.allergy if f.allergy else 'NKDA'}.\n"
            f"VS: BP {bp_sys}/{bp_dia}, HR {hr}, T {temp:.1f}, SpO2 {spo2}% RA. Exam: {f.fill(f.exam)}.\n"
            f"A: {f.fill(f.assessment)}. P: start {_abbreviate(f.new_med.render())}, {action}, "
            f"f/u {f.follow_up_weeks} wk.")


def _dialogue(f: Facts, rng: random.Random) -> str:
    bp_sys, bp_dia, hr, temp, spo2 = f.vitals
    if f.history:
        history = f"Patient: I have {_join((c.name for c in f.history), 'and')}, and I take " \
                  f"{_join((_spoken(m.render()) for m in f.home_meds), 'and')}."
    else:
        history = "Patient: No, I'm healthy and I don't take any medications."
    duration = _count(f.duration, f.unit, words=rng.random() < 0.6)
    title = "sir" if f.male else "ma'am"
    lines = (
        f"Doctor: Good morning, {title}. How old are you, and what brings you in today?",
        f"Patient: I'm {f.age}. {_cap(f.fill(f.complaint.spoken))} for {rng.choice(('', 'about '))}{duration}. "
        f"{f.detail}",
        f"Doctor: Any {_join(f.negatives, 'or')}?",
        f"Patient: No, {rng.choice(('none of that', 'nothing like that', 'not at all'))}.",
        "Doctor: Any medical problems or medications?",
        history,
        f"Doctor: Blood pressure is {bp_sys} over {bp_dia}, pulse {hr}, temperature {temp:.1f}, oxygen {spo2} "
        f"percent. On exam I see {f.fill(f.exam)}. This looks like {f.fill(f.assessment)}. "
        f"Let's start {_spoken(f.new_med.render())}, and I also want to {f.fill(f.action)}. "
        f"Please come back in {_count(f.follow_up_weeks, 'week')}.",
    )
    return "\n".join(lines)


_RENDERERS = {"narrative": _narrative, "terse": _terse, "dialogue": _dialogue}


def render_note(facts: Facts) -> str:
    """The note in the case's style; phrasing choices come from the case's own seed."""
    return _RENDERERS[facts.style](facts, random.Random(f"{facts.phrasing}:note"))


def render_summary(facts: Facts) -> str:
    """A 1-3 sentence summary stating only facts the note states, in one of a few phrasings."""
    rng = random.Random(f"{facts.phrasing}:summary")
    who = f"{facts.age}-year-old {rng.choice((('man', 'woman'), ('male', 'female')))[0 if facts.male else 1]}"
    complaint, assessment = facts.fill(facts.complaint.phrase), facts.fill(facts.assessment)
    duration, med, action = _count(facts.duration, facts.unit), facts.new_med.render(), facts.fill(facts.action)
    first, second = facts.negatives[:2]
    weeks = _count(facts.follow_up_weeks, "week")
    history = f" with a history of {_join((c.name for c in facts.history), 'and')}" if facts.history else ""
    home = f", on {facts.home_meds[0].render()}," if facts.home_meds else ""
    templates = (
        f"{_a(facts.age)} {who}{history} presents with {complaint} for {duration} and denies {first} and "
        f"{second}. Assessment: {assessment}. Plan: start {med} and {action}.",
        f"{_cap(who)} with {duration} of {complaint}{home} and no {first} or {second}. Assessed as {assessment}; "
        f"started {med}, with follow-up in {weeks}.",
        f"{_cap(complaint)} for {duration} in {_a(facts.age).lower()} {who}{history}, who denies {first} and {second}. "
        f"Diagnosis: {assessment}; started {med}, and will {action}.",
        f"Patient is {_a(facts.age).lower()} {who} seen for {complaint} lasting {duration}, without {first} or "
        f"{second}. The assessment is {assessment}, treated with {med}, with follow-up in {weeks}.",
    )
    return rng.choice(templates)


def _mentions_number(text: str, value: str) -> bool:
    """Whether ``text`` states the number ``value`` in digits or (up to twelve) in words."""
    if re.search(rf"(?<![\d.]){re.escape(value)}(?!\.?\d)", text):
        return True
    word = _NUMBER_WORDS.get(int(value)) if value.isdigit() else None
    return bool(word and re.search(rf"\b{word}\b", text, re.IGNORECASE))


def _first_unmentioned(note: str, candidates) -> str | None:
    return next((c for c in candidates if not _mentions_number(note, c)), None)


def _mutate(facts: Facts, note: str, rng: random.Random) -> Facts:
    """The same case with exactly one summarised fact changed to a value the note does not support."""
    med = facts.new_med
    for kind in rng.sample(_MUTATIONS, len(_MUTATIONS)):
        if kind == "sex":
            break
        if kind == "dose":
            dose = _first_unmentioned(note, [f"{float(med.dose) * k:g}" for k in rng.sample((2, 0.5, 3, 4), 4)])
            if dose:
                return replace(facts, new_med=replace(med, dose=dose))
        elif kind == "side" and facts.side:
            other = "right" if facts.side == "left" else "left"
            if not re.search(rf"\b{other}\b", note, re.IGNORECASE):
                return replace(facts, side=other)
        elif kind == "duration":
            duration = _first_unmentioned(note, [str(n) for n in rng.sample(range(1, 13), 12) if n != facts.duration])
            if duration:
                return replace(facts, duration=int(duration))
        elif kind == "age":
            ages = [str(a) for a in rng.sample(range(18, 96), 78) if abs(a - facts.age) >= 5]
            age = _first_unmentioned(note, ages)
            if age:
                return replace(facts, age=int(age))
        elif kind == "drug":
            return replace(facts, new_med=rng.choice([m for m in _PLAN_MEDS if m.name.lower() not in note.lower()]))
    return replace(facts, male=not facts.male)  # "sex", and the fallback when nothing else applies


def _generate_groups(n: int, seed: int, hallucinated_fraction: float) -> list[list[Example]]:
    """One group per note: its factual row, then its hallucinated row when it has one."""
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    if not 0.0 <= hallucinated_fraction <= 1.0:
        raise ValueError(f"hallucinated_fraction must be between 0 and 1, got {hallucinated_fraction}")
    rng = random.Random(seed)
    cases = [_sample_facts(rng) for _ in range(n)]
    # Drawn after the cases, so the factual rows do not depend on hallucinated_fraction.
    flagged = set(rng.sample(range(n), round(n * hallucinated_fraction)))
    groups = []
    for i, facts in enumerate(cases):
        example_id, note = f"syn-{i + 1:04d}", render_note(facts)
        group = [Example(example_id, note, render_summary(facts), "factual")]
        if i in flagged:
            wrong = render_summary(_mutate(facts, note, rng))
            group.append(Example(f"{example_id}-h", note, wrong, "hallucinated"))
        groups.append(group)
    return groups


def generate_examples(n: int, seed: int = 0, hallucinated_fraction: float = 0.0) -> list[Example]:
    """``n`` factual note/summary pairs (ids ``syn-0001``...), deterministic by ``seed``.

    With ``hallucinated_fraction`` > 0 that fraction of notes also gets a row ``<id>-h`` labelled
    ``hallucinated`` whose summary has one wrong fact (dose, side, duration, age, drug or sex), like
    the labelled rows of the seed data.
    """
    return [ex for group in _generate_groups(n, seed, hallucinated_fraction) for ex in group]


def write_synthetic_splits(out_dir: str | Path, n_train: int = 240, n_val: int = 30, n_test: int = 30,
                           seed: int = 0, hallucinated_fraction: float = 0.0) -> dict[str, Path]:
    """Write ``train.csv``, ``val.csv`` and ``test.csv`` in clinsum's examples layout (``write_examples``).

    The splits never share a note: a hallucinated row stays in the split of its factual row.
    """
    groups = _generate_groups(n_train + n_val + n_test, seed, hallucinated_fraction)
    bounds = {"train": (0, n_train), "val": (n_train, n_train + n_val), "test": (n_train + n_val, len(groups))}
    return {split: write_examples(Path(out_dir) / f"{split}.csv", [ex for group in groups[start:stop] for ex in group])
            for split, (start, stop) in bounds.items()}
