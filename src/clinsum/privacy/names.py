"""Person names in notes: cued by titles, credentials, labels and roles, or a dictionary first name;
where a cue allows a name that no list holds, the name model (:mod:`clinsum.privacy.name_model`)
decides; then every other mention of a found name word."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

import regex

from clinsum.privacy.name_model import KNOWN_THRESHOLD, UNCUED_THRESHOLD, looks_like_name, name_score
from clinsum.privacy.patterns import (
    CAP, ELDERS, INITIAL, LOWER_WORD, NOT_LATIN, PARTICLE, RANK, STATE, STATE_NAMES, STATES, UPPER, CuedPattern,
    lowercase_cue, rx,
)
from clinsum.privacy.vocab import (
    allowed_words, capitalised_words, cities, clinical_spans, common_words, countries, department_words, english_words,
    field_type, first_names, is_clinical_abbreviation, is_eponym_surname, is_listed_name, is_name_word, last_names,
    lowercase_forms, lowercase_words, provinces, service_words, towns,
)

# Names. Titles and credentials make what follows (or precedes) a name whatever it is; roles make a
# capitalised word a name; the label "patient" does so only for dictionary names.
_TITLE = (r"(?:Drs|Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Mister|Missus|Madam|Nurse|Sister|Revd|Rev|Reverend|Pastor|Rabbi|Imam"
          r"|Chaplain|Fr|Det|Deputy|Officer|Ofc|Sheriff|Trooper|Tpr|Cst|Constable|Sergeant|Detective|Inspector|Mdm"
          rf"|{RANK}|Canon|Archdeacon|Monsignor|Msgr"  # (clergy)
          r"|Dra|Sra|Srta|Doña|Dña|Frau|Herr|Mme|Mlle|Dhr|Mevr|Dottoressa|Dott|Signora"  # other languages' titles
          # Indonesia's, Malaysia's, Thailand's and Myanmar's (as written: not "PAK"), a pilgrim's in West Africa and
          # Bangladesh, the Philippines' elder relatives'
          r"|(?-i:Pak|Ibu|Puan|Encik|Cik|Khun|Daw|Alhaji|Alhaj|Alhaja|Hajia|Kuya|Lola|Lolo|Tita|Tito|Manang|Manong"
          r"|Tn|Ny|Pr|lek))")  # (Indonesia's Tuan and Nyonya, a French professor, a Polish physician: "Tn. Bambang", "Pr Le
          # Goff", "lek. Agnieszka Zając")
# (with UK grades, fellowships and research coordinators' certifications)
_CREDENTIAL = (r"(?:MD|M\.D\.|DO|D\.O\.|RN|RM|NP|PA-C|PA|PhD|FNP|FNP-C|APRN|MBBS|DNP|LPN|CNM|DPM|DDS|MSW|LCSW|PharmD"
               r"|CMA|MA|CNA|LVN|RT|RRT|SLP|OTR|OTR/L|DPT|PT|OT|CRNA|EMT|MSN|BSN|RD|RPh|RDN|NRP|ANP|MRCP|FRCS|MRCGP"
               r"|SpR|StR|SHO|FY1|FY2|MBChB|MRCS|FRCP|FRCA|FRCR|FRCOG|FRACP|FRACS|FRCPC|FRCSC|CCRP|CCRC|CRC|MSc|BSc|MPhil"
               r"|MPH|MDiv)")
# ... as text without capitals writes them after a name ("m. ruiz rn")
_LOWERCASE_CREDENTIAL = r"(?:md|rn|np|pa|do|lpn|lcsw|msw|pharmd|dds|pa-c)\b(?![\p{L}-])"
# The last word of a job's title after a signature's comma: "Recovery Coordinator", "Senior Claims Adjuster"
_JOB_TITLE = (r"(?:Coordinator|Manager|Officer|Adjuster|Nurse|Assessor|Advis[eo]r|Specialist|Consultant|Physician|Therapist"
              r"|Pharmacist|Administrator|Handler|Examiner|Counsell?or|Psychologist|Worker|Secretary|Clerk|Director|Lead"
              r"|Representative|Liaison|Assistant|Midwife|Dentist|Hygienist|Teacher|Principal|Coach)\b")
# a professional register or a record, before its number: "P. Nandakumar, GOC 01-29384", "Angus McLeod, CHI 0301345528"
_NUMBER_LABEL = r"(?:GMC|GOC|NMC|HCPC|AHPRA|KMPDC|CHI|NHI|NHS|MRN|HCN|URN|DOB)"
_ARTICLE = r"(?:al|el|ul|ad|ud|as|ash|at|az)-"  # an Arabic article joined to a surname: "Hassan el-Sayed"
_NAME_WORD = rf"(?:(?:{_ARTICLE})?{CAP}|{UPPER}|{INITIAL})"
_GAP = r"[ \t]+"  # name words are on one line
_NEXT = rf"{_GAP}(?:{PARTICLE}{_GAP})*"  # the gap before a further name word
_ROLE = r"""(?:(?:son|daughter|mother|father|sister|brother)\s+in\s+law|baby\s+of|b/o
    |son|daughter|wife|husband|mother|father|mom|dad|sister|brother|spouse|partner|fianc[eé]e?|friend
    |caregiver|guardian|neighbou?r|aunt|uncle|niece|nephew|grandson|granddaughter|grandmother|grandfather|cousin
    |roommate|boyfriend|girlfriend|attending|resident|fellow|intern|pcp|surgeon|cardiologist|oncologist|therapist
    |pharmacist|case\s+manager|social\s+worker|interpreter|(?:primary\s+care\s+)?physician|provider
    |referring\s+(?:physician|provider|doctor)|emergency\s+contact|next\s+of\s+kin|contact|proxy|poa|son-in-law
    |daughter-in-law|mother-in-law|father-in-law|sister-in-law|brother-in-law|stepson|stepdaughter|stepmother
    |stepfather|grandchild|grandchildren|children|kids|twin|fiance|companion|landlord|coworker|co-worker|boss|baby\s+(?:boy|girl)
    |rgn|rmn|hca|aunty|auntie|ex|stepbrother|stepsister|godmother|godfather|godson|goddaughter|half-brother|half-sister|best\s+friend
    |pastor|priest|covering|cross-?cover|assistant|scribe|author|np|rn|nurse|midwife|doula|sitter|aide|kid|child|baby|buddy|sponsor|driver
    |grandma|grandpa|granny|nana|student|medical\s+student|trainee|preceptor|chaperone|nursing|chaplain|dietitian|nutritionist|hcp|mpoa
    |rider|courier|carer|gunner|sapper|rifleman|bombardier|signalman|sn|snod|bms|mls|scientist|embryologist|geneticist
    |rmo|cmt|boy|girl|lass|missus|mamaw|papaw|memaw|meemaw
    |health\s+care\s+proxy|surrogate|social\s+work|case\s+management|dtr|dau|bro|sis|hubby|(?-i:dil|DIL|sil|SIL|RT(?=[ ][A-Z][a-z]))
    |crna|cna|lpn|lvn|rrt|slp|emt|pct|paramedic|medic|tech|technician|cytotech|technologist|phlebotomist|transporter
    |charge(?:\s+(?:rn|nurse))?|huc|(?:unit\s+)?(?:clerk|secretary)|receptionist|ward\s+clerk|house\s+sup(?:ervisor)?|registrar|consultant|interp
    |fy1|fy2|spr|surg|asst|relief
    |adjuster|case\s+worker|caseworker|officer|supervisor|foreman|coach|teacher|counsell?or|employer
    |t[ií]a|t[ií]o|m[aā]m[aāá]|pap[aá]|hija|hijo|esposa|esposo|hermana|hermano|ayah|ibu|bapak|suami|istri
    |t[uū]t[uū]|kupuna|koro|kuia|kaum[aā]tua|whaea|parent|volunteer|mum|mam|nan|gran|reg|sho|locum|reporter
    |flatmate|housemate|cucu|shosho|practitioner|specialist|manager|matron|coordinator|superintendent|supt
    |cnc|cns|anp|apn|mgr|podiatrist|psychiatrist|physiotherapist|physio|optometrist|orthotist|prosthetist|dietician
    |audiologist|psychologist|neurologist|radiologist|pathologist|dermatologist|rheumatologist|nephrologist|urologist
    |ha?ematologist|endocrinologist|gastroenterologist|ophthalmologist|anesthesiologist|pulmonologist|gyn(?:a)?ecologist
    |an(?:a)?esthetist|perfusionist|radiographer|sonographer|hygienist|dentist|chiropractor|key\s+worker|support\s+worker
    |(?:cps|dcfs|dss|child\s+protection)\s+worker|client|advocate|cellmate|peer\s+worker|outreach\s+worker|tolk
    |attendant|instructor|captain|skipper|coxswain|pilot|lifeguard|patroller|ranger|guide|trainer|tracer|vaccinator|surveyor
    |health\s+worker|chw|hsa|lhw|partera|vacunadora|promotora|enfermera|headman|elder|deacon
    |oppa|eonni|unnie|noona|hyung|nooh|bhai|bhaiya|didi|bhabhi|chacha|chachi|mami|khala|khalu|abbu|ammi|tita|tito
    |manang|manong|mkhulu|mzee|tonton|matant|grann|okaasan|otousan|""" + ELDERS + ")"
# Words after a cue ("my wife", "his son", "your name?") that are first names in the census lists but there a verb,
# a month or a word: "my wife will drive", "her son may call", "my daughter june 3rd".
_NO_NAME_AFTER_CUE = frozenset("""will may can did does had has was is said says and but too also just always never
june april august who that then so lives works passed died in at on to from for with of by the a an tell told
ask asked call called come came get got give gave make made take took bring brought want know think help drive drove
pick see saw say""".split())
# First names that are also words of the common lists (a modal verb, months): a name only after a strong cue ("report
# to Will RN", "fellow Will", "Tech May - vaccine clinic"), capitalised and not before a day's number ("May 3") or a
# lowercase word ("Nurse: Will do.").
_WORD_FIRST_NAMES = frozenset("will may june april august lane mira".split())
_READ_AS_WORD = regex.compile(r"[ \t]*,?[ \t]*\d|[ \t]+\p{Ll}")  # "May 3", "Will do", "May need"
_BRACKET_CLOSES = regex.compile(r"[ \t]*(?:[\"“][^\"”\n]{1,20}[\"”][ \t]*)?[),]")  # (a nickname before: 'partner (Mohamed "Moe")')
_TURN_OPENS = regex.compile(r"(?:^|[.!?:;\n\-–—]|\b(?i:ok|okay|yes|yeah|sure|fine))[ \t\"“]*$")  # where a sentence or turn starts
# The end of a table's cell: the line's, a slash, a column gap or a time ("Surg: JT / Asst: MKR", "Relief: RB 1015-1030").
_TABLE_CELL_END = regex.compile(r"[ \t]*(?:$|\n|/|\d)|[ \t]{2}", regex.MULTILINE)


def is_word_first_name(word: str) -> bool:
    """A capitalised first name that is also a common word ("Will", "May"): :func:`_name_words` takes it only after a
    strong cue, so a name found with it is kept (the allow-list would drop it as a word)."""
    return word.lower() in _WORD_FIRST_NAMES and word[:1].isupper() and word[1:].islower()


# Titles that only ever stand before a name, as text without capitals writes them: after one, a census surname that is
# also a word is the surname ("dr crane's office", "mrs baker called"; not "mr", magnetic resonance or mitral
# regurgitation there: "mr angio", "mild mr").
_LOWERCASE_HONORIFICS = frozenset({"dr", "mrs", "ms", "miss"})


# A room, a bed or a chair with its number: "rm 12", "Bed #4", "ch 4".
_ROOM = r"(?i:rm|room|bed|bd|bay|ch|chair)\.?[ \t]*\#?[ \t]*\d+[A-Za-z]?"
_POSSESSIVE = r"(?i:my|his|her|your|our|their)"
# Members of a care team by their role's abbreviation, as team lists write them: "Jian (PGY2)", "OT (Sage)".
_TEAM_ROLE = (r"(?:PGY-?\d|R[1-4]|MS[1-4]|MHT|RT|OT|PT|SW|SLP|CM|PCA|CNA|LNA|MA|PA|CDE|RD|SCRUB|Scrub|CIRC|Circ|circulator|charge"
              r"|Charge|Peds|Cards|Renal|Neuro|Ortho|Psych|Anes|Anesthesia|Gen[ \t]+Surg|Surgery|Hospitalist|Palliative)")
# A word that opens a spoken turn before a name: "Alright Esperanza, any fevers?", "Yeah, Jurgen comes by".
_OPENER = r"(?:(?i:ok|okay|alright|all\s+right|so|well|great|good|now|hi|hey|hello|yeah|yes|oh|and|but|um|uh|no)[ \t]*,?[ \t]+)?"
# What follows a name called to at a turn's start: "Leif, can I ...", "Mary, how are you?"
_VOCATIVE_NEXT = (r"(?i:can|could|would|will|please|how|what|are|do|did|is|I|we|you|it's|this|thank|thanks|good|nice|any"
                  r"|let's|your|you're|have|has|when|where|why|tell)\b")
# Labels and speech before a name: "Patient name: john smith", "Signed by: Kim Nguyen", "cc: Lee", "Patient: Hi, I'm
# Maria", 'goes by "Sefo"'.
_LABEL = (r"(?:(?:patient|pt|client|resident)'?s?\s+name|name\s+(?:is|was)|name|patient|pt|guest_family|guest_clinician"
          r"|signed(?:\s+by)?|electronically\s+signed\s+by|/e?s/|signature"
          r"|re|dictated\s+by|transcribed\s+by|authenticated\s+by|cosigned\s+by|attested\s+by|cc|seen\s+by"
          r"|referred\s+by|discussed\s+(?:with|w/)|d/w|spoke\s+(?:with|to|w/)|talked\s+(?:with|to)|accompanied\s+by|per|with|w/|by"
          r"|from|i'm|i\s+am|my\s+name\s+is|this\s+is|is\s+this|call\s+me|calls\s+me|called|goes\s+by|known\s+as|it'?s"
          r"|hi|hello|hey|dear|thanks|thank\s+you|nice\s+to\s+meet\s+you|good\s+(?:morning|afternoon|evening|day)|bye"
          r"|speaking\s+with|talking\s+to|ask\s+for|asking\s+for|said|says|asked|replied|told|according\s+to"
          r"|named(?:\s+(?:him|her))?|calls\s+(?:him|her)|name['’]s|dictating\s+on|dictation\s+(?:on|for)|kia\s+ora|thx|cheers|(?<![^\n])to(?=[ \t]*:)"
          r"""|(?:goes\s+by|known\s+as|calls?\s+me|called|named)[ \t]+["“'‘](?=[^\W\d_]))""")
# A form's field for a person other than the patient.
_PERSON_FIELD = (r"(?:member|insured|subscriber|guarantor|beneficiary|applicant|decedent|employee|claimant|enrollee|recipient"
                 r"|cardholder|policyholder|informant|requester|requestor|prescriber|ordering(?:[ \t]+(?:provider|physician|md))?"
                 r"|verified[ \t]+by|reviewed[ \t]+by|performed[ \t]+by|collected[ \t]+by|administered[ \t]+by|entered[ \t]+by"
                 r"|read[ \t]+by|crew)")
_BARE_INITIAL = r"\p{Lu}[ \t]+(?=\p{Lu})"  # initials without dots before a surname: "Signature: G A Pritchard"
_ROLE_NAME = rf"(?:{_NAME_WORD}|{LOWER_WORD})(?:{_NEXT}(?:{_NAME_WORD}|{LOWER_WORD})){{0,2}}"
# Cues of the name someone is called ("known in the village as Dezzy"); after "goes by" and "prefers" only a quoted one
# ("goes by Uber", "goes by bus").
_GOES_BY = r"(?:(?:go(?:es)?|going|went)\s+by|prefers)"  # ('prefers "Dot"', not "prefers tea")
_CALLED = r"""(?:calls?\s+(?:him|her|them|me)|calling\s+(?:him|her|them)|known(?:\s+(?:in|to|at|around)(?:\s+the)?\s+\w+)?\s+as
    |nicknamed|nickname(?:\s+is)?:?
    |(?:prefers|likes|wants)\s+to\s+be\s+called)"""
_TITLE_STOP = r"(?:Tn|Ny|Nn|An|By|Pn|En|Bd|Sdr|Sdri|Bpk|Hj|Hjh)"
_NAME_PATTERNS = {
    # "Dr. Adams", "Mrs. Maria Garcia", "DR. LEE", "dr smith"
    # ("Sr", a nursing sister's title, only before a capital and not after a name, where it is the senior's suffix: "Sr
    # Mokoena", "counselled by Sr. Nyambura"; not "Tom Brady Sr. Patient"; a British police officer's in capitals: "PC
    # Armstrong")
    "title": CuedPattern(rx(rf"(?:\b(?i:{_TITLE})|(?<!\p{{Lu}}\p{{Ll}}*\.?[ \t]+)\bSr(?=\.?[ \t]+\p{{Lu}})"
                            rf"|\b(?:PC|WPC|PCSO|DCI)(?=[ \t]+\p{{Lu}}\p{{Ll}}))(?:\.[ \t]*|[ \t]+)"
                            rf"(?P<phi>(?:{_NAME_WORD}|{LOWER_WORD})(?:{_NEXT}(?:{_NAME_WORD}|{LOWER_WORD})){{0,2}})"),
                         lowercase_cue(_TITLE + "|sr|pc|wpc|pcso|dci"), cue_in_lowercase=True),
    # Indonesia's and Malaysia's titles, with their full stop: "Tn. Budi", "Ny. Sari", "An. Rizky", "By. Ny. Dewi", "Bd.
    # Yanti" (a midwife), "Hj. Aminah" (not a title after a title; read as "title" is, on the lines that hold one)
    "title_stop": CuedPattern(rx(rf"\b{_TITLE_STOP}\.(?=[ \t]*(?!{_TITLE_STOP}\.)\p{{Lu}}\p{{Ll}})"
                                 rf"[ \t]*"
                                 rf"(?P<phi>{_NAME_WORD}(?:{_NEXT}{_NAME_WORD}){{0,2}})"),
                              re.compile(rf"\b{_TITLE_STOP}\.")),
    # ... in capitals, before a name in capitals: "PIC: PN. NORHAYATI ABDULLAH"
    "title_stop_upper": CuedPattern(rx(rf"\b(?:TN|NY|PN|EN)\.[ \t]*(?P<phi>{UPPER}(?:[ ](?:{UPPER}|{PARTICLE})){{1,3}})(?![\p{{L}}'’-])"),
                                    re.compile(r"\b(?:TN|NY|PN|EN)\.")),
    # "Kim Nguyen, MD", "J. Smith RN"
    "credential": rx(rf"(?<![\p{{L}}\d'’.-])(?P<phi>{_NAME_WORD}(?:{_NEXT}(?:{_NAME_WORD}|\p{{Lu}}(?=[ \t]+\p{{Lu}}))){{0,3}}),?{_GAP}{_CREDENTIAL}\b"),
    # a surname and an initial or a given name before a credential, as result tables and secure chats sign:
    # "Ferreira, D NP", "Mahlangu, S. MD", "23:42 Adeyemi, Tobi MD: ok titrate"
    "surname_first_credential": rx(rf"(?P<phi>{CAP},[ \t]*(?:\p{{Lu}}\.?|{CAP}))[ \t]+{_CREDENTIAL}\b"),
    # an initial and a surname in lowercase before a credential: "-- s. markovic md", "m. ruiz rn" (or a given name and a
    # surname, a comma between them and it: "ngozika adeleke-bassey, md")
    "lowercase_credential": rx(r"(?<![\p{L}\d'’.-])(?P<phi>(?:\p{Ll}\.?|\p{Ll}[\p{Ll}'’-]+\p{Ll}(?=[ \t]+\p{Ll}[\p{Ll}'’-]+\p{Ll}[ \t]*,))"
                               r"[ \t]+\p{Ll}[\p{Ll}'’-]+\p{Ll})[ \t]*,?[ \t]+"
                               rf"{_LOWERCASE_CREDENTIAL}"),
    # ... or a given name alone or a surname after an initial signing a line after a dash: "- nikki rn", "-m. adkins rn"
    "dash_lowercase_credential": rx(r"(?m)^[ \t]*[-–—~][ \t]*(?P<phi>(?:\p{Ll}\.?[ \t]+)?\p{Ll}[\p{Ll}'’-]+\p{Ll})[ \t]*,?[ \t]+"
                                    rf"{_LOWERCASE_CREDENTIAL}"),
    # "Patient name: john smith", "Signed by: Kim Nguyen", "cc: Lee", "Patient: Hi, I'm Maria", "FROM: DOLORES J
    # PRZYBYLSKI"
    "label": CuedPattern(
        rx(rf"\b(?i:{_LABEL})(?:[ \t]*[:,?]?[ \t]+|(?<=[\"“'‘]))"
           rf"(?P<phi>(?:{_BARE_INITIAL}){{0,2}}(?:{_NAME_WORD}|{LOWER_WORD})"
           rf"(?:{_NEXT}(?:{_BARE_INITIAL})?(?:{_NAME_WORD}|{LOWER_WORD})){{0,2}})"),
        lowercase_cue(_LABEL), cue_in_lowercase=True),
    # "his daughter Ana Lopez", "PCP: Ortiz", "wife, Mary,"
    "role": CuedPattern(
        rx(rf"\b(?i:{_ROLE})s?\b\)?(?:[ \t]+(?i:reply|review|note|check|comment|response|advice|query)(?=[ \t]*\()"
           rf"|[ \t]+(?i:on[ \t]+(?:shift|duty|call))(?=[ \t]*:))?"
           rf"(?:[ \t]*[:,(]?[ \t]*|[ \t]+[–-][ \t]+)(?:(?i:is|was|named|called)[ \t]+)?(?P<phi>{_ROLE_NAME}"
           rf"(?:(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+|[ \t]*[&+][ \t]*){_ROLE_NAME})*)"),
        lowercase_cue(_ROLE), cue_in_lowercase=True),
    # a name with its role after a comma: "Guest_family: Desmond, his son.", "Kwame Mensah, her grandson,", "Marites,
    # the caregiver,"
    "role_apposition": rx(rf"(?P<phi>{_NAME_WORD}(?:{_NEXT}{_NAME_WORD}){{0,2}}),[ \t]+(?:{_POSSESSIVE}|(?i:the))[ \t]+"
                          rf"(?:\p{{Ll}}+[ \t]+){{0,2}}?(?i:{_ROLE})\b"),
    # a name with its role in parentheses after it: "Fitzgerald (hospitalist)", "Ngozi Eze (daughter)", "Rhys (practice
    # nurse)", "Mark (husband, hero, terrible cook)"
    "role_after": rx(rf"(?P<phi>{_NAME_WORD}(?:{_NEXT}{_NAME_WORD}){{0,2}})[ \t]*\((?:\p{{L}}{{2,10}}[ \t]+)?(?:(?i:{_ROLE})"
                     rf"|\p{{Ll}}{{3,}}(?:ist|ian)|{_TEAM_ROLE})(?:,[^()\n]{{1,40}})?\)"),
    # a team member named in parentheses after the role: "SCRUB (Jewel): count correct", "w/ OT (Sage)"
    "role_before": rx(rf"\b{_TEAM_ROLE}[ \t]*\([ \t]*(?P<phi>{CAP}(?:[ \t]+(?:{CAP}|\p{{Lu}}\.))?)[ \t]*\)"),
    # a log line's person after its time: "09:30  Aarav -- BG 142", "[07:02] Aleksandra P. RN: drain put out 40"
    "log_line": rx(rf"(?m)^[ \t]*\[?\d{{1,2}}:\d{{2}}(?:[ \t]*(?i:[ap]\.?m\.?))?\]?[ \t]+(?P<phi>{CAP}(?:[ \t]+(?:{CAP}|\p{{Lu}}\.))?)"
                   rf"(?:,?[ \t]+{_CREDENTIAL}|[ \t]*\([^)\n]{{1,20}}\))?[ \t]*(?::|--|—|–)"),
    # sign-out and census lists: "rm 12 - delacroix, 88M", "Bed 4: Nguyen (72F)", "2. Nakashima 64F"
    # (or a bed board's columns, the age alone: "BAY A  A1  MCALLISTER J    94  IECOPD")
    "list": rx(rf"(?im)^(?:[\w \t]{{1,30}}:[ \t]*|[-•*][ \t]*|\p{{Lu}}{{2,6}}(?:[ \t]+\p{{Lu}})?[ \t]+|[ \t]+)?"
               rf"(?:(?:rm|room|bed|bd|bay|pt|ch|chair)\.?[ \t]*\#?[ \t]*\d+[A-Za-z]?|\d{{1,2}}[.)]"
               rf"|(?-i:\p{{Lu}}\d{{1,3}}\p{{Lu}}?|\d{{1,3}}\p{{Lu}}(?:-\d{{1,3}})?))"  # a bed's code: "B6", "12B", "4B-14"
               rf"(?:[ \t]*[-:–—)][ \t]*|[ \t]+)"
               rf"(?P<phi>(?:{PARTICLE}{_GAP})*(?:{_NAME_WORD}|{LOWER_WORD})(?:{_NEXT}(?:{_NAME_WORD}|{LOWER_WORD})){{0,2}}"
               rf"(?:,[ \t]*{_NAME_WORD}|[ \t]\p{{Lu}}\.?(?=[ \t]{{2}}))?)"
               r"(?=[ \t]*[,(–-]?[ \t]*\d{1,3}[ \t]?(?:y/?o|yo|[MF])\b|[ \t]{2,}\d{1,3}[ \t]{2,}\S)"),
    # ... or opening its line, the surname first, without a room: "pelletier, g 67m pna day 3", "OKAFOR, Ruth 81F"
    "census_line": rx(rf"(?m)^[ \t]*(?P<phi>(?:{_NAME_WORD}|{LOWER_WORD}),[ \t]*"
                      rf"(?:{_NAME_WORD}|{LOWER_WORD}|\p{{L}}\.?))"
                      r"(?=[ \t]+\d{1,3}[ \t]?(?i:[mf]|y/?o|yo)\b)"),
    # a surname in capitals after a unit's bed, anywhere in a page log's line: "22:04  TO 4471  5E-18 RODRIGUEZ K+ 6.1",
    # "4W-03 KING BP 84/50"
    "unit_bed": rx(rf"(?<![\w/-])\d{{1,2}}\p{{Lu}}{{1,2}}-\d{{1,3}}\p{{Lu}}?[ \t]+(?P<phi>{UPPER})(?![\w'’-])"),
    # after a room, a colon or a dash may end the name too: "rm 6 Lakota: first night", "ch 4 Strand-Olsen - hosp'd"
    "room_list": rx(rf"(?im)^[ \t]*(?:[-•*][ \t]*)?{_ROOM}[ \t]+"
                    rf"(?P<phi>(?:{_NAME_WORD}|{LOWER_WORD})(?:[ \t]+(?:{_NAME_WORD}|{LOWER_WORD})){{0,2}})"
                    r"(?=[ \t]*:[ \t]|[ \t]+[-–—][ \t])"),
    # a capitalised name after a room and a dash or a column's gap, or after a bare room number in columns: "Rm 5 --
    # Aroha (11y)", "BED 2  LAFLEUR   VENT", "412A  Castellanos   POD2 lap chole"
    "room_column": rx(rf"(?m)^[ \t]*(?:{_ROOM}(?:[ \t]*[-–—]+[ \t]*|[ \t]{{2,}})"
                      rf"|\d{{2,4}}[A-Za-z]?[ \t]{{2,}})(?P<phi>{_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,2}})(?=[ \t]*\(|[ \t]{{2,}}|[ \t]*[-–—:])"),
    # a chat user's handle after a time stamp: "10:43 kpatel: ok", "[09:12] j.morales: on my way"
    # (or a phone's export of a group chat: "14/08/25, 9:12 pm - Jijo K: bed 6", "[9:14 AM] - Priya Menon: ok", in
    # lowercase too: "19:02 - rana abou jaoude: bonsoir", "07:40 rohan p: i can")
    "chat_handle": rx(r"(?m)^[^\n]*?\b\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*(?i:[ap]\.?[ ]?m\.?))?\]?(?:[ \t]+|[ \t]*[-–][ \t]*)"
                      r"(?!(?i:[ap]\.?[ ]?m\.?)[ \t]*:)"
                      r"(?P<phi>\p{L}[\p{L}\d._-]{1,30}(?:[ \t]\p{L}\.?|[ \t]\p{L}[\p{Ll}'’-]+){0,2})[ \t]*:(?!\d)"),
    # a chat message's sender, its time and its text in columns: "hannah.k  07:42  who has bed 9??", "Tomasz W  07:43  me"
    "handle_time": rx(r"(?m)^[ \t]*(?P<phi>\p{L}[\p{L}\d._-]{1,30}(?:[ \t]\p{Lu}\.?)?)[ \t]{2,}\d{1,2}:\d{2}(?::\d{2})?"
                      r"(?:[ \t]*(?i:[ap]\.?m\.?))?[ \t]{2,}\S"),
    # a form's field for a person other than the patient: "Member: Siosaia Fifita", "Guarantor: Rose M. Lavoie"
    "person_field": CuedPattern(
        rx(rf"\b(?i:{_PERSON_FIELD})(?:[ \t]+name)?[ \t]*:?[ \t]+"
           rf"(?P<phi>(?:{_NAME_WORD}|{LOWER_WORD})(?:{_NEXT}{_NAME_WORD}){{0,3}}(?:,[ \t]*{_NAME_WORD}(?:{_NEXT}{_NAME_WORD})?)?)"),
        lowercase_cue(_PERSON_FIELD), cue_in_lowercase=True),
    # a field for a person in another language, after its colon: "Nombre: María de los Ángeles Ruiz de la Cruz",
    # "Paciente: João Pedro dos Santos", "Pacjentka: Stanisława Grabowska", "CUIDADORA: ROSA (FILHA)"
    "foreign_field": rx(rf"\b(?i:nombre(?:[ \t]+y[ \t]+apellidos)?|apellidos[ \t]+y[ \t]+nombre|nome(?:[ \t]+completo)?|paciente"
                        rf"|paziente|pacjent(?:ka)?|patiënt|patientin|hasta(?:[ \t]+ad[ıi])?|ad[ıi][ \t]+soyad[ıi]|naam"
                        rf"|imię[ \t]+i[ \t]+nazwisko|nom(?:[ \t]+et[ \t]+prénom)?|cuidadora?|aanvrager|médico|médica"
                        rf"|m[ée]decin|arzt|ärztin|patiente|enfermera|enfermero|firmado(?:[ \t]+por)?|assinado(?:[ \t]+por)?)"
                        rf"[ \t]*:[ \t]*(?P<phi>{_NAME_WORD}(?:{_NEXT}{_NAME_WORD}){{0,4}})"),
    # a chat message's sender before its time: "Hannah K (07:12): is 12B ...", "Sunil (07:14): yes", "Sian R 08:31: ok"
    "chat_sender": rx(rf"(?m)^[ \t]*(?P<phi>{CAP}(?:[ \t]+(?:{CAP}|\p{{Lu}}\.?))?)[ \t]*(?:\([ \t]*\d{{1,2}}:\d{{2}}[^)\n]{{0,12}}\)"
                      r"|(?:[ \t]*\([^)\n]{1,20}\))?[ \t]\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*(?i:[ap]\.?m\.?))?)[ \t]*:[ \t]"),
    # a speaker tag of a first name and an initial, after a time too, a device or a role in brackets before its colon:
    # "Jen R: admitting hosp pls", "[10:02] Shazza K (patient device): yeah"
    "speaker_initial": rx(rf"(?m)^[ \t]*(?:\[?\d{{1,2}}:\d{{2}}(?::\d{{2}})?\]?[ \t]+)?(?P<phi>{CAP}[ \t]+\p{{Lu}}\.?)"
                          r"(?:[ \t]*\([^)\n]{1,25}\))?[ \t]*:[ \t]"),
    # a birth surname after its word: "GOMIS Aminata née DIATTA", "Müller geb. Schmidt", "maiden name Okafor"
    "birth_name": rx(rf"(?<![\p{{L}}\d])(?:n[ée]e|geb\.|geborene|(?i:maiden[ \t]+name)[ \t]*:?)[ \t]+(?P<phi>(?:{CAP}|{UPPER})"
                     rf"(?:-(?:{CAP}|{UPPER}))?)(?![\p{{L}}\d'’-])"),
    # a lowercase title, an initial and a surname: "dr f. tavakoli", "dr. u. essien (MO)"
    "lowercase_title_initial": rx(r"(?<![\p{L}\d'’.-])(?:dr|mr|mrs|ms|miss)\.?[ \t]+(?P<phi>\p{Ll}\.[ \t]*\p{Ll}[\p{Ll}'’-]+\p{Ll})"
                                  r"(?![\p{L}\d'’-])"),
    # a title before an initial alone: "d/w Dr Y re apixaban", "Hi Dr B,"
    "title_initial": rx(r"\b(?:Dr|Doctor|Mr|Mrs|Ms)\.?[ \t]+(?P<phi>\p{Lu}(?:\.\p{Lu}){1,2}\.?|\p{Lu})"
                        r"(?![\p{L}\d.'’-]|\.[ \t]*\p{Lu})"),  # "Dr. K", "Mrs F.A."
    # a person's initials before a credential (found from the credential back), after a signature's label or "by", or
    # after a dash at a line's end: "kp RN", "rk cpn", "Transcribed: lmr", "read back by JH.", "-TDK" (closing a note: see
    # :data:`_END_INITIALS`)
    "initials": rx(r"(?m)(?<=(?<![\p{L}\d'’.-])(?P<phi>\p{Ll}{2,3})[ \t]*,?[ \t]+)(?:RN|LPN|CNA|MD|NP|RT|RRT|RMN|RGN|CPN|rn|rmn"
                   r"|rgn|cpn)[ \t]*$"),
    # (or after the label alone, ending its line, a cell or a clause, or before a credential: "Dictated CA", "Tester: MNS",
    # "Analysed: JH (clinical physiologist)", "Minutes tn", "Signed L.O. (RCO)", "Triage 08/05/24 JMcG:", "Reviewer: pjm",
    # "signed A.P. RN")
    "label_initials": rx(r"\b(?i:transcribed|dictated|typed|signed|cosigned|attested|authenticated|scribed|scribe|initiall?ed"
                         r"|reviewer)"
                         r"(?:[ \t]+(?i:by)[ \t]*:?|[ \t]*:)[ \t]*(?P<phi>\p{Ll}{2,4}|\p{Lu}{2,4})(?![\p{L}\d])"
                         r"|(?:\b(?i:transcribed|dictated|typed|signed|cosigned|scribed|tester|analy[sz]ed|minuted|firma"
                         r"|triaged?[ \t]+\d{1,2}/\d{1,2}(?:/\d{2,4})?)|^[ \t]*(?i:minutes))(?:[ \t]+(?i:by))?"
                         r"[ \t]*:?[ \t]+(?P<phi>\p{Ll}{2,3}|\p{Lu}{2,4}|(?:\p{Lu}\.){2,3}|\p{Lu}(?:\p{Lu}|\p{Ll}{1,2}\p{Lu}){1,2})"
                         rf"(?=[ \t]*(?:$|[,;:(/]|\.(?![\p{{L}}\d]))|[ \t]{{2}}|\t|[ \t]+{_CREDENTIAL}\b"
                         r"|[ \t]+\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b)"  # ("Minutes: GS 15.11.24")
                         # a trial subject's initials: "Initials: M-J-F", "pt initials S.N."
                         r"|\b(?i:initials)[ \t]*(?::[ \t]*(?P<phi>\p{Lu}(?:-\p{Lu}){1,3}|\p{Lu}{2,4})"
                         r"|:?[ \t]*(?P<phi>(?:\p{Lu}\.){2,3}))"
                         r"(?![\p{L}\d-])", regex.MULTILINE),
    # (or who checked, dispensed, witnessed, logged or is in charge: "Checked: SE   Dispensed: HJ", "checked MK.", "LOGGED
    # MK", "NIC: JG (BAY A)", "Handed over by LM to ...")
    "by_initials": rx(r"\b(?i:by|RPh|initials?|checked|dispensed|witness(?:ed)?|verified|countersigned|logged|NIC"
                      r"|prepared|released|compounded|assembled|firmó|firmado|verificó|verificado|revisó|revisado"
                      r"|realizó|assinado|conferido|signé|vérifié|contrôlé|gecontroleerd|geprüft|firmato|verificato"
                      r"|kontrolliert)[ \t]*:?[ \t]+"
                      r"(?P<phi>\p{Ll}{3}|\p{Lu}{2,3})"
                      rf"(?=[ \t]*(?:[.,;()/]|$)|[ \t]{{2}}|(?<=\p{{Ll}})[ \t]+\p{{Lu}}{{2}}|[ \t]+to[ \t]+\p{{Lu}}"
                      rf"|[ \t]+{_CREDENTIAL}\b)", regex.MULTILINE),
    "dash_initials": rx(r"(?m)(?:^|[ \t.])[-~][ \t]*(?P<phi>\p{Ll}{2,3}|\p{Lu}{2,3})[ \t]*$"),
    # a transcribed report's footer: the typist's (and the dictating doctor's) initials after the dictation's or the
    # transcription's date, after the job's number, or after "T:" ("dict 01/09/84 / tr 01/11/84 jl", "D: 01/02/89 T:
    # 01/03/89 MP/kls", "Dictated 2024-11-19 (jh)", "Job# 558123 / kmr", "T: rb   Job 8834102"; a letter's reference
    # opening a line is :data:`_LETTER_REFERENCE`'s)
    "typist_initials": rx(r"(?m)(?:(?:\b(?i:dict(?:ated)?|tr(?:ans(?:cribed)?)?|typed|dd|dt|d|t)\.?[ \t]*:?[ \t]*"
                          r"(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}/\d{1,2})(?:[ \t]+\d{1,2}:?\d{2})?"
                          r"|\b(?i:job)[ \t]*(?:\#|no\.?)?[ \t]*:?[ \t]*\d{4,10}|\b(?:T|TR|Tr|tr)[ \t]*:)"
                          r"[ \t]*(?:/[ \t]*|\([ \t]*)?"
                          # (or a typist's reference after a doctor's credential: "Smith, MD   AR/tmw")
                          r"|(?<=\b(?:MD|M\.D\.|DO|NP|PA-C|PA)[ \t]{2,})(?=\p{Lu}{2,4}/\p{Ll}))"
                          r"(?P<phi>(?:\p{Ll}{2,4}|\p{Lu}{2,4})(?:/\p{Ll}{2,4})?)(?=\)?[ \t]*$|\)|[ \t]{2}|\t)"),
    # two people's initials in brackets after a time, a step done and its check: "ICSI 11:20 (DO/JH)", "thawed 10:05
    # (MvdB/KJ)" (the second also when the first spells a word: the pair's check below)
    "timed_initials": rx(r"(?<=\d{1,2}[:.h]\d{2}[ \t]*\((?:\p{Lu}(?:\p{Ll}{0,2}\p{Lu}){1,2}[ \t]*/[ \t]*)?)"
                         r"(?P<phi>\p{Lu}(?:\p{Ll}{0,2}\p{Lu}){1,2})(?=[ \t]*(?:/[ \t]*\p{Lu}[\p{L}]{1,3}[ \t]*)?\))"),
    # the writer of a log's entry by initials, after its time (and its day) and before a column's gap: "21:40 KL
    # Referral via trigger", "Sat 13/7 21:40 KL  Referral"
    "log_initials": rx(r"(?m)^[ \t]*(?:(?:\p{L}{3}[ \t]+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]+)?\[?\d{1,2}[:.]?\d{2}\]?"
                       r"[ \t]+(?P<phi>\p{Lu}{2,3})(?=[ \t]{2,}\S|\t)"),
    # the owner of a meeting's action, by initials: "Actions: WT to update the prompt", "SJ to inform GP."
    "action_initials": rx(r"(?m)(?:^[ \t>*•-]*|(?<=[.;:][ \t]{1,3}))(?P<phi>\p{Lu}{2,3})[ \t]+to[ \t]+(?i:inform|update|contact"
                          r"|call|review|arrange|discuss|chase|book|refer|send|write|e-?mail|speak|liaise|follow|check|confirm"
                          r"|organi[sz]e|complete|request|present|escalate|ring|phone|notify|share|circulate|feed[ \t]?back"
                          r"|ask|see|meet|order|repeat|add|bring|obtain|audit|draft|amend|collate)\b"),
    # a case's or a patient's initials after its label: "Case: MK, 94-year-old woman", "Pt: J.D. (45M)"; a study
    # subject's in brackets after its number: "Subject 02-0113 (NTH)", "Participant 1042 (J.K.)" (not a trial's word:
    # "Subject 104 (SAE)"); dotted initials after their label: "Initials: T.H.T.R."
    "subject_initials": rx(r"\b(?i:case|patient|pt|resident|client|subject)[ \t]*\d{0,3}[ \t]*:[ \t]*"
                           r"(?P<phi>\p{Lu}{2,3}|\p{Lu}\.[ \t]?\p{Lu}\.(?:[ \t]?\p{Lu}\.)?)"
                           r"(?=[ \t]*[,(]|[ \t]+\d{1,3}[ \t-]?(?:y|[MF]\b)|[ \t]+[-–])"
                           r"|\b(?i:subject|participant|screening|randomi[sz]ation)[ \t]*(?i:no\.?|\#|id)?[ \t]*:?[ \t]*"
                           r"(?:[A-Z]{1,4}-?)?\d[\d-]{2,}[ \t]*\((?!(?:S?AE|SUSAR|ICF|CRF|PD|PK|EOT|EOS|ET|SF|LTFU|WD)\))"
                           r"(?P<phi>\p{Lu}{2,4}|\p{Lu}\.(?:[ \t]?\p{Lu}\.){1,3})\)"
                           r"|\b(?i:initials)[ \t]*:[ \t]*(?P<phi>\p{Lu}\.(?:\p{Lu}\.){1,3})(?![\p{L}\d])"),
    # a name before its room: "- Goran (rm 5): q15 checks", "f/u trop on young (rm 9)"
    # (read only on lines with a room in parentheses: CuedPattern)
    "before_room": CuedPattern(
        rx(rf"(?P<phi>{_NAME_WORD}(?:{_NEXT}{_NAME_WORD}){{0,2}}|{LOWER_WORD})[ \t]*\((?i:rm|room|bed|bd|bay)\.?[ \t]*\#?[ \t]*\d"),
        rx(r"\((?i:rm|room|bed|bd|bay)")),
    # a speaker tag that is a known or name-like first name, not a role: "Nicole: Remember me?"
    "speaker": rx(rf"(?m)^[ \t]*(?P<phi>{CAP}|{LOWER_WORD}|{UPPER})[ \t]*:[ \t\"“]"),
    # a dictation's patient, between its note and the patient's birth date or record number, in any case: "dictating
    # a progress note on john paul mcallister reyes date of birth", "dictating outpatient note for stavros
    # konstantinidis amka 12045201937"
    "dictated_patient": rx(r"\b(?i:dictating|dictation)\b[^.\n]{0,50}?\b(?i:on|for|of)[ \t]+(?:(?i:the[ \t]+)?"
                           r"(?i:patient|pt)[ \t]+)?(?P<phi>\p{L}[\p{L}'’-]+(?:[ \t]+\p{L}[\p{L}'’-]+){0,4}?)"
                           r"[ \t,]+(?=(?i:date[ \t]+of[ \t]+birth|d[ \t]?o[ \t]?b|birth[ \t]?date|born|medical[ \t]+record"
                           r"|m[ \t]?r[ \t]?n|record[ \t]+number|hospital[ \t]+number|nhs|amka|mrn)\b)"),
    # the doctor of a team or a service in brackets after it: "ID (Smith) recs", "night float (Patel)"
    "team_bracket": rx(rf"(?<=(?P<team>\b\p{{L}}[\p{{L}}/&]*(?:[ \t]+float)?)[ \t]*)\([ \t]*"
                       rf"(?P<phi>{CAP}(?:-{CAP})?)[ \t]*\)"),  # (the bracket read first: faster)
    # who answers or makes a call, in any case: "pharmasave gimli this is dawn speaking", "it's bernice calling"
    "speaking": rx(rf"\b(?i:this[ \t]+is|it's|it’s|its)[ \t]+(?P<phi>(?:{_NAME_WORD}|{LOWER_WORD})(?:[ \t]+(?:{_NAME_WORD}"
                   rf"|{LOWER_WORD}))?)[ \t]+(?i:speaking|calling)\b"),
    # a name called to at the start of a line or a turn: "Leif, can I speak to you?", "Doctor: Mary, how are you?"
    # (read only on lines with a comma before such a word: CuedPattern)
    "opening_vocative": CuedPattern(
        rx(rf"(?:^|(?<=^[ \t]*\p{{L}}[\p{{L}}\d_ ]{{0,20}}:)|(?<=[.!?][ \t]{{1,3}}))[ \t]*{_OPENER}(?P<phi>{CAP}),[ \t]+"
           rf"{_VOCATIVE_NEXT}", regex.MULTILINE),
        rx(rf",[ \t]+{_VOCATIVE_NEXT}")),
    # a known first name called to at a sentence's end: "Remember me, Mary?"
    "vocative": rx(rf",[ \t]+(?P<phi>{CAP})(?=[ \t]*(?:[?!]|\.(?:\s|$)))"),
    # a signature after a dash at the end of a line, a credential or a job's title after it: "-- tkowalczyk", "—J. Park,
    # NP", "– Sione L., Recovery Coordinator"
    "dash_signature": rx(rf"(?m)(?:^|[ \t.])(?:--|—|–)[ \t]*(?P<phi>[\p{{L}}][\p{{L}}'’.-]+(?:{_GAP}[\p{{L}}][\p{{L}}'’.-]*){{0,2}})"
                         rf"(?:,?{_GAP}{_CREDENTIAL}|,[ \t]*(?:{CAP}[ \t]+){{0,2}}{_JOB_TITLE})?[ \t]*$"),
    # a name on the line after a message's sign-off, alone or before its role: "thx\nkayla", "Thanks,\n-Tevita", "thank
    # you\nmin-jun park", "Yours faithfully,\nEfua Quaye, Senior Occupational Therapist", "Yours faithfully, Declan Ferris,
    # Solicitor"
    "sign_off": rx(r"(?im)\b(?:thanks|thank[ \t]+you|thx|ty|regards|best(?:[ \t]+wishes)?|cheers|sincerely|love|warmly"
                   r"|respectfully|faithfully|yours[ \t]+truly)[ \t]*[,.!]*[ \t]*"
                   r"(?:\n[ \t]*[-–—~]?[ \t]*|(?<=(?:faithfully|sincerely|regards),)[ \t]+)"  # (or after a comma of a letter's)
                   r"(?P<phi>\p{L}[\p{L}'’-]*\.?(?:[ \t]+\p{L}[\p{L}'’.-]*){0,3})[ \t]*(?:,[^\n]*)?$"),
    # "Emir van der Klijn is here": two or more name words as a sentence's subject
    "subject": rx(rf"(?:^|(?<=[.!?:;]\s+)|(?<=\n))(?P<phi>{_NAME_WORD}(?:{_NEXT}{_NAME_WORD}){{1,3}})[ \t]+"
                   r"(?:is|was|has|had|presents|presented|reports|reported|denies|denied|states|stated|returns|returned"
                   r"|comes|came|arrives|arrived|complains|notes|feels|says|lives|works|called|agrees|agreed|will|would"
                   r"|said|says|asked|told|shouted|explained|wrote|is\s+from|was\s+from)\b"),
    # two or more name words before an age, as a list or a note introduces a person: "Rm 412-B  Pacita Dimaculangan, 96,
    # CAP", "Mdm Chong Ah Moi, 93, dementia" (an age, not a dose or a count: a comma, a stop or a sex after it)
    "before_age": rx(rf"(?P<phi>{_NAME_WORD}(?:{_NEXT}{_NAME_WORD}){{1,3}})[ \t]*,[ \t]*\d{{1,3}}[ \t]?(?:y/?o|yo|yrs?|[MF])?"
                     r"[ \t]*(?:[,;(]|\.(?:\s|$))"),
    # one known first name as a sentence's subject: "Roxanne is very reliable"
    "first_subject": rx(rf"(?:^|(?<=[.!?:;]\s+)|(?<=\n)|(?<=(?:^|[.!?:;\n][ \t]*){_OPENER}))(?P<phi>{CAP})[ \t]+"
                        r"(?:(?:usually|always|often|never|also|just|still|really|already|sometimes|then|now|only)[ \t]+)?"
                        r"(?:is|was|has|had|reports|reported|denies|denied|states|stated|says|said|called|will|would"
                        r"|shouted|asked|told|lives|works|worked|came|comes|feels|agrees|agreed|began|spent|went|left|moved"
                        r"|joined|died|married|became|started|wants|wanted|brought|visited|stayed|drove|listed|drives|helps"
                        r"|takes|took|brings|calls|checks|stays|visits|does|did|can|could|should)\b"),
    # a word that no dictionary holds owning something: "Matej's address", "Franciska's kid" (an eponym's
    # condition is clinical: "Hashimoto's", "Bell's palsy")
    "possessive": rx(rf"(?P<phi>{CAP})['’]s(?!\p{{L}})"),
    # an old record's abbreviated given name before a surname: "Wm. Rennie", "Dr Chas. Lumsden", "Thos. Evans"
    "old_given": rx(r"(?<![\p{L}\d'’.-])(?P<phi>(?:Wm|Chas|Jas|Thos|Geo|Robt|Edw|Saml|Richd|Benj|Jno|Alexr|Danl|Margt|Eliz"
                    rf"|Fredk|Archd|Patk|Nathl|Nichs)\.[ \t]+{CAP})(?![\p{{L}}\d'’-])"),
    # a first name, a middle initial and a surname: "Janka M. Szász", "Elita B Desaulniers"
    "middle_initial": rx(rf"(?P<phi>{CAP}[ \t]+\p{{Lu}}\.?[ \t]+{CAP})"),
    # a capitalised word inside a sentence that the name model is sure of: "Why is Katrine so impulsive?"
    # (not after a place word: "followed at Kaiser", "lives in Tromsø" are sites and places)
    "name_like": rx(rf"(?<=[\p{{Ll}},][ \t]+)(?<!\b(?i:at|in|near|from|on)[ \t]+)(?P<phi>{CAP})"),
    # a lowercase name alone on its line: "naomi ryan", "leidy t muris" (signatures, address blocks)
    "lowercase_line": rx(rf"(?m)^[ \t>*-]*(?P<phi>{LOWER_WORD}(?:[ \t]+(?:\p{{Ll}}\.?|{LOWER_WORD})){{1,2}})[ \t]*$"),
    # the answer to a question for a name, on the next turn: "whats your name sir\n[SPEAKER_1] uh guy guy fontaine",
    # "Nurse: Can you tell me your full name?\nPatient: Astrid Mykleby.", "what's his full name\nCALLER: kieran doyle",
    # "[00:00:04] SPEAKER_01 (Dr): your full name\n[00:00:06] SPEAKER_02 (Pt): aye morag cameron", "> say the mother's
    # name < \"shalini devi\"", "What's your mother's name?\nSiew Lan." (a turn with no speaker's tag after the
    # question's mark; fillers and a repeated word are blanked; a timestamp may open the turn)
    "name_answer": rx(r"(?im)\b(?:(?:your|ur|his|her|their)(?:[ \t]+\p{L}+['’]s)?|the[ \t]+\p{L}+['’]s)[ \t]+"
                      r"(?:full[ \t]+|first[ \t]+|last[ \t]+)?name\b"
                      r"(?:[^\n]{0,40}\n[ \t]*(?:\[?\d{1,2}(?::\d\d){1,2}\]?[ \t]*)?(?:[^\n:\]<]{1,30}(?:\]:?|:)|<)|[^\n<]{0,10}<"
                      r"|[^\n]{0,40}\?[ \t]*\n[ \t]*)"
                      r"[ \t]*[\"“]?(?:(?:yeah|yes|yep|sure|okay|ok|aye|uh|um|erm|it'?s|its|my[ \t]+name[ \t]+is|i'?m|im|this[ \t]+is)[ \t,.]+)*"
                      r"(?P<phi>\p{L}[\p{L}'’-]+(?:[ \t]+\p{L}[\p{L}'’-]+){0,3})"),
    # a first name that is also a word, after someone's relative or companion: "my wife faith", "his daughter Summer",
    # "my supervisor will patterson", "my neighbor patience" (the role cue alone drops words text writes in lowercase)
    "relative_first_name": rx(rf"\b{_POSSESSIVE}[ \t]+(?:(?i:older|younger|big|little|oldest|youngest|late|ex)"
                              rf"[ \t-]+)?(?i:{_ROLE})[ \t]*,?[ \t]+(?P<phi>\p{{L}}[\p{{L}}'’-]+(?:[ \t]+\p{{L}}[\p{{L}}'’-]+)?)"),
    # a first name that text mostly capitalises, in lowercase before a surname: "follow up with patricia desrosiers",
    # "benjamin a seiler"
    "lowercase_pair": rx(r"(?<![\p{L}\d'’.-])(?P<phi>\p{Ll}{3,}(?:[ \t]+\p{Ll}\.?)?[ \t]+\p{Ll}[\p{Ll}-]+\p{Ll})(?![\p{L}\d])"),
    # three or more lowercase first names in a list: "grandkids jake, emma and lily"
    "lowercase_list": rx(r"(?<![\p{L}\d'’.-])(?P<phi>\p{Ll}{3,}(?:[ \t]*,[ \t]*\p{Ll}{3,})+,?[ \t]+(?:and|&)[ \t]+\p{Ll}{3,})"
                         r"(?![\p{L}\d])"),
    # three or more name-like words in a list: "our founders: Kónya, Becker and Vasquez"
    "name_list": rx(rf"(?P<phi>{CAP}(?:[ \t]*,[ \t]*{CAP})+,?[ \t]+(?:and|&)[ \t]+{CAP})(?!\p{{L}})"),
    # a name in quotes or brackets with its role: 'Abuela "Cuca"', 'cousin "Sweetie"', 'girl "Losana"', "SON 2 (Tony):",
    # "FAMILY (HECTOR, SON)"
    # (read from the quote or bracket back: the role's words are tried only there)
    "role_quoted": rx(rf"(?<=\b(?i:{_ROLE}|family|girl|boy|aka|a\.k\.a\.|goes[ \t]+by|known[ \t]+as|nicknamed|cellmate)"
                      rf"(?:[ \t]+\d)?[ \t]*)(?:[\"“](?P<phi>{CAP}(?:[ \t]+{CAP})?)[\"”]"
                      rf"|\((?P<phi>{CAP}|{UPPER})(?=\)|[ \t]*,[ \t]*(?i:{_ROLE})\)))"),
    # the person a reminder is sent to, before a comma or "has"/"you": "Reminder - Rhys, you have an appointment",
    # "Reminder: ZAINAB has an appt"
    "reminded": rx(rf"\b(?i:reminder)[ \t]*[:–—-][ \t]*(?P<phi>{CAP}|{UPPER})(?=[ \t]*,|[ \t]+(?i:has|have|you|is)\b)"),
    # who wrote a comment, a note or a review, in brackets after it: "Midwife comments (Jo-Anne):", "Pharmacy review
    # (Tendai, 11.01.24)", "Clinician edit (FM, 09:41)", "Reg comment (tm):" (a name or initials alone in the brackets)
    "comment_author": rx(r"\b(?i:comments?|notes?|review|edit|addendum)[ \t]*\("
                         r"(?P<phi>\p{L}[\p{L}'’.-]*(?:[ ]\p{L}[\p{L}'’.-]*)?)(?=[ \t]*(?:\)|,[ \t]*\d))"),
    # a nickname in quotes inside a name: 'Robert "Bobby" Lee'
    "nickname": rx(rf"(?P<phi>{CAP}[ \t]+[\"“'‘]{CAP}[\"”'’][ \t]+{CAP})"),
    # the name someone goes by or is called: 'goes by "Tee"', 'we call him Ziggy', 'prefers to be called Dot'
    "called": CuedPattern(
        rx(rf"""\b(?:(?i:{_GOES_BY}|{_CALLED})[ \t]+(?P<quote>[\"“'‘])(?P<phi>{CAP}(?:[ \t]+{CAP})?)[\"”'’]
            |(?i:{_CALLED})[ \t]+(?P<phi>{CAP})(?![\p{{L}}'’-]))"""),
        lowercase_cue(f"(?:{_GOES_BY}|{_CALLED})"), cue_in_lowercase=True),
    # a first initial and a surname: "communicated to S. Whitehorse", "J. Obi"
    "initial_surname": rx(rf"(?<![\p{{L}}\d.])(?:(?P<phi>\p{{Lu}}\.[ \t]?{CAP})|(?<!\d[ \t])(?P<phi>\p{{Lu}}\.[ \t]?{UPPER}))"),
    # (in capitals not after a number: "1 L. SIADH" is a litre)
    # "Smith, John" in headers
    "last_first": rx(rf"(?P<phi>(?:{CAP}|{UPPER}),{_GAP}{CAP}(?:{_GAP}(?:{INITIAL}|\p{{Lu}}(?=[ ]{{2,}}|\t|[ \t]*(?:\n|$))))?|{UPPER},[ \t]*{UPPER}(?:{_GAP}\p{{Lu}}\.?(?!\p{{L}}))?)"),
    # "John Smith", "JOHN A. SMITH"
    "first_last": rx(rf"(?P<phi>(?:{CAP}|{UPPER})(?:{_GAP}{INITIAL})?(?:{_NEXT}(?:{CAP}|{UPPER})){{1,2}})"),
}
_STATE_NAME = regex.compile(rf"\b(?i:{STATE_NAMES})\b")
_ROMAN_RANGE = regex.compile(r"[IVX]+(?:-[IVX]+)?")  # "NYHA class III-IV, Stage C"
_COMMA_STATE = regex.compile(rf",[ \t]*{STATE}\b")
_ROLE_WORD = regex.compile(rf"(?i:{_ROLE}|caller|user|bot|agent|operator|speaker|parent|family|relative|coord|coordinator|triage|dispatch)",
                        regex.VERBOSE)
# Strong cues: the name words may be any capitalised (or, for labels, lowercase) non-common word.
_STRONG_LABEL = re.compile(r"name|says|signed|dictated|transcribed|authenticated|attested|cc\b|seen by|referred by"
                           r"|discussed|spoke|accompanied|I'm|I am|this is|it'?s\b|call|goes by|known as|hi\b|hello|hey|thank"
                           r"|meet|good|bye|speaking|talking|ask|said|replied|told|according|kia\s+ora|thx|ty\b|cheers|dictati|^to\s*:",
                           re.IGNORECASE)
# A speaker's tag at a line's start: what follows it is a name only when it is the whole turn.
_SPEAKER_TAG = regex.compile(r"(?<=^|\n|[.?!][ \t])[ \t]*(?i:patient|pt|client|resident|guest_family|guest_clinician)[ \t]*:")
# A header goes on after the name: "Patient: Ana Ruiz    MRN: ...", "Pt: Losa Faleolo, NHI PLM2290", "Patient: TAN Wei
# Ling, Grace   NRIC ..."
_TURN_END = regex.compile(r"[ \t]*[.!]?[ \t]*(?:\n|$)|[ \t]{2,}|[ \t]*[\t|(]"
                          r"|,[ \t]*(?:\d|(?i:DOB|MRN|age|sex|born)\b|\p{Lu}{2,5}[ \t]*(?:no\.?|\#|:)?[ \t]*[\p{Lu}\d/-]*\d"
                          r"|\p{Lu}\p{Ll}+(?:[ \t]{2,}|[ \t]*(?:\n|$)))")
# A role as a speaker's tag at a line's start: "Therapist: ...".
_SPEAKER_ROLE = regex.compile(rf"(?<=^|\n)[ \t]*(?i:{_ROLE})[ \t]*:", regex.VERBOSE)
# A label that is as often a place's ("from Lithuania"): one word after it must be a dictionary name.
_PLACE_LABEL = re.compile(r"\s*from\b", re.IGNORECASE)
# Only a name label proper ("Name: john smith", "my name is john") makes a lowercase word a name.
_LOWERCASE_LABEL = re.compile(r"name\s*(?::|is\b|,)|name['’]s|calls\s+(?:him|her)|dictating\s+on|dictation\s+(?:on|for)",
                              re.IGNORECASE)


def _handle_end(handle: str) -> int:
    """Where a chat's sender ends: after its first word and the words after it that are capitalised or no word text
    writes in lowercase, or an initial ("rana abou jaoude", "rohan p", "Jijo K"; not "will call")."""
    end = 0
    for i, m in enumerate(regex.finditer(r"\S+", handle)):
        if i and m.group()[0].islower() and len(word := m.group().rstrip(".")) > 1 and word in lowercase_words():
            break
        end = m.end()
    return end


# Speakers of a chat log that are no person.
_CHAT_SYSTEM = frozenset("me you system bot admin auto server unknown everyone all page pager ivr ai".split())
# A transcript's numbered or lettered speaker: "SPEAKER_00", "Speaker A", "spk2", "Participant 1".
_SPEAKER_LABEL = regex.compile(r"(?i:speaker|spkr?|participant|person|voice|guest|unknown|caller)[ _-]?(?:\d{1,2}|\p{L})?")
# Titles that are whole words: "Doctor." ends a sentence.
_WORD_TITLES = frozenset("doctor nurse sister professor mister madam reverend pastor rabbi imam chaplain".split())
# An all-capitals "MS" or "MR" without a period is multiple sclerosis or mitral regurgitation unless a
# capitals name follows ("MR SMITH").
_CAPS_DISEASE_TITLE = re.compile(r"M[SR]")
_GAUGE_BEFORE = regex.compile(r"\d[ \t]?$")


# The name-model score at which a lowercase English word after a cue is a name (measured on handwritten
# set 1 and MTS-Dialog training dialogues: "marcus" 0.976 against "better" 0.947, "tell" 0.926, "hard" 0.922).
SURE = 0.97


def _likely_name(word: str) -> bool:
    """The name model takes every part of ``word`` ("okonkwo-reyes") for a name; a dictionary name needs
    only a score above even, as many census surnames are also English words ("son states", "South")."""
    return all(looks_like_name(part) or is_listed_name(part) and name_score(part) >= KNOWN_THRESHOLD
               for part in word.split("-") if part)


def _lowercase_name(word: str, spoken: bool) -> bool:
    """A lowercase word after a cue ("son dragomir", "dr smith", "it's marcus"; not "mother said", "nursing staff",
    "I'm able", "it's true", "hey, tell me"): one the name model takes for a name, or after a role or title a listed
    first name or one it scores at :data:`KNOWN_THRESHOLD` ("hcp brigid", "dr oyelaran"); if it is also an English word,
    one it scores at :data:`THRESHOLD` without the census discount or a known name that text mostly capitalises
    (:func:`capitalised_words`), never one text mostly writes in lowercase (:func:`lowercase_words`); after a
    dialogue cue (``spoken``), a known first name it is sure of (:data:`SURE`) or that text never writes in lowercase
    ("spoke w/ jerome"; a lowercase "maria" is then missed there, but "my name is maria", a name label proper, finds
    it)."""
    low = word.lower()
    if low not in english_words():
        return _likely_name(word) or low in first_names() or not spoken and name_score(word) >= KNOWN_THRESHOLD
    if spoken:  # a first name it is sure of, or one text never writes in lowercase ("spoke w/ jerome")
        return low in first_names() and (name_score(word) >= SURE or low not in lowercase_forms())
    if low in lowercase_words():  # text mostly writes it in lowercase: "husband hector, fell at home"
        return False
    # after a role or title, also a known name that text mostly capitalises ("dr patel", "son frank"; not a
    # verb's -s form: "husband states") or never writes in lowercase ("wife gloria")
    return looks_like_name(word) or (low in capitalised_words() or low not in lowercase_forms()) and (
        is_listed_name(low)) and not (low.endswith("s") and low[:-1] in english_words())


def _other_column(word: str) -> bool:
    """A word a table's next column opens with, not a name's next word: an English word or a short abbreviation that
    is no listed name ("Sex", "NHS"; not "HOLLOWAY", "LINDQVIST" in a surgeon's column)."""
    return not is_listed_name(word) and (word.lower() in english_words() or len(word) <= 4 and word.isupper())


def _may_be_name(word: str) -> bool:
    """Not a word that text writes in lowercase, or in capitals an English word, unless a first name ("Received",
    "PROGRESS", "WATCHER"; but "Grace"), not a department ("GI", "Endo") and not an unlisted abbreviation ("CM",
    "PGY")."""
    low = word.lower().rstrip(".,")
    if len(low) == 1:
        return True  # an initial: "PCP: P. Camarillo"
    if _DOTTED_INITIALS.fullmatch(word):
        return _initials_ok(word)  # initials with stops: "consultant S.J." (not "A.M.")
    common = low in lowercase_words() or word.isupper() and low in english_words()
    return not (common and low not in first_names()) and (low not in department_words() or is_listed_name(word)) \
        and low not in service_words() \
        and not (word.isupper() and len(word) <= 4 and not is_listed_name(word))


# Capitals after a label that only a person's initials follow, whatever else they spell, closing the line or the cell:
# "scribe: TB", "Collected by: NM     Date", "Reg clerk: TQ", "Sonographer: KW" (not an answer, a unit, a role or a
# credential: "checked: NA", "RN") (a word of its own: not "ADMISSION CLERKING   12.03"), or before a date or a time
# ("confirmed by MT 18-Feb 15:02"); after "by" before a credential
# ("gross by DM, PA"); after a sentence and a dash that close the text ("Seen and examined with resident; agree. - AN")
_SIGNER_INITIALS = regex.compile(rf"\b(?:(?i:scribe|clerk|initiall?ed|sonographer|technologist|radiographer"
                                 rf"|phlebotomist|perfusionist)|(?i:collected|typed|dictated|transcribed|witnessed"
                                 rf"|countersigned|scribed|confirmed|checked|verified|entered)[ \t]+(?i:by))(?!\p{{L}})[ \t]*:?[ \t]*"
                                 rf"(?P<phi>\p{{Lu}}{{2,3}})(?=[ \t]*$|[ \t]{{2}}|\t|[ \t]\d)"
                                 rf"|\b(?i:by)[ \t]+(?P<phi>\p{{Lu}}{{2,3}})(?=,?[ \t]+{_CREDENTIAL}\b)"
                                 rf"|(?<=[.;!?][ \t]{{1,3}}[-–—][ \t]{{0,3}})(?P<phi>\p{{Lu}}{{2,3}})(?=[ \t]*\Z)",
                                 regex.MULTILINE)


# Initials that sign a log's entries, closing two of its lines or more after a stop (and a dash) or a column's gap
# ("Cont sertraline. AJF", "Driver site fine. — CF")
_ENTRY_SIGNATURE = regex.compile(r"(?m)(?:[.;)][ \t]+(?P<dash>[-–—][ \t]*)?|[ \t]{2,}|\t)(?P<phi>\p{Lu}{2,3})[ \t]*$")


@lru_cache(maxsize=8)  # (a window's names and then its allow-list ask for the same text's)
def signer_initials(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of :data:`_SIGNER_INITIALS` and of the same initials signing two entries or more
    (:data:`_ENTRY_SIGNATURE`): the allow-list keeps them (the label or the layout says whose they are)."""
    labelled = [m.span("phi") for m in _SIGNER_INITIALS.finditer(text)]
    entries = [(m.span("phi"), bool(m.group("dash"))) for m in _ENTRY_SIGNATURE.finditer(text)]
    signed = Counter(text[s:e] for (s, e), _ in entries)
    # (after a dash, whatever else they spell but a word: "— CF" is no cystic fibrosis there)
    signing = [(s, e) for (s, e), dash in entries if signed[text[s:e]] > 1 and is_initials(text[s:e], abbreviation_ok=dash)]
    return tuple((s, e) for s, e in labelled + signing if text[s:e].lower() not in _NOT_INITIALS
                 and not _ROLE_WORD.fullmatch(text[s:e]) and not regex.fullmatch(_CREDENTIAL, text[s:e]))


# Two or three letters that are no one's initials: abbreviations, answers and units.
_NOT_INITIALS = frozenset("""na no ok yes unk tbd prn icu ed er or dc wnl nad neg pos pt po iv im sq bid tid qid qd hs
    ml mg cc kg lb am pm hr hrs min wk mo yr yo ct mri ekg ecg cxr abd bp rr sat npo ivf ns lr rx dx hx tx sx fx pcp
    abx asap eta nka mmm hmm ugh lol thx pls ty fyi btw id ir ot sw cm mm dl gi ob ent ems sob cp ha ah oh uh um eh
    ma pa re vs lmp edd ga bmi pe ros hpi ua wt ht us qa qi it oob brp bsc adl ivp ngt tpn pca vm tbc tba rm""".split())


def _name_words_no_role(words: list[str]) -> bool:
    """Every word a name's and none a role's: a name in quotes or after "called" ("Twin A", "PCP", "Dad" are none)."""
    return all(is_name_word(w) and not _ROLE_WORD.fullmatch(w) for w in words)


def is_initials(word: str, abbreviation_ok: bool = False) -> bool:
    """Letters that can be a person's initials: not an English word or (unless ``abbreviation_ok``) an abbreviation
    notes use."""
    low = word.lower()
    common = common_words() if len(low) == 2 else english_words()  # "mb", "jo" are words of the English list too
    return low not in _NOT_INITIALS and low not in common and (abbreviation_ok or low not in department_words()
        and low not in service_words() and not regex.fullmatch(_CREDENTIAL, word) and not is_clinical_abbreviation(word))


def _initials_ok(value: str) -> bool:
    """:func:`is_initials`, or initials with full stops, which spell no word ("C.C.", "L.O.", "T.O.")."""
    letters = regex.sub(r"[. \t]", "", value)
    return is_initials(letters) or "." in value and letters.lower() not in _NOT_INITIALS


def _likely_or_known(word: str) -> bool:
    return is_listed_name(word) or _likely_name(word)


def _name_words_likely(text: str, start: int, end: int, words: list[str]) -> bool:
    """Every word of a capitalised run is likely a name word; alone on its line, a census word of lower score will do;
    after a field's label, one likely or listed word and no word that text writes in lowercase will do."""
    likely = _likely_or_known if _alone_on_line(text, start, end) else _likely_name
    return all(likely(w) for w in words) or _alone_on_line(text, start, end, label_ok=True) and any(
        _likely_or_known(w) for w in words) and all(w.lower() not in lowercase_words() for w in words) \
        or _labelled_person(text, start, end) and all(w.lower() not in english_words() for w in words)


# A person's sex or age right after their name: "Patient: Somphone Phommachanh, M 39", "Bed 3  Ei Phyu Mon 29F"
_SEX_OR_AGE_NEXT = regex.compile(r"[ \t]*,?[ \t]*(?:[MF](?=[ \t,/;)]|$)|\d{1,3}[ \t]*(?:[MF]|y/?o|yrs?|years?)\b)")


def _labelled_person(text: str, start: int, end: int) -> bool:
    """A field's label alone before ``text[start:end]`` on its line and the person's sex or age after it: words that no
    name list holds and the name model doubts are a name there ("Patient: Somphone Phommachanh, M 39")."""
    before = _cell_before(text, start)
    return bool(before.strip()) and not _FIELD_LABEL.sub("", before).strip(" \t>-*•") \
        and _SEX_OR_AGE_NEXT.match(text, end) is not None


def _alone_on_line(text: str, start: int, end: int, label_ok: bool = False) -> bool:
    """Nothing but bullets or quote marks (">", "-") and spaces around ``text[start:end]`` on its line, or in its
    column of a line laid out in columns (three spaces or a tab apart: "Pt: Okonkwo-Bassey, Ifeoma   MRN 00482193");
    with ``label_ok``, a field's label before it too ("Patient: Okwuosa, Chidinma")."""
    before = _cell_before(text, start)
    after = _COLUMN_GAP.split(text[end: (text.find("\n", end) + 1 or len(text) + 1) - 1])[0]
    if label_ok:
        before = _FIELD_LABEL.sub("", before)
    return not before.strip(" \t>-*•") and not after.strip()


_COLUMN_GAP = regex.compile(r"[ \t]{3,}|\t")


def _cell_before(text: str, start: int) -> str:
    """What stands before ``start`` on its line, in its column of a line laid out in columns."""
    return _COLUMN_GAP.split(text[text.rfind("\n", 0, start) + 1: start])[-1]
_LABEL_NEXT = regex.compile(r"[ \t]*:")  # the word is a label: "TRIAGE:"
_LABEL_WORDS_NEXT = regex.compile(r"(?:[ ]\p{Ll}+){1,2}:")  # ... or opens one: "Ward sister:", "Next of kin:"
_FIELD_LABEL = regex.compile(r"^[ \t>*•-]*\p{L}[\p{L} ]{0,29}:[ \t]*$")


_WORD_NO_COMMA = regex.compile(r"[^\s,]+")
_GIVEN_NAME_NEXT = regex.compile(r"[ \t]+\p{Lu}\p{Ll}")  # a surname in capitals before the given names: "TAN Wei Ling"
_PARTICLE = regex.compile(PARTICLE)
_VIETNAMESE_MIDDLE = regex.compile(r"Thi|Thị|Văn|Van|Thu|Đức|Duc")
_CAPITAL = regex.compile(r"\p{Lu}")
_INITIAL_ONLY = regex.compile(r"\p{Lu}\.?|\p{Lu}(?:\.\p{Lu})+\.")
_DOTTED_INITIALS = regex.compile(r"\p{Lu}(?:\.\p{Lu})+\.")
_SENTENCE_GOES_ON = regex.compile(r"\.?(?:[ \t]+\p{Ll}|[,;)]|[ \t]*\(|[ ]{2,}(?=\S)|\t|[ \t]*\|"
                                  r"|[ \t]+[-–—]{1,2}[ \t])")
_CREDENTIAL_NEXT = regex.compile(rf",?[ \t]+{_CREDENTIAL}\b")
_LISTED = regex.compile(r"[^,&+]+?(?=[ \t]*(?:,|&|\+|[ \t]and[ \t]|$))")  # "Lupe, Carmen and Rosa": each
_CAP = regex.compile(CAP)
_INITIAL_OR_PARTICLE = regex.compile(rf"{INITIAL}|{PARTICLE}")


def _name_words(text: str, start: int, end: int, strong: bool, lowercase_ok: bool,
                lowercase_if_known: bool = False, likely_alone: bool = False, spoken: bool = False) -> tuple[int, int] | None:
    """Trim a candidate name to its name words; None when nothing name-like is left.

    ``strong``: the cue alone makes a name, so any non-common capitalised word counts; otherwise
    the words must be dictionary first or last names, or at least two capitalised non-common words, or
    (``likely_alone``) one capitalised word that the name model is sure of ("per Lindqvist"; not "with RLQ").
    ``lowercase_ok``: lowercase words count too; ``lowercase_if_known``: those that are likely names
    do (:func:`_lowercase_name`; ``spoken``: the cue is a dialogue's, "I'm", "it's", "hi").
    """
    kept: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []  # particles ("da", "van") wait for the next name word
    in_dictionary = True
    for m in _WORD_NO_COMMA.finditer(text[start:end]):
        s, w = m.start(), m.group()
        bare = w.rstrip(".").removesuffix("'s").removesuffix("’s")
        if _PARTICLE.fullmatch(bare) and (kept or strong):  # "Ms. de la Cruz", "Pieter van der Berg"
            pending.append((s, s + len(bare)))
            continue
        if _CAPITAL.fullmatch(bare) or _DOTTED_INITIALS.fullmatch(w):  # an initial, or two: "Dr Lim K.H."
            kept += pending + [(s, s + len(w))]
            pending = []
            continue
        if not kept and (_ROLE_WORD.fullmatch(bare) and not (
                strong and bare.lower() in first_names() and _GIVEN_NAME_NEXT.match(text, start + s + len(bare)))
                or _TITLE_WORD.fullmatch(bare)) \
                or bare.lower() in service_words() \
                or bare.lower() in department_words() and not is_listed_name(bare) \
                or not strong and bare.isupper() and not _may_be_name(bare) and not (
                    not kept and is_listed_name(bare) and _GIVEN_NAME_NEXT.match(text, start + s + len(w))):
            break  # "Interpreter Samir": a role before the name (not "Eugène Parent", "Dr Nana Yaa Asantewaa");
            # "d/w GI", "WITH SMALL"
        known = is_listed_name(bare)
        if kept and _COLUMN_GAP.search(text, start + kept[-1][1], start + s) and (
                _other_column(bare) or _LABEL_NEXT.match(text, start + s + len(bare))
                or _LABEL_WORDS_NEXT.match(text, start + s + len(bare))):
            break  # a table's next column: "SMITH, John   Sex: M", "Dr Anjali Rao   GMC 7034412", "Dawn   TRIAGE: Chance",
            # "FY1s: Tom King   Ward sister: Grace"
        lowercase_name = _lowercase_name(bare, spoken) if lowercase_if_known else False
        word_first_name = strong and is_word_first_name(bare) and not (  # "husband Will and"; not "Nurse: Will do."
            _READ_AS_WORD.match(text, start + s + len(bare)) and _TURN_OPENS.search(text, max(0, start + s - 20), start + s)) \
            or strong and not kept and bare.istitle() and bare.lower() in first_names() and bare.lower() not in lowercase_words() \
            and _GIVEN_NAME_NEXT.match(text, start + s + len(bare))  # a listed given name before a name: "Interpreter Kia Lor"
        # a Vietnamese given name of one syllable after the middle name, whatever it spells ("Nguyen Thi Thu Ha")
        before = (pending or kept)[-1:]
        vietnamese_given = before and _VIETNAMESE_MIDDLE.fullmatch(text[start + before[0][0]: start + before[0][1]]) \
            and bare.istitle() and len(bare) <= 5
        if not bare or not (bare[0].isupper() or lowercase_ok or lowercase_name) \
                or not (is_name_word(bare) or word_first_name or vietnamese_given):
            break
        if kept and bare.isupper() and bare.lower() in lowercase_words() and bare.lower() in english_words() \
                and not known and not _PARTICLE.fullmatch(bare.lower()):
            break  # all-capitals text goes on after the name: "DR OKONKWO AWARE"
        in_dictionary &= known
        kept += pending + [(s, s + len(bare))]
        pending = []
    # A trailing initial belongs to the next sentence more often than to the name, unless the sentence
    # goes on after it ("Rosa T. reports", "Rosa T., her wife"), a credential or a table's next column does ("Dawn M RN",
    # "Lionel J    MBI: "), or it is a person's initials alone after a strong cue ("consultant S.J.", "DR K.C."; not "A.M.").
    while kept and _INITIAL_ONLY.fullmatch(last := text[start + kept[-1][0]: start + kept[-1][1]]) and not (
            _SENTENCE_GOES_ON.match(text, pos=start + kept[-1][1])
            or len(kept) > 1 and _CREDENTIAL_NEXT.match(text, pos=start + kept[-1][1])
            or strong and len(kept) == 1 and _DOTTED_INITIALS.fullmatch(last) and _initials_ok(last)):
        kept.pop()
    # a role's letters after the name ("Gordon Baillie SNOD", "Niamh Walsh BMS"), not a surname in capitals ("John
    # SMITH")
    while len(kept) > 1 and len(last := text[start + kept[-1][0]: start + kept[-1][1]]) > 2 and last.isupper() \
            and not text[start + kept[-2][0]: start + kept[-2][1]].isupper() and not is_listed_name(last) \
            and not _may_be_name(last):
        kept.pop()
    words = len(kept)
    first = text[start + kept[0][0]: start + kept[0][1]] if kept else ""
    if not kept or not strong and not in_dictionary and words < 2 and not (
            likely_alone and not first.isupper() and first.lower() not in english_words() and _likely_name(first)):
        return None
    return start + kept[0][0], start + kept[-1][1]


_AFTER_ROLE = regex.compile(rf"(?:{_CREDENTIAL}|{_TEAM_ROLE}|(?i:{_ROLE}))[ \t]+(?=\S+[ \t]+\S)", regex.VERBOSE)


def _name_words_ending(text: str, start: int, end: int, dropped=lambda word: True, **kwargs) -> tuple[int, int] | None:
    """:func:`_name_words` of the first run of words in ``text[start:end]`` whose name words reach ``end``, the words
    before it ``dropped`` all ("REPORT GIVEN TO JOLENE RN"; with :func:`_cue_word`, "MD Ibarra (PGY3)" but not
    "Clinical Team (PCT)")."""
    for word in regex.finditer(r"\S+", text, pos=start, endpos=end):
        if (span := _name_words(text, word.start(), end, **kwargs)) and span[1] == end:
            return span
        if not dropped(word.group().strip(",")):
            return None
    return None


def _cue_word(word: str) -> bool:
    """A credential, a role's or a title's word: "RN", "MD", "Dr"."""
    return bool(regex.fullmatch(_CREDENTIAL, word) or _ROLE_WORD.fullmatch(word) or _TITLE_WORD.fullmatch(word))


def _first_last(text: str, s: int, e: int) -> tuple[int, int] | None:
    """A name of two words or more: a dictionary first name first, or every word name-like to the name model (alone on
    a line or after a field's label: "Home: Maha Cazares"; not "Diagnosis: Acute Pancreatitis")."""
    first = text[s:e].split()[0]
    words = [w for w in text[s:e].split() if not _INITIAL_OR_PARTICLE.fullmatch(w)]
    if first.lower() in first_names() and is_name_word(first) or not _STATE_NAME.search(text[s:e]) and all(
            is_name_word(w) for w in words) and _name_words_likely(text, s, e, words):
        span = _name_words(text, s, e, strong=True, lowercase_ok=False)
        if span and " " in text[span[0]:span[1]].strip():
            return span  # (a first name alone, "Will", "Grace", is too often a word)
    return None


def find_names(text: str) -> list[tuple[int, int]]:
    """Spans of person names cued by titles, credentials, labels and roles, or dictionary first names
    (their other mentions: :func:`other_mentions`)."""
    found: list[tuple[int, int]] = []
    for kind, pattern in _NAME_PATTERNS.items():
        # "Patient: my name is ...", "husband Ernesto and daughters Lupe" hold two cues
        for m in pattern.finditer(text, overlapped=kind in ("label", "role", "title", "title_stop", "lowercase_pair")):
            s, e = m.span("phi")
            if kind in ("title", "title_stop", "title_stop_upper"):
                title = text[m.start(): s].strip()
                if _CAPS_DISEASE_TITLE.fullmatch(title) and not text[s:e].split()[0].isupper():
                    continue
                if title.endswith(".") and title[:-1].lower() in _WORD_TITLES:  # "... doctor. Absolutely, ..."
                    continue
                if title.rstrip(".").lower() == "fr" and _GAUGE_BEFORE.search(text, max(0, m.start() - 3), m.start()):
                    continue  # a catheter's size in French: "16 Fr Foley", "No 3 Fr catheter"
                first = text[s:e].split()[0]
                if title.isupper() and (title.lower() in _WORD_TITLES or _CAPS_DISEASE_TITLE.fullmatch(title)) \
                        and first.isupper() and first.lower() not in first_names() and first.lower() in lowercase_words():
                    continue  # a heading in capitals: "NURSE LINE CALL", "NURSE PRACTITIONER NOTE", "MR SUPPLEMENTARY
                    # IMMUNISATION" (measles and rubella; not "MR SMITH")
                span = _name_words(text, s, e, strong=True, lowercase_ok=False, lowercase_if_known=True)
                if span is None and is_eponym_surname(first.removesuffix("'s").removesuffix("’s")):
                    span = (s, s + len(first.removesuffix("'s").removesuffix("’s")))  # "Dr. Hashimoto (endocrinology)"
                if span is None and title.rstrip(".") in _LOWERCASE_HONORIFICS:  # "dr crane's office", "mrs baker called"
                    word = text[s:e].split()[0].removesuffix("'s").removesuffix("’s")
                    if word.islower() and word in last_names() and is_name_word(word) and word not in _NO_NAME_AFTER_CUE:
                        span = (s, s + len(word))
            elif kind == "credential":  # the words right before the credential, in its column ("REPORT GIVEN TO
                # JOLENE RN", "Whipple      Grant      Joy Paredes, CRNA")
                s = max((gap.end() for gap in _COLUMN_GAP.finditer(text, s, e)), default=s)
                span = _name_words_ending(text, s, e, strong=True, lowercase_ok=False)
                word = text[span[0]:span[1]] if span else ""
                if span and " " not in word and not (_may_be_name(word) or span[0] == s and word.isupper()
                                                     and len(word) <= 3):
                    span = None  # "Hospice RN", "CHARGE RN", "RRT RN": a unit or a role (but "TDW RN": initials, not
                    # "ON CALL MED SHO")
            elif kind == "surname_first_credential":
                surname, given = (w.strip() for w in text[s:e].split(","))
                span = (s, e) if all(is_name_word(w) and _may_be_name(w) for w in (surname, given.rstrip("."))) else None
            elif kind == "label":
                cue = text[m.start(): s]
                strong = bool(_STRONG_LABEL.search(cue))
                span = _name_words(text, s, e, strong=strong, lowercase_ok=bool(_LOWERCASE_LABEL.search(cue)),
                                   lowercase_if_known=strong, likely_alone=not _PLACE_LABEL.match(cue), spoken=True)
                if span and _SPEAKER_TAG.match(text, m.start()) and not _TURN_END.match(text, span[1]):
                    continue  # "Patient: Oh yes, ..." is a turn; "Patient: Radomir." names the speaker
                if span and text[span[0]:span[1]].isupper() and text[span[0]:span[1]].lower() in _NOT_INITIALS:
                    continue  # "seen by ED", "per CT"
            elif kind in ("subject", "before_age"):
                span = _name_words(text, s, e, strong=False, lowercase_ok=False)
            elif kind == "role":  # "daughters Lupe and Carmen", "son dmitri" (a known name in lowercase)
                first = text[s:e].split()[0].strip(",")
                gap = text[m.start(): s]
                laid_out = ":" not in gap and (first.isupper() or gap.strip()[:1].isupper() or regex.search(r"[ \t]{2}", gap))
                speaker = _SPEAKER_ROLE.match(text, m.start())
                if (speaker or laid_out) and not _may_be_name(first) and not (
                        speaker and 2 <= len(first) <= 3 and first.isupper() and is_initials(first)
                        and _TABLE_CELL_END.match(text, s + len(first))) and not (
                        not speaker and first.isupper() and is_listed_name(first) and _GIVEN_NAME_NEXT.match(text, s + len(first))):
                    continue  # a speaker's turn ("Therapist: Excellent."; but "PCP: Ortiz", "Surg: JT / Asst: MKR"), "nursing PROGRESS", "RN CM"
                    # (but a family name in capitals before the given names: "wife PARK Soo-yeon")
                for part in _LISTED.finditer(text[s:e]):
                    piece = part.group().strip().removeprefix("and ").strip()
                    if not piece:  # the space before a "+"
                        continue
                    if regex.match(rf"(?:{_CREDENTIAL}|{_NUMBER_LABEL})\b", piece):
                        break  # "Brianna Sterling, CCRP", "Pham Quoc Bao, MSc Aud.", "P. Nandakumar, GOC 01-29384"
                    offset = s + part.start() + part.group().index(piece)
                    span = _name_words(text, offset, offset + len(piece), strong=True, lowercase_ok=False,
                                       lowercase_if_known=True)
                    if not span or "(" in gap and not _BRACKET_CLOSES.match(text, span[1]):
                        break  # the list ends at its first word that is no name ("husband raj, fell"); a name in
                        # brackets closes them ("Pharmacist reply (Ravi)"; not "pharmacist (Rx checked)")
                    found.append(span)
                continue
            elif kind == "name_answer":  # the words up to the first that is common and no listed name
                end = s
                words = list(regex.finditer(r"\p{L}[\p{L}'’-]*", text[s:e]))
                for i, word in enumerate(words):
                    low = word.group().lower()
                    surname_next = low in _WORD_FIRST_NAMES and i + 1 < len(words) and is_name_word(words[i + 1].group()) \
                        and words[i + 1].group().lower() in last_names()  # "june haywood"; not "june third"
                    if (low in common_words() or low in lowercase_words()) and low not in first_names() \
                            and low not in last_names() or low in _NO_NAME_AFTER_CUE and not surname_next:
                        break
                    end = s + word.end()
                span = (s, end) if end > s else None
            elif kind == "relative_first_name":
                first, *rest = text[s:e].split()
                if first.lower() not in first_names() or first.lower() in _NO_NAME_AFTER_CUE \
                        or not (first.islower() or _CAP.fullmatch(first)):
                    continue
                span = (s, s + len(first))
                if rest and rest[0].lower() not in _NO_NAME_AFTER_CUE and (
                        _lowercase_name(rest[0], spoken=False) if rest[0].islower() else _may_be_name(rest[0])):
                    span = (s, e)  # "will patterson", "gus petrakis"
            elif kind == "reminded":  # no common word ("Reminder: Patient has", "Reminder - Tomorrow, ...")
                span = (s, e) if is_name_word(text[s:e]) and _may_be_name(text[s:e]) else None
            elif kind == "comment_author":  # initials, or name words that are no common word
                value = text[s:e]
                span = (s, e) if (_initials_ok(value) if len(value) <= 3 and (value.isupper() or value.islower())
                                  else _name_words(text, s, e, strong=True, lowercase_ok=False) == (s, e)
                                  and all(_may_be_name(w) and not w.isupper() for w in value.split())) else None
            elif kind == "role_quoted":  # no role's or common word: not 'the baby (Twin A)', 'pt\'s son (PCP)'
                words = regex.findall(r"\p{L}[\p{L}'’-]*", text[s:e])
                span = (s, e) if _name_words_no_role(words) and (
                    not text[s:e].isupper() or text[s:e].lower() in first_names()) else None
            elif kind == "called":  # any name after so strong a cue, but a role or a common word only in quotes
                words = regex.findall(r"\p{L}[\p{L}'’-]*", text[s:e])
                span = (s, e) if _name_words_no_role(words) and (
                    m.group("quote") or words[0].lower() in first_names() or words[0].lower() not in lowercase_words()) \
                    else None
            elif kind == "nickname":
                words = regex.findall(r"\p{L}[\p{L}'’-]*", text[s:e])
                span = (s, e) if all(is_name_word(w) for w in words) and (
                    words[0].lower() in first_names() or _likely_name(words[0])) else None
            elif kind in ("lowercase_credential", "dash_lowercase_credential"):  # a surname text does not write in
                # lowercase: "m. ruiz rn"
                words = text[s:e].split()  # (and a given name no English word: not "pain improved, md aware")
                named = words[1:] if len(words[0].rstrip(".")) == 1 else words  # the initial aside
                span = (s, e) if all(is_name_word(w) and w not in lowercase_words() and (
                    _likely_or_known(w) or w not in english_words()) for w in named) else None
            elif kind == "initial_surname":  # a surname text does not write in lowercase, and no place: "S. Whitehorse"
                word = text[s:e].split(".")[-1].strip()
                span = (s, e) if is_name_word(word) and _may_be_name(word) \
                    and (_likely_or_known(word) or word.lower() not in english_words()) \
                    and word.lower() not in cities() and not _STATE_NAME.fullmatch(word) else None
            elif kind == "middle_initial":
                first, initial, last = text[s:e].split()
                known = first.lower() in first_names() or last.lower() in last_names() or initial.endswith(".")
                span = (s, e) if known and is_name_word(first) and is_name_word(last) else None
            elif kind == "opening_vocative":  # a weaker cue: a census surname ("Overall, how ...") is not enough
                word, low = text[s:e], text[s:e].lower()
                likely = looks_like_name(word) or _likely_name(word) and (
                    low in first_names() or low not in lowercase_words())  # "Mateo, is it"; not "Overall, how"
                span = (s, e) if likely and is_name_word(word) and not _ROLE_WORD.fullmatch(word) else None
            elif kind in ("speaker", "vocative", "first_subject"):  # a lowercase one must be a known name too
                word = text[s:e]
                known = word.lower() in first_names()
                likely = (known or _likely_name(word)) if word[0].isupper() else known and _likely_name(word)
                if word.isupper():  # a transcript's speaker in capitals: "JACEK:", not "PLAN:", "MOM:", "HOPE:"
                    likely = _first_name_in_capitals(word)
                place = kind == "vocative" and _STATE_NAME.fullmatch(word)  # "to Vail, Colorado."
                # a subject that is an English word must be a first name ("Church is important to her")
                noun = kind in ("first_subject", "speaker") and word.lower() in english_words() and not known \
                    or kind == "speaker" and (word.lower() in _NOT_A_SPEAKER  # "Sig: 1 tab po bid"
                                              or not known and _speaker_tags(text)[word] < 2)  # a form's "Kontakt:" (once)
                span = (s, e) if likely and is_name_word(word) and not _ROLE_WORD.fullmatch(word) and not place \
                    and not noun and word.lower() not in service_words() else None  # "Anes: GA" is no Anes
                if kind == "vocative" and is_word_first_name(word):  # "Thanks for coming, Will."
                    span = (s, e)
            elif kind == "name_like":
                # the name model is sure, or after a lowercase word a first name that text mostly writes
                # capitalised ("had given Alma", "Why is Samantha"; not "The Princess Royal") or a listed name that
                # is no English word ("states that Rosalind", "reports Halvorsen prescribed")
                word, low = text[s:e], text[s:e].lower()
                sure = name_score(word) >= UNCUED_THRESHOLD or _AFTER_LOWERCASE.search(text, max(0, s - 40), s) and (
                    low in first_names() and low in capitalised_words()
                    or is_listed_name(word) and low not in english_words() and name_score(word) >= KNOWN_THRESHOLD)
                span = (s, e) if is_name_word(word) and not _STATE_NAME.fullmatch(word) and sure else None
            elif kind == "possessive":  # a name text capitalises, or no English word that the name model takes
                word = text[s:e]
                low = word.lower()
                likely = low in capitalised_words() and is_listed_name(word) or low not in english_words() and _likely_name(word)
                eponym = f"{low}'s" in allowed_words()  # "Huntington's"
                span = (s, e) if likely and not eponym and _is_beside_name(word) else None
            elif kind == "name_list":
                words = list(_CAP.finditer(text[s:e]))
                if all(_is_listed_name(w.group()) for w in words):
                    found += [(s + w.start(), s + w.end()) for w in words]
                continue
            elif kind == "lowercase_pair":  # the surname: no English word, and a census surname or name-like
                words = text[s:e].split()
                first, last = words[0], words[-1]  # a middle initial between them
                span = (s, e) if first in first_names() and first in capitalised_words() and is_name_word(first) \
                    and is_name_word(last) and last not in english_words() and (
                        last in last_names() or name_score(last) >= KNOWN_THRESHOLD) else None
            elif kind == "lowercase_list":  # every word a first name, one at least a name text capitalises
                words = [w for w in regex.finditer(r"\p{Ll}+", text[s:e]) if w.group() != "and"]
                if all(is_name_word(w.group()) and w.group() in first_names() for w in words) and any(
                        w.group() in capitalised_words() for w in words):
                    found += [(s + w.start(), s + w.end()) for w in words]
                continue
            elif kind == "lowercase_line":
                words = [w for w in text[s:e].split() if len(w.rstrip(".")) > 1]
                span = (s, e) if len(words) > 1 and all(is_name_word(w) and _likely_name(w) for w in words) else None
            elif kind in ("person_field", "foreign_field"):  # capitalised words, or one the name model is sure of
                span = _name_words(text, s, e, strong=True, lowercase_ok=False, likely_alone=True)
                word = text[span[0]:span[1]] if span else ""
                if span and word.isupper() and len(word) <= 3 and not is_initials(word):
                    span = None  # "Reviewed by: QA team"
                elif span and regex.fullmatch(r",[ \t]*\p{Lu}\.?", text[span[1]:e]):
                    span = (span[0], e)  # "Verified by Obuya, P"
            elif kind == "chat_sender":
                first = text[s:e].split()[0]
                span = (s, e) if is_name_word(first) and _may_be_name(first) and not _ROLE_WORD.fullmatch(first) else None
            elif kind == "speaker_initial":  # (after a time, as a chat's sender: "[10:02] Shazza K")
                first = text[s:e].split()[0]
                timed = text[text.rfind("\n", 0, s) + 1: s].strip(" \t[]").replace(":", "").isdigit()
                span = (s, e) if is_name_word(first) and (first.lower() in first_names() or _likely_name(first) or timed
                                                         and _may_be_name(first)) and not _ROLE_WORD.fullmatch(first) else None
            elif kind == "before_room":
                word = text[s:e]
                span = _name_words(text, s, e, strong=True, lowercase_ok=False) if not word.islower() else (s, e) if (
                    is_name_word(word) and (word not in lowercase_words() or is_listed_name(word))) else None
            elif kind == "title_initial":
                span = (s, e)
            elif kind == "birth_name":
                word = text[s:e]
                span = (s, e) if is_name_word(word) and word.lower() not in lowercase_words() else None
            elif kind == "lowercase_title_initial":  # a surname text does not write in lowercase, listed or no English word
                surname = text[s:e].split(".")[-1].strip()
                span = (s, e) if is_name_word(surname) and surname not in lowercase_words() and (
                    surname not in english_words() or surname in last_names()) else None
            elif kind in ("initials", "label_initials", "by_initials", "dash_initials", "action_initials",
                          "subject_initials", "log_initials"):
                pair = _SLASH_INITIALS.match(text, e)  # "Signed TO / LM": two people's initials, whatever the first spells
                span = (s, e) if _initials_ok(text[s:e]) or pair and _initials_ok(pair.group("phi")) else None
            elif kind == "typist_initials":  # any letters but :data:`_NOT_TYPIST`
                span = (s, e) if text[s:e].split("/")[0].lower() not in _NOT_TYPIST else None
            elif kind == "timed_initials":  # a pair in the brackets ("(DO/JH)"), or initials alone that spell no word
                paired = "/" in text[text.rfind("(", 0, s): text.find(")", e)]
                span = (s, e) if paired or _initials_ok(text[s:e]) else None
            elif kind in ("chat_handle", "handle_time"):  # "kpatel", "j.morales", "dr.hollister" (the title is kept out), "KM", "Jordan P"
                handle = regex.sub(r"^(?i:dr|mr|mrs|ms)\.", "", text[s:e])
                s = e - len(handle)
                word = (handle.split() or [""])[0]
                span = (s, s + _handle_end(handle)) if word and not _ROLE_WORD.fullmatch(word) \
                    and word.lower() not in _CHAT_SYSTEM and not _SPEAKER_LABEL.fullmatch(word) and (
                        is_name_word(word) and _may_be_name(word) or word.isupper() and len(word) <= 3 and is_initials(word)) \
                    else None
            elif kind in ("role_after", "role_apposition", "role_before", "log_line"):  # a dictionary or likely name
                # right before the role ("RN, RT, MD Ibarra (PGY3)")
                span = _name_words_ending(text, s, e, strong=kind != "role_apposition", lowercase_ok=False,
                                          likely_alone=True, dropped=_cue_word)
            elif kind == "unit_bed":  # a listed name or a word no English list holds, no clinical word or one text
                word = text[s:e]  # writes in lowercase ("5E-18 NPO", "4W-03 FALL RISK")
                span = (s, e) if len(word) > 2 and is_name_word(word) and word.lower() not in lowercase_words() and (
                    is_listed_name(word) or word.lower() not in english_words()) else None
            elif kind == "dictated_patient":  # words no function or clinical word ("a progress note on her date of birth")
                words = text[s:e].split()
                span = (s, e) if not any(w.lower() in common_words() or clinical_spans(w) for w in words) else None
            elif kind == "team_bracket":  # a service's, a department's or a unit's word (not a test's: "AFB
                # (Ziehl-Neelsen)") before a listed or likely name, no department's, clinical or eponym's word ("ICU
                # (Bed)", "neuro (Babinski)")
                team, word = m.group("team"), text[s:e]
                low = team.lower()
                span = (s, e) if (low in service_words() or low in department_words() or low.endswith(" float")) \
                    and _likely_or_known(word) and word.lower() not in lowercase_words() \
                    and word.lower() not in department_words() and not clinical_spans(word) \
                    and not any(map(is_eponym_surname, word.split("-"))) else None
            elif kind == "speaking":  # a listed or likely name, no role or department ("this is pharmacy calling")
                words = text[s:e].split()
                span = (s, e) if all(_likely_or_known(w) and not _ROLE_WORD.fullmatch(w) and w.lower() not in common_words()
                                     and w.lower() not in department_words() for w in words) else None
            elif kind == "sign_off":  # a first word that is a first name or no word text writes in lowercase
                first = text[s:e].split()[0]
                span = _name_words(text, s, e, strong=True, lowercase_ok=True) if first.lower() in first_names() or (
                    first.lower() not in lowercase_words() and not _ROLE_WORD.fullmatch(first)) else None
            elif kind in ("list", "census_line", "room_list", "room_column", "dash_signature"):
                credential = kind == "dash_signature" and regex.fullmatch(_CREDENTIAL, text[s:e])  # "-- CMA"
                span = None if credential else _name_words(text, s, e, strong=True, lowercase_ok=True)
                words = [w.rstrip(",") for w in text[span[0]:span[1]].split()] if span else [""]
                if any(w.islower() and len(w) > 1 and w in lowercase_words() and not is_listed_name(w)
                       and not _PARTICLE.fullmatch(w) for w in (words if kind == "census_line" else words[:1])):
                    span = None  # a word text writes in lowercase: "B12 deficiency 45F", "mood, affect 34 yo" (but
                    # "rm 4 - okonkwo 71F")
                first = words[0]
                if span and kind == "room_column" and first.lower() in english_words() and not is_listed_name(first):
                    span = None  # a log's time and a field's label, a bed's state: "0313  TEAM: OYELARAN (LEAD)", "Bed 8
                    # Clean   ready"
                # a dash inside a line is as often a separator: "Team — Progress Note", "14A — WATCHER"
                inside = kind == "dash_signature" and text[text.rfind("\n", 0, m.start()) + 1: m.start()].strip(" \t.")
                if span and inside and not all(w.lower() in first_names() or not w.isupper() and _likely_or_known(w)
                                               and _may_be_name(w) for w in text[span[0]:span[1]].split()):
                    span = None
            elif kind == "old_given":  # a surname that is a name's word and no department's or a place's
                surname = text[s:e].split()[-1]
                span = (s, e) if is_name_word(surname) and surname.lower() not in department_words() \
                    and not _place(surname) else None
            elif kind == "last_first":
                last, first = re.split(r",\s*", text[s:e], maxsplit=1)
                first = first.split()[0]
                # "GARCIA, MARIA", "GARCIA, Maria" (not "NSCLC, PD-L")
                capitals = last.isupper() and len(first) > 2 and (first.isupper() or len(last) > 2 and first.istitle()
                                                                   and not _ROMAN_RANGE.fullmatch(last))
                if capitals and (len(last) <= 3 and len(first) <= 3 and not (is_listed_name(last) and is_listed_name(first))
                                 or all(w.lower() in lowercase_words() and w.lower() not in first_names() for w in (last, first))):
                    capitals = False  # "CAP, RLL", "HOLIDAY, SKELETON STAFF"
                ok = is_name_word(last) and (is_name_word(first) or is_word_first_name(first)) \
                    and last.lower() not in department_words() and (
                        first.lower() in first_names() or _alone_on_line(text, s, e, label_ok=True)
                        or capitals and (_likely_or_known(last) or _likely_or_known(first))
                        or first.lower() not in english_words() and first.lower() not in towns() and _likely_name(first)
                        and is_listed_name(last))
                span = (s, e) if ok else None
            else:  # first_last, or the words after its first when that is a role's ("ortho PA Mark Chang")
                span = _first_last(text, s, e)
                if span is None and (second := _AFTER_ROLE.match(text, s, e)):
                    span = _first_last(text, second.end(), e)
            # "taking her to Vail, Colorado": a city
            if span and not _place(text[span[0]:span[1]]) and not (kind == "name_like" and _COMMA_STATE.match(text, span[1])):
                found.append(span)
    found += _lowercase_cued_names(text, everywhere=is_lowercase_text(text))
    found += _lowercase_listed_names(text)
    found += _staff_of_services(text)
    found += [m.span("phi") for m in _ROLE_AFTER_NAME.finditer(text) if _is_listed_name(m.group("phi"))]
    found += [m.span("phi") for m in _NAME_IN_BRACKETS.finditer(text)
              if _BRACKETS_OWNER.search(text[max(0, m.start() - 40): m.start()])
              and all(_is_listed_name(w) or _is_foreign_name(w) for w in regex.split(r"[ \t-]+", m.group("phi")))]
    found += [m.span("phi") for m in _RESIDENT_INITIALS.finditer(text) if is_initials(m.group("phi"))]
    found += [m.span() for m in _CLAN_INITIALS.finditer(text)]
    found += [m.span("phi") for m in _ABOUT_ROOM.finditer(text)
              if all(is_name_word(w) and w.lower() not in department_words() for w in m.group("phi").split())]
    if (m := _END_INITIALS.search(text, max(0, len(text) - 40))) and _initials_ok(m.group("phi")):
        found.append(m.span("phi"))  # only the text's end is read: the pattern would be tried at every place
        if m.group("first") and _initials_ok(m.group("first")):
            found.append(m.span("first"))  # two signers closing a note: "KA / SB"
    found += list(conversation_speakers(text)) + list(roster_names(text)) + list(kin_names(text)) \
        + list(addressed_names(text)) + list(handoff_names(text)) + capitals_before_age(text) + plains_names(text) \
        + list(signer_initials(text)) + register_names(text) + surname_initial_cells(text)
    headers, cells = table_columns(text)
    found = [(s, e) for s, e in found if not any(hs <= s < he for hs, he in headers)]  # "Name    Dose    Time"
    return with_companions(text, found + _table_names(cells, text))


# Surnames of the Lakota, Cheyenne, Crow and other Plains nations, made of English words, after a given name or a title:
# "Rodney Two Bulls", "Jared Two Moons", "Mr. Running Bear", "Tasha Runs Close To Lodge", "Jaylen Iron Cloud"
_PLAINS_SURNAME = (r"(?:(?:One|Two|Three|Four|Five|Running|Runs|Standing|Sitting|Iron|Little|Black|White|Red|Yellow|Spotted"
                   r"|Crazy|Walks|Walking|Kills|Shoots|Bad|Good|Lone|Young|Old|Big|High|Long|Many|Brave|Charging|Flying"
                   r"|Swift|Stands|Chasing|Crow|Bull|Eagle|Afraid[ ]Of|Runs[ ]Close[ ]To)[ ](?:Bulls?|Bears?|Elks?|Horses?"
                   r"|Eagles?|Hawks?|Clouds?|Moons?|Feathers?|Wolf|Wolves|Crows?|Thunder|Deer|Buffalo|Dogs?|Stars?|Hearts?"
                   r"|Birds?|Owl|Fox|Antelope|Hands?|Road|Shield|Wind|Lance|Arrows?|Boy|Hoop|Lodge|Mountain|Water|Hair"
                   r"|Plume|Tail|Face|Sky|Rabbit|Cow|Coyote|Snake|Otter|Turtle|Killer|Breast))")
_PLAINS_NAME = regex.compile(rf"(?:(?P<given>{CAP})[ ]+|(?<=\b{_TITLE}\.?[ ]+))(?P<surname>{_PLAINS_SURNAME})(?![\p{{L}}'’-])")


def plains_names(text: str) -> list[tuple[int, int]]:
    """Names of :data:`_PLAINS_NAME`: a given name (a listed one, or a name word no English one) and such a surname, or
    the surname after a title."""
    spans = []
    for m in _PLAINS_NAME.finditer(text):
        given = m.group("given")
        if given is None:
            spans.append(m.span("surname"))
        elif given.lower() in first_names() or is_name_word(given) and given.lower() not in english_words():
            spans.append(m.span())
    return spans


# The people of a meeting or a shift, listed after a label, each with a role or a place in brackets: "Present: Okafor (med
# onc, chair), Grant (IR), rad onc", "TEAM: OYELARAN (LEAD), KOWALSKI, WILL (ODP)", "STAFF: GRANT (BAY A), ADESINA (BAY B)".
_ROSTER = regex.compile(r"(?im)\b(?:present|attendance|attendees|in[ \t]+attendance|team|staff|apologies|members|crew)"
                        r"[ \t]*:[ \t]*(?P<list>[^\n]+)")
_ROSTER_ENTRY = regex.compile(r"[ \t]*(?P<name>\p{L}[\p{L}'’.-]*(?:[ \t]+\p{L}[\p{L}'’.-]*)?)[ \t]*\([^()\n]{1,30}\)[ \t]*")
_ROSTER_CELL = regex.compile(r"(?:[^,;()]|\([^()\n]*\))+")  # what commas outside brackets part
_NOT_IN_A_ROSTER = frozenset("bay bed beds ward room rm patient pt pts family all none nil others other see tbc".split())


def _roster_word(word: str) -> bool:
    """A word of a roster's entry that is a person's: a listed name or a name word, or initials; no role, department or
    clinical abbreviation ("rad onc", "Bay A", "Patient (phone)" are none)."""
    low = word.lower().rstrip(".")
    if low in _NOT_IN_A_ROSTER or _ROLE_WORD.fullmatch(word) or low in department_words() or low in service_words() \
            or is_clinical_abbreviation(word) or not word[0].isupper():
        return False
    if regex.fullmatch(r"\p{Lu}{2,3}", word):
        return is_initials(word)
    return is_listed_name(low) or is_name_word(word) and low not in lowercase_words()


@lru_cache(maxsize=8)  # (a window's names and then its allow-list ask for the same text's)
def roster_names(text: str) -> tuple[tuple[int, int], ...]:
    """The names of a roster's entries with a role in brackets, where two entries or more have one."""
    found = []
    for m in _ROSTER.finditer(text):
        named = [(m.start("list") + e.start() + n.start("name"), m.start("list") + e.start() + n.end("name"))
                 for e in _ROSTER_CELL.finditer(m.group("list")) if (n := _ROSTER_ENTRY.fullmatch(e.group()))]
        if len(named) >= 2:
            found += [(s, e) for s, e in named if all(_roster_word(w) for w in text[s:e].split())]
    return tuple(found)


# A hand-off from one person to another, as sign-outs head them: "Mags -> Kwame", "Christmas Eve 19:30   Dawn -> Young",
# "nights Park -> days Oyelaran"
_HANDOFF = regex.compile(rf"(?<![\p{{L}}\d'’.-])(?P<a>{CAP})[ \t]*(?:->|-->|→|=>)[ \t]*"
                         rf"(?:(?i:days?|nights?|am|pm|lates?|earlies)[ \t]+)?(?P<b>{CAP})(?![\p{{L}}\d'’-])")  # (not "NG -> PEG")


@lru_cache(maxsize=8)  # (a window's names and then its allow-list ask for the same text's)
def handoff_names(text: str) -> tuple[tuple[int, int], ...]:
    """Both sides of :data:`_HANDOFF` where each is a listed first name or surname or no English word that the name model
    takes for a name, and no department, service or clinical word ("ED -> ICU", "Home -> Rehab" are none)."""
    if "->" not in text and "→" not in text and "=>" not in text:
        return ()
    return tuple(span for m in _HANDOFF.finditer(text) if _handoff_word(m.group("a")) and _handoff_word(m.group("b"))
                 for span in (m.span("a"), m.span("b")))


def _handoff_word(word: str) -> bool:
    low = word.lower()
    return (is_listed_name(word) or low not in english_words() and _likely_name(word)) and low not in department_words() \
        and low not in service_words() and not clinical_spans(low)


# A relative or a carer named in lowercase speech by a word that is also a first name, where what follows makes the word
# a person ("my granddaughter poppy spotted it", "the nurse joy said", "my husband will is home"; not "my son may call",
# "my husband will drive"), or before the relation ("or grant my son he does my phone", "gaz (my fella) can drive").
_KIN = (r"(?:son|daughter|wife|husband|mum|mom|mother|dad|father|sister|brother|granddaughter|grandson|nan|gran|grandma"
        r"|grandpa|nurse|carer|neighbou?r|partner|friend|aunt|auntie|uncle|niece|nephew|cousin|fella|boyfriend|girlfriend)")
_KIN_THEN_NAME = regex.compile(
    rf"\b(?:my|his|her|our|their|your|the)[ \t]+{_KIN}[ \t]+(?P<phi>\p{{Ll}}{{2,}})(?=[ \t]+(?:is|was|has|had|does|did|said|says"
    r"|told|spotted|noticed|found|called|rang|phoned|came|comes|drove|drives|lives|works|helps|wants|thinks|knows|brought"
    r"|brings|took|takes|gets|got|saw|sees)\b|[ \t]*[,.;!?)])")
_KIN_AFTER_NAME = regex.compile(rf"(?<=[ \t,(])\(?(?:my|his|her|our)[ \t]+{_KIN}\b")
# (the word before it, read back from the relation: not "how long my husband and I")
_NAME_BEFORE_KIN = regex.compile(r"(?<![\p{L}'’-])(?<!\b(?:how|so|as|too|very)[ \t]+)(?P<phi>\p{Ll}{2,})[ \t]*,?[ \t]+\(?\Z")


# An obituary's or a family history's list of relatives after a plural kinship word, a spouse in brackets after one:
# "daughters Mary (Gerry Flynn), Hope (Declan Rooney) and Rose", "sons Michael and Patrick (Una)", "children Blessing
# (Farai), Lovemore (Tendai), Precious and Sterling (in the UK)".
_RELATIVES = (r"(?:daughters|sons|children|grandchildren|great-grandchildren|grandsons|granddaughters|brothers|sisters"
              r"|siblings|nieces|nephews|stepchildren|sons-in-law|daughters-in-law)")
_RELATIVE = rf"(?P<name>{CAP}(?:[ \t]+{CAP})?)(?:[ \t]+\((?:née[ \t]+)?(?P<name>{CAP}(?:[ \t]+{CAP}){{0,2}})\))?"
_RELATIVE_LIST = regex.compile(rf"\b{_RELATIVES}[ \t]*,?[ \t]+{_RELATIVE}(?:(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+){_RELATIVE})+")


@lru_cache(maxsize=8)  # (a window's names and then its allow-list ask for the same text's)
def relatives_listed(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the names in lists of relatives (:data:`_RELATIVE_LIST`) of two or more, whatever their words."""
    return tuple(span for m in _RELATIVE_LIST.finditer(text) for span in m.spans("name"))


@lru_cache(maxsize=8)  # (a window's names and then its allow-list ask for the same text's)
def kin_names(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of :data:`_KIN_THEN_NAME`, and of :data:`_NAME_BEFORE_KIN` before :data:`_KIN_AFTER_NAME`, whose word is a
    listed first name (even one that is a word: the pattern's verbs rule out the modal "will") or no English word that
    the name model takes for a name; before the relation, no word a cue is followed by ("will my son be ok", "and my
    wife")."""
    after = [m.span("phi") for m in _KIN_THEN_NAME.finditer(text) if _kin_name(m.group("phi"), after_cue=True)]
    before = [w.span("phi") for m in _KIN_AFTER_NAME.finditer(text)
              if (w := _NAME_BEFORE_KIN.search(text, max(0, m.start() - 40), m.start()))
              and _kin_name(w.group("phi"), after_cue=False)]
    return tuple(after + before)


# A person asked, told, paged or thanked, in lowercase: "ask ray", "paging grant re bed 4", "loop in grant in am", "swap w
# hope", "pls remind will and sunny", "thx rose"; a word first name that is a modal too ("will", "may") only after what
# no modal follows ("the text will be", "thx will ref to" are none); not a title or a call bell
_ADDRESSED = regex.compile(r"\b(?P<verb>ask|asked|tell|told|remind|thank|thanks|thx|ty|loop(?:ed)?[ \t]+in|swap[ \t]+(?:w/?|with)"
                           r"|page|paging|paged|bleep|bleeping|bleeped|ring|rang|ping|pinged|text|texted|call|called|chase"
                           r"|handed[ \t]+over[ \t]+to|spoke[ \t]+(?:to|w/?|with))[ \t]+(?P<phi>\p{Ll}{3,})"
                           r"(?:[ \t]+(?:and|&|\+)[ \t]+(?P<phi>\p{Ll}{3,}))?(?![\p{L}\d'’@/_-])")
_ADDRESSED_FIRMLY = regex.compile(r"ask|asked|tell|told|remind|loop|swap")  # ("thx will ref to", "thanks, will do")
_CALL_DEVICES = frozenset(("bell", "button", "light"))  # "call bell out of reach", "ring bell"


@lru_cache(maxsize=8)  # (a window's names and then its allow-list ask for the same text's)
def addressed_names(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of lowercase first names after a verb that addresses a person (:data:`_ADDRESSED`): a listed first name
    that is no common word, or one that is (a word first name: "will", "may") after a verb that no noun or modal
    follows."""
    spans = []
    for m in _ADDRESSED.finditer(text, overlapped=True):
        firmly = _ADDRESSED_FIRMLY.match(m.group("verb"))
        for s, e in m.spans("phi"):
            word = text[s:e]
            if word in first_names() and not _ROLE_WORD.fullmatch(word) and not _TITLE_WORD.fullmatch(word) \
                    and word not in department_words() and word not in _CALL_DEVICES \
                    and (word not in common_words() or firmly and word in _WORD_FIRST_NAMES):
                spans.append((s, e))
    return tuple(spans)


def _kin_name(word: str, after_cue: bool) -> bool:
    """See :func:`kin_names`: no role, and no common word unless a first name ("joy", "will", "grant")."""
    if not after_cue and word in _NO_NAME_AFTER_CUE or _ROLE_WORD.fullmatch(word) or word in common_words() \
            and word not in first_names():
        return False
    return word in first_names() or word not in english_words() and word not in lowercase_words() and _likely_name(word)


# A surname in capitals right before an age and a sex, as bed boards and sign-outs list patients: "SAU b2    KOWALCZYK
# 54M", "NGATA, 61F", "OKONKWO-BELL 72 y/o".
_CAPITALS_BEFORE_AGE = regex.compile(rf"(?<![\p{{L}}\d'’.-])(?P<phi>{UPPER}(?:,?[ \t]+{UPPER}){{0,2}})[ \t]*,?[ \t]+\d{{1,3}}[ \t]?"
                                     r"(?:[MF]|y/?o|yo)(?![\p{L}\d])")


def capitals_before_age(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`_CAPITALS_BEFORE_AGE` whose words are each no English word and no clinical one, or a listed name
    that text does not write in lowercase ("CT HEAD 54M", "COPD 67M", "PAIN 80F" are none)."""
    return [m.span("phi") for m in _CAPITALS_BEFORE_AGE.finditer(text)
            if not clinical_spans(m.group("phi").lower()) and all(
                len(w) > 2 and is_name_word(w) and w.lower() not in department_words()
                and (w.lower() not in english_words() or is_listed_name(w) and w.lower() not in lowercase_words())
                for w in regex.split(r"[ \t,]+", m.group("phi")) if w)]


# A register's or a ward list's row: a cell of capitalised words, then a sex and an age in the next cell or after a comma
# ("ETH-GMB-883261   Chuol Tut Ruach    M/4", "Bed 7   Lual Ater Bol, M 40", "17/08    Paw Say Wah     19    F").
_REGISTER_NAME = regex.compile(rf"(?:^|(?<=[ \t]{{2}}|\t))(?P<phi>{CAP}(?:[ ]{CAP}){{0,3}})(?:[ \t]{{2,}}|\t|,[ \t]*)"
                               r"(?:[MF][ \t]*/?[ \t]*\d{1,3}|\d{1,3}[ \t]*/[ \t]*[MF]|\d{1,3}(?:[ \t]{2,}|\t)[MF])(?![\p{L}\d/])",
                               regex.MULTILINE)


def register_names(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`_REGISTER_NAME` with a word that is no English word, and no clinical, department, role or title
    word ("Nyabuony  F/31"; not "Pelvis  M 40")."""
    return [m.span("phi") for m in _REGISTER_NAME.finditer(text) if not clinical_spans(value := m.group("phi")) and all(
        is_name_word(w) and w.lower() not in department_words() and not _ROLE_WORD.fullmatch(w)
        and not _TITLE_WORD.fullmatch(w) for w in value.split())
        and any(w.lower() not in english_words() for w in value.split())]


# A surname in capitals and an initial after a comma, alone in a field's cell, as legacy systems list staff: "ATTENDING:
# OKONKWO,N", "HANDLER: LLOYD, C"
_SURNAME_INITIAL_CELL = regex.compile(rf"(?m)(?<=\p{{L}}[ \t]*:[ \t]*)(?P<phi>{UPPER},[ ]?\p{{Lu}})(?=[ \t]*$|[ \t]{{2}}|\t)")


def surname_initial_cells(text: str) -> list[tuple[int, int]]:
    """Spans of :data:`_SURNAME_INITIAL_CELL` whose surname a name list holds or no English list does ("OKONKWO,N"; not
    "HIGH, L")."""
    return [m.span("phi") for m in _SURNAME_INITIAL_CELL.finditer(text)
            if (surname := m.group("phi").split(",")[0]).lower() not in lowercase_words() and is_name_word(surname)
            and (is_listed_name(surname) or surname.lower() not in english_words())]


def names_by_layout(text: str) -> set[tuple[int, int]]:
    """Names that the text's layout, not their words, makes a person's, which the allow-list keeps: a form's field for a
    name, a chat's speakers, a roster's entries, a relative named in speech, a person asked or told in lowercase, the
    two sides of a hand-off, a signer's initials, a register's row, a surname and an initial alone in a field's cell, a
    list of relatives."""
    return set(name_fields(text)) | set(conversation_speakers(text)) | set(roster_names(text)) | set(kin_names(text)) \
        | set(addressed_names(text)) | set(handoff_names(text)) | set(signer_initials(text)) | set(register_names(text)) \
        | set(surname_initial_cells(text)) | set(relatives_listed(text)) | set(labelled_references(text))


@lru_cache(maxsize=8)  # (a window's recognizer and then its allow-list ask for the same text's)
def labelled_references(text: str) -> tuple[tuple[int, int], ...]:
    """The writer's and the typist's initials after a letter's reference label ("Ref. CKA/ms", "Our ref: JMcL/ab"),
    whatever else they spell."""
    return tuple(m.span(g) for m in _LABELLED_REFERENCE.finditer(text) for g in ("writer", "typist"))


# A turn of a chat or a transcript: a speaker's tag where a line starts, after a time stamp in brackets or not, with a
# role or a name in brackets after it: "king: rota for jan is up", "[06:15] dee: not me", "ed (kemi): hi, ct head",
# "will (intern): hey dr brooks"
_TURN = regex.compile(r"(?m)^[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*|(?:\d{1,2}/\d{1,2}[ \t]+)?\d{1,2}[:.]\d{2}(?:[ \t]*[AaPp][Mm])?[ \t]+)?"
                      r"(?P<tag>\p{L}[\p{L}'’-]{1,20}(?:[ ]\p{Lu}[\p{L}'’-]{1,20}){0,2})"
                      r"(?:[ \t]*\((?P<inner>\p{L}[\p{L}'’-]{1,20})\))?[ \t]*:[ \t]+(?=\S)")


def _first_name_in_capitals(word: str) -> bool:
    """A word in capitals that is a person's where a tag or a cue would take it: a listed first name of four letters or
    more and no English word ("JACEK:"; not "PLAN:", "MOM:", "HOPE:", "IVR:")."""
    low = word.lower()
    return len(word) > 3 and low in first_names() and low not in english_words()


_LINE_TAG = regex.compile(r"(?m)^[ \t]*(\p{L}[\p{L}'’-]*)[ \t]*:")


@lru_cache(maxsize=8)
def _speaker_tags(text: str) -> Counter:
    """How many lines of ``text`` each word opens before a colon: a speaker's tag not known for a first name takes a
    turn twice at least, where a form's label in another language ("Kontakt:", "Riwayat:") is there once."""
    return Counter(m.group(1) for m in _LINE_TAG.finditer(text))


# The tags of a transcript's turns by role
_TRANSCRIPT_ROLE = regex.compile(r"(?i:doctor|dr|patient|pt|nurse|rn|md|np|clinician|provider|therapist|interpreter|q|a"
                                 r"|guest_family|guest_clinician)")


def is_form_label(text: str, start: int, end: int) -> bool:
    """Is the word at ``start:end`` a form's label, not a name ("Kontakt:", "Klientin:", "Llamante:")? One word opening a
    line before a colon, in no name list and not in the text again, among three labels or more that open lines, none a
    role's (a transcript's "Doctor:" makes its other tags speakers: "Ifeoluwa: I have had a cough")."""
    word, tags = text[start:end], _speaker_tags(text)
    # (a tag once, and the word's one mention: this mention opens its line before a colon)
    return tags[word] == 1 and not is_listed_name(word) and text.count(word) == 1 and len(tags) >= 3 \
        and not any(_ROLE_WORD.fullmatch(t) or _TRANSCRIPT_ROLE.fullmatch(t) for t in tags)


# Tags of a header's field or of a non-person, in lowercase: never a speaker.
_NOT_A_SPEAKER = frozenset("""re fyi nb ps cc bcc fw fwd subject sent date time from to ref note notes update carer client
    physio porter interp interpreter dispatcher switchboard receptionist scribe tech sig""".split())  # ("Sig: 1 tab po bid")


@lru_cache(maxsize=4096)
def _speaker_word(word: str) -> bool:
    """Could a turn's tag be a person: no role ("RN", "dad", "caller"), department ("rad", "ED"), form field ("Plan",
    "Diet", "Meds") or clinical word, and a listed first name or surname or a word no English list holds that the name
    model takes for a name ("Kemi"); in capitals, a listed first name that is no English word."""
    low = word.lower()
    if word.isupper():  # a form's heading or a machine in capitals ("HOPE: none", "IVR:"), but "JACEK:"
        return _first_name_in_capitals(word)
    return len(word) > 1 and not _ROLE_WORD.fullmatch(word) and low not in department_words() \
        and low not in service_words() and not is_clinical_abbreviation(word) and low not in _NOT_A_SPEAKER \
        and (is_name_word(word) or low in first_names()) and (is_listed_name(word) or low not in english_words()
                                                              and low not in lowercase_words() and _likely_name(word))


@lru_cache(maxsize=8)  # (a window's names and then its allow-list ask for the same text's)
def conversation_speakers(text: str) -> tuple[tuple[int, int], ...]:
    """The speakers' tags of a conversation among people named by their tags (a ward's group chat, an intern's thread
    with the attending): three turns or more, at least two of them by different people, and two in three turns or
    more tagged with words that can be a person's (:func:`_speaker_tag`; a chat's time may come first: "14:05 Fujita Aki:");
    a name that is an English word ("king:",
    "will:") counts when it tags two turns or the others are no English words. A form's fields ("Plan:", "Diet:",
    "Faith: Catholic") are turns of no person, and a transcript's roles ("Doctor:", "RN:") too."""
    turns = []
    for m in _TURN.finditer(text):
        tag, inner = m.span("tag"), m.span("inner") if m.group("inner") else None
        if inner and _speaker_word(m.group("inner")) and not _speaker_tag(m.group("tag")):
            tag = inner  # "ed (kemi):", not "will (intern):"
        turns.append(tag)
    if len(turns) < 3:
        return ()
    words = [text[s:e] for s, e in turns]
    people = [w for w in words if _speaker_tag(w)]
    if len({w.lower() for w in people}) < 2 or 3 * len(people) < 2 * len(turns):
        return ()
    counts = Counter(w.lower() for w in people)
    if max(counts.values()) < 2:
        return ()  # (no one takes two turns: a form's fields in another language, "Kontakt:", "Riwayat:", "Jabatan:")
    plain = any(w.lower() not in english_words() for w in people)
    return tuple((s, e) for (s, e), w in zip(turns, words)
                 if _speaker_tag(w) and (w.lower() not in english_words() or counts[w.lower()] >= 2 or plain))


def _speaker_tag(tag: str) -> bool:
    """A turn's tag of one word to three, each of which could be a person's (:func:`_speaker_word`): "Fujita Aki"."""
    return all(_speaker_word(word) for word in tag.split())


# Tables (whiteboards, tracking boards, flowsheets, rosters, CSV exports): a header row names the columns, and under a
# person's column ("PT", "MD", "RN", "init", "LAST") each cell is a name or a person's initials, under a record's column
# ("MRN", "Rx#", "Acct") a number.
_PATIENT_COLUMN = regex.compile(r"(?i:pt|patient|name|(?:pt|patient|last|first|given|family)[ \t_]*name|last|first|surname)")
_PERSON_COLUMN = regex.compile(r"""(?i:pt|patient|client|name|(?:pt|patient|last|first|given|family)[ \t_]*name|last|first
    |surname|resident|md|do|rn|lpn|cna|np|pa|rt|rrt|nurse|attending|fellow|intern|provider|physician|doctor|doc|surgeon
    |anesthesia|anesthesiologist|crna|circulator|scrub|tech|sitter|staff|charge|assigned|init|inits|initials|sig
    |signature|signed|by|caregiver|contact|pcp|nok|rph|pharmacist|operator|user|sho|reg|registrar|spr|str|consultant
    |fy1|fy2|f1|f2|hca|midwife|anaesthetist|anesthetist|on[ \t-]?call|covering|therapist|clinician|keyworker
    |who|reviewed|reviewer|\p{L}{2,12}\.?[ \t_]+by|\p{L}{2,12}[ \t_]+(?:sign|sig|signature|initials?|inits))""", regex.VERBOSE)
# ("Sent by", "Rcvd by", "Seen by", "Student sign", "Nurse initials")
# a relative's or a visitor's column, whose cells are names only when capitalised (a pedigree's "Mother" column holds
# "carrier")
_KIN_COLUMN = regex.compile(r"(?i:child|mother|father|baby|infant|spouse|guardian|carer|visitor)")
_RECORD_COLUMN = regex.compile(r"(?i:mrn|mr\#|rx[ \t]*\#?|rx[ \t]+(?:no|number)|acct[ \t]*\#?|account|csn|fin|enc[ \t]*\#?"
                               r"|encounter|visit[ \t]*(?:id|\#)|member[ \t]*(?:id|\#)|accession|acc[ \t]*\#|specimen[ \t]*\#?"
                               r"|id|patient[ \t]*id|pt[ \t]*id|claim[ \t]*\#?|order[ \t]*\#|hosp(?:ital)?[ \t]*(?:\#|no\.?|number)"
                               r"|(?:reg|record|file|case)[ \t]*(?:\#|no\.?)|file|ref|ptid|subjid|nhi|chi|hcn|ur|ohip|phn|hn|uhid|bht"
                               r"|medicare|mcp|nhs|matr[ií]cula|expediente|folio"
                               r"|(?:\p{L}\.){2,4}[ \t]*(?:id|no\.?|nr|num|number|\#)"  # ("I.C. No.")
                               # any column of numbers but a room's, a code's, a phone's or a catalogue's: "Prot no", "study_id"
                               r"|(?!(?:room|rm|bed|bay|cot|ward|unit|ext|tel|phone|mobile|fax|pager|bleep|icd|cpt|ndc|drug|item"
                               r"|line|row|seq|dose|page|tab|ref|cat|catalog|catalogue|part|product|model|sku)(?!\p{L}))"
                               r"\p{L}{2,12}\.?[ \t_.-]?(?:id|no\.?|nr|num|number|\#))")
_AGE_COLUMN = regex.compile(r"(?i:age|age/sex|age/sx|age[ _]dx|age[ _]at[ _]\w{1,10}|yrs|years|alder|edad|et[àa]|alter|leeftijd)")
_AGE_CELL = regex.compile(r"(\d{2,3})[ \t]*(?:y/?o|yrs?|y|[MF])?")
_PLACE_COLUMN = regex.compile(r"(?i:town|city|hometown|home[ \t]+town|village|community|residence|city/town|town/city)")
_SITE_COLUMN = regex.compile(r"(?i:pharmacy|facility|hospital|school|employer|agency|practice|surgery|care[ \t]+home"
                             r"|nursing[ \t]+home|placement|dialysis[ \t]+unit|referred[ \t]+to|destination)")
_SITE_CELL = regex.compile(rf"{CAP}(?:[ \t](?:{CAP}|on|of|the|at|&)){{0,4}}")
_DATE_COLUMN = regex.compile(r"(?i:date|dated|day|date[ \t]+given|given[ \t]+on|fecha|datum|data|tarikh|tanggal|next|due|edd"
                             r"|review|f/u|follow[ \t-]?up|tci|appt|appointment|returned|admitted|discharged)")
# a telephone's column and its cells, an extension's three digits at least ("Ext | 4417", "Bleep | 2231", "Mobile")
_PHONE_COLUMN = regex.compile(r"(?i:ext|extn|extension|bleep|pager|beeper|tel|phone|mobile|mob|cell|fax|landline)\.?")
_PHONE_CELL = regex.compile(r"\+?\d[\d ()-]{1,16}\d")
# a day and a month, its year after them or not ("02.12", "14/05/24"; not a reading: "7.45", "0.5")
_DATE_CELL = regex.compile(r"(?:0?[1-9]|[12]\d|3[01])[./-](?:0?[1-9]|1[0-2])(?:[./-](?:19|20)?\d{2})?")
_PLACE_CELL = regex.compile(rf"{CAP}(?:[ \t]{CAP}){{0,2}}")
_ALIGNED_CELL = regex.compile(r"\S+(?:[ ]\S+)*")  # a cell of a table aligned with spaces: words one space apart
_ANSWERS = frozenset("na no ok yes unk tbd nd nr none".split())
_TABLE_INITIALS = regex.compile(r"\p{Lu}{2,3}|\p{Ll}{2,3}")
_THREE_DIGITS = regex.compile(r"\d{3}")
# digits of a row's cell, not of a header's ("HbA1c", "SpO2", "FY1", "1-liner"): a digit that follows no letter ("08-20",
# "1") and opens no hyphenated word
_DATA_DIGITS = regex.compile(r"(?<![\p{L}\d])\d++(?!-\p{L}{2})")
_RULE = regex.compile(r"[ \t]*[-=+|:][-=+|: \t]*[-=][-=+|: \t]*")
_CSV_COMMA = regex.compile(r'"[^"\n]*"(*SKIP)(*FAIL)|,')  # a comma between CSV cells, not inside a quoted one
# (letters apart from the digits allowed: "UH 301-774"; groups one space apart after a first with a digit: "G0514 24 118372 P")
# (a check character in brackets: "HN06112874(4)"; a clinic's series and number: "DM/2219", "BHT 44/2291")
_RECORD_NUMBER = regex.compile(r"(?=[\p{L}\d/-]*\d)[\p{L}\d][\p{L}\d/-]{3,20}(?:\([\p{L}\d]\))?"
                               r"(?:[ ][\p{L}\d][\p{L}\d-]{0,10}){0,3}|\p{Lu}{1,4}[ ]\d[\d/-]{3,20}")


def _separator(line: str) -> str | None:
    """What separates a table row's cells: pipes or tabs, commas (a CSV line), or None (words aligned with spaces)."""
    return "[|\t]" if "|" in line or "\t" in line.strip() else "," if line.count(",") >= 3 and "  " not in line else None


def _cells(line: str) -> list[tuple[int, int]]:
    """A table row's cells: between pipes, tabs or (in a CSV line) commas, or (two or more spaces apart) words
    aligned with spaces."""
    separator = _separator(line)
    if separator is None:
        return [m.span() for m in _ALIGNED_CELL.finditer(line)]
    cells, at = [], len(line) - len(line.lstrip())
    pieces = _CSV_COMMA.split(line[at:].rstrip()) if separator == "," else regex.split(separator, line[at:].rstrip())
    for piece in pieces:  # empty cells count: "4 | -- |  |  |"
        start, end = at + len(piece) - len(piece.lstrip()), at + len(piece.rstrip())
        if end - start >= 2 and line[start] == line[end - 1] == '"':
            start, end = start + 1, end - 1  # a quoted CSV cell: "Lam, Wing Yee"
        cells.append((start, max(start, end)))
        at += len(piece) + 1
    return cells


@lru_cache(maxsize=4)
def table_columns(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int, str], ...]]:
    """The header rows of tables that name their columns, and the cells under each column with the column's name
    (cached: the name and the record-number recognizers read the same window)."""
    headers, out, heads, starts, offset, header_line = [], [], [], [], 0, ""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        cells, next_line = _cells(line), lines[number + 1] if number + 1 < len(lines) else ""
        names = [_IN_BRACKETS_AFTER.sub("", line[s:e].strip(" :")) for s, e in cells]  # "Reg (bleep)"
        typed = sum(1 for h in names if field_type(h))  # (a header of two records' fields may name "HbA1c %", "icd10")
        if _RULE.fullmatch(line):
            pass  # a rule under a header or between rows: "----+----", "+-----+"
        elif len(cells) >= 3 and any(_PERSON_COLUMN.fullmatch(h) or _record_head(h) or _ENTRY_COLUMN.fullmatch(h)
                                     or _AGE_COLUMN.fullmatch(h)
                                     or _PLACE_COLUMN.fullmatch(h) or _DATE_COLUMN.fullmatch(h) or _SITE_COLUMN.fullmatch(h)
                                     or _PHONE_COLUMN.fullmatch(h) or field_type(h) for h in names) \
                and all(len(h.replace(" / ", " ").split()) <= 3 for h in names) \
                and not any((_THREE_DIGITS if typed > 1 else _DATA_DIGITS).search(h) for h in names) \
                and not (_separator(line) == "," and _separator(next_line) != ","):
            # (a CSV header has rows under it: a signature's line is none, "C. K. Addo, M.D., M.R.C.P., Physician")
            heads, starts, header_line = names, [s for s, _ in cells], line
            headers.append((offset, offset + len(line)))
        elif len(cells) < 2 or heads and _separator(line) != _separator(header_line):
            heads = []  # the table ends (a line of one cell, or cells set apart otherwise than the header's)
        elif heads:
            aligned = "|" not in line and "\t" not in line and line.count(",") < 3
            for i, (s, e) in enumerate(cells):
                # an aligned table's cell is under the header that starts at or just before it ("2198830 ... TRANSFERRED
                # OUT" has a cell fewer)
                column = max((j for j, start in enumerate(starts) if start <= s + 2), default=None) if aligned else i
                if column is not None and column < len(heads) and e > s:
                    out.append((offset + s, offset + e, heads[column]))
        offset += len(line) + 1
    return tuple(headers), tuple(out)


# A patient's cell written surname first: "PARKINSON, DELIA", "Two Bulls, Irving", "Sandoval Reyes, Ana".
_SURNAME_COMMA_GIVEN = regex.compile(r"(?P<surname>\p{L}[\p{L}'’-]*(?:[ ]\p{L}[\p{L}'’-]*){0,2}),[ ]?(?P<given>\p{L}[\p{L}'’-]+)"
                                     r"(?:[ ]\p{L}[\p{L}'’.-]*)?")


# A form's field for a person's name, its value alone in its cell: "Surname: FROST      Forename: Heather", "| First name:
# Hope |", in other languages ("Nama tenaga kerja: Sutrisno", "Nom : TREMBLAY", "Nazwisko: Nowak") (a name whatever its words
# are, which the allow-list keeps; not "Name: Unknown", nor a drug after "Name:").
_NAME_FIELD = regex.compile(rf"""\b(?P<label>(?i:surname|forename|first[ \t]+name|last[ \t]+name|given[ \t]+names?|family[ \t]+name
    |name|nama(?:[ \t]+(?:pasien|lengkap|anak|ibu|ayah|tenaga[ \t]+kerja|pekerja))?|nom(?:[ \t]+de[ \t]+famille)?|prénom|prenom
    |nombre|nombres|apellidos?|nome|cognome|sobrenome|naam|voornaam|achternaam|navn|fornavn|etternavn|efternavn|namn|förnamn
    |efternamn|nazwisko|imię|imie|soyad|ad[ \t]+soyad|nimi|etunimi|sukunimi|jina))[ \t]*:[ \t]*
    (?P<value>(?:{CAP}|{UPPER})\.?(?:[ \t-](?:{CAP}|{UPPER}|{PARTICLE})){{0,3}})(?=[ \t]*(?:$|\n|[ \t]{{2}}|\t|\|))""",
                         regex.VERBOSE)
# what may stand before the label in its cell: "Patient name:", "Mother's name:"
_FIELD_OWNER = regex.compile(r"(?:^|\n|[ \t]{2}|\t|\|)[ \t]*(?:(?i:patient|pt|client|child|baby|infant|mother|father)['’]?s?[ \t]+)?$")
_NO_NAME_VALUE = frozenset("unknown none not given declined pending see refused anonymous baby girl boy".split())


# A header's field for the person a document is about, its value a cell of two words or more before the next column or
# an age: "Patient: Wiremu Te Rangi Ngata      NHI ZKT4821", "Pt: Xiong, Pa Nhia    MRN ...", "RE: MASTER CHINONSO EZE
# (14 YEARS)", "Client: Wanbli Two Bulls     Deliver to: ...", "Patient: TE AWA, Hemi Rāwiri   NHI", "Pt
# O'Sullivan-Piripi, Liam   NHI", "Patient: Aiden Lim Jun Hao (8 y)", "Re: Litia Vakaloloma, 71F" (a dialogue's "Patient:
# Thank you." ends its line, no column follows).
_PERSON_HEADER = regex.compile(rf"""(?:^|(?<=\n|[ \t]{{2}}|\t|\|))[ \t]*(?:(?i:patient|pt|client|resident|member|beneficiary
    |insured|subscriber|decedent)(?:[ \t]+(?i:name))?(?:[ \t]*:[ \t]*|[ ])|(?i:re)[ \t]*:[ \t]*(?:(?i:master|miss|mrs|mr|ms)\.?[ \t]+)?)
    (?P<value>(?:{CAP}|{UPPER})[.,]?(?:[ \t-](?:(?:{CAP}|{UPPER})[.,]?
    |{PARTICLE})){{1,4}})(?<![.,])(?=[ ]{{2,}}|\t|[ \t]*\||[ \t]+\((?:\d{{1,3}}[ \t]?(?:(?i:y|yo|yrs?|years?)|[MF])\b|[MF],)
    |,[ \t]*\d{{1,3}}[ \t]?(?:(?i:y|yo|yrs?|years?)|[MF])\b)""",
                            regex.VERBOSE)


@lru_cache(maxsize=8)  # (a window's recognizer and then its allow-list ask for the same text's)
def name_fields(text: str) -> tuple[tuple[int, int], ...]:
    """Values of a form's fields for a person's name, alone in their cells (:data:`_NAME_FIELD`, :data:`_FIELD_OWNER`,
    :data:`_PERSON_HEADER`): no clinical words, not English words only."""
    fields = [m.span("value") for m in _NAME_FIELD.finditer(text)
              if _FIELD_OWNER.search(text, max(0, m.start() - 30), m.start())
              and m.group("value").lower() not in _NO_NAME_VALUE and m.group("value").split()[0].lower() not in _NO_NAME_VALUE
              and not clinical_spans(m.group("value"))] if ":" in text else []
    return tuple(fields + [m.span("value") for m in _PERSON_HEADER.finditer(text) if not clinical_spans(value := m.group("value"))
                           and not all(w.lower() in english_words() for w in regex.split(r"[ \t.,-]+", value) if w)])


def patient_cells(text: str) -> list[tuple[int, int]]:
    """Cells of a patient's column written surname first, whose given name is a listed first name: a name whatever its
    surname is ("Whipple, Constance", "Iron Cloud, Marcus"), which the allow-list keeps."""
    return [(s, e) for s, e, head in table_columns(text)[1] if _PATIENT_COLUMN.fullmatch(head)
            and (m := _SURNAME_COMMA_GIVEN.fullmatch(text[s:e])) and m.group("given").lower() in first_names()]


def _table_cell_name(cell: str, patient: bool) -> bool:
    """A person's column's cell that is a name ("ABERNATHY", "PATEL, R.", "LIU Wen") or, in a staff column, initials
    ("JO", "kp"); not "--", "UNKNOWN MALE", "PA" or "clean/empty"."""
    if not patient and _TABLE_INITIALS.fullmatch(cell):  # under a staff column, "ML" is initials, not millilitres
        return cell.lower() not in _ANSWERS and cell.lower() not in department_words() and not regex.fullmatch(_CREDENTIAL, cell)
    words = [w for w in regex.split(r"[ \t,]+", cell) if w]
    return 0 < len(words) <= 4 and all(regex.fullmatch(r"\p{L}[\p{L}'’.-]*", w) for w in words) and all(
        _CAPITAL.fullmatch(w.rstrip(".")) or i > 0 and _PARTICLE.fullmatch(w)  # "Lim Ah Kow", "Siti binti Osman"
        or is_name_word(w) and not _ROLE_WORD.fullmatch(w) and not _TITLE_WORD.fullmatch(w)
        and w.lower() not in department_words() and w.lower() not in service_words()
        and (w.lower() not in lowercase_words() or is_listed_name(w)) for i, w in enumerate(words)) and not all(
        _CAPITAL.fullmatch(w.rstrip(".")) for w in words)


# What a cell or a header adds in brackets after its words: "C. Brennan (614)", "Reg (bleep)".
_IN_BRACKETS_AFTER = regex.compile(r"[ \t]*\([^()\n]*\)$")


def _table_names(cells: tuple[tuple[int, int, str], ...], text: str) -> list[tuple[int, int]]:
    """Names in the person's columns of tables (a bleep or a room in brackets after one aside: "A. Brennan (622)")."""
    names = []
    for s, e, head in cells:
        if _PERSON_COLUMN.fullmatch(head) or _KIN_COLUMN.fullmatch(head) and text[s].isupper():
            e = s + len(_IN_BRACKETS_AFTER.sub("", text[s:e]))
            if _table_cell_name(text[s:e], bool(_PATIENT_COLUMN.fullmatch(head))):
                names.append((s, e))
    return names + patient_cells(text)


def table_record_numbers(text: str) -> list[tuple[int, int]]:
    """Numbers in the record's columns of tables ("MRN", "Rx#", "Acct"; under "Ref" only with a letter: a laboratory's
    reference range is none, "135-145"; not a pedigree's generation and place in it, "II-1")."""
    return [(s, e) for s, e, head in table_columns(text)[1] if _record_head(head) and _RECORD_NUMBER.fullmatch(text[s:e])
            and (head.lower() != "ref" or regex.search(r"\p{L}", text[s:e])) and not _PEDIGREE_PLACE.fullmatch(text[s:e])
            or (_ENTRY_COLUMN.fullmatch(head) or _record_head(head) and head.lower() != "ref")
            and _ENTRY_NUMBER.fullmatch(text[s:e])]


# A register's column of entries and an entry's number in it, a series before it ("46/88", "F.2231", "II/141", "D-0447";
# not a row's count: "1", "12")
_ENTRY_COLUMN = regex.compile(r"(?i:no\.?|nr\.?|entry|box)")
_ENTRY_NUMBER = regex.compile(r"(?:\p{Lu}{1,3}[./-]?|\d{1,4}[/-])\d{2,6}")


_PEDIGREE_PLACE = regex.compile(r"[IVX]{1,5}[-.:]\d{1,2}")


def _record_head(head: str) -> bool:
    """A record's column, or one of two a header names together: "MRN", "BHT / Clinic No"."""
    return any(_RECORD_COLUMN.fullmatch(part) for part in head.split(" / "))


def table_ages(text: str) -> list[tuple[int, int]]:
    """Ages over 89 in the age columns of tables ("| 94  |", "91F")."""
    return [(s, s + len(m.group(1))) for s, e, head in table_columns(text)[1] if _AGE_COLUMN.fullmatch(head)
            and (m := _AGE_CELL.fullmatch(text[s:e])) and 90 <= int(m.group(1)) < 130]


def table_dates(text: str) -> list[tuple[int, int]]:
    """Days and months in the date columns of tables ("date   dose ..." over "02.12   80 mg"), which no cue dates."""
    return [(s, e) for s, e, head in table_columns(text)[1] if _DATE_COLUMN.fullmatch(head)
            and _DATE_CELL.fullmatch(text[s:e])]


# A form's label written in two languages, its translation beside it: "Lebitso / Name:", "DOB / Seinen-gappi:",
# "Mooki / Nurse: N. Sekhesa", "Ziekenhuis Oudwijk - Longziekten / Pulmonology" (at a line's end, a heading's).
_LABEL_SLASH = regex.compile(r"[ \t]+/[ \t]+")
_LABEL_SIDE = regex.compile(r"\p{L}[\p{L}'’.-]*(?:[ ]\p{L}[\p{L}'’.-]*){0,3}")
_LABEL_AFTER = regex.compile(r"[ \t]*(?::|\n|$)")
_LABEL_CELL_START = regex.compile(r"[ \t]{2,}|\t|\||[ \t]-[ \t]")  # what a label's cell starts after on its line
_LABEL_ABBREVIATIONS = frozenset("dob d.o.b. hosp no. tel addr dx rx nok gp pt id sex ref".split())


def _label_words(words: str) -> bool:
    """Words of an English label: English, a clinical abbreviation, a department's or a record field's name; no first
    name ("Young / Castellanos" is a rota's two people)."""
    return all(((low := w.lower()) in english_words() or low in _LABEL_ABBREVIATIONS or is_clinical_abbreviation(w)
                or low in department_words() or field_type(w)) and low not in first_names() for w in words.split())


def translated_labels(text: str) -> list[tuple[int, int]]:
    """The other language's side of labels written in two, each side up to four words between a cell's start and the
    slash or the slash and a colon or the line's end, one side all English label words: no name, whatever its words,
    but initials ("Signed TO / LM")."""
    spans = []
    for slash in _LABEL_SLASH.finditer(text) if " / " in text else ():
        line_start = text.rfind("\n", 0, slash.start()) + 1
        a = (max((m.end() for m in _LABEL_CELL_START.finditer(text, line_start, slash.start())), default=line_start),
             slash.start())
        b = (slash.end(), (m.end() if (m := _LABEL_SIDE.match(text, slash.end())) else slash.end()))
        if not (_LABEL_SIDE.fullmatch(text, *a) and b[1] > b[0] and _LABEL_AFTER.match(text, b[1])):
            continue
        english_a, english_b = _label_words(text[a[0]:a[1]]), _label_words(text[b[0]:b[1]])
        other = b if english_a else a
        if english_a != english_b and not _TABLE_INITIALS.fullmatch(text, *other):
            spans.append(other)
    return spans


# A form's label of another language: a capitalised word and up to three lowercase ones before a colon ("Jina la mtoto:",
# "Tarehe ya kuzaliwa:", "Sản phụ:"), or a capitalised word before a colon beside another label on its line ("Mtaa: ...
# Wilaya: ...     Simu: ...", "Chồng: ...     SĐT: ..."), each opening its line or a cell.
_FORM_LABEL = regex.compile(r"(?:^|(?<=\n|[ \t]{2}|\t|\|[ \t]?))"
                            r"(?P<label>\p{Lu}\p{Ll}[\p{Ll}'’-]*(?P<more>(?:[ ]\p{Ll}+){1,3})?)[ \t]*:(?=[ \t])")
_SAID = frozenset("said says wrote writes asked asks replied replies added adds texted texts called calls told tells".split())


def _line_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """Where the line that holds ``text[start:end]`` starts and ends (its newline left out)."""
    line_end = text.find("\n", start if end is None else end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def in_form_label(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies in one of :data:`_FORM_LABEL`'s labels on its line: one of a capitalised word
    and lowercase ones but a verb of saying ("Mary said:"), or of two or more labels of one word side by side (a chat's
    sender stands alone on its line). Read per span, on its line only: a megabyte's labels are not all looked for."""
    line_start, line_end = _line_bounds(text, start, end)
    line = text[line_start:line_end]
    if ":" not in line:
        return False
    labels = list(_FORM_LABEL.finditer(line))
    alone = sum(1 for m in labels if not m.group("more"))
    return any(s <= start - line_start and end - line_start <= e and (
        _SAID.isdisjoint(m.group("more").split()) if m.group("more") else alone > 1)
        for m in labels for s, e in [m.span("label")])


def table_phones(text: str) -> list[tuple[int, int]]:
    """Extensions, bleeps and telephone numbers in the telephone columns of tables ("Bleep" over "2231")."""
    return [(s, e) for s, e, head in table_columns(text)[1] if _PHONE_COLUMN.fullmatch(head)
            and _PHONE_CELL.fullmatch(text[s:e]) and sum(c.isdigit() for c in text[s:e]) >= 3]


def table_sites(text: str) -> list[tuple[int, int]]:
    """Sites in the pharmacy's, the facility's or the school's columns of tables ("Corner Chemist", "Medplus on Main"):
    capitalised words, one at least no department's, no clinical one nor a way of getting a thing ("Home Delivery")."""
    return [(s, e) for s, e, head in table_columns(text)[1] if _SITE_COLUMN.fullmatch(head)
            and _SITE_CELL.fullmatch(cell := text[s:e]) and any(
                w.lower() not in department_words() and is_name_word(w) for w in cell.split() if w[0].isupper())
            and not any(w.lower() in _NO_SITE for w in cell.split()) and not clinical_spans(cell)]


# Words of a site's cell that name a way, not a site: "Home Delivery", "Mail Order", "Same"
_NO_SITE = frozenset("delivery deliver mail order pickup pick-up collect collected collection courier post postal none unknown"
                     " various other same tbc tba pending".split())


def table_places(text: str) -> list[tuple[int, int]]:
    """Towns in the town columns of tables ("Town: Eagle", "| Gypsum |")."""
    return [(s, e) for s, e, head in table_columns(text)[1] if _PLACE_COLUMN.fullmatch(head)
            and _PLACE_CELL.fullmatch(text[s:e]) and all(is_name_word(w) for w in text[s:e].split())]


# Initials closing a note: "no safety concerns. mk", "will call back thurs.\n-kt", "Next update Monday.\nKA / SB"
_END_INITIALS = regex.compile(r"(?:^|[.!?][ \t]+|[ \t][-—–]|\n)[ \t]*[-—–]?[ \t]*(?:(?P<first>\p{Lu}{2,3})[ \t]*/[ \t]*)?"
                              r"(?P<phi>\p{Ll}{2,3}|\p{Lu}{2,3}|\p{Lu}Ma?c\p{Lu}|(?:\p{Lu}\.){2,3})[ \t]*\Z")
# A word in lowercase of four letters or more (one pass over the text; the lists decide).
_LOWERCASE_TOKEN = regex.compile(r"(?<![\p{L}\d'’.@/_-])\p{Ll}{4,}(?![\p{L}\d'’@/_-])")


def _lowercase_listed_names(text: str) -> list[tuple[int, int]]:
    """A census surname or first name written in lowercase that no English text writes so and the name model is sure
    of: "overnight whitfield spiked", "f/u MRI villalobos"; not among words of another language."""
    first, last, english, lowercase = first_names(), last_names(), english_words(), lowercase_forms()
    return [m.span() for m in _LOWERCASE_TOKEN.finditer(text) if ((w := m.group()) in last or w in first) and w not in english
            and w not in lowercase and is_name_word(w) and w not in service_words() and w not in department_words()
            and name_score(w) >= UNCUED_THRESHOLD and not _among_other_language(text, *m.span())]


_NEIGHBOUR_WORDS = regex.compile(r"\p{L}[\p{L}'’-]*")


def _foreign_words(words: list[str]) -> int:
    """How many of ``words`` are lowercase words of no English text and no name list (another language's words)."""
    return sum(1 for w in words if w.islower() and len(w) > 1 and w not in lowercase_forms() and w not in english_words()
               and not is_listed_name(w))


def _among_other_language(text: str, start: int, end: int) -> bool:
    """Three or more of the three words before and the three after a lowercase name on its line are words of another
    language ("epi m santi tèt mwen ap"), where a lowercase listed name is as likely a word of it."""
    line_start, line_end = _line_bounds(text, start, end)
    words = _NEIGHBOUR_WORDS.findall(text, line_start, start)[-3:] + _NEIGHBOUR_WORDS.findall(text, end, line_end)[:3]
    return _foreign_words(words) >= 3


# What stands before a word that opens a line, a list item, a quotation, a speaker's turn or a sentence, on its line.
_OPENING = regex.compile(r'(?:\A[ \t]*[-*•]?|["“„«:.!?])[ \t]*\Z')


def opens_other_language(text: str, start: int, end: int) -> bool:
    """A capitalised word opens a line, a quotation or a sentence whose next two words are of another language
    ("\"Ori mi n fo", "INT: Kisa k mennen"): a word of that language, not a name."""
    line_start, line_end = _line_bounds(text, start, end)
    after = _NEIGHBOUR_WORDS.findall(text, end, line_end)[:3]
    return _foreign_words(after) >= 2 and bool(_OPENING.search(text[line_start:start]))


# A patient a page or a message is about, named before their room: "PLS CALL X6620 RE GONZALES-REYES RM 809", "re
# Delacroix rm 12" (name words only: not "re pain rm 4").
_ABOUT_ROOM = regex.compile(rf"\b(?i:re):?[ \t]+(?P<phi>(?:{CAP}|{UPPER}|{LOWER_WORD})(?:[ \t]+(?:{CAP}|{UPPER})){{0,2}}),?[ \t]+{_ROOM}")


# A name with its role after it: "Frank the son calls ~2100", "Lupe the niece".
_ROLE_AFTER_NAME = regex.compile(rf"(?<![\p{{L}}'’.-])(?P<phi>{CAP})[ \t]+the[ \t]+{_ROLE}\b", regex.VERBOSE)
# A name in brackets after a role or a department: "Pt (Cho Sung-min) resting", "faxed to HR (Lorraine)", "son (Ade)".
_NAME_IN_BRACKETS = regex.compile(rf"\((?P<phi>{CAP}(?:[ \t-]{CAP}){{0,2}})\)")
_BRACKETS_OWNER = regex.compile(rf"\b(?i:pt|patient|hr|human\s+resources|payroll|{_ROLE})[ \t]*\Z", regex.VERBOSE)
# Initials with a Scottish or Irish surname's prefix, which spell no word: "Checked: GMcD", "RMcK / TO'N" (not a
# possessive: "WHO'S")
_CLAN_INITIALS = regex.compile(r"(?<![\p{L}\d'’.-])\p{Lu}{1,2}(?:Ma?c|O['’](?!S\b))\p{Lu}(?![\p{L}\d'’-])")
# A resident's or a student's initials before their year: "-- TL PGY2", "MK MS3".
_RESIDENT_INITIALS = regex.compile(r"(?<![\p{L}\d.'’-])(?P<phi>\p{Lu}{2,3})[ \t]+(?:PGY-?\d|MS[1-4])\b")


# A person named by the service they come from or work in: "Faith from PT ambulated pt", "Marco from pharmacy called
# back", "Ana from case management", "ask Grant in CM" (not "Note from PT", "Evicted from housing": the word before
# must be a first name or a name word that is no English word).
_FROM_SERVICE = regex.compile(rf"(?<![\p{{L}}'’.-])(?P<phi>{CAP}(?:[ \t]+\p{{Lu}}\.?)?)[ \t]+(?:from|in)[ \t]+(?:the[ \t]+)?"
                              rf"(?P<service>{_TEAM_ROLE}(?![\p{{L}}\d])|\p{{L}}+(?:[ \t]+\p{{L}}+)?)")
_SERVICES = ("case management", "social work", "physical therapy", "occupational therapy", "speech therapy", "respiratory",
             "transport", "dietary", "registration", "admitting", "billing", "security", "chaplaincy", "spiritual care",
             "wound care", "infection control", "patient relations", "utilization review")


def _staff_of_services(text: str) -> list[tuple[int, int]]:
    """Spans of names before "from" or "in" and a service or a team role (:data:`_FROM_SERVICE`)."""
    found = []
    for m in _FROM_SERVICE.finditer(text):
        word, service = m.group("phi").split()[0], m.group("service")
        low = service.lower()
        if (regex.fullmatch(_TEAM_ROLE, service) or low.split()[0] in department_words() or low.startswith(_SERVICES)) \
                and len(word) > 2 and word[1:].islower() and is_name_word(word) \
                and (word.lower() in first_names() or word.lower() not in english_words()):
            found.append(m.span("phi"))
    return found


_CAPITAL_START = regex.compile(r"(?<![\p{L}'’-])(?!I(?!\p{L}))\p{Lu}")  # "I" and "I'm" aside
_CAPITALISED_WORD = regex.compile(r"(?<![\p{L}\d'’-])\p{Lu}\p{Ll}")  # (not "CRP", "58F")
_LINE = regex.compile(r"[^\n]+")
# Where a speaker's or a prompt's tag may end: "[00:00:06] SPEAKER_02 (Pt): ", "00:00:25 >> HUSBAND: ", "< ".
_TAG_END = regex.compile(r"(?::|>>?|<)[ \t]+")
_CLAUSE_END = regex.compile(r"[.!?;][ \t]")
_LOWERCASE_START = regex.compile(r"[^\p{L}\n]*\p{Ll}")


@lru_cache(maxsize=4)
def lowercase_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of lines written without a capitalised word after the tag that opens them, if any: speech as a recogniser
    or a hurried hand writes it, inside a note that has capitals ("[00:00:31] SPEAKER_01 (Dr): okay i'll get shona at
    the desk", "CALLER (STT conf 0.64): thirty one childers road"); the tag is the shortest that leaves none, of its
    first two colons or arrows, with no sentence's end inside, and the turn after it opens in lowercase."""
    spans = []
    for line in _LINE.finditer(text):
        start, end = line.span()
        if not _CAPITALISED_WORD.search(text, start, end):
            spans.append((start, end))
            continue
        for k, tag in enumerate(_TAG_END.finditer(text, start, min(end, start + 60))):
            if k == 2 or _CLAUSE_END.search(text, start, tag.start()):
                break  # prose, not a tag: "HIV rapid: non-reactive. Contacts: 5 in haus"
            if not _CAPITALISED_WORD.search(text, tag.end(), end):
                if _LOWERCASE_START.match(text, tag.end()):  # (not a turn that opens with "I": "I see. I'll order")
                    spans.append((tag.end(), end))
                break
    return tuple(spans)


def on_lowercase_line(text: str, position: int) -> bool:
    """Whether ``position`` is on one of :func:`lowercase_lines`."""
    lines = lowercase_lines(text)
    k = bisect_right(lines, (position, len(text) + 1)) - 1
    return k >= 0 and position < lines[k][1]


@lru_cache(maxsize=4)
def is_lowercase_text(text: str) -> bool:
    """Text written without capitals (dictation, some messages): fewer than one word in fifty capitalised, "I" and
    "I'm" aside, and at least thirty words (cached: three recognizers ask of the same window)."""
    words = len(text.split())
    if words < 30:
        return False
    for capitals, _ in enumerate(_CAPITAL_START.finditer(text), start=1):
        if capitals >= words / 50:
            return False  # stops early in text written with capitals
    return True


# In text without capitals, the words after a person's cue: "this is doctor hollis grant dictating", "patient
# rosemary vance date of birth", "room six tamar ben-david g two p one", "dictated by p sato", "everyone calls me shazza"
_LOWERCASE_CUE = rx(rf"""\b(?:(?i:{_TITLE})\.?|{_ROLE}|patient|pt|(?:patient\s+)?name|dictated\s+by|transcribed\s+by|signed\s+by
    |this\s+is|report\s+on|re|(?:room|rm|bed|bay)\s+(?:\d+\w?|\w+)|calls?\s+me|goes\s+by|known\s+as)[ \t]*[:,]?[ \t]+(?P<phi>{LOWER_WORD}|\p{{Ll}}(?=[ \t]+\p{{Ll}}{{3}}))
    (?:[ \t]+{LOWER_WORD}){{0,4}}""")


_DOCTOR_TAG = regex.compile(r"(?i:doctor|dr)[ \t]*:")
# After these a surname stands alone in speech: "she sees doctor tallchief" (a word no dictionary holds), "youre all
# set mister young" (any word but a common one).
_DOCTOR_WORDS = frozenset(("doctor", "dr"))
_HONORIFICS = frozenset(("mister", "mr", "mrs", "ms", "miss", "missus"))


def _lowercase_cued_names(text: str, everywhere: bool) -> list[tuple[int, int]]:
    """Names after a cue in text without capitals (``everywhere``) or on a line of it (:func:`lowercase_lines`: "pt
    morag mcallister bed 7, dob 12/04/47" in a note that has some): a first name, an initial or a word the name model
    takes for a name, then the words that a name list holds, or no English word that the name model does not rule out
    ("oyelaran"; not "dictating"), up to the first common word; a first word that is neither a listed first name nor
    name-like must have such a surname after it ("patient hamid rahimi")."""
    spans = []
    parts = [(0, len(text))] if everywhere else lowercase_lines(text)
    for m in (m for start, end in parts for m in _LOWERCASE_CUE.finditer(text, start, end, overlapped=True)):
        if _SPEAKER_TAG.match(text, m.start()) or _SPEAKER_ROLE.match(text, m.start()) or _DOCTOR_TAG.match(text, m.start()):
            continue  # a speaker's turn: "doctor: bowel movements okay?"
        words = list(regex.finditer(r"\S+", text[m.start("phi"): m.end()]))
        first = words[0].group()
        cue = text[m.start(): m.start("phi")].strip(" \t:,.")
        title = cue.lower()
        if not everywhere and (first in _NO_NAME_AFTER_CUE or not (is_listed_name(first) or first not in english_words() and (
                _likely_name(first) or cue in _HONORIFICS))):
            continue  # on a lowercase line of a note with capitals, a listed or likely name only ("dr appt", "mrs said"),
            # or any word of no dictionary after a title in lowercase ("missus doig"; not "100mg MR bd")
        if first in ("a", "i") or _TITLE_WORD.fullmatch(first) or not (len(first) == 1 or is_name_word(first) and (
                first in first_names() or _likely_name(first) or first not in lowercase_words())):
            continue
        end = words[0].end()
        for w in words[1:]:
            word = w.group()
            if _PARTICLE.fullmatch(word):
                continue  # it waits for a name word after it: "henrike van der sluijs"
            if not is_name_word(word) or _ROLE_WORD.fullmatch(word) or len(word) < 2 or not (
                    word in first_names() or word in last_names() or word not in english_words() and (
                        _likely_name(word) or word not in lowercase_words() and name_score(word) >= 0.3)):
                break
            end = w.end()
        # an initial, or a first name that text mostly writes in lowercase ("rosemary", "precious"), only before a
        # surname that text does not
        surname = end > words[0].end() and words[1].group() not in lowercase_words()
        alone = len(first) > 1 and (first in first_names() and first not in lowercase_words()
                                    or first not in english_words() and (_likely_name(first) or title in _DOCTOR_WORDS)
                                    or title in _HONORIFICS and first not in common_words())
        if not (alone or surname):
            continue
        spans.append((m.start("phi"), m.start("phi") + end))
    return spans


def with_companions(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``names`` with the names listed with them (:func:`_coordinated`), all grown by the name words beside them
    (:func:`_neighbours`): for names found by a cue and by the name tagger alike."""
    names = names + _coordinated(text, names)
    return names + _neighbours(text, names)


def _place(value: str) -> bool:
    """A country ("was from Brazil": Safe Harbor keeps it), a city of several words whose first is no first name
    ("from San Diego"; not "Mary Esther"), or a site ("Lincoln High School"): the place recognizers type it."""
    low = value.lower()
    words = [w for w in low.split() if len(w.strip(".")) > 1]  # not an initial: "OGUNLESI,BABATUNDE A"
    return low in countries() or len(words) > 1 and (low in cities() and words[0] not in first_names()
                                                      or words[-1] in department_words())


_AFTER_LOWERCASE = regex.compile(r"(?:(?<![\p{L}'’-])\p{Ll}[\p{L}'’-]*|,)[ \t]+$")
_AND = r"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+|[ \t]*(?:->|-->|→|=>)[ \t]*)"  # and a hand-off: "Tiff -> Rosa"
_AGE_IN_BRACKETS = r"(?:[ \t]*\((?:\d{1,3}|\d{1,3}[ \t]?(?:y|yo|yrs?|mo|months?|wks?|weeks?))\))?"  # "Ellie (19) and Poppy (16)"
_AND_NEXT = regex.compile(rf"{_AGE_IN_BRACKETS}{_AND}(?P<phi>{CAP})")
# A name in brackets after a found one, its given name or what the person goes by: "Mrs Adeyemi-Cole (Folasade)",
# 'Marguerite O'Shaughnessy (AKA "Peg")'
_IN_BRACKETS_NEXT = regex.compile(rf"[ \t]*\([ \t]*(?:(?i:aka|a\.k\.a\.)[ \t]+)?[\"“']?(?P<phi>{CAP})[\"”']?[ \t]*\)")
# A name in quotes right after a found one, in brackets or not: what the person goes by ('Tyson ("TJ")', 'Tomás "el Ruso"
# Petrov', 'HUNTER,WILLIAM "BILL" DALE')
_QUOTED_NEXT = regex.compile(r"(?:[ \t]+\(?|[ \t]*\()[ \t]*[\"“](?P<phi>[^\s\"”](?:[^\"”\n]{0,22}[^\s\"”])?)[\"”](?:[ \t]*\))?")
# Letters after a dictation's date that are a time's, a zone's or a credential's, no typist's ("10:22 AM")
_NOT_TYPIST = frozenset("am pm md do dr rn np pa ok hr hrs min est cst mst pst edt cdt mdt pdt utc gmt bst cet".split())
# Initials after a slash that close a line or a field: a second person signing ("Signed TO / LM", "CREW: MCG / T.W.")
_SLASH_INITIALS = regex.compile(r"[ \t]*/[ \t]*(?P<phi>\p{Lu}{2,3}|\p{Ll}{2,3}|(?:\p{Lu}\.){2,3}|(?:\p{Ll}\.){2,3})"
                                r"(?=[ \t]*(?:$|[,;(]|[ \t]\d))", regex.MULTILINE)
_ANDED = regex.compile(r"\band\b|&|->|→|=>")  # "Dayo and Kunle", not "Whitby, Endocrinologist"
_PREVIOUS_AND = regex.compile(rf"(?P<phi>{CAP}){_AGE_IN_BRACKETS}{_AND}$")


def _coordinated(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Name-like words listed with a found name ("Morrison, Rogers and Torres", "Lupe and Carmen", "Dayo and Kunle") or in
    brackets after it, a given name or one the name model does not rule out, no town ("Mrs Adeyemi-Cole (Folasade)";
    not "Dr. Wu (Seattle)", "B.Physio (Hons)"), a name in quotes after it (:data:`_QUOTED_NEXT`) and initials after a
    slash (:data:`_SLASH_INITIALS`)."""
    out = []
    for s, e in names:
        if (m := _IN_BRACKETS_NEXT.match(text, e)) and _is_beside_name(word := m.group("phi")) \
                and word.lower() not in towns() and (word.lower() in first_names() or name_score(word) >= 0.3):
            out.append(m.span("phi"))
        if (m := _QUOTED_NEXT.match(text, e)) and len(nick := m.group("phi").split()) <= 3 and not clinical_spans(
                m.group("phi")) and any(w.isupper() or w[0].isupper() and (w.lower() in first_names() or w.lower()
                                                                             not in lowercase_words()) for w in nick):
            out.append(m.span("phi"))  # what the person goes by, and the surname after it: 'Cipriana "Nana" Archuleta'
            if (after := _NEXT_WORD.match(text, m.end())) and after.group("word") and _is_beside_name(after.group("word")):
                out.append(after.span("word"))
        if (m := _SLASH_INITIALS.match(text, e)) and _initials_ok(m.group("phi")):
            out.append(m.span("phi"))  # a second signer: "CREW: MCG / T.W.", "dr nusrat jahan / s.h."
        while (m := _AND_NEXT.match(text, e)) and _is_listed_beside(m):
            out.append(m.span("phi"))
            e = m.end()
        while (m := _PREVIOUS_AND.search(text, max(0, s - 40), s)) and _is_listed_beside(m):
            out.append(m.span("phi"))
            s = m.start()
    return out


# A name word beside a found name, on its line: "Maha" of "Maha Cazares", "S Bouts" of "Jildau S Bouts", a
# generational suffix ("Kevin Veitonen II", "João Pedro dos Santos Filho").
# A name's words are at most two spaces apart: a wider gap or a tab separates a table's columns.
_BESIDE = rf"[ ]{{1,2}}(?:{PARTICLE}[ ]{{1,2}})*"
_NEXT_WORD = regex.compile(rf"{_BESIDE}(?:(?P<suffix>(?:Jr|Sr)\.?|II|III|Filho|Neto|Júnior|Sobrinho)|(?:\p{{Lu}}\.?[ ]{{1,2}})?"
                          rf"(?P<word>(?:{_ARTICLE})?{CAP}))(?![\p{{L}}\d])")  # ("Faisal al-Otaibi")
_NEXT_UPPER = regex.compile(rf"[ ]{{1,2}}(?:{PARTICLE}[ ]{{1,2}})*(?P<word>{UPPER})(?![\p{{L}}\d'’-])")  # ("OSPINA, JHON FREDDY")
_PREVIOUS_UPPER = regex.compile(rf"(?<![\p{{L}}\d'’.-])(?P<word>{UPPER})[ ]{{1,2}}(?:{PARTICLE}[ ]{{1,2}})*$")  # ("SITI AMINAH")
_PREVIOUS_WORD = regex.compile(rf"(?<![\p{{L}}\d'’.-])(?P<word>{CAP}){_BESIDE}$")
_NEXT_LOWER = regex.compile(rf"[ ]{{1,2}}(?:{PARTICLE}[ ]{{1,2}})*(?P<word>{LOWER_WORD})(?![\p{{L}}\d'’-])")
_PREVIOUS_LOWER = regex.compile(rf"(?<![\p{{L}}\d'’.-])(?P<word>{LOWER_WORD})[ ]{{1,2}}(?:{PARTICLE}[ ]{{1,2}})*$")
# An initial before a name (its particles between them) or initials after it, on its line.
_INITIAL_BEFORE = regex.compile(rf"(?<![\p{{L}}\d'’.-]){INITIAL}[ ]{{1,2}}(?:{PARTICLE}[ ]{{1,2}})*$")
_INITIAL_AFTER = regex.compile(r"[ ]{1,2}\p{Lu}\.(?:[ ]?\p{Lu}\.)*(?![\p{L}\d])")
_PREVIOUS_CHINESE = regex.compile(r"(?<![\p{L}\d'’.-])(?P<word>\p{Lu}\p{Ll}{1,4}|\p{Lu}{2,5})[ ]$")
_NEXT_CHINESE = regex.compile(r"[ ](?P<word>\p{Lu}\p{Ll}{1,4}|\p{Lu}{2,5})(?![\p{L}\d'’-])")
# A kunya before a name, "mother of" or "father of" ("Umm Yusuf", "Abu Khalid"), or Muhammad shortened ("Md. Shahidul
# Islam", "MOHD FAIZAL").
_KUNYA_BEFORE = regex.compile(r"(?<![\p{L}\d'’-])(?:Umm|Um|Abu|Abou|Md\.?|Mohd\.?|MOHD\.?|Muhd\.?|MUHD\.?)[ ]$")
_TITLE_WORD = regex.compile(rf"(?i:{_TITLE})|{_TITLE_STOP}")  # (Indonesia's "Tn." too)


# Chinese surnames as Singapore, Malaysia, Hong Kong and the mainland spell them, and the shape of a syllable of a given
# name ("Lim Siew Hoon", "TAN WEI LING", "Aiden Lim Jun Hao"): beside a found name that one of the surnames opens or
# stands before, such a word is part of it, English word or not ("Ling", "Hoon").
_CHINESE_SURNAMES = frozenset("""tan lim lee ng goh ong teo koh chua wong lau ho yeo low chan chen lin wang zhang liu yang
    huang zhao wu zhou xu sun ma zhu hu guo gao luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong
    pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao lui cheung leung yip kwok tse chow choi fong siu mak lam
    yeung tsang kwan chong foo kok loh quek seah sim soh tay toh yap wee chia heng khoo lai lew poh yong ang chee chin chew
    phua neo lum liew tham woo""".split())
_SYLLABLE = regex.compile(r"(?i:(?:ch|sh|zh|ts|ng|[bcdfghjklmnpqrstwxyz])?h?(?:[aeiou]{1,3}|[aeiou]{1,2}w)(?:ng|n|m|k|p|t|h)?)")


def _chinese_syllable(word: str) -> bool:
    return len(word) <= 5 and bool(_SYLLABLE.fullmatch(word))


def _grown_chinese_name(text: str, start: int, end: int) -> tuple[int, int]:
    """The name at ``start:end`` with the Chinese surname before its syllables ("Lim" of "Siew Hoon") and, when a surname
    opens it, the syllables after it, four words at most ("LING" of "TAN WEI")."""
    words = text[start:end].split()
    if all(map(_chinese_syllable, words)) and (m := _PREVIOUS_CHINESE.search(text, max(0, start - 12), start)) \
            and m.group("word").lower() in _CHINESE_SURNAMES:
        start = m.start()
        words.insert(0, m.group("word"))
    if words[0].lower() in _CHINESE_SURNAMES and all(map(_chinese_syllable, words)):
        while len(words) < 4 and (m := _NEXT_CHINESE.match(text, end)) and _chinese_syllable(m.group("word")):
            end = m.end()
            words.append(m.group("word"))
    return start, end


def _neighbours(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Found names grown by the capitalised words right before or after them that could be part of them
    (:func:`_is_beside_name`), and by an initial before them or initials after them: a name's words are found by
    different cues, and one found alone would leave the rest readable."""
    out = []
    for start, end in names:
        s, e = start, end
        while (m := _NEXT_WORD.match(text, e)) and (m.group("suffix") or _is_beside_name(m.group("word"))):
            e = m.end()
        while (m := _PREVIOUS_WORD.search(text, max(0, s - 40), s)) and _is_beside_name(m.group("word")):
            s = m.start()
        if (m := _PREVIOUS_WORD.search(text, max(0, s - 40), s)) and _is_given_word_name(m.group("word")) \
                and _FIELD_OPENS.search(text, max(0, m.start() - 20), m.start()):
            s = m.start()  # "Midwife: Comfort Yakubu", "Patrollers: Gwen Story, Will Little"
        if text[s:e].isupper():  # "VALENCIA OSPINA, JHON FREDDY" of "VALENCIA OSPINA, JHON"
            while (m := _NEXT_UPPER.match(text, e)) and _is_capitals_name_word(m.group("word")):
                e = m.end()
            while (m := _PREVIOUS_UPPER.search(text, max(0, s - 40), s)) and _is_capitals_name_word(m.group("word")):
                s = m.start()
        if text[s:e].islower():  # "jhon jairo restrepo" of "jairo"
            while (m := _NEXT_LOWER.match(text, e)) and _is_lowercase_name_word(m.group("word")):
                e = m.end()
            while (m := _PREVIOUS_LOWER.search(text, max(0, s - 40), s)) and _is_lowercase_name_word(m.group("word")):
                s = m.start()
        s, e = _grown_chinese_name(text, s, e)
        if m := _INITIAL_BEFORE.search(text, max(0, s - 30), s):
            s = m.start()  # "E. van den Berg-Jansen", "H. de Vries"
        if m := _KUNYA_BEFORE.search(text, max(0, s - 8), s):
            s = m.start()
        if (m := _INITIAL_AFTER.match(text, e)) and not regex.fullmatch(_CREDENTIAL, m.group().strip()):
            e = m.end()  # "Wong K.Y.", "Abdul Rahman K.P." (not "Smith M.D.")
        if (s, e) != (start, end) and not _place(text[s:e]):  # "San" of "San Diego" is no name
            out.append((s, e))  # one span with the name: a suffix alone is no name word
    return out


# Given names that are also English words, as English-speaking Africa and the Caribbean give them, and where a field or
# a list's item opens: before a found surname there, such a word is the given name.
_VIRTUE_NAMES = frozenset("""comfort blessing blessings gift precious patience mercy charity godwin goodluck memory
    loveness prudence fortune favour favor princess innocent justice lucky miracle peace praise testimony faith hope grace
    joy rose will may june""".split())
_FIELD_OPENS = regex.compile(r"(?:^|[:,;(&])[ \t]*$", regex.MULTILINE)


def _is_given_word_name(word: str) -> bool:
    """A capitalised listed first name or given name that is also a word (:data:`_VIRTUE_NAMES`), no role or title."""
    low = word.lower()
    return (low in first_names() or low in _VIRTUE_NAMES) and word[1:].islower() and not _ROLE_WORD.fullmatch(word) \
        and not _TITLE_WORD.fullmatch(word) and not _STATE_NAME.fullmatch(word) and low not in department_words() \
        and low not in countries()


def _is_lowercase_name_word(word: str) -> bool:
    """A word in lowercase beside a name in lowercase is part of it if no English word or word text writes in lowercase,
    and a listed name or a likely one ("jhon", "restrepo"; not "cel", "hx")."""
    low = word.lower()
    return is_name_word(word) and low not in english_words() and low not in lowercase_words() and (
        is_listed_name(low) or _likely_name(word))


def _is_capitals_name_word(word: str) -> bool:
    """A word in capitals beside a name in capitals is part of it if text does not write it in lowercase: a listed first
    name text capitalises or never writes in lowercase, or a listed surname or likely name that is no English word
    ("FREDDY", "OSPINA"; not "STATES", "PAIN", "ROSE")."""
    low = word.lower()
    return is_name_word(word) and low not in lowercase_words() and (
        low in first_names() and (low in capitalised_words() or low not in lowercase_forms())
        or low not in english_words() and (low in last_names() or _likely_name(word)))


def _is_beside_name(word: str) -> bool:
    """No common, clinical, title, role, place or department word, and no word text mostly writes in lowercase."""
    low = word.lower()
    return is_name_word(word) and not _ROLE_WORD.fullmatch(word) and not _TITLE_WORD.fullmatch(word) \
        and not _STATE_NAME.fullmatch(word) and low not in lowercase_words() and low not in countries() \
        and low not in department_words()


def _is_listed_beside(m: regex.Match) -> bool:
    """The word of a list's match (:data:`_AND_NEXT`, :data:`_PREVIOUS_AND`) is a name: a listed one, or after "and" a
    foreign one ("Dayo and Kunle"; not "Whitby, Endocrinologist")."""
    word = m.group("phi")
    return _is_listed_name(word) or bool(_ANDED.search(m.group())) and _is_foreign_name(word)


def _is_foreign_name(word: str) -> bool:
    """A name word that is no English word, town or word text writes in lowercase ("Dayo and Kunle"): listed with a
    found name, it is a name whatever the name model says of it."""
    low = word.lower()
    return _is_beside_name(word) and low not in english_words() and low not in towns()


def _is_listed_name(word: str) -> bool:
    return is_name_word(word) and not _ROLE_WORD.fullmatch(word) and not _STATE_NAME.fullmatch(word) and (
        word.lower() in first_names() or _likely_name(word))


_TOKEN = regex.compile(r"(?<![\w-])\p{L}[\w'’-]*")


def other_mentions(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every other occurrence of a word of a name already found ("Mr. Smith ... Smith reports"): a
    capitalised one, one in lowercase of a name found in lowercase that is no English word ("calls him ziggy okay so
    ziggy said"), or any after "name:". One pass over the words of ``text`` (linear in its length)."""
    found = [w for s, e in names for w in re.findall(r"[^\W\d_][\w'’-]*[^\W\d_]", text[s:e]) if len(w) >= 3 and is_name_word(w)]
    words = {w.lower() for w in found}
    lowercase = {w for w in found if w.islower() and w not in english_words() and w not in lowercase_words()}
    if not words:
        return []
    spans = []
    for m in _TOKEN.finditer(text, overlapped=True):  # every word start, after an apostrophe too ("d'Arcy")
        start, token = m.start(), m.group()
        # a name word ends where the token does or before an apostrophe in it; the longest one wins
        lengths = [len(token)]
        if "'" in token or "’" in token:
            lengths += [i for i in range(len(token) - 1, 0, -1) if token[i] in "'’"]
        for length in lengths:
            low = token[:length].lower()
            if low in words and (token[0].isupper() or low in lowercase
                                 or text[max(0, start - 40): start].lower().rstrip().endswith("name:")):
                spans.append((start, start + length))
                break
    return spans


_INITIALS_WORD = regex.compile(r"(?<![\p{L}\d.'’&/-])\p{Lu}{2,3}(?![\p{L}\d'’&-])")
_CELL_START = regex.compile(r"(?:^|\n|[ \t]{2}|\t|\||:)[ \t]*$")
_CELL_END = regex.compile(r"[ \t]*(?:$|\n|[ \t]{2}|\t|\||/)|[ \t]+\p{Lu}\p{Ll}+[ \t]+\p{Lu}")


# A name written again in its own script right after it, after a slash or in brackets: "Takahashi Fumiko / 高橋 文子", "Wang
# Wei (王伟)", "Olena Kovalenko / Олена Коваленко".
_OTHER_SCRIPT = (r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Arabic}\p{Cyrillic}\p{Greek}\p{Devanagari}\p{Thai}\p{Bengali}"
                 r"\p{Gurmukhi}\p{Gujarati}\p{Tamil}\p{Telugu}\p{Sinhala}\p{Hebrew}\p{Georgian}\p{Armenian}\p{Ethiopic}\p{Myanmar}"
                 r"\p{Khmer}・ー]")  # (with the katakana's middle dot and long vowel: "ブイ・ヴァン・トゥアン")
_NAME_IN_OTHER_SCRIPT = regex.compile(rf"[ \t]*(?:/|\()[ \t]*(?P<name>{_OTHER_SCRIPT}+(?:[ ]{_OTHER_SCRIPT}+){{0,3}})")


# The rest of a name that a line's end hyphenated: "Dr. Feld-\nmann", a typewritten or scanned letter's
_HYPHENATED_REST = regex.compile(r"-\n[ \t]*(?P<rest>\p{Ll}{2,})(?!\p{L})")


def names_split_at_line_ends(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of a found name with the hyphen that breaks it at a line's end, and of its rest on the next line."""
    found = []
    for start, end in names:
        if m := _HYPHENATED_REST.match(text, end):
            found += [(start, end + 1), m.span("rest")]
    return found


# (or before it, the name in Latin letters in brackets or after a slash or a dash, a title or a role before it: "นาง
# สมศรี ใจดี (Mrs Somsri Jaidee)", "السيدة منى عبد الحميد / Mrs Mona Abdel Hamid", "ภก. ธนวัฒน์ (pharmacist Thanawat)",
# "فيصل بن عبدالرحمن العتيبي – Faisal bin Abdulrahman Al-Otaibi")
_NAME_BEFORE_IN_OTHER_SCRIPT = regex.compile(rf"(?P<name>{_OTHER_SCRIPT}+(?:[ ]{_OTHER_SCRIPT}+){{0,3}})[ \t]*(?:/|\(|[–—-])[ \t]*"
                                             rf"(?:{_TITLE}\.?[ \t]+|\p{{Ll}}+[ \t]+)?\Z")
# A name in another script as the value of a person's field labelled in English or in its own script, as bilingual forms
# write it: "病患 / Patient: 陳怡君        身分證字號", "主治醫師 / Attending: 林志明 醫師", "用戶: 陳李美華   年齡", "מטופל: יוסף
# אברמוביץ   ת.ז.", "患者: 陳怡君, 女" (a comma after it only under a label in its own script: not a speaker's "PT: Да,";
# not a department before a name, "小児科 山本先生"; not a drug's or a product's name)
_LABELLED_NAME_IN_OTHER_SCRIPT = regex.compile(
    rf"(?<!(?i:drug|medicine|medication|product|brand|generic|school|hospital|clinic|company|file)[ \t])"
    rf"\b(?:(?i:name|patient|pt|attending|physician|doctor|nurse|pharmacist|parent|guardian|mother|father|student|pupil"
    rf"|insured|employee|worker|claimant|handler)|(?P<own>氏名|姓名|名前|患者|病人|病患|用戶|用户|利用者|報案人|救護員|救护员|嘱託医"
    rf"|主治医|担当看護師|看護師|이름|성명|환자|보호자|שם|מטופל|מטופלת|الاسم|المريض|नाम|रोगी|ชื่อ|ผู้ป่วย|Имя|ФИО|Пациент|Όνομα"
    rf"|Ασθενής))"
    rf"[ \t]*[:：][ \t]*(?!\p{{Han}}+[科室部院棟課局][ ])"
    rf"(?P<name>{_OTHER_SCRIPT}+(?:[ ](?![様殿]|さん|先生){_OTHER_SCRIPT}+){{0,3}})(?:[ ](?:[様殿]|さん|先生))?"
    rf"(?=[ \t]{{2}}|\t|[ \t]*(?:$|\n|\(|/|[–—-]|\||(?(own)[,、，]|(?!))))", regex.MULTILINE)


# A name in Chinese characters before the honorific or the role that follows a name in Japanese and Chinese: "山本先生",
# "佐藤 由美様", "林志明 醫師", "陳さん" (two to four characters, a space between family and given name or not; not a role:
# "主治醫師", "担当医師", "保護者様"; nor a name's field, "氏名"; nor the department before a name, "小児科 山本先生")
_NAME_BEFORE_HONORIFIC = regex.compile(r"(?<!\p{Han})(?!主治|担当|擔當|主任|院長|校長|看護|護理|医師|醫師|教諭|保護者|患者|生徒|皆)"
                                       r"(?P<name>\p{Han}{1,3}(?:(?<![科室部院棟課局])[ 　]?\p{Han}{1,3})?)[ 　]?"
                                       r"(?:先生|さん|様|さま|医師|醫師|氏(?!名)|ちゃん|くん|君|護理師|护士|醫生|医生)")


# A Korean name (a common family name and one or two syllables) before an honorific or a title: "김순자 어르신", "박미영
# 선생님", "최동훈님", "이정숙 씨"
_KOREAN_NAME_BEFORE_HONORIFIC = regex.compile(
    r"(?<!\p{Hangul})(?!고객|가족|부모|이용|관리|보호|담당|환자|원장|간호|요양|사회|상담|신청|기사|전화|문의|안내|방문|확인|부탁|선생|어르)"
    r"(?P<name>[김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함"
    r"변염여추도석설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉]\p{Hangul}{1,2})[ ]?(?:선생님|어르신|님|씨|간호사님|할머니|할아버지)")


def names_in_other_scripts(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of a found name written again in another script right after it or right before it
    (:data:`_NAME_IN_OTHER_SCRIPT`, :data:`_NAME_BEFORE_IN_OTHER_SCRIPT`), of a name in another script after an
    label of a person's field (:data:`_LABELLED_NAME_IN_OTHER_SCRIPT`), and of a name in Chinese characters or in Korean
    before an honorific (:data:`_NAME_BEFORE_HONORIFIC`, :data:`_KOREAN_NAME_BEFORE_HONORIFIC`)."""
    found = [m.span("name") for _, e in names if (m := _NAME_IN_OTHER_SCRIPT.match(text, e))] + [
        m.span("name") for s, _ in names if (m := _NAME_BEFORE_IN_OTHER_SCRIPT.search(text, max(0, s - 80), s))]
    if NOT_LATIN.search(text):  # (a text in Latin letters alone is not read for them twice more: 80 ms a megabyte)
        found += [m.span("name") for m in _LABELLED_NAME_IN_OTHER_SCRIPT.finditer(text)] + [
            m.span("name") for m in _NAME_BEFORE_HONORIFIC.finditer(text)] + [
            m.span("name") for m in _KOREAN_NAME_BEFORE_HONORIFIC.finditer(text)]
    return found



def initials_of_names(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The initials of a found name of two or three capitalised words standing for the person ("MK" in a medication
    chart's columns for Mairéad Keane, "ATW" signing a midwife's entries for Aroha Te Whata): three letters anywhere,
    two where a line starts or where a cell starts and ends; never a state's or a clinical abbreviation."""
    initials = set()
    for s, e in names:
        words = _LETTERS_WORD.findall(text[s:e])
        if 2 <= len(words) <= 3 and all(w[0].isupper() and len(w) > 1 for w in words):
            initials.add("".join(w[0] for w in words).upper())
    if not initials:
        return []
    spans = []
    for m in _INITIALS_WORD.finditer(text):
        token = m.group()
        if token not in initials or not is_name_word(token) or token in STATES or token.lower() in provinces() \
                or clinical_spans(token):  # ("NSW" is no Nicole Sarah Walsh)
            continue
        line_start = text.rfind("\n", max(0, m.start() - 200), m.start()) + 1 or max(0, m.start() - 200)
        if len(token) == 3 or not text[line_start:m.start()].strip() \
                or _CELL_START.search(text, max(0, m.start() - 3), m.start()) and _CELL_END.match(text, m.end()):
            spans.append(m.span())
    return spans


# A chart's key of its staff's initials: "sig: BP = Bola Pereira RN", "KEY  OA Olamide Akande, RN", "by OA (Oona
# Aherne)", "PT = Patience Tetteh"
_INITIALS_KEY = regex.compile(rf"(?<![\p{{L}}\d.'’&/-])(?P<initials>\p{{Lu}}{{2,3}})"
                              rf"(?:[ \t]*[=:–][ \t]*|[ \t]+|[ \t]*\([ \t]*)(?P<name>{CAP}(?:[ \t]+{CAP}){{1,2}})")
# ... and where else they stand for the person: alone in a cell, in brackets, after "by" ("-160   OA\n", "(BP).",
# "countersigned late by SB"); not "BP 168/94", "MS Contin", "while BP on break"
_KEYED_BEFORE = regex.compile(r"(?:^|\n|[ \t]{2}|\t|[(|/][ \t]*|(?i:by|witness|sig|-)[ \t]+)$")
_KEYED_AFTER = regex.compile(r"[ \t]*(?:$|\n|[ \t]{2}|\t|[)|/.,;]|[ \t]=)")


def keyed_initials(text: str) -> list[tuple[int, int]]:
    """Initials that a chart's key gives to a person ("OA Olamide Akande", "BP = Bola Pereira"): there and wherever
    else a cell (not a header's: "TIME   HR    BP"), brackets or "by" hold them, even where they would be a clinical
    abbreviation (the key says whose they are)."""
    entries = []  # (initials' span, how sure: 2 a name by :func:`_key_name`, 1 a name of no English word at either end)
    for m in _INITIALS_KEY.finditer(text, overlapped=True):
        words = regex.split(r"[ \t]+", m.group("name"))
        if m.group("initials") == "".join(w[0] for w in words) and all(is_name_word(w) for w in words) \
                and not clinical_spans(m.group("name")):
            sure = 2 if _key_name(words) else int(words[0].lower() not in english_words()
                                                  and words[-1].lower() not in english_words())
            entries.append((m.span("initials"), sure))
    # a key of several entries holds names its sure ones vouch for ("OA Olamide Akande" beside "PT Pooja Trivedi")
    spans = [span for span, sure in entries if sure == 2 or sure and any(other == 2 for _, other in entries)]
    keyed = {text[s:e] for s, e in spans}
    if not keyed:
        return []
    return spans + [m.span() for m in _INITIALS_WORD.finditer(text) if m.group() in keyed
                    and _KEYED_BEFORE.search(text, max(0, m.start() - 12), m.start()) and _KEYED_AFTER.match(text, m.end())
                    and not _header_row(text, m.start())]


def _key_name(words: list[str]) -> bool:
    """A key's name words (:func:`keyed_initials` has checked they are name words) with two signs of three: a given
    name first, a listed surname last, no English word at either end ("Olamide Akande", "Joy Young", "Patience Tetteh";
    not "Blood Pressure", "Beta Blocker", "Junior Resident")."""
    first, last = words[0].lower(), words[-1].lower()
    given = _likely_or_known(words[0]) and (first in first_names() or first not in last_names())
    plain = first not in english_words() and last not in english_words()
    return given + is_listed_name(words[-1]) + plain >= 2


_NUMBER = regex.compile(r"(?<!\p{L})\d")


def _header_row(text: str, at: int) -> bool:
    """Is the line at ``at`` a table's header: three cells or more and no number ("TIME   HR    BP   SpO2   RR")?"""
    line = text[slice(*_line_bounds(text, at))]
    return len(_COLUMN_GAP.split(line.strip())) >= 3 and not _NUMBER.search(line)


# A letter's reference, the writer's initials and the typist's, alone where a line starts ("RPJ/lh   typed 28/2/25",
# "Our ref: DH/mc", "HBW:gh"); a chat's handle ("@pnowak: will call after rounds", "thx @lbaptiste", "login user=jkowalczyk",
# 'opened by user "dwhitworth"', "Account: genevieve.roy").
_REFERENCE_INITIALS = r"(?P<writer>\p{Lu}{2,4}|\p{Lu}{1,2}Ma?c\p{Lu})[/:](?P<typist>\p{Ll}{2,3})(?=[ \t]|$)"
_LETTER_REFERENCE = regex.compile(rf"(?m)^[ \t]*{_REFERENCE_INITIALS}")
# (after the reference's label, anywhere on its line: "Telephone 60-119     Ref: JMcL/ab     Hosp. No. ...")
_LABELLED_REFERENCE = regex.compile(rf"(?m)(?i:\b(?:(?:our|your)[ \t]*)?ref\b)\.?[ \t]*:?[ \t]*"
                                    rf"{_REFERENCE_INITIALS}")
_HANDLE = regex.compile(r"(?<![\w.@])@(?P<handle>\p{L}+(?:[._]\p{L}+)?)(?![\w.@-]*\.\p{L}{2,}\b)(?![\w@])"
                        r"|\b(?i:user|username|userid|login)"
                        r"(?:[ \t]*[=:][ \t]*|[ \t]+[\"“'‘]|[ \t]+(?=\p{L}+[._]\p{L}))"
                        r"(?P<handle>\p{L}+(?:[._]\p{L}+)?)(?![\w@])"
                        r"|\b(?i:account)[ \t]*:[ \t]*(?P<handle>\p{L}+[._]\p{L}+)(?![\w@])")

_MADE_NAME = r"(?=[\w.-]*(?:_|\d))\p{L}[\w.-]{2,30}"  # a name an app let someone make: "vanbear_81"
# A forum's user: "u/okie_grandkid", "Posted by tiredbutcoping_77", "Reply from AdmiralNurseLiz (20 Jan)", "Top comment by
# u/RN_Dana_Tulsa"; a name the forum made, with an underscore, a digit or a capital inside a word (not "Reply from Jo")
_FORUM_USER = regex.compile(r"\b(?i:posted|replied|reply|comment|answer|post|quote|message)[ \t]+(?i:by|from)[ \t]+"
                            r"(?:u/(?P<handle>[\w-]{3,30})|(?P<handle>(?=[\w.-]*(?:_|\d|\p{Ll}\p{Lu}))\p{L}[\w.-]{2,30}))(?![\w.-])"
                            r"|(?<![\w/(])u/(?P<handle>(?=[\w-]*(?:_|\d|\p{Lu}))[\w-]{3,30})"  # (not a dose: "VASO(u/min)")
                            # an app's user name, with an underscore or a digit: "pt's username vanbear_81", "handles
                            # lanka_guy92 and sunset_kdy"
                            r"|\b(?i:user(?:[ \t]?name)?|handles?|gamertag|screen[ \t]?name)(?:[ \t]+(?i:is|was))?[ \t]*:?[ \t]+@?"
                            rf"(?P<handle>{_MADE_NAME})(?![\w.-])")
_MORE_HANDLES = regex.compile(rf"[ \t]*(?:,|\band\b|&)[ \t]*@?(?P<handle>{_MADE_NAME})(?![\w.-])")

# A login of an initial and a surname after the one who did something: "Booked by: kpatel", "Received:
# mbouchard 18:55", "Closed by dlarue", "under user kbrooks2", two initials after a login's label: "login kdelgado3",
# "by user jcbautista" (not "by pager", "by crackles")
_LOGIN_AFTER_DOER = regex.compile(r"\b(?:(?i:by|received|checked|verified|dispensed|entered|logged|closed|opened)"
                                  r"|(?P<label>(?i:user|login|logon|(?:agent|user)[ \t]+id)))[ \t]*:?"
                                  r"[ \t]+(?P<login>\p{Ll}{5,22})\d{0,3}(?![\w@-]|\.\w)")


def find_references_and_handles(text: str) -> list[tuple[int, int]]:
    """Spans of the initials of a letter's reference, of chat handles, forum users and logins (:data:`_LETTER_REFERENCE`,
    :data:`_LABELLED_REFERENCE`, :data:`_HANDLE`, :data:`_FORUM_USER`, :data:`_LOGIN_AFTER_DOER`), and of people listed
    by their dotted initials (:data:`_INITIALS_LIST`); the allow-list drops those that are clinical or common words
    ("BP/HR", "@all")."""
    spans = [m.span(g) for m in _LETTER_REFERENCE.finditer(text) for g in ("writer", "typist")]
    spans += labelled_references(text)
    spans += [m.span("handle") for m in _HANDLE.finditer(text) if m.group("handle").lower() not in _CHAT_SYSTEM]
    for m in _FORUM_USER.finditer(text):
        spans.append(m.span("handle"))
        end = m.end("handle")
        while more := _MORE_HANDLES.match(text, end):  # "handles lanka_guy92 and sunset_kdy"
            spans.append(more.span("handle"))
            end = more.end()
    spans += [(m.start("login"), m.end()) for m in _LOGIN_AFTER_DOER.finditer(text)
              if any(_login(m.group("login"), m.group("login")[n:])
                     for n in ((1, 2) if m.group("label") else (1,)))]
    for m in _INITIALS_LIST.finditer(text):
        items = list(_LISTED_INITIALS.finditer(text, m.start(), m.end()))
        if not any(item.group().lower() in _DOTTED_ABBREVIATIONS for item in items):
            spans += [item.span() for item in items]
    return spans


# Three or more people by their dotted initials, one after another: a group's members, a meeting's ("Members present:
# T.W., D.L., R.C., J.B.H."); not abbreviations so written ("U.S., U.K., E.U.")
# (a name of its own: :data:`_DOTTED_INITIALS`, of any length, judges a single word)
_LISTED_INITIALS = regex.compile(r"(?<![\p{L}.])(?:\p{Lu}\.){2,3}(?![\p{L}])")
_INITIALS_LIST = regex.compile(rf"{_LISTED_INITIALS.pattern}"
                               rf"(?:[ \t]*,[ \t]*(?:(?:and|&)[ \t]+)?{_LISTED_INITIALS.pattern}){{2,}}")
_DOTTED_ABBREVIATIONS = frozenset("""u.s. u.k. e.u. u.n. a.m. p.m. d.c. b.c. a.d. n.y. l.a. u.s.a. r.n. m.d. d.o.
    p.a.""".split())


def _login(login: str, surname: str) -> bool:
    """An initial (or two) and a listed surname that text does not write in lowercase, the whole no word ("kpatel",
    "mbouchard"; not "pager", "drinker", "crackles")."""
    return login not in english_words() and login not in lowercase_forms() and login not in first_names() \
        and surname in last_names() and surname not in lowercase_words()


# Letters read out one by one: "K-O-W-A-L-S-K-I", "v a n c e", "Z, B, I, G, N, I, E, W", "a l dash a m i n", "N-I space
# B-H-R-I-A-I-N"
_SPELLED = regex.compile(r"\b\p{L}\b(?<!['’]\p{L})(?=[ \t]*[-,.]?[ \t]*\p{L}\b)(?:(?:[ \t]*[-,.][ \t]*|[ \t]+"
                         r"(?:(?i:dash|hyphen|space|apostrophe)[ \t]+)?)\p{L}\b(?!['’]\p{L})){2,}")
_SPELLING_WORD = regex.compile(r"\b(?i:dash|hyphen|space|apostrophe)\b")
_WORD_TOKEN = regex.compile(r"(?<![\p{L}'’-])\p{L}[\p{L}'’-]*\p{L}")
_SPELL_CUE = regex.compile(r"(?i:spell(?:ed|s|ing)?|spelt)\b[^.\n]{0,30}$")


_NOT_A_LETTER = regex.compile(r"[^\p{L}]")
_LETTERS_WORD = regex.compile(r"\p{L}[\p{L}'’]*")
_INNER_WORD = regex.compile(r"\p{L}[\p{L}'’-]*\p{L}")  # a word of two letters or more, its inner marks kept


# A nickname in quotes beside a name found: in brackets or after a cue right after it ('Tyrell Massengill (goes by "Tee")',
# 'Oluwatobi Akinyemi ("Tobi")', 'Mamadou Lamine dit « Pa Lamine »', 'Ramón Alberto (a) «el Tucu»'), between its words
# ('Iosefa "Joe" Tuala'), or right before it ('husband "Buddy" Tillman'); one to three words, capitalised but after a cue
# (not 'Mr Smith "I feel fine"', 'Dr Jones ("the oncologist")')
_NICK = r"\p{L}[\p{L}'’.-]*(?:[ ]\p{L}[\p{L}'’.-]*){0,2}"
_CAPITALISED_NICK = r"\p{Lu}[\p{L}'’.-]*(?:[ ]\p{Lu}[\p{L}'’.-]*){0,2}"
_NICK_CUE = r"(?i:goes[ \t]+by|known[ \t]+as|aka|a\.k\.a\.?|alias|dit|called|nicknamed|\(a\))"
_OPEN, _CLOSE = "[\"“«]", "[\"”»]"
_NICK_AFTER = regex.compile(rf"[ \t]*(?:\([ \t]*{_OPEN}[ \t]*(?P<nick>{_CAPITALISED_NICK})[ \t]*{_CLOSE}[ \t]*\)"
                            rf"|[ \t]*\(?[ \t]*{_NICK_CUE}[ \t]*{_OPEN}[ \t]*(?P<nick>{_NICK})[ \t]*{_CLOSE}"
                            rf"|[ \t]+{_OPEN}(?P<nick>{_CAPITALISED_NICK}){_CLOSE}[ \t]+(?=\p{{Lu}}))")
_NICK_BEFORE = regex.compile(rf"{_OPEN}(?P<nick>{_CAPITALISED_NICK}){_CLOSE}[ \t]+\Z")


def nicknames_beside_names(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the nicknames in quotes beside the names found (:data:`_NICK_AFTER`, :data:`_NICK_BEFORE`)."""
    return [m.span("nick") for _, e in names if (m := _NICK_AFTER.match(text, e))] + [
        m.span("nick") for s, _ in names if (m := _NICK_BEFORE.search(text, max(0, s - 40), s))]


def spelled_names(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names spelled out letter by letter: a found name's word, or its beginning or end of four letters or more
    ("Abernethy, E-T-H-Y"), any word after "spell" ("spelling first name o l u m i d e"), or a word and its spelling
    a few words after it, unless a clinical one ("caller tobi t o b i", "kowalczyk like k-o-w-a-l-c-z-y-k"; not
    "metformin m e t f o r m i n")."""
    words = {_unaccented(_NOT_A_LETTER.sub("", w)) for s, e in names
             for w in [text[s:e], *_INNER_WORD.findall(text[s:e])] if len(w) >= 3}  # (the name whole too)
    spans = []
    for m in _SPELLED.finditer(text):
        letters = _unaccented("".join(regex.findall(r"\p{L}", _SPELLING_WORD.sub("", m.group()))))
        if letters in words or len(letters) >= 4 and any(w.startswith(letters) or w.endswith(letters) for w in words) \
                or _SPELL_CUE.search(text, max(0, m.start() - 40), m.start()):
            spans.append(m.span())
        elif len(letters) >= 3 and (word := _spelled_word(letters, text, max(0, m.start() - 80), m.start())) \
                and is_name_word(word.group()) and not clinical_spans(word.group()):
            spans += [word.span(), m.span()]
    return spans


def _spelled_word(letters: str, text: str, start: int, end: int) -> regex.Match | None:
    """The last word in ``text[start:end]`` that ``letters`` spell ("kowalczyk like k-o-w-a-l-c-z-y-k")."""
    found = None
    for word in _WORD_TOKEN.finditer(text, start, end):
        if len(word.group()) == len(letters) and _unaccented(word.group()) == letters:
            found = word
    return found


def _unaccented(word: str) -> str:
    """Lowercase, without accents: a name is spelled out in bare letters ("Désir", "D-E-S-I-R")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))
