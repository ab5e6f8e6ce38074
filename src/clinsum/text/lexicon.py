"""Curated clinical vocabularies and fast phrase lookup over them.

The faithfulness checker needs to recognise the facts a summary states (drugs, conditions,
procedures, findings, sides of the body, frequencies) and the hard-negative generator needs
plausible swap targets for the same categories. Both use this module so that an edit the generator
makes is a fact the checker can see.

Drugs come from the offline dictionary of ``drug-named-entity-recognition`` (brand names resolve to
the generic); drug classes, conditions, procedures and findings are curated here because the
dictionary carries only chemical (not therapeutic) classification.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Generic, TypeVar

V = TypeVar("V")


@dataclass(frozen=True)
class Mention:
    """A drug found in text: character span, the text as written, and its lowercase generic name."""

    start: int
    end: int
    text: str
    canonical: str


@dataclass(frozen=True)
class Term:
    """A condition, finding or procedure found in text.

    ``concept`` is the canonical name shared by all synonyms ("sob" and "shortness of breath" are
    both ``dyspnea``); ``negated`` is true for words that deny the concept by themselves
    ("afebrile" denies ``fever``).
    """

    start: int
    end: int
    text: str
    concept: str
    kind: str  # "condition", "finding" or "procedure"
    negated: bool = False


# ---------------------------------------------------------------------------------------------
# Phrase lookup: token n-grams against a dictionary, longest match first.

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?", re.IGNORECASE)
# What may separate two tokens of one phrase: spaces, hyphens, slashes, or the dots of "b.i.d.".
_JOINABLE_GAP = re.compile(r"[ \t\-/]*|\.")


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[tuple[int, int, str], ...]:
    """Lowercase word tokens with their spans; hyphens and punctuation separate tokens.

    Cached: every phrase index (drugs, terms, body parts, frequencies) tokenizes the same sentence.
    """
    return tuple((m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text))


def phrase_key(phrase: str) -> str:
    """The lookup key of a phrase: its tokens joined by single spaces ("X-ray" -> "x ray")."""
    return " ".join(tok for _, _, tok in tokenize(phrase))


@lru_cache(maxsize=65536)
def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class PhraseIndex(Generic[V]):
    """Find dictionary phrases in text by token n-gram lookup (longest match, left to right).

    A dict lookup per n-gram is far faster than one huge regex alternation, which matters for the
    100k drug variants and for checking hundreds of notes per second.
    """

    def __init__(self, phrases: dict[str, V], plurals: bool = True):
        self.entries: dict[str, V] = {}
        for phrase, value in phrases.items():
            key = phrase_key(phrase)
            if key:
                self.entries.setdefault(key, value)
        self.plurals = plurals
        self.first_tokens = {key.split(" ", 1)[0] for key in self.entries}
        self.max_tokens = max((key.count(" ") + 1 for key in self.entries), default=1)

    def lookup(self, key: str) -> V | None:
        value = self.entries.get(key)
        if value is None and self.plurals:
            head, _, last = key.rpartition(" ")
            singular = _singular(last)
            if singular != last:
                value = self.entries.get(f"{head} {singular}" if head else singular)
        return value

    def find(self, text: str) -> list[tuple[int, int, V]]:
        tokens = tokenize(text)
        found, i = [], 0
        while i < len(tokens):
            first = tokens[i][2]
            if first not in self.first_tokens and not (self.plurals and _singular(first) in self.first_tokens):
                i += 1
                continue
            words = [tokens[i][2]]
            candidates = [(tokens[i][1], " ".join(words))]
            for j in range(i + 1, min(i + self.max_tokens, len(tokens))):
                if not _JOINABLE_GAP.fullmatch(text[tokens[j - 1][1]: tokens[j][0]]):
                    break
                words.append(tokens[j][2])
                candidates.append((tokens[j][1], " ".join(words)))
            for n in range(len(candidates), 0, -1):
                end, key = candidates[n - 1]
                value = self.lookup(key)
                if value is not None:
                    found.append((tokens[i][0], end, value))
                    i += n
                    break
            else:
                i += 1
        return found


# ---------------------------------------------------------------------------------------------
# Drugs

# Therapeutic classes with common members (generic names as the dictionary spells them).
DRUG_CLASSES: dict[str, tuple[str, ...]] = {
    "ace inhibitors": ("lisinopril", "enalapril", "ramipril", "benazepril", "captopril", "quinapril",
                       "fosinopril", "perindopril", "trandolapril", "moexipril"),
    "arbs": ("losartan", "valsartan", "irbesartan", "candesartan", "olmesartan", "telmisartan",
             "azilsartan", "eprosartan"),
    "beta blockers": ("metoprolol", "atenolol", "carvedilol", "propranolol", "bisoprolol", "nebivolol",
                      "labetalol", "nadolol", "sotalol", "timolol", "esmolol"),
    "calcium channel blockers": ("amlodipine", "nifedipine", "diltiazem", "verapamil", "felodipine",
                                 "nicardipine", "isradipine"),
    "diuretics": ("furosemide", "hydrochlorothiazide", "chlorthalidone", "spironolactone", "bumetanide",
                  "torsemide", "metolazone", "triamterene", "eplerenone", "indapamide", "acetazolamide"),
    "statins": ("atorvastatin", "simvastatin", "rosuvastatin", "pravastatin", "lovastatin", "fluvastatin",
                "pitavastatin"),
    "other lipid-lowering agents": ("ezetimibe", "fenofibrate", "gemfibrozil", "niacin"),
    "nitrates": ("nitroglycerin", "isosorbide mononitrate", "isosorbide dinitrate"),
    "antiarrhythmics": ("amiodarone", "digoxin", "flecainide", "propafenone", "dofetilide", "dronedarone"),
    "anticoagulants": ("warfarin", "heparin", "enoxaparin", "apixaban", "rivaroxaban", "dabigatran",
                       "edoxaban", "fondaparinux"),
    "antiplatelets": ("aspirin", "clopidogrel", "prasugrel", "ticagrelor", "dipyridamole", "cilostazol"),
    "ssris": ("sertraline", "fluoxetine", "citalopram", "escitalopram", "paroxetine", "fluvoxamine"),
    "snris": ("venlafaxine", "duloxetine", "desvenlafaxine", "levomilnacipran"),
    "tricyclic antidepressants": ("amitriptyline", "nortriptyline", "imipramine", "doxepin", "desipramine",
                                  "clomipramine"),
    "other antidepressants": ("bupropion", "mirtazapine", "trazodone", "vilazodone", "vortioxetine"),
    "antipsychotics": ("quetiapine", "olanzapine", "risperidone", "aripiprazole", "haloperidol", "ziprasidone",
                       "clozapine", "paliperidone", "lurasidone"),
    "mood stabilizers": ("lithium carbonate",),
    "benzodiazepines": ("alprazolam", "lorazepam", "clonazepam", "diazepam", "temazepam", "chlordiazepoxide",
                        "midazolam", "oxazepam"),
    "sleep aids": ("zolpidem", "eszopiclone", "zaleplon", "ramelteon"),
    "stimulants": ("methylphenidate", "amphetamine", "dextroamphetamine", "lisdexamfetamine", "modafinil",
                   "atomoxetine"),
    "anticonvulsants": ("gabapentin", "pregabalin", "levetiracetam", "phenytoin", "carbamazepine",
                        "valproic acid", "lamotrigine", "topiramate", "oxcarbazepine", "lacosamide",
                        "phenobarbital", "zonisamide"),
    "dementia drugs": ("donepezil", "memantine", "rivastigmine", "galantamine"),
    "parkinson drugs": ("carbidopa/levodopa", "ropinirole", "pramipexole", "selegiline", "rasagiline",
                        "amantadine"),
    "triptans": ("sumatriptan", "rizatriptan", "zolmitriptan", "eletriptan", "naratriptan"),
    "opioids": ("morphine", "oxycodone", "hydrocodone", "hydromorphone", "fentanyl", "codeine", "tramadol",
                "methadone", "buprenorphine", "tapentadol", "oxymorphone", "meperidine"),
    "nsaids": ("ibuprofen", "naproxen", "diclofenac", "meloxicam", "celecoxib", "indomethacin", "ketorolac",
               "etodolac", "nabumetone", "oxaprozin", "piroxicam", "sulindac"),
    "non-opioid analgesics": ("acetaminophen",),
    "muscle relaxants": ("cyclobenzaprine", "methocarbamol", "baclofen", "tizanidine", "carisoprodol",
                         "metaxalone"),
    "penicillins": ("penicillin", "amoxicillin", "ampicillin", "dicloxacillin", "nafcillin", "piperacillin",
                    "oxacillin", "amoxicillin/clavulanate"),
    "cephalosporins": ("cephalexin", "cefazolin", "ceftriaxone", "cefuroxime", "cefdinir", "cefepime",
                       "cefpodoxime", "cefadroxil", "cefotaxime", "ceftazidime", "cefixime"),
    "macrolides": ("azithromycin", "clarithromycin", "erythromycin"),
    "fluoroquinolones": ("ciprofloxacin", "levofloxacin", "moxifloxacin", "ofloxacin"),
    "tetracyclines": ("doxycycline", "minocycline", "tetracycline"),
    "other antibiotics": ("trimethoprim/sulfamethoxazole", "nitrofurantoin", "clindamycin", "metronidazole",
                          "vancomycin", "linezolid", "gentamicin", "rifampin", "isoniazid"),
    "antivirals": ("acyclovir", "valacyclovir", "oseltamivir", "famciclovir"),
    "antifungals": ("fluconazole", "ketoconazole", "terbinafine", "nystatin", "clotrimazole", "itraconazole"),
    "insulins": ("insulin", "insulin glargine", "insulin lispro", "insulin aspart", "insulin detemir",
                 "insulin degludec"),
    "biguanides": ("metformin",),
    "sulfonylureas": ("glipizide", "glyburide", "glimepiride"),
    "dpp-4 inhibitors": ("sitagliptin", "saxagliptin", "linagliptin", "alogliptin"),
    "sglt2 inhibitors": ("empagliflozin", "dapagliflozin", "canagliflozin"),
    "glp-1 agonists": ("liraglutide", "semaglutide", "dulaglutide", "exenatide"),
    "thiazolidinediones": ("pioglitazone", "rosiglitazone"),
    "thyroid drugs": ("levothyroxine", "liothyronine", "methimazole", "propylthiouracil"),
    "corticosteroids": ("prednisone", "prednisolone", "methylprednisolone", "dexamethasone", "hydrocortisone",
                        "triamcinolone", "budesonide", "fluticasone", "beclomethasone", "cortisone",
                        "mometasone"),
    "antihistamines": ("diphenhydramine", "loratadine", "cetirizine", "fexofenadine", "hydroxyzine",
                       "levocetirizine", "desloratadine", "chlorpheniramine", "meclizine", "promethazine"),
    "bronchodilators": ("albuterol", "levalbuterol", "salmeterol", "formoterol", "tiotropium", "ipratropium",
                        "theophylline"),
    "leukotriene antagonists": ("montelukast", "zafirlukast"),
    "ppis": ("omeprazole", "esomeprazole", "lansoprazole", "pantoprazole", "rabeprazole", "dexlansoprazole"),
    "h2 blockers": ("famotidine", "ranitidine", "cimetidine", "nizatidine"),
    "antiemetics": ("ondansetron", "metoclopramide", "prochlorperazine"),
    "laxatives": ("docusate", "sennosides", "polyethylene glycol", "lactulose", "bisacodyl"),
    "alpha blockers": ("tamsulosin", "doxazosin", "terazosin", "prazosin", "alfuzosin", "clonidine"),
    "5-alpha reductase inhibitors": ("finasteride", "dutasteride"),
    "bladder antispasmodics": ("oxybutynin", "tolterodine", "solifenacin"),
    "erectile dysfunction drugs": ("sildenafil", "tadalafil", "vardenafil"),
    "bisphosphonates": ("alendronate", "risedronate", "ibandronate", "zoledronic acid"),
    "gout drugs": ("allopurinol", "colchicine", "febuxostat", "probenecid"),
    "immunosuppressants": ("methotrexate", "hydroxychloroquine", "sulfasalazine", "leflunomide",
                           "azathioprine", "tacrolimus", "cyclosporine", "mycophenolate"),
    "supplements": ("cyanocobalamin", "folic acid", "cholecalciferol", "ergocalciferol", "ferrous sulfate",
                    "potassium chloride", "calcium carbonate", "magnesium oxide"),
}

# Brand names and abbreviations the dictionary lacks or resolves to a non-drug concept.
EXTRA_DRUG_NAMES: dict[str, str] = {
    "augmentin": "amoxicillin/clavulanate", "keflex": "cephalexin", "z-pak": "azithromycin",
    "zpak": "azithromycin", "z pack": "azithromycin", "imdur": "isosorbide mononitrate",
    "percocet": "oxycodone/acetaminophen", "vicodin": "hydrocodone/acetaminophen",
    "norco": "hydrocodone/acetaminophen", "dilantin": "phenytoin", "sinemet": "carbidopa/levodopa",
    "asa": "aspirin", "ntg": "nitroglycerin", "kcl": "potassium chloride", "senna": "sennosides",
    "colace": "docusate", "nph": "insulin", "lithium": "lithium carbonate", "coreg": "carvedilol",
    "toprol xl": "metoprolol", "lopressor": "metoprolol", "zocor": "simvastatin", "crestor": "rosuvastatin",
    "lantus": "insulin glargine", "humalog": "insulin lispro", "novolog": "insulin aspart",
    "levemir": "insulin detemir", "tresiba": "insulin degludec", "miralax": "polyethylene glycol",
    "amox": "amoxicillin", "hctz": "hydrochlorothiazide", "vitamin b12": "cyanocobalamin",
    "b12": "cyanocobalamin", "baby aspirin": "aspirin", "vitamin d": "cholecalciferol", "vitamin d3": "cholecalciferol",
}

# Dictionary canonicals that name the same drug as another canonical.
_CANONICAL_ALIASES = {
    "thyroxine": "levothyroxine", "penicillins": "penicillin", "ergocalciferol": "cholecalciferol",
    "vitamin b 12": "cyanocobalamin", "polyethylene glycol 3350": "polyethylene glycol",
    "stool softeners": "docusate", "lithium": "lithium carbonate", "low-dose aspirin": "aspirin",
}

# Dictionary entries that are lab tests, anatomy or everyday words in clinical text.
_NOT_DRUGS = frozenset({
    "cardiolipin", "cardiolipins", "antibodies", "antibody", "rheumatoid factor", "homocystine", "thyroid",
    "thyroid gland", "all clear", "beta 2", "oxygen", "water", "alcohol", "ethanol", "glucose", "sugar",
    "sodium", "potassium", "calcium", "magnesium", "iron", "protein", "cholesterol", "blood", "plasma",
    "salt", "caffeine", "nicotine", "tobacco", "air", "saline", "dextrose", "vitamin", "vitamins", "zinc",
    "fiber", "gas", "ice", "heat", "sun", "pregnancy", "cortisol", "insulin resistance", "estrogen",
    "testosterone", "hemoglobin", "creatinine", "urea", "bilirubin", "albumin", "lactate", "carbon dioxide",
    "phosphorus", "copper", "hydrogen", "nitrogen", "sodium chloride", "dopamine", "serotonin", "histamine",
    "adrenaline", "melatonin", "folate", "collagen", "keratin", "allergens", "pollen", "dust", "latex",
    "contrast", "tylenol pm", "sone", "today", "may", "ms", "pm", "am", "er", "mg", "max", "plan",
})

# Salt and formulation words dropped when the rest is itself a known generic ("metoprolol succinate").
_FORMULATION_SUFFIX = re.compile(
    r"\s+(?:\(rdna origin\)|hydrochloride|hcl|sodium|potassium|calcium|acetate|tartrate|succinate|besylate|"
    r"maleate|sulfate|mesylate|citrate|phosphate|bromide|fumarate|viscous|patch|anhydrous|monohydrate|"
    r"extended release|er|xl|sr|cr)$"
)


def _clean_canonical(name: str, known: set[str]) -> str:
    name = _CANONICAL_ALIASES.get(name, name)
    while True:
        stripped = _FORMULATION_SUFFIX.sub("", name)
        if stripped == name or stripped not in known:
            return _CANONICAL_ALIASES.get(name, name)
        name = stripped


@cache
def _drug_index() -> PhraseIndex[str]:
    """Variant -> generic index built once from the offline dictionary (a few seconds)."""
    from drug_named_entity_recognition import drugs_finder
    from drug_named_entity_recognition.util import stopwords

    variants = drugs_finder.drug_variant_to_canonical
    known = set(drugs_finder.drug_canonical_to_data) | set(EXTRA_DRUG_NAMES.values())
    names: dict[str, str] = {}
    for variant, canonicals in variants.items():
        words = phrase_key(variant).split()
        canonical = variant if variant in canonicals else (canonicals[0] if canonicals else "")
        canonical = re.sub(r"\s*\(.*?\)|,$", "", canonical)
        if (len(variant) < 3 or not canonical or re.search(r"\d|,", canonical) or not words or " ".join(words) in _NOT_DRUGS or words[0] in stopwords
                or words[-1] in stopwords or any(w.isdigit() for w in words)
                or not re.fullmatch(r"[a-z][a-z0-9 \-']*", variant)):
            continue
        names[variant] = _clean_canonical(canonical, known)
    names.update(EXTRA_DRUG_NAMES)
    for members in DRUG_CLASSES.values():
        names.update({m: m for m in members})
    return PhraseIndex(names)


def find_drugs(text: str) -> list[Mention]:
    """Drug mentions in ``text`` with their generic names ("Lipitor" -> "atorvastatin")."""
    return [Mention(s, e, text[s:e], canonical) for s, e, canonical in _drug_index().find(text)]


def canonical_drug(name: str) -> str | None:
    """The generic name of one drug name, or None when it is not a known drug."""
    found = _drug_index().find(name)
    return found[0][2] if len(found) == 1 and found[0][1] - found[0][0] == len(name.strip()) else None


@cache
def _class_of() -> dict[str, str]:
    return {drug: cls for cls, members in DRUG_CLASSES.items() for drug in members}


def drug_class(canonical: str) -> str | None:
    """Therapeutic class of a generic name ("lisinopril" -> "ace inhibitors"), None when unknown."""
    return _class_of().get(canonical.lower())


def drugs_in_class(cls: str) -> list[str]:
    """Generic names in a class; accepts singular or plural ("beta blocker", "statins")."""
    key = cls.lower().strip()
    members = DRUG_CLASSES.get(key) or DRUG_CLASSES.get(key + "s") or ()
    return list(members)


def common_drugs() -> list[str]:
    """Generic names of a few hundred common drugs: swap targets for hard negatives."""
    return sorted(_class_of())


# ---------------------------------------------------------------------------------------------
# Conditions, findings and procedures: concept -> synonyms (abbreviations and lay terms included,
# since summaries use clinical words for what the patient said in plain ones).

CONDITION_SYNONYMS: dict[str, tuple[str, ...]] = {
    "hypertension": ("htn", "high blood pressure", "elevated blood pressure", "hypertensive"),
    "hypotension": ("low blood pressure",),
    "diabetes mellitus": ("diabetes", "dm", "dm2", "t2dm", "t1dm", "iddm", "niddm", "type 2 diabetes",
                          "type ii diabetes", "type 1 diabetes", "diabetic", "sugar diabetes",
                          "diabetes mellitus type 2", "diabetes mellitus type ii", "high blood sugar",
                          "insulin dependent diabetes", "non insulin dependent diabetes"),
    "prediabetes": ("pre diabetes", "borderline diabetes"),
    "hyperlipidemia": ("hld", "high cholesterol", "dyslipidemia", "hypercholesterolemia", "elevated cholesterol",
                       "hypertriglyceridemia", "high triglycerides"),
    "coronary artery disease": ("cad", "coronary disease", "heart disease", "ischemic heart disease",
                                "coronary artery blockage", "blocked arteries", "heart problems", "heart problem",
                                "heart condition", "heart issues", "cardiac disease", "heart trouble"),
    "myocardial infarction": ("mi", "heart attack", "stemi", "nstemi", "myocardial infarct"),
    "congestive heart failure": ("chf", "heart failure", "hf", "cardiomyopathy", "systolic heart failure",
                                 "diastolic heart failure", "weak heart"),
    "atrial fibrillation": ("afib", "a fib", "af", "irregular heartbeat", "atrial flutter"),
    "arrhythmia": ("irregular heart rhythm", "dysrhythmia"),
    "heart murmur": ("murmur",),
    "valvular heart disease": ("aortic stenosis", "mitral regurgitation", "mitral valve prolapse",
                               "valve disease"),
    "peripheral vascular disease": ("pvd", "peripheral arterial disease", "claudication"),
    "deep vein thrombosis": ("dvt", "blood clot", "blood clots", "clot in the leg"),
    "pulmonary embolism": ("pulmonary embolus", "clot in the lung", "clot in my lung"),
    "stroke": ("cva", "cerebrovascular accident", "brain attack"),
    "transient ischemic attack": ("tia", "mini stroke"),
    "aneurysm": ("aortic aneurysm", "abdominal aortic aneurysm", "aaa"),
    "asthma": ("reactive airway disease", "asthmatic"),
    "chronic obstructive pulmonary disease": ("copd", "emphysema", "chronic bronchitis"),
    "pneumonia": ("lung infection", "pna"),
    "bronchitis": ("acute bronchitis",),
    "upper respiratory infection": ("uri", "common cold", "cold", "head cold", "upper respiratory tract infection"),
    "influenza": ("flu",),
    "covid-19": ("covid", "coronavirus", "covid 19"),
    "sinusitis": ("sinus infection", "sinus problem", "sinus problems", "sinus issues", "sinus trouble"),
    "pharyngitis": ("strep throat", "strep", "throat infection"),
    "otitis media": ("ear infection", "otitis"),
    "tuberculosis": ("tb",),
    "obstructive sleep apnea": ("osa", "sleep apnea"),
    "pulmonary fibrosis": ("interstitial lung disease",),
    "lung cancer": ("lung carcinoma", "non small cell lung cancer", "small cell lung cancer"),
    "breast cancer": ("breast carcinoma",),
    "prostate cancer": ("prostate carcinoma", "prostatic adenocarcinoma"),
    "colon cancer": ("colorectal cancer", "colon carcinoma", "rectal cancer"),
    "skin cancer": ("melanoma", "basal cell carcinoma", "squamous cell carcinoma"),
    "leukemia": ("cll", "aml", "all leukemia"),
    "lymphoma": ("hodgkin lymphoma", "non hodgkin lymphoma", "hodgkin's disease"),
    "multiple myeloma": ("myeloma",),
    "cancer": ("malignancy", "tumor", "carcinoma", "neoplasm", "metastatic disease"),
    "gastroesophageal reflux disease": ("gerd", "acid reflux", "reflux", "heartburn", "gastroesophageal reflux",
                                        "indigestion"),
    "peptic ulcer disease": ("pud", "stomach ulcer", "gastric ulcer", "duodenal ulcer", "ulcer", "ulcers"),
    "gastritis": ("stomach inflammation",),
    "irritable bowel syndrome": ("ibs",),
    "inflammatory bowel disease": ("ibd", "crohn's disease", "crohn's", "crohns", "ulcerative colitis"),
    "diverticulitis": ("diverticulosis", "diverticular disease"),
    "appendicitis": (),
    "cholecystitis": ("gallstones", "gallbladder disease", "cholelithiasis", "gall stones"),
    "pancreatitis": (),
    "hepatitis": ("hepatitis c", "hepatitis b", "hep c", "hep b", "liver inflammation"),
    "cirrhosis": ("liver cirrhosis", "liver disease", "fatty liver"),
    "hemorrhoids": ("piles",),
    "hernia": ("inguinal hernia", "umbilical hernia", "hiatal hernia", "ventral hernia"),
    "celiac disease": ("celiac", "gluten intolerance"),
    "chronic kidney disease": ("ckd", "kidney disease", "renal insufficiency", "renal failure", "kidney failure",
                               "esrd", "end stage renal disease", "chronic renal failure"),
    "acute kidney injury": ("aki", "acute renal failure"),
    "kidney stones": ("nephrolithiasis", "kidney stone", "renal calculi", "urolithiasis"),
    "urinary tract infection": ("uti", "bladder infection", "cystitis", "urinary infection", "urine infection"),
    "pyelonephritis": ("kidney infection",),
    "benign prostatic hyperplasia": ("bph", "enlarged prostate", "prostatic hypertrophy"),
    "urinary incontinence": ("incontinence", "leaking urine", "stress incontinence", "urge incontinence", "leak",
                             "leaking", "leakage", "involuntary urination", "wetting myself"),
    "erectile dysfunction": ("impotence",),
    "hypothyroidism": ("hypothyroid", "underactive thyroid", "low thyroid", "hashimoto's", "hashimoto's thyroiditis"),
    "hyperthyroidism": ("hyperthyroid", "overactive thyroid", "graves disease", "graves' disease"),
    "obesity": ("morbid obesity", "obese", "overweight"),
    "osteoporosis": ("osteopenia", "bone loss", "thin bones"),
    "osteoarthritis": ("oa", "degenerative joint disease", "djd", "wear and tear arthritis"),
    "rheumatoid arthritis": ("rheumatoid",),
    "arthritis": ("joint inflammation",),
    "gout": ("gouty arthritis",),
    "lupus": ("sle", "systemic lupus erythematosus"),
    "fibromyalgia": (),
    "scoliosis": (),
    "carpal tunnel syndrome": ("carpal tunnel",),
    "tendonitis": ("tendinitis", "tendinopathy", "tennis elbow", "epicondylitis"),
    "bursitis": (),
    "plantar fasciitis": (),
    "fracture": ("broken bone", "fractured", "broke", "broken", "fractures"),
    "sprain": ("sprained", "strain", "strained", "pulled muscle"),
    "herniated disc": ("disc herniation", "slipped disc", "bulging disc", "disc bulge", "degenerative disc disease",
                       "ddd", "spinal stenosis", "radiculopathy", "sciatica"),
    "torn meniscus": ("meniscus tear", "meniscal tear"),
    "rotator cuff tear": ("rotator cuff injury", "torn rotator cuff"),
    "acl tear": ("torn acl",),
    "concussion": ("head injury", "traumatic brain injury", "tbi"),
    "migraine": ("migraines", "migraine headache", "migraine headaches"),
    "epilepsy": ("seizure disorder",),
    "parkinson's disease": ("parkinson's", "parkinsons", "parkinson disease"),
    "multiple sclerosis": (),
    "dementia": ("alzheimer's", "alzheimer's disease", "alzheimers", "cognitive impairment"),
    "neuropathy": ("peripheral neuropathy", "diabetic neuropathy", "nerve damage"),
    "bell's palsy": ("bells palsy", "facial palsy"),
    "depression": ("major depressive disorder", "mdd", "depressed", "depressive disorder"),
    "anxiety": ("anxiety disorder", "generalized anxiety disorder", "gad", "anxious", "panic attacks",
                "panic disorder", "panic attack"),
    "bipolar disorder": ("bipolar", "manic depression"),
    "schizophrenia": ("schizoaffective disorder", "psychosis"),
    "post-traumatic stress disorder": ("ptsd",),
    "attention deficit hyperactivity disorder": ("adhd", "attention deficit disorder"),
    "insomnia": ("trouble sleeping", "difficulty sleeping", "can't sleep", "sleep problems"),
    "substance abuse": ("drug abuse", "drug use", "drugs", "illicit drugs", "illicit drug use", "illegal drugs",
                        "recreational drugs", "recreational drug use", "street drugs", "substance use", "addiction",
                        "polysubstance abuse", "opioid dependence", "intravenous drug use", "ivdu"),
    "alcohol use": ("alcohol", "alcohol abuse", "alcoholism", "alcohol dependence", "etoh", "drinking", "drinker",
                    "drink alcohol", "drinks alcohol", "drink", "beer", "wine", "liquor"),
    "tobacco use": ("tobacco", "smoking", "smoke", "smokes", "smoker", "cigarettes", "cigarette", "cigars",
                    "vaping", "vape", "chewing tobacco", "nicotine"),
    "allergies": ("allergy", "allergic", "allergic reaction", "drug allergies", "known allergies",
                  "known drug allergies"),
    "anemia": ("anemic", "anaemia", "anaemic", "low blood count", "low hemoglobin", "iron deficiency", "low iron"),
    "sickle cell disease": ("sickle cell anemia", "sickle cell"),
    "hemophilia": ("bleeding disorder",),
    "hiv": ("human immunodeficiency virus",),
    "sepsis": ("blood infection", "septicemia"),
    "cellulitis": ("skin infection",),
    "abscess": ("boil",),
    "eczema": ("atopic dermatitis", "dermatitis"),
    "psoriasis": (),
    "acne": ("pimples",),
    "shingles": ("herpes zoster", "zoster"),
    "herpes": ("cold sores", "genital herpes", "hsv"),
    "allergic rhinitis": ("hay fever", "seasonal allergies", "rhinitis"),
    "conjunctivitis": ("pink eye",),
    "glaucoma": (),
    "cataract": ("cataracts",),
    "macular degeneration": (),
    "hearing loss": ("deafness", "hard of hearing", "difficulty hearing", "difficulty in hearing", "trouble hearing",
                     "problems hearing"),
    "tinnitus": ("ringing in the ears", "ringing in my ears", "ringing in ears"),
    "vertigo": ("bppv", "room spinning"),
    "endometriosis": (),
    "polycystic ovary syndrome": ("pcos",),
    "uterine fibroids": ("fibroids", "fibroid"),
    "preeclampsia": ("pre eclampsia", "toxemia"),
    "gestational diabetes": (),
    "infertility": (),
    "sexually transmitted infection": ("sti", "std", "chlamydia", "gonorrhea", "syphilis"),
    "lyme disease": ("lyme",),
    "mononucleosis": ("mono",),
    "dehydration": ("dehydrated",),
    "malnutrition": (),
}

FINDING_SYNONYMS: dict[str, tuple[str, ...]] = {
    "syncope": ("fainting", "passed out", "passing out", "pass out", "blacked out", "blacking out",
                "loss of consciousness", "loc", "fainted", "blackouts"),
    "fever": ("fevers", "febrile", "feverish", "pyrexia", "temperature", "temperatures", "high temperature"),
    "chills": ("chill", "rigors", "shaking chills"),
    "night sweats": ("sweating at night", "sweats"),
    "fatigue": ("tiredness", "tired", "exhaustion", "exhausted", "lethargy", "lethargic", "malaise",
                "low energy", "weakness and fatigue"),
    "weakness": ("weak", "weaker", "feeling weak"),
    "weight loss": ("lost weight", "losing weight", "unintentional weight loss"),
    "weight gain": ("gained weight", "gaining weight"),
    "cough": ("coughing", "coughs"),
    "dyspnea": ("shortness of breath", "sob", "short of breath", "breathlessness", "breathless", "difficulty breathing",
                "trouble breathing", "breathing difficulty", "winded", "dyspnea on exertion",
                "orthopnea", "can't breathe", "out of breath"),
    "wheezing": ("wheeze", "wheezes"),
    "hemoptysis": ("coughing up blood",),
    "sputum": ("phlegm", "mucus", "productive cough"),
    "congestion": ("nasal congestion", "stuffy nose", "runny nose", "rhinorrhea", "stuffiness"),
    "sneezing": (),
    "sore throat": ("throat pain", "odynophagia"),
    "hoarseness": ("hoarse voice",),
    "dysphagia": ("difficulty swallowing", "trouble swallowing"),
    "chest pain": ("chest discomfort", "chest tightness", "chest pressure", "pain in the chest",
                   "pain in my chest", "angina", "cp"),
    "palpitations": ("racing heart", "heart racing", "heart pounding", "fluttering", "skipped beats"),
    "edema": ("swelling", "swollen", "puffiness", "fluid retention", "pedal edema", "leg swelling"),
    "nausea": ("nauseous", "nauseated", "queasy", "sick to my stomach", "nausea and vomiting", "n/v"),
    "vomiting": ("emesis", "throwing up", "threw up", "throw up", "vomited", "vomit"),
    "diarrhea": ("loose stools", "loose stool", "watery stools", "diarrhoea"),
    "constipation": ("constipated", "hard stools"),
    "abdominal pain": ("stomach pain", "belly pain", "stomach ache", "stomachache", "tummy ache",
                       "abdominal discomfort", "pain in the abdomen", "pain in my stomach", "epigastric pain",
                       "abdominal cramps", "stomach cramps", "cramping"),
    "bloating": ("bloated", "abdominal distension", "gas"),
    "hematochezia": ("blood in stool", "blood in the stool", "bloody stool", "bloody stools", "rectal bleeding",
                     "melena", "black stools", "bright red blood per rectum", "brbpr"),
    "hematemesis": ("vomiting blood",),
    "loss of appetite": ("decreased appetite", "poor appetite", "anorexia", "not hungry", "no appetite"),
    "heartburn": ("pyrosis",),
    "dysuria": ("painful urination", "burning with urination", "burning on urination", "burning when i pee",
                "pain with urination", "burning urination", "pain when i urinate", "pain when urinating",
                "pain while urinating", "pain on urination", "burning when urinating", "burning when i urinate",
                "hurts to pee", "hurts when i pee"),
    "urinary frequency": ("frequent urination", "frequency", "urinating frequently", "peeing a lot"),
    "urinary urgency": ("urgency",),
    "hematuria": ("blood in urine", "blood in the urine", "bloody urine"),
    "nocturia": ("urinating at night", "getting up at night to urinate"),
    "urinary retention": ("difficulty urinating", "trouble urinating"),
    "drainage": ("vaginal discharge", "penile discharge", "nasal discharge", "ear discharge", "discharge from",
                 "pus", "oozing", "secretions", "leaking fluid", "fluid coming out"),
    "headache": ("headaches", "head pain", "head ache", "cephalgia", "pain in my head", "pain in the head"),
    "dizziness": ("dizzy", "lightheadedness", "lightheaded", "light headed", "light headedness", "woozy",
                  "presyncope"),
    "confusion": ("confused", "disorientation", "disoriented", "altered mental status"),
    "hallucinations": ("hallucinating", "hearing voices"),
    "memory problems": ("forgetfulness", "forgetful", "memory issues", "memory trouble", "trouble remembering",
                        "memory loss"),
    "seizure": ("seizures", "convulsion", "convulsions", "fits"),
    "numbness": ("numb", "loss of sensation", "decreased sensation"),
    "tingling": ("paresthesia", "paresthesias", "pins and needles"),
    "tremor": ("tremors", "shaking", "shakiness", "shaky"),
    "blurred vision": ("blurry vision", "vision changes", "visual changes", "vision problems",
                       "visual disturbance", "double vision", "diplopia", "vision loss", "loss of vision"),
    "photophobia": ("sensitivity to light", "light sensitivity"),
    "eye pain": ("pain in my eye",),
    "ear pain": ("otalgia", "earache", "ear ache"),
    "back pain": ("low back pain", "lower back pain", "lumbar pain", "backache", "back ache",
                  "pain in my back", "pain in the back", "lumbago", "upper back pain", "mid back pain"),
    "neck pain": ("pain in my neck", "pain in the neck", "cervical pain", "neck stiffness", "stiff neck"),
    "joint pain": ("arthralgia", "arthralgias", "joint pains", "achy joints"),
    "muscle pain": ("myalgia", "myalgias", "muscle aches", "body aches", "achiness", "aches"),
    "knee pain": ("pain in my knee", "pain in the knee"),
    "shoulder pain": ("pain in my shoulder", "pain in the shoulder"),
    "hip pain": ("pain in my hip", "pain in the hip"),
    "leg pain": ("pain in my leg", "pain in the leg"),
    "arm pain": ("pain in my arm", "pain in the arm"),
    "foot pain": ("pain in my foot", "pain in the foot", "heel pain"),
    "hand pain": ("pain in my hand", "pain in the hand", "wrist pain", "finger pain"),
    "pelvic pain": ("pain in the pelvis",),
    "pain": ("painful", "ache", "aching", "soreness", "sore", "discomfort", "pains", "hurting", "hurts", "hurt",
             "bothering", "bothers"),
    "stiffness": ("stiff",),
    "cramps": ("muscle cramps", "spasms", "muscle spasms", "spasm"),
    "limited range of motion": ("decreased range of motion", "reduced range of motion", "limited motion"),
    "rash": ("rashes", "skin rash", "hives", "urticaria", "eruption", "redness"),
    "itching": ("itchy", "itch", "pruritus", "itchiness", "pruritic"),
    "bruising": ("bruise", "bruises", "ecchymosis", "bruised"),
    "bleeding": ("bleed", "bled", "hemorrhage"),
    "tenderness": ("tender",),
    "lesion": ("lesions", "mole", "lump", "mass", "nodule", "bump"),
    "wound": ("laceration", "ulceration"),
    "jaundice": ("jaundiced", "yellowing of the skin", "icterus", "yellow skin"),
    "snoring": ("snore", "snores"),
    "anxiety symptoms": ("nervousness", "nervous", "worried", "stress", "stressed"),
    "depressed mood": ("sadness", "feeling down", "low mood", "hopelessness", "feeling sad"),
    "suicidal ideation": ("suicidal thoughts", "thoughts of suicide", "suicidal", "thoughts of hurting yourself",
                          "self harm"),
    "appetite change": (),
    "hot flashes": ("hot flushes",),
    "vaginal bleeding": ("spotting",),
    "irregular periods": ("irregular menstruation", "missed period", "missed periods", "amenorrhea"),
    "heavy periods": ("menorrhagia", "heavy menstrual bleeding"),
    "hair loss": ("alopecia",),
    "dry mouth": ("xerostomia",),
    "thirst": ("polydipsia", "increased thirst", "excessive thirst"),
    "polyuria": ("excessive urination",),
    "lymphadenopathy": ("swollen lymph nodes", "swollen glands", "enlarged lymph nodes"),
    "cyanosis": ("bluish skin",),
    "clubbing": (),
    "murmur": (),
    "tachycardia": ("fast heart rate", "rapid heart rate", "heart rate is fast"),
    "bradycardia": ("slow heart rate",),
    "sleepiness": ("drowsiness", "drowsy", "somnolence", "sleepy", "daytime sleepiness"),
}

PROCEDURE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "colonoscopy": (),
    "endoscopy": ("egd", "upper endoscopy", "esophagogastroduodenoscopy", "upper gi"),
    "ct scan": ("ct", "cat scan", "computed tomography", "ct of the head", "head ct", "ct scans"),
    "mri": ("magnetic resonance imaging", "mri scan", "mris"),
    "x-ray": ("xray", "x rays", "radiograph", "radiographs", "chest x ray", "cxr", "films"),
    "ultrasound": ("sonogram", "ultrasonography", "doppler", "duplex"),
    "echocardiogram": ("echo", "echocardiography", "tte", "tee"),
    "electrocardiogram": ("ekg", "ecg", "electrocardiography"),
    "stress test": ("treadmill test", "nuclear stress test", "cardiac stress test"),
    "cardiac catheterization": ("cath", "heart cath", "cardiac cath", "angiogram", "angiography",
                                "coronary angiography"),
    "angioplasty": ("stent", "stents", "stent placement", "pci", "ptca", "percutaneous coronary intervention"),
    "coronary artery bypass graft": ("cabg", "bypass surgery", "heart bypass", "bypass", "triple bypass"),
    "pacemaker placement": ("pacemaker", "defibrillator", "icd", "aicd"),
    "ablation": ("cardiac ablation", "catheter ablation"),
    "cardioversion": (),
    "appendectomy": ("appendix removed", "appendix out"),
    "cholecystectomy": ("gallbladder removed", "gallbladder surgery", "gallbladder out", "lap chole"),
    "hysterectomy": ("uterus removed",),
    "cesarean section": ("c section", "c sections", "cesarean", "caesarean section", "cesarean delivery", "cesarian",
                         "caesarian", "cesarian section"),
    "tonsillectomy": ("tonsils removed", "tonsils out"),
    "adenoidectomy": (),
    "knee replacement": ("total knee arthroplasty", "tka", "knee arthroplasty", "total knee replacement"),
    "hip replacement": ("total hip arthroplasty", "tha", "hip arthroplasty", "total hip replacement"),
    "shoulder replacement": ("shoulder arthroplasty",),
    "arthroscopy": ("arthroscopic surgery", "knee scope", "scope", "arthroscopic"),
    "biopsy": ("biopsies", "fine needle aspiration", "fna"),
    "mammogram": ("mammography", "mammograms"),
    "pap smear": ("pap", "pap test", "pap smears"),
    "physical therapy": ("physiotherapy", "rehab", "rehabilitation", "physical therapist"),
    "occupational therapy": ("ot",),
    "chemotherapy": ("chemo",),
    "radiation therapy": ("radiation", "radiotherapy", "xrt"),
    "dialysis": ("hemodialysis", "peritoneal dialysis"),
    "blood transfusion": ("transfusion", "transfusions"),
    "intubation": ("intubated", "mechanical ventilation", "ventilator"),
    "lumbar puncture": ("spinal tap", "lp"),
    "carpal tunnel release": (),
    "laminectomy": ("back surgery", "spine surgery", "spinal surgery", "discectomy", "microdiscectomy",
                    "surgery on my back", "surgery on the back", "surgery on his back", "surgery on her back"),
    "spinal fusion": ("fusion",),
    "hernia repair": ("herniorrhaphy", "hernia surgery"),
    "mastectomy": (),
    "lumpectomy": (),
    "prostatectomy": ("turp", "prostate surgery"),
    "vasectomy": (),
    "tubal ligation": ("tubes tied", "tubes ligated", "tubal", "btl"),
    "cataract surgery": ("cataract extraction",),
    "bronchoscopy": (),
    "thoracentesis": (),
    "paracentesis": (),
    "colectomy": ("bowel resection",),
    "gastric bypass": ("bariatric surgery", "gastric sleeve", "lap band"),
    "skin graft": (),
    "nerve conduction study": ("emg", "electromyography", "nerve study", "ncs", "nerve conduction studies"),
    "electroencephalogram": ("eeg",),
    "pet scan": ("pet ct",),
    "bone scan": (),
    "dexa scan": ("bone density scan", "bone density test", "dexa"),
    "sleep study": ("polysomnography", "polysomnogram"),
    "pulmonary function test": ("pft", "pfts", "spirometry", "pulmonary function tests"),
    "blood test": ("blood work", "bloodwork", "labs", "lab work", "blood tests", "cbc", "cmp", "bmp",
                   "complete blood count", "metabolic panel", "lipid panel", "a1c", "hemoglobin a1c"),
    "urinalysis": ("urine test", "ua", "urine culture"),
    "injection": ("injections", "shot", "shots", "cortisone shot", "steroid injection", "epidural",
                  "epidural steroid injection", "nerve block"),
    "vaccination": ("vaccine", "vaccines", "immunization", "immunizations", "flu shot", "tetanus shot"),
    "surgery": ("operation", "surgeries", "surgical", "operated", "procedure"),
    "casting": ("cast", "splint", "brace", "bracing", "sling"),
    "sutures": ("stitches", "suture", "stitched"),
    "incision and drainage": ("i and d", "drained"),
    "circumcision": (),
    "tympanostomy tubes": ("ear tubes", "tubes in ears"),
}

# Words that deny a finding on their own.
INHERENTLY_NEGATED: dict[str, str] = {
    "afebrile": "fever", "nontender": "tenderness", "non tender": "tenderness", "painless": "pain",
    "asymptomatic": "symptoms", "nonproductive cough": "sputum", "non productive cough": "sputum",
    "dry cough": "sputum",
}

CONDITIONS: tuple[str, ...] = tuple(CONDITION_SYNONYMS)
FINDINGS: tuple[str, ...] = tuple(FINDING_SYNONYMS)
PROCEDURES: tuple[str, ...] = tuple(PROCEDURE_SYNONYMS)


_REMOVED_ORGAN = {"appendectomy": "appendix", "cholecystectomy": "gallbladder", "hysterectomy": "uterus",
                  "tonsillectomy": "tonsils", "mastectomy": "breast", "prostatectomy": "prostate",
                  "colectomy": "colon"}


@cache
def _term_index() -> PhraseIndex[tuple[str, str, bool]]:
    """Surface form -> (concept, kind, negated). Procedures and conditions win ties over findings."""
    phrases: dict[str, tuple[str, str, bool]] = {}
    for word, concept in INHERENTLY_NEGATED.items():
        phrases[word] = (concept, "finding", True)
    for kind, table in (("procedure", PROCEDURE_SYNONYMS), ("condition", CONDITION_SYNONYMS),
                        ("finding", FINDING_SYNONYMS)):
        for concept, synonyms in table.items():
            for surface in (concept, *synonyms):
                phrases.setdefault(surface, (concept, kind, False))
            if concept in _REMOVED_ORGAN:  # "they took out my appendix" names an appendectomy
                organ = _REMOVED_ORGAN[concept]
                for determiner in ("", "the ", "my ", "your ", "his ", "her "):
                    for phrase in (*(f"{verb} {determiner}{organ}" for verb in ("remove", "removed", "took out",
                                                                                 "removal of")),
                                   *(f"{determiner}{organ} {verb}" for verb in ("removed", "taken out", "out"))):
                        phrases.setdefault(phrase, (concept, kind, False))
            if concept.endswith(" pain"):  # "pain in your knee" names "knee pain" too
                site = concept[: -len(" pain")]
                for determiner in ("", "the ", "my ", "your ", "his ", "her ", "their ", "both "):
                    phrases.setdefault(f"pain in {determiner}{site}", (concept, kind, False))
    return PhraseIndex(phrases)


def find_terms(text: str) -> list[Term]:
    """Conditions, findings and procedures mentioned in ``text``, mapped to their concepts."""
    return [Term(s, e, text[s:e], concept, kind, negated)
            for s, e, (concept, kind, negated) in _term_index().find(text)]


def concept_of(term: str) -> str | None:
    """The concept a surface form names ("htn" -> "hypertension"), None when not in the lexicon."""
    entry = _term_index().lookup(phrase_key(term))
    return entry[0] if entry else None


# ---------------------------------------------------------------------------------------------
# Laterality, negation, frequencies

LATERALITY_SWAP: dict[str, str] = {
    "left": "right", "right": "left", "bilateral": "unilateral", "unilateral": "bilateral",
    "left-sided": "right-sided", "right-sided": "left-sided",
}

# Body parts a side can attach to; plurals are matched too ("knees" -> "knee").
BODY_PARTS: tuple[str, ...] = (
    "knee", "hip", "shoulder", "elbow", "wrist", "ankle", "foot", "hand", "arm", "leg", "eye", "ear", "breast",
    "lung", "kidney", "flank", "side", "chest", "upper extremity", "lower extremity", "extremity", "thumb",
    "finger", "toe", "great toe", "big toe", "heel", "thigh", "calf", "groin", "buttock", "temple", "jaw",
    "cheek", "ovary", "testicle", "testis", "lobe", "upper lobe", "lower lobe", "ventricle", "atrium",
    "carotid", "femur", "tibia", "fibula", "humerus", "radius", "ulna", "clavicle", "rib", "forearm", "shin",
    "neck", "face", "nostril", "tonsil", "upper quadrant", "lower quadrant", "hemisphere", "frontal lobe",
    "temporal lobe", "index finger", "ring finger", "middle finger", "little finger", "pinky", "hamstring",
    "quadriceps", "achilles", "acl", "mcl", "meniscus", "rotator cuff", "sinus", "maxillary sinus", "eardrum",
    "tympanic membrane", "pupil", "eyelid", "lower back", "back", "abdomen", "pelvis", "hemithorax", "axilla",
    "armpit", "lower leg", "upper arm", "inguinal", "scalp", "brain", "body", "ureter", "fallopian tube",
    "adrenal", "adrenal gland", "bronchus", "vocal cord", "parotid", "hemidiaphragm", "orbit", "mandible",
    "maxilla", "mastoid", "nare", "iliac crest", "sacroiliac joint", "si joint", "patella", "scapula",
    "trapezius", "gluteal",
)
# Irregular plurals, and clinical names of limbs that notes and transcripts call arm and leg.
_BODY_PART_ALIASES = {"feet": "foot", "teeth": "tooth", "extremities": "extremity", "upper extremity": "arm",
                      "lower extremity": "leg", "upper extremities": "arm", "lower extremities": "leg"}

NEGATION_CUES: tuple[str, ...] = (
    "no", "not", "denies", "denied", "deny", "denying", "without", "negative for", "neg for", "free of", "absence of",
    "absent", "never", "none", "nor", "neither", "no evidence of", "no history of", "no signs of",
    "no sign of", "ruled out", "rules out", "don't", "do not", "doesn't", "does not", "didn't", "did not",
    "haven't", "have not", "hasn't", "has not", "hadn't", "wasn't", "weren't", "isn't", "aren't", "won't",
    "nothing", "resolved", "negative",
)

# Surface form -> canonical frequency. Keys are matched as phrases (so "b.i.d." and "bid" both work).
FREQUENCIES: dict[str, str] = {
    "daily": "daily", "once daily": "daily", "once a day": "daily", "every day": "daily", "qd": "daily",
    "q.d.": "daily", "1 time a day": "daily", "one time a day": "daily", "each day": "daily", "every morning": "daily", "qam": "daily", "q.a.m.": "daily",
    "twice daily": "twice daily", "twice a day": "twice daily", "bid": "twice daily", "b.i.d.": "twice daily",
    "two times a day": "twice daily", "2 times a day": "twice daily", "every 12 hours": "twice daily",
    "q12h": "twice daily", "2 times daily": "twice daily",
    "three times daily": "three times daily", "three times a day": "three times daily",
    "3 times a day": "three times daily", "3 times daily": "three times daily", "tid": "three times daily",
    "t.i.d.": "three times daily", "every 8 hours": "three times daily", "q8h": "three times daily",
    "four times daily": "four times daily", "four times a day": "four times daily",
    "4 times a day": "four times daily", "4 times daily": "four times daily", "qid": "four times daily",
    "q.i.d.": "four times daily", "every 6 hours": "four times daily", "q6h": "four times daily",
    "every 4 hours": "every 4 hours", "q4h": "every 4 hours", "every 4 to 6 hours": "every 4 to 6 hours",
    "prn": "as needed", "p.r.n.": "as needed", "as needed": "as needed", "as necessary": "as needed",
    "when needed": "as needed", "if needed": "as needed",
    "qhs": "at bedtime", "q.h.s.": "at bedtime", "at bedtime": "at bedtime",
    "nightly": "at bedtime", "before bed": "at bedtime", "hs": "at bedtime", "every night": "at bedtime",
    "weekly": "weekly", "once a week": "weekly", "every week": "weekly", "once weekly": "weekly",
    "twice a week": "twice weekly", "twice weekly": "twice weekly",
    "monthly": "monthly", "once a month": "monthly", "every month": "monthly",
    "every other day": "every other day", "qod": "every other day", "q.o.d.": "every other day",
}


@cache
def _frequency_index() -> PhraseIndex[str]:
    return PhraseIndex(FREQUENCIES, plurals=False)


def find_frequencies(text: str) -> list[Mention]:
    """Dosing frequencies in ``text`` with their canonical form ("b.i.d." -> "twice daily")."""
    return [Mention(s, e, text[s:e], canonical) for s, e, canonical in _frequency_index().find(text)]


@cache
def _body_part_index() -> PhraseIndex[str]:
    parts = {part: phrase_key(part) for part in BODY_PARTS}
    parts.update(_BODY_PART_ALIASES)
    return PhraseIndex(parts)


def find_body_parts(text: str) -> list[Mention]:
    """Body parts a side can attach to, canonical in the singular ("knees" -> "knee")."""
    return [Mention(s, e, text[s:e], canonical) for s, e, canonical in _body_part_index().find(text)]


# Patterns (regex fragments) that name the site of "<site> pain" in plain language ("my stomach hurts"
# -> abdominal pain); "back" needs a determiner, as in "come back" it names no site.
PAIN_SITE_WORDS: dict[str, tuple[str, ...]] = {
    "abdominal": ("abdom", "stomach", "belly", "tummy", "gut"), "pelvic": ("pelvi", "groin"),
    "chest": ("chest",), "back": ("(?:my|the|your|his|her|lower|upper|low) back", "spine"), "neck": ("neck",), "joint": ("joint",),
    "muscle": ("muscle",), "hand": ("hand", "wrist", "finger"), "foot": ("foot", "feet", "heel", "toe"),
    "ear": ("ear",), "eye": ("eye",),
}


def pain_site_words(concept: str) -> tuple[str, ...]:
    """Regex fragments naming the site of a "<site> pain" concept; empty for other concepts."""
    if not concept.endswith(" pain"):
        return ()
    site = concept[: -len(" pain")]
    return PAIN_SITE_WORDS.get(site, (site,))


def warm_up() -> None:
    """Build every phrase index now (the drug dictionary takes a few seconds) instead of on first use."""
    _drug_index(), _term_index(), _frequency_index(), _body_part_index()


# Broader concepts: a note that names the narrower one also supports a summary naming the broader
# one ("knee pain" in the note supports "pain" in the summary).
_BROADER: dict[str, str] = {
    "lung cancer": "cancer", "breast cancer": "cancer", "prostate cancer": "cancer", "colon cancer": "cancer",
    "skin cancer": "cancer", "leukemia": "cancer", "lymphoma": "cancer", "multiple myeloma": "cancer",
    "osteoarthritis": "arthritis", "rheumatoid arthritis": "arthritis", "gout": "arthritis",
    "migraine": "headache", "headache": "pain", "sore throat": "pain", "dysuria": "pain", "cramps": "pain",
    "myocardial infarction": "coronary artery disease", "transient ischemic attack": "stroke",
    "pyelonephritis": "urinary tract infection", "knee replacement": "surgery", "hip replacement": "surgery",
    "shoulder replacement": "surgery", "appendectomy": "surgery", "cholecystectomy": "surgery",
    "hysterectomy": "surgery", "cesarean section": "surgery", "tonsillectomy": "surgery",
    "adenoidectomy": "surgery", "arthroscopy": "surgery", "laminectomy": "surgery", "spinal fusion": "surgery",
    "hernia repair": "surgery", "mastectomy": "surgery", "lumpectomy": "surgery", "prostatectomy": "surgery",
    "colectomy": "surgery", "gastric bypass": "surgery", "coronary artery bypass graft": "surgery",
    "carpal tunnel release": "surgery", "cataract surgery": "surgery", "vasectomy": "surgery",
    "tubal ligation": "surgery", "circumcision": "surgery", "skin graft": "surgery",
    "torn meniscus": "injury", "rotator cuff tear": "injury", "acl tear": "injury", "fracture": "injury",
    "sprain": "injury", "concussion": "injury", "wound": "injury", "bruising": "injury",
    "ct scan": "imaging", "mri": "imaging", "x-ray": "imaging", "ultrasound": "imaging", "pet scan": "imaging",
    "bone scan": "imaging", "dexa scan": "imaging", "mammogram": "imaging", "echocardiogram": "imaging",
}


def broader_concepts(concept: str) -> list[str]:
    """Concepts that ``concept`` is a kind of, nearest first ("left knee pain" -> "pain")."""
    chain, seen = [], {concept}
    while True:
        parent = _BROADER.get(concept) or ("pain" if concept.endswith(" pain") else None)
        if parent is None or parent in seen:
            return chain
        chain.append(parent)
        seen.add(parent)
        concept = parent
