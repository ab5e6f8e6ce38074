"""Regular expressions of the clinical recognizers: each pattern's group ``phi`` is the identifier, the
rest of the match its context (a label, a unit, a state)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_MONTH_NAME = "|".join(m.capitalize() for m in MONTHS)  # "January|February|...", as written in a sentence
_LOWERCASE_MONTH = "|".join(m for m in MONTHS if m != "may")  # ... in lowercase, but the verb "may"
ORD = r"(?:st|nd|rd|th)"
FOREIGN_MONTH = (r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
                 r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
                 r"|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
                 r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre)")
STATES = ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND "
           "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP FM MH PW AA AE AP").split()
STATE_NAMES = ("Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|"
                "Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|"
                "Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|"
                "New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|"
                "South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|"
                "Wisconsin|Wyoming")
STATE = "(?:" + "|".join(STATES) + "|" + STATE_NAMES.replace(" ", r"\s+") + ")"
# A capitalised word in any Latin script, e.g. "O'Neil", "McCrory", "Nguyen-Tran", "Mądrzak", "Tuʻipulotu" (the ʻokina of
# Hawaiian, Tongan and Samoan names, inside a word: one before it, "ʻAna", made every pattern a tenth slower); in
# capitals; an initial. (An apostrophe may end a word before the next of a name: Luo "Achieng' Otieno".)
CAP = r"\p{Lu}(?:\p{Ll}|['’ʻ](?=\p{L}|[ ]\p{Lu}\p{Ll})|\p{Lu}(?=\p{Ll}))+(?:-\p{L}\p{Ll}+)?(?!\p{L})"
UPPER = r"(?:Ma?c(?=\p{Lu}{2}))?\p{Lu}(?:\p{Lu}|['’-](?=\p{Lu}))+(?!\p{L})"  # (a Scottish or Irish prefix as written: "McAULAY")
INITIAL = r"\p{Lu}\.(?:\p{Lu}\.)*(?!\p{L})"  # "K.", "K.H."
LOWER_WORD = r"\p{Ll}[\p{Ll}'’-]+"
# What a saint's name with "'s" names when it is no hospital: "St. John's wort", "St. Patrick's Day".
SAINTS_HERB_OR_DAY = r"(?i:wort|day)\b"
# Particles between a name's words: "de la Cruz", "van der Berg", "Rhys ap Gwilym", Malaysian and Singaporean "son of"
# ("KUMARASAMY s/o PILLAI", "Rosnah bt Ismail", "Chong Ah Moi"), Vietnamese middle names ("Nguyen Thi Lan", "Tran Văn
# Hùng", "Lê Thu Trang", where "Thu" is no Thursday)
PARTICLE = (r"(?:da|de|del|della|der|den|di|do|dos|das|du|la|le|los|las|van|von|ten|ter|bin|bint|binti|binte|bte|bt|ibn|al"
            r"|el|y|ap|verch|ferch|[sd]/o|[SD]/O|a/[lp]|A/[LP]|anak|Ah|Thi|Thị|THI|THỊ|Văn|VĂN|Thu|THU|BIN|BINTI|BINTE|BTE|BT|ul|ud|ur)")


def rx(pattern: str, flags: int = 0) -> regex.Pattern:
    return regex.compile(pattern, flags | regex.VERBOSE | regex.VERSION0)


@lru_cache(maxsize=4)
def lowercase(text: str) -> str:
    """``text`` in lowercase with the same offsets ("İ" lowers to two characters: such letters stay as they are)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def finditer_on_cued_lines(pattern: regex.Pattern, cue: re.Pattern | regex.Pattern, text: str, cue_in_lowercase: bool = False,
                           **kwargs):
    """``pattern.finditer(text)`` over only the lines where ``cue`` occurs (in ``text``, or in it lowercased): the same
    matches for a pattern that never crosses a line's end and cannot match without ``cue`` on its line, at the cost of
    one scan for ``cue`` (a pattern that starts with a name's word is tried at every letter of a text; a cue with a rare
    first character is not; a case-sensitive alternation of words scans a lowercased text about twice as fast as a
    case-insensitive one the text)."""
    end = -1
    for m in cue.finditer(lowercase(text) if cue_in_lowercase else text):
        if m.start() < end:
            continue  # its line is read already
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end + 1
        yield from pattern.finditer(text, start, end, **kwargs)


def lowercase_cue(words: str) -> re.Pattern:
    """A cue for :class:`CuedPattern` (``cue_in_lowercase``) from a case-insensitive alternation of words ("(?i:...)"
    or a plain group, written verbose): its letters in lowercase (not its escapes: ``\\S`` stays), a word boundary
    before it, compiled by ``re`` (no ``\\p{...}`` classes allowed)."""
    body = words[4:-1] if words.startswith("(?i:") else words
    body = re.sub(r"\\.|[A-Z]", lambda m: m.group() if m.group().startswith("\\") else m.group().lower(), body)
    return re.compile(rf"\b(?:{body})", re.VERBOSE)


class WordCue:
    """A cue of many words for :class:`CuedPattern`, looked up line by line in a set (an alternation of a hundred
    words is tried at every letter of a text; a line's words, split once for all such cues, met with a set are not):
    the lines holding one of ``words`` or a word that ends with one of ``endings`` (lowercase)."""

    def __init__(self, words: str, endings: str = ""):
        self.words, self.endings = frozenset(words.split()), tuple(endings.split())

    def finditer(self, text: str):
        for start, end, tokens in _line_words(text):
            if not self.words.isdisjoint(tokens) or self.endings and any(t.endswith(self.endings) for t in tokens):
                yield _Line(start, end)


_WORD_SEPARATORS = re.compile(r"[\s,;:()\[\]\"“”'‘’!?./#=-]+")


@lru_cache(maxsize=4)
def _line_words(text: str) -> tuple[tuple[int, int, frozenset[str]], ...]:
    """Each line's start, end and lowercase words (split at spaces and punctuation: "c/", "av.", "20-ene-2025")."""
    lines, start = [], 0
    for line in text.split("\n"):
        lines.append((start, start + len(line), frozenset(_WORD_SEPARATORS.split(line.lower()))))
        start += len(line) + 1
    return tuple(lines)


@dataclass(frozen=True)
class _Line:
    """Where :meth:`WordCue.finditer` found its cue: a whole line (what :func:`finditer_on_cued_lines` reads of a
    match)."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


@dataclass(frozen=True)
class CuedPattern:
    """A pattern that cannot match without ``cue`` on its line, read only on such lines (:func:`finditer_on_cued_lines`;
    ``cue_in_lowercase``: the cue is a lowercase pattern, run on the text lowercased); the recognizers call only
    ``finditer``."""

    pattern: regex.Pattern
    cue: re.Pattern | regex.Pattern | WordCue
    cue_in_lowercase: bool = False

    def finditer(self, text: str, **kwargs):
        return finditer_on_cued_lines(self.pattern, self.cue, text, self.cue_in_lowercase, **kwargs)


WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|weds|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_UNITS = "one two three four five six seven eight nine".split()
_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth".split()
ORDINAL_WORD = ("(?:(?:twenty|thirty)[\\s-](?:" + "|".join(_ORDINALS) + ")|" + "|".join(_ORDINALS)
                + "|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
                "|twentieth|thirtieth)")
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_UNIT = "(?:" + "|".join(_UNITS) + ")"
_TO_99 = rf"(?:{_TENS}(?:[\s-]{_UNIT})?|{_TEENS}|{_UNIT})"
# "nineteen fifty seven", "twenty oh four", "two thousand twenty four", "two thousand and nine"
YEAR_WORDS = (rf"(?:(?:nineteen|twenty)[\s-](?:hundred|oh[\s-]{_UNIT}|{_TO_99})"
              rf"|two[\s-]thousand(?:[\s-](?:and[\s-])?{_TO_99})?)")
HOLIDAY = r"""(?:christmas(?:[ \t]+(?:eve|day))?|xmas|new[ \t]+year'?s(?:[ \t]+(?:eve|day))?
    |thanksgiving(?:[ \t]+(?:day|monday|weekend))?|easter(?:[ \t]+(?:sunday|monday|weekend))?|ash[ \t]+wednesday
    |(?:january|may|spring|summer|june|august|october|late|early)[ \t]+bank[ \t]+holiday(?:[ \t]+(?:monday|weekend))?
    |bank[ \t]+holiday[ \t]+monday
    |labou?r[ \t]+weekend|(?:makar[ \t]+)?sankranti
    |(?:the[ \t]+)?fourth[ \t]+of[ \t]+july|independence[ \t]+day|labor[ \t]+day|memorial[ \t]+day|veterans[ \t]+day|halloween
    |valentine'?s[ \t]+day|mother'?s[ \t]+day|father'?s[ \t]+day|martin[ \t]+luther[ \t]+king[ \t]+day|mlk[ \t]+(?:day|weekend|wknd)|presidents'?[ \t]+day
    |columbus[ \t]+day|(?:lunar|chinese)[ \t]+new[ \t]+year|good[ \t]+friday|hanukkah|yom[ \t]+kippur|juneteenth
    |diwali|divali|deepavali|dussehra|dasara|durga[ \t]+puja|eid(?:[ \t-]+(?:al|ul|el)[ \t-]+\w+)?
    |(?:saint|st\.?)[ \t]+(?:patrick|paddy|david|andrew|george)['’]?s[ \t]+day|paddy['’]?s[ \t]+day|boxing[ \t]+day|canada[ \t]+day|anzac[ \t]+day|f[êe]te[ \t]+nationale
    |three[ \t]+kings['’]?[ \t]+day|fat[ \t]+tuesday|(?:national[ \t]+)?indigenous[ \t]+peoples['’]?[ \t]+day|cny
    |d[ií]a[ \t]+de[ \t]+la[ \t]+independencia
    |waitangi[ \t]+(?:day|weekend)|australia[ \t]+day|remembrance[ \t]+(?:day|sunday)|bonfire[ \t]+night|guy[ \t]+fawkes(?:[ \t]+night)?|hogmanay|burns[ \t]+night
    |emancipation[ \t]+day|kamehameha[ \t]+day|prince[ \t]+k[uū]hi[oō][ \t]+day|kwanzaa|passover|purim|navratri|vesak|songkran
    |onam|vaisakhi|baisakhi|chuseok|matariki|mardi[ \t]+gras|cinco[ \t]+de[ \t]+mayo|d[ií]a[ \t]+de[ \t]+(?:los[ \t]+)?(?:muertos|reyes)|nochebuena
    |hari[ \t]+raya(?:[ \t]+(?:aidilfitri|aidiladha|haji|puasa))?|(?<=day[ \t]of[ \t])raya|thaipusam|undas|little[ \t]+christmas
    |phagwa|indian[ \t]+arrival[ \t]+day|rama[dz]an|ramzan|lebaran|ciidda|sukkot|succot|shavuot|(?:erev[ \t]+)?rosh[ \t]+hashanah?
    |(?:thai[ \t]+)?pongal|chap[ \t]+goh[ \t]+meh|fiji[ \t]+day|martyrs['’]?[ \t]+day|koningsdag|kadooment(?:[ \t]+day)?|white[ \t]+sunday
    |whit[ \t]+(?:sunday|monday|tuesday)|whitsun(?:day|tide)?|martinmas|michaelmas|candlemas|lammas|lady[ \t]+day
    |empire[ \t]+day|armistice[ \t]+day|shrove[ \t]+tuesday|palm[ \t]+sunday|maundy[ \t]+thursday
    |hallowe['’]en|valentijnsdag|saint-valentin|san[ \t]+valent[ií]n|midsommar(?:afton|dagen)?|juhannus(?:aatto|päivä)?
    |weihnachten|heiligabend|ostern|pfingsten|kerstmis|pasen|pinksteren|sinterklaas|pâques|semana[ \t]+santa|navidad
    |(?:la[ \t]+)?(?:saint|st)-jean(?:-baptiste)?|(?:jamhuri|madaraka|mashujaa)[ \t]+day|t[eế]t[ \t]+holiday|wigilia|nollaig[ \t]+na[ \t]+mban|sul[ \t]+y[ \t]+pasg|(?-i:New[ \t]+Year|Carnival|Carnaval|T[eếê]t|Holi|All[ \t]+(?:Saints|Souls)(?:['’]?[ \t]+Day)?|Watch[ \t]+Night))"""
_US_MONTH_DAY = r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"  # "3/14", "03/14"
# a day and a month as most of the world writes them, where the day cannot be a month: "17/02", "24/3"
_DAY_MONTH = r"(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])"
_MONTH_DAY = rf"(?:{_US_MONTH_DAY}|{_DAY_MONTH})"
# what follows a count out of a total, not a date: "3/12 cores positive", "2/14 nodes", "4/30 days" (not a table's next
# column: "SW ASSESSMENT   11/18   Case # SW-25-08812")
_NOT_A_COUNT = (r"(?![ \t]?(?:x\b|times|days?|weeks?|months?|years?|hours?|hrs?|h\b|minutes?|mins?|episodes?|occasions?|nights?"
                r"|drinks?|cigarettes?|packs?|tabs?|tablets?|pills?|views?|cores?|nodes?|positive|negative|abnormal|normal|leads?"
                r"|items?|criteria|sets?|bottles?|samples?|of\b|out\b|inch|dilution|strength|ratio|points?|questions?"
                r"|patients?|cases?|doses?|vials?|units?|slides?|specimens?|biopsies|lymph|LN|ribs?|fingers?|toes?))")
# Months and weekdays of Spanish, Portuguese, German, French, Italian, Dutch, Polish (in its genitive), Indonesian and
# Malay, Romanian, Turkish, Icelandic, the Scandinavian languages, Czech (in its genitive) and Hungarian, and months of
# Filipino, Swahili, Zulu, Chichewa, Sesotho, Shona, Somali, Amharic, Haitian Creole, Tok Pisin, Fijian, Samoan, Tongan,
# Hawaiian, Maori, Welsh, Irish, Afrikaans, Hindi and Urdu, Nepali and Bengali (their calendars), Greek, Russian and
# Ukrainian (in their genitive), Finnish, Croatian, Serbian, Albanian and Arabic, written out, not those that are English
# words or names ("out", "me", "Mas", "Julie", "Marta", "Kartik"), which a date of those countries names with a day or a
# year of this century or the last ("out 1035" is a time): "3 de marzo de
# 2025", "20-ene-2025", "juin 2023", "12 marca 2025", "mié 12 mar", "Domingo 9/3", "terça, 18/02", "Mo., 10.03.",
# "Senin, 4 Maret 2024", "17 noiembrie 2024", "lun 22/09" (not British months and weeks: "stopped 6/12 ago")
_FOREIGN_MONTHS = """enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre ene abr
    ago dic janeiro fevereiro março maio junho julho setembro outubro novembro dezembro fev dez januar februar märz mai juni
    juli oktober dezember janvier février mars avril juin juillet août septembre octobre novembre décembre janv févr avr
    juil déc gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre giu lug ott januari februari maart mei
    augustus stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia maret
    agustus oktober desember julai ogos disember ianuarie februarie martie aprilie iunie iulie septembrie octombrie
    noiembrie decembrie ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık okt mrt mrz
    janúar febrúar apríl maí júní júlí ágúst október nóvember desember marts maj augusti
    ledna února března dubna května června července srpna září října listopadu prosince
    január február március április május június július augusztus szeptember
    pebrero marso hunyo hulyo setyembre oktubre nobyembre disyembre machi aprili agosti septemba oktoba novemba desemba
    januwari februwari mashi ephreli meyi julayi agasti septhemba okthoba disemba januwale febuluwale malichi epulo
    ogasiti seputembala okutobala novembala disembala pherekgong pherekhong hlakola hlakubele tlhakubele mmesa
    motsheanong motšeanong phupjane phupu phato loetse lwetse mphalane pudungwana pulungoana tshitwe tšitoe ndira kukadzi
    kurume kubvumbi chivabvu chikumi chikunguru nyamavhuvhu gunyana gumiguru mbudzi zvita janaayo febraayo maarso abriil
    maajo luuliyo agoosto sebtembar oktoobar nofembar diseembar meskerem tikimt tekemt hidar tahsas yekatit megabit
    miyazya miazia ginbot genbot hamle nehase pagume janvye fevriye jiyè septanm oktòb novanm desanm janueri februeri
    epril ogas disemba feperueri maji epereli okosita seviteba okotova noveba tiseba ianuari fepuari aperila iuni iulai
    aokuso setema oketopa novema tesema sanuali fepueli epeleli siulai aokosi sepitema okatopa tisema ianuali pepeluali
    malaki apelila iune aukake kepakemapa okakopa nowemapa kekemapa kohitātea kohitatea huitanguru poutūterangi
    poututerangi paengawhāwhā paengawhawha haratua pipiri hōngongoi hongongoi mahuru hakihea ionawr chwefror mawrth ebrill
    mehefin gorffennaf awst medi hydref tachwedd rhagfyr eanáir feabhra márta aibreán bealtaine meitheamh iúil lúnasa
    samhain nollaig januarie februarie desember janvari janwari farvari farwari aprail joon agast sitambar aktubar
    aktoobar navambar nawambar disambar baisakh baishakh jestha asar asadh ashadh shrawan bhadra asoj ashwin mangsir
    poush falgun phagun chaitra boishakh joishtho asharh srabon bhadro ogrohayon choitro ianouariou fevrouariou martiou
    apriliou iouniou iouliou avgoustou septemvriou oktovriou noemvriou dekemvriou yanvarya fevralya aprelya iyunya
    iyulya avgusta sentyabrya oktyabrya noyabrya dekabrya января февраля марта апреля мая июня июля августа сентября
    октября ноября декабря січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня
    sichnia liutoho bereznia kvitnia travnia chervnia lypnia serpnia veresnia zhovtnia lystopada hrudnia tammikuuta
    helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta
    joulukuuta siječnja veljače ožujka travnja svibnja lipnja kolovoza rujna studenoga prosinca avgust septembar
    oktobar novembar decembar janar shkurt prill qershor korrik gusht shtator tetor nëntor dhjetor yanayir fibrayir
    fabrayir ibril yunyu yulyu aghustus sibtambir uktubar nufimbir disambir shubat adhar ayyar huzayran tammuz aylul
    pebruari nopember"""
_FOREIGN_WEEKDAYS = """lunes martes miércoles miercoles jueves viernes sábado sabado domingo mié sáb segunda terça quarta
    quinta sexta montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi
    dimanche lunedì martedì mercoledì giovedì venerdì sabato domenica maandag dinsdag woensdag donderdag vrijdag zaterdag
    zondag poniedziałek wtorek środa czwartek piątek sobota niedziela senin selasa rabu kamis jumat sabtu luni marți
    miercuri joi vineri sâmbătă duminică pazartesi salı çarşamba perşembe cuma cumartesi pazar lun mer jeu ven
    lendi madi mèkredi jedi vandredi samdi dimanch miyerkules huwebes biyernes jumatatu jumanne jumatano alhamisi
    ijumaa jumamosi jumapili pondělí úterý středa čtvrtek pátek neděle maanantai tiistai keskiviikko torstai perjantai
    lauantai sunnuntai måndag tisdag onsdag torsdag fredag lördag söndag mandag tirsdag lørdag søndag δευτέρα τρίτη
    τετάρτη πέμπτη παρασκευή σάββατο κυριακή"""
_FOREIGN_MONTH = f"(?i:{'|'.join(_FOREIGN_MONTHS.split())})"
# (a month written out, before its day and a comma, a full stop or a bracket: "Tahsas 4, at Kidane Mihret", "Asoj 22.",
# "Meskerem 14, 2017 E.C."; not the abbreviations: "ago 3.")
_FOREIGN_MONTH_WORD = f"(?i:{'|'.join(w for w in _FOREIGN_MONTHS.split() if len(w) > 3)})"
_FOREIGN_MONTH_LOWER = f"(?:{'|'.join(w for w in _FOREIGN_MONTHS.split() if len(w) > 3)})"
_FOREIGN_WEEKDAY_WORD = f"(?i:{'|'.join(_FOREIGN_WEEKDAYS.split())})"
# (and German's abbreviations with a stop, or a comma before a day with its stop: "Fr, 9. Feb. 2024"; Welsh weekdays:
# "dydd Llun 14/10")
_FOREIGN_WEEKDAY = (rf"(?:{_FOREIGN_WEEKDAY_WORD}(?i:-feira)?"
                    rf"|(?:Mo|Di|Mi|Do|Fr|Sa|So)(?:\.|,(?=[ \t]+\d{{1,2}}\.[ \t]*(?:\d|{_FOREIGN_MONTH}|(?i:{MONTH})))"
                    r"|(?=[ \t]+\d{1,2}\.\d{1,2}\.))"
                    r"|(?i:dydd)[ \t]+(?i:Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul))")
# (a line is read for each pattern only if it holds one of its words: a month's, a Roman month's as in "5/XI/2024" and
# "2 XII 2024", a weekday's)
_FOREIGN_DATES = [
    # (with French's article or a Nordic "d.": "le 9 octobre", "torsdag d. 22. maj")
    CuedPattern(rx(rf"""(?<![\p{{L}}\d/])(?P<phi>(?:(?i:le|d\.)[ \t]+)?\d{{1,2}}\.?[ \t]*(?:de[ \t]+)?
        {_FOREIGN_MONTH}\.?
        (?:[ \t]*(?:de[ \t]+)?(?:19|20)\d{{2}})?
        |\d{{1,2}}[-/]{_FOREIGN_MONTH}[-/]\d{{2,4}}|{_FOREIGN_MONTH}\.?[ \t]+(?:de[ \t]+)?(?:19|20)\d{{2}}
        |(?:19|20)\d{{2}}\.?[ \t]+{_FOREIGN_MONTH}\.?[ \t]+\d{{1,2}}\.?
        |{_FOREIGN_MONTH_WORD}[ \t]+\d{{1,2}}(?:,?[ \t]+(?:19|20)\d{{2}}|(?=[ \t]*(?:[,.;:)]|$))))(?![\p{{L}}\d])"""),
                WordCue(_FOREIGN_MONTHS)),
    # (with full stops or slashes, in either case and with two digits of a year too: "7.iii.24", "2.III.1962", "19.ix.1902",
    # "12/iv/1951")
    CuedPattern(rx(r"(?<![\p{L}\d/.])(?P<phi>\d{1,2}/[IVX]{1,4}/\d{2,4}"
                   r"|\d{1,2}[ .](?:I{1,3}|IV|VI{0,3}|IX|XI{0,2})[ .](?:19|20)\d{2}"
                   r"|\d{1,2}(?P<stop>[./])(?:(?i:i{1,3}|iv|vi{0,3}|ix|xi{0,2}))(?P=stop)(?:1[89]\d{2}|20\d{2}|\d{2}))"
                   r"(?![\p{L}\d]|\.\d)"), WordCue("i ii iii iv v vi vii viii ix x xi xii")),
    # a Dutch weekday's two letters before a day and a month, or before a day and a month in digits as written (not a
    # fraction): "do 18 april", "ma 3 mrt", "wo 16/10/2024", "vr 1/11"
    CuedPattern(rx(rf"""(?<![\p{{L}}\d])(?P<phi>(?i:ma|di|wo|do|vr|za|zo)\.?[ \t]+\d{{1,2}}[ \t]+
        (?:{_FOREIGN_MONTH}|{MONTH})
        |(?-i:ma|di|wo|do|vr|za|zo|Ma|Di|Wo|Do|Vr|Za|Zo)\.?[ \t]+(?!(?:1/[234]|2/3|3/4)(?![\d/]))
        (?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?:/(?:19|20)?\d{{2}})?(?![\d/]))(?![\p{{L}}])""",
                   re.IGNORECASE | regex.VERBOSE), WordCue("ma di wo do vr za zo")),
    # a month alone, lowercase as other languages write it, after their words that date: "em outubro", "de septiembre",
    # "DPP: fine ottobre", "sinds maart", "i oktober" (or a German one, capitalised: "ab 01.07." aside, "seit Januar")
    CuedPattern(rx(rf"""(?<![\p{{L}}'’])(?:(?:en|em|desde|hasta|até|para|de|del|depuis|jusqu['’]en|courant|d['’]ici|a|ad
        |in|da|di|entro|dal|nel|sinds|tot|w|od|do|i|fra|til|från|sedan|till|siden|innan|efter|sejak|hingga|pada|bulan
        |noong|hanggang)[ \t]+(?P<phi>{_FOREIGN_MONTH_LOWER})
        |(?P<phi>(?:fin|début|finales|principios|mediados|inicios|fine|inizio|metà|eind|begin|half|medio)[ \t]+
        (?:de[ \t]+)?{_FOREIGN_MONTH_LOWER}))(?![\p{{L}}\d])
        |(?<![\p{{L}}])(?:im|seit|bis|ab|Anfang|Ende|Mitte)[ \t]+(?P<phi>Januar|Februar|März|April|Mai|Juni|Juli|August
        |September|Oktober|November|Dezember)(?![\p{{L}}\d]|[ \t]*\d)""", regex.VERBOSE), WordCue(_FOREIGN_MONTHS)),
    CuedPattern(rx(rf"""(?<![\p{{L}}\d])(?P<phi>{_FOREIGN_WEEKDAY}[.,]?[ \t]+
        (?:\d{{1,2}}[./]\d{{1,2}}\.?(?:[./]\d{{2,4}})?
        |\d{{1,2}}(?:[ \t]+{_FOREIGN_MONTH}\.?)?))(?![\p{{L}}\d]|[./]\d|[ \t]*h(?:\d|\b))"""),
                WordCue(f"{_FOREIGN_WEEKDAYS} mo di mi do fr sa so dydd")),  # (not a weekday's hour: "jeudi 10 h", "lun 14h30")
]
# Months of the Islamic and the Persian calendars with a day or a year of theirs ("2 Ramadan 1446", "15 Shawwal", "esfand
# 1402"), and their years in digits ("2/9/1445H", "1403/07/15"); not the Persian months that are English words or
# names ("Tir", "Mehr", "Azar", "Dey").
_HIJRI_MONTHS = """muharram safar rabi rabiul rabi'ul rabi-ul jumada jumadal jumadil rajab shaban sha'ban sha’ban ramadan
    ramazan shawwal dhul dhu farvardin ordibehesht khordad mordad shahrivar aban bahman esfand"""
_HIJRI_MONTH = (r"(?i:muharram|safar|rabi['’ -]?(?:al|ul)?[ -]?(?:awwal|thani|akhir)|jumad[ai]['’ -]?(?:al|ul)?[ -]?(?:ula|ulaa"
                r"|akhirah|awwal|thani|akhir)|rajab|sha['’]?ban|rama[dz]an|shawwal|dhu['’ -]?(?:al|l)?[ -]?(?:qi['’]?dah"
                r"|qa['’]?dah|hijjah)|farvardin|ordibehesht|khordad|mordad|shahrivar|aban|bahman|esfand)")
_HIJRI_DATES = [
    CuedPattern(rx(rf"(?<![\p{{L}}\d])(?P<phi>(?:\d{{1,2}}[ \t]+{_HIJRI_MONTH}(?:[ \t]+1[34]\d{{2}})?"
                   rf"|{_HIJRI_MONTH}[ \t]+1[34]\d{{2}})"
                   r"(?:[ \t]*(?:AH|H|SH)\b)?)(?![\p{L}\d])"), WordCue(_HIJRI_MONTHS)),
    rx(r"(?<![\d/])(?P<phi>\d{1,2}/\d{1,2}/1[34]\d{2}[ ]?H|1[34]\d{2}/\d{1,2}/\d{1,2})(?![\w/])"),
]
_THAI_MONTH = ("มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม"
               r"|ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\.")
_ARABIC_MONTH = ("محرم|صفر|ربيع الأول|ربيع الآخر|ربيع الثاني|جمادى الأولى|جمادى الآخرة|رجب|شعبان|رمضان|شوال|ذو القعدة"
                 "|ذو الحجة|يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|كانون الثاني|شباط"
                 "|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول")
_BENGALI_MONTH = ("জানুয়ারি|জানুয়ারী|ফেব্রুয়ারি|ফেব্রুয়ারী|মার্চ|এপ্রিল|মে|জুন|জুলাই|আগস্ট|সেপ্টেম্বর|অক্টোবর|নভেম্বর|ডিসেম্বর"
                  "|বৈশাখ|জ্যৈষ্ঠ|আষাঢ়|শ্রাবণ|ভাদ্র|আশ্বিন|কার্তিক|অগ্রহায়ণ|পৌষ|মাঘ|ফাল্গুন|চৈত্র")
# A letter of no Latin script, punctuation or symbol: where another script may stand (a plain range is read fast, where
# a list of scripts is not)
NOT_LATIN = regex.compile(r"[^\x00-\u036f\u1e00-\u1eff\u2000-\u2bff]")
_ARABIC_WEEKDAY = "(?:يوم[ ])?(?:الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)"
_DEVANAGARI_MONTH = ("जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर"
                     "|दिसम्बर|बैशाख|वैशाख|जेठ|असार|साउन|श्रावण|भदौ|असोज|कात्तिक|कार्तिक|मंसिर|पुष|पौष|माघ|फागुन|चैत")
_ETHIOPIAN_MONTH = "መስከረም|ጥቅምት|ኅዳር|ህዳር|ታኅሣሥ|ታህሳስ|ጥር|የካቲት|መጋቢት|ሚያዝያ|ግንቦት|ሰኔ|ሐምሌ|ነሐሴ|ጳጉሜ"
_SAID_YEAR = rf"(?:(?:19|20)\d{{2}}\b|(?:nineteen|twenty)[ \t-]+{_TO_99}|{_TENS}(?:[\s-]{_UNIT})?)"
DATE_PATTERNS = [
    # a date of Japan's era or Taiwan's Republic era: "R8.03.14", "H10.07.02", "Reiwa 8.3.14", "ROC 115/03/12" (an era's
    # letter with two-digit months and days: not a spine's "S1.2.3")
    rx(r"\b(?P<phi>(?-i:[RHS])\d{1,2}[./-](?:0[1-9]|1[0-2])[./-](?:0[1-9]|[12]\d|3[01])"
       r"|(?i:Reiwa|Heisei|Showa|ROC|Minguo)[ \t]?\d{1,3}[./-](?:0?[1-9]|1[0-2])[./-](?:0?[1-9]|[12]\d|3[01]))(?![\d./-])"),
    # the same in romanised Japanese, and a Korean or Hungarian date, its year first, spaced: "Showa 8-nen 2-gatsu
    # 11-nichi", "2024. 5. 3."
    rx(r"(?<![\p{L}\d])(?P<phi>(?:(?i:Reiwa|Heisei|Showa|Taisho)[ \t]?\d{1,2}|(?:19|20)\d{2})[ \t]?-?nen[ \t]+\d{1,2}[ \t]?-?gatsu"
       r"(?:[ \t]+\d{1,2}[ \t]?-?nichi)?|(?:19|20)\d{2}\.[ ](?:0?[1-9]|1[0-2])\.[ ](?:0?[1-9]|[12]\d|3[01])\.?)(?![\p{L}\d])"),
    # a day and a month said by their ordinals, as interpreters render a date: "the fifteenth of the eighth month, 1958",
    # "first of the fourth thirty-two", "second of the second, nineteen thirty-three" (a month or a year after it: not
    # "second of the third dose")
    rx(rf"\b(?P<phi>(?:the[ \t]+)?{ORDINAL_WORD}[ \t]+of[ \t]+the[ \t]+(?:{'|'.join(_ORDINALS)}|tenth|eleventh|twelfth)"
       rf"(?:[ \t]+month(?:,?[ \t]+{_SAID_YEAR})?|,?[ \t]+{_SAID_YEAR}))",
       re.IGNORECASE),
    # a date as forms and oaths write it: "the 11th day of April, 2024", "this 3rd day of March" (a year after it may be
    # its own date too)
    rx(rf"\b(?P<phi>(?:the[ \t]+)?\d{{1,2}}(?:st|nd|rd|th)[ \t]+day[ \t]+of[ \t]+(?i:{MONTH})(?:,?[ \t]+\d{{4}})?)\b"),
    # a form's date in spaced strokes, as a hand fills it in: "Date: 5 / 22 / 24"
    rx(r"\b(?i:date)[ \t]*:[ \t]*(?P<phi>\d{1,2}[ \t]+/[ \t]+\d{1,2}[ \t]+/[ \t]+\d{2,4})\b"),
    # a day past the 12th before its month, as most of the world writes a date: "DONOR NOTE - 21/4", "baseline 27/3" (not
    # "/7" or "/12", days and months in British notes: "abx x 14/7", "18/12 old")
    rx(r"(?<![\w/.,:-])(?P<phi>(?:1[3-9]|2\d|3[01])/(?:0?[1-6]|0?[89]|1[01]))(?![\w/]|[.,:]\d)"),
    *_FOREIGN_DATES,
    *_HIJRI_DATES,
    # a date written in Chinese, Japanese or Korean characters: "1933年5月8日", "5月8日", "2024년 3월 5일", a year of
    # Taiwan's or Japan's era before it ("113年2月1日", "112年3月", "令和7年5月14日")
    rx(r"(?<!\d)(?P<phi>(?:(?:(?:令和|平成|昭和|大正|民國|民国)[ ]?\d{1,3}|\d{3,4})[ ]?[年년][ ]?)?\d{1,2}[ ]?[月월][ ]?\d{1,2}[ ]?[日일]"
       r"|(?:(?:令和|平成|昭和|大正|民國|民国)[ ]?\d{1,3}|\d{3,4})[ ]?[年년][ ]?\d{1,2}[ ]?[月월])"),
    # holidays written in other scripts: Greek, Hebrew, Devanagari, Sinhala, Ge'ez, Chinese, Japanese and Korean (read only
    # on lines with a letter outside the Latin scripts)
    CuedPattern(rx(r"(?P<phi>Πάσχα|Χριστούγεννα|ליל[ ]הסדר|פסח|ראש[ ]השנה|दीपावली|दिवाली|होली|අලුත්[ ]අවුරුද්ද|መስቀል|ገና"
                   r"|春節|春节|年初[一二三]|中秋節|中秋节|お盆|お正月|正月|추석|설날)"), NOT_LATIN),
    # a date in Thai, its year of the Buddhist era (2567 = 2024) or its last two digits after it: "3 มี.ค. 2567",
    # "2 เม.ย. 67", "มีนาคม 2567" (read only on lines with Thai letters)
    CuedPattern(rx(rf"(?<!\d)(?P<phi>\d{{1,2}}[ \t]*(?:{_THAI_MONTH})(?:[ \t]*(?:25\d{{2}}|\d{{2}})(?!\d))?"
                   rf"|(?:{_THAI_MONTH})[ \t]*25\d{{2}}(?!\d))"), rx("[\u0e00-\u0e7f]")),
    # a day before a month written in Arabic, Bengali or Devanagari script, a year after it or not (digits of any script:
    # "2 شعبان 1445هـ", "الأربعاء ٢٤ يوليو ٢٠٢٤", "১২ ফেব্রুয়ারি", "१२ नवम्बर २०२३"), Nepal's year first ("२०८१ कार्तिक ५"),
    # an Ethiopian month before its day ("ግንቦት 27 ቀን 1988"); read only on lines with those letters
    CuedPattern(rx(rf"""(?<!\d)(?P<phi>(?:(?:{_ARABIC_WEEKDAY})[ \t،,]*)?\d{{1,2}}[ \t]*(?:{_ARABIC_MONTH}|{_BENGALI_MONTH}
        |{_DEVANAGARI_MONTH})(?:[ \t]+\d{{4}}(?:[ \t]*(?:هـ|ه))?)?|\d{{4}}[ \t]+(?:{_DEVANAGARI_MONTH})[ \t]+\d{{1,2}}
        |(?:{_ETHIOPIAN_MONTH})[ \t]+\d{{1,2}}(?:[ \t]+ቀን)?(?:[ \t]+\d{{4}})?)(?![\p{{L}}\p{{M}}])"""),
                rx("[\u0600-\u06ff\u0980-\u09ff\u0900-\u097f\u1200-\u137f]")),
    # 03/14/2023, 3-14-23, 2023.03.14, 14.03.2023, a range of days "18-19/03/2025" (one separator throughout: "pain
    # 1-2/10" is a score)
    rx(r"(?=\d)(?<![\d/.-])(?P<phi>(?:\d{1,2}[-–](?=\d{1,2}[/.]))?\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)(?:\d{4}|\d{2})"
       r"|\d{4}(?P<sep2>[/.-])\d{1,2}(?P=sep2)\d{1,2})"
       r"(?![\d/-]|\.\d)"),
    # March 14th, 2023 / Mar. 14 / March 14 2023 / APR 12,1926
    rx(rf"\b(?P<phi>{MONTH}\.?(?:\s+|-(?=\d{{1,2}}\b(?!-)))\d{{1,2}}{ORD}?(?:[-–]\d{{1,2}}{ORD}?(?![\d/.]))?"
       rf"(?:,?\s+(?:\d{{4}}|'\d{{2}})|,(?:19|20)\d{{2}})?)(?!\d|:\d)", re.IGNORECASE),  # (and "Jan 14-15")
    # 14 March 2023 / 14th of March / 14-Mar-23 / 14Mar2023 / German and Nordic letters' "7. November 2025", "14. november
    # 2024", its year with it (not a spaced dash: "bed 2 - june little"; not a list's item: "3. March visit")
    rx(rf"\b(?P<phi>(?:the\s+)?(?:\d{{1,2}}{ORD}?[ \t]*[-–][ \t]*)?\d{{1,2}}"
       rf"(?:{ORD}|\.(?=[ \t]+(?:(?-i:\p{{Lu}})\p{{L}}+|{'|'.join(MONTHS)})\.?[ \t]+\d{{4}}))?(?:\s+of)?(?:\s+|-)?{MONTH}\.?"
       rf"(?:[\s,-]+(?:\d{{4}}|\d{{2}})|\d{{4}})?)\b", re.IGNORECASE),  # (a range of days too: "night of 12-13 Sept")
    # its year first, its month in letters: "DOB 1965-Jul-19", "2089-FEB-14"
    rx(rf"(?<![\w-])(?P<phi>(?:1[89]|20)\d{{2}}-{MONTH}-(?:0?[1-9]|[12]\d|3[01]))(?![\w-])", re.IGNORECASE),
    # a month alone in brackets, dating a result before it: "Urate 0.58 (Nov)", "HbA1c 71 (March)"
    rx(rf"\((?P<phi>(?=\p{{Lu}})(?i:{MONTH})\.?)\)"),
    # March 2023, Mar-23, January of 2019 (month and year: more specific than a year)
    rx(rf"\b(?P<phi>{MONTH}\.?(?:[\s,-]+|\s+of\s+)(?:\d{{4}}|'\d{{2}}))\b", re.IGNORECASE),
    # 12/2019 (a month and a year; not "1/2 tablet"), 20190314 (compact), 3 / 14 / 2023 (spaced)
    rx(r"(?=\d)(?:(?<![\d/.-])|(?<=(?<![\d/])\d{1,2}/\d{4}[-–]))(?P<phi>(?:0?[1-9]|1[0-2])/(?:19|20)\d{2})"
       r"(?![\d/]|\.\d)"),  # (closing a range: "1/2070-10/2070")
    rx(r"(?<![\w.-])(?P<phi>(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?![\w.-])"),
    # a month and a two-digit year that no day can be, after a word that dates, as long records write them: "ICD placed
    # 3/88", "on warfarin since 10/91", "echo 10/91" (not "3/88 nodes", a fraction, nor weeks as Commonwealth notes
    # write them: "review in 2/52", "aspirin from 12/40")
    rx(r"(?=\d{1,2}/\d)(?<=\b(?i:since|in|from|until|till|through|thru|on|dated?|placed|implanted|inserted|dx'?d?"
       r"|diagnosed|started|stopped|done|performed|last|prior|echo|cath|colonoscopy|EGD|CT|MRI|CXR|PFTs?|mammogram"
       r"|stress|biopsy|bx|surgery|repair|CABG|PCI|stent|MI|admitted|admission|hospitali[sz]ed|seen)[ \t]*[:(]?[ \t]*)"
       rf"(?P<phi>(?:0?[1-9]|1[0-2])/(?!40|52)(?:3[2-9]|[4-9]\d))(?![\d/]|\.\d){_NOT_A_COUNT}"),
    rx(r"(?=\d)(?<![\d/])(?P<phi>\d{1,2}[ \t]*/[ \t]*\d{1,2}[ \t]*/[ \t]*(?:19|20)\d{2})(?![\d/])"),
    CuedPattern(rx(r"(?<![\d/.-][ \t]?)(?P<phi>(?:0?[1-9]|1[0-2])[ \t](?:0?[1-9]|[12]\d|3[01])[ \t](?:19|20)\d{2})(?![\d/.-]|[ \t]\d)"),
                rx(r"\d[ \t]\d{1,2}[ \t]\d\d")),
    # a zero-padded month and day (no fraction is written so: "drawn 03/14"), a month and day opening a line's entry
    # ("3/14: Na 130")
    rx(r"(?=\d)(?<![\d/.-])(?P<phi>0[1-9]/(?:0[1-9]|[12]\d|3[01])|1[0-2]/0[1-9]|(?:1[3-9]|2\d|3[01])/0[1-9])(?![\d/]|\.\d)"),
    # ... or a column's gap or a diary's dash: "17/3  36+2/40. Well", "1/4   SVB 0342", "8/11 - bloods: neut 1.2"
    rx(rf"(?m)^[ \t>*•-]*(?P<phi>{_MONTH_DAY})(?:[ \t]*:|(?<!/12|/52|/7)(?=[ \t]{{2,}}\S|\t|[ \t]+[-–—][ \t]+\p{{L}}))"),
    # a month and day before a time of day ("VT episode 1/29 0314", "3/14 14:20") or in a range of dates ("off 10/7
    # thru 10/21")
    rx(rf"(?=\d)(?<![\d/.-])(?P<phi>{_MONTH_DAY})(?=[ \t]+(?:@[ \t]*)?(?:[01]\d|2[0-3]):?[0-5]\d(?![\d.:/%])(?![ \t]*(?i:mg|ml|units?|cc)\b))"),
    rx(rf"(?=\d)(?<![\d/.-])(?P<phi>{_MONTH_DAY})(?=[ \t]*(?:-|–|to|thru|through|until|till)[ \t]*{_MONTH_DAY}(?![\d/]))", re.IGNORECASE),
    rx(rf"(?=\d)(?<![\d/.-]){_MONTH_DAY}[ \t]*(?:-|–|to|thru|through|until|till)[ \t]*(?P<phi>{_MONTH_DAY})"
       r"(?![\d/]|\.\d)", re.IGNORECASE),  # (its second date: "stays with her 1/16-1/18")
    # a month and day after a procedure or an event of a stay ("Cath 3/6", "hemiarthroplasty 3/9", "fall at home 3/8",
    # "TEE 3/12"; not a series' count: "CT 3/4 views", "Biopsy 3/12 cores", "Cultures 2/4 bottles", "MoCA 19/30")
    # (read only on lines with a month and a day)
    CuedPattern(rx(rf"\b(?i:cath|tee|tte|surgery|fall|fell|home|admit(?:ted)?|discharged?|d/c|done|started|placed|removed|intubated"
                   rf"|extubated|transfused|delivered|transplant|\p{{L}}+(?:plasty|ectomy|otomy|ostomy))[ \t]*\(?[ \t]*"
                   rf"(?P<phi>{_MONTH_DAY})(?![\d/]|\.\d)"
                   r"(?![ \t]*(?i:views?|cores?|bottles?|sets?|positive|negative|normal|abnormal|nodes?|vessels?)\b)"),
                re.compile(r"\d/\d")),
    # a year and a month: 2023-03 (not a range: 2019-2020)
    rx(r"(?=\d)(?<![\d-])(?P<phi>(?:19|20)\d{2}-(?:0[1-9]|1[0-2]))(?![\d-])"),
    # a day as an ordinal word after a date word: "seen on the fourth" (not "on the fourth floor", "after the
    # third dose", "by the second week")
    rx(rf"\b(?:on|since|from|until|till|by|before|after|date\s+of\s+service|dos|dated|date)\s+(?P<phi>the\s+{ORDINAL_WORD})\b"
       r"(?![\s-]+(?:day|days|time|times"
       r"|dose|doses|floor|visit|visits|cycle|cycles|week|weeks|month|months|year|years|line|degree|grade|trimester"
       r"|round|session|sessions|attempt|try|one|shift|shifts|couple|few|part|half|set|step|stage|of\s+(?:the|his|her"
       r"|my|their|\d)))", re.IGNORECASE),
    # a day of the month alone, after "the" (with it), "my" or a word of a rota and where no noun follows it ("i can do
    # the 14th if someone has my 22nd", "booked 27th to new years day", "nights 5th-7th", "meeting the cardiologist the
    # 18th."; not "the 4th floor", "my 3rd dose", "ranked from 3rd to 5th.")
    rx(rf"(?:(?<=\b(?:my|your|our|leave|booked|nights?|shifts?|off|on|til|till|until|by|before|after)[ \t]+)|\b(?=the[ \t]))"
       rf"(?P<phi>(?:the[ \t]+)?(?:[12]?\d|3[01])(?:st|nd|rd|th)(?:[ \t]*[-–][ \t]*(?:[12]?\d|3[01])(?:st|nd|rd|th))?)\b"
       r"(?=[ \t]*(?:$|[,;!?)]|\.(?:\s|$)|(?:if|so|to|but|at|when|then|please|pls|until|till|onwards|ok|instead)\b))",
       re.IGNORECASE | re.MULTILINE),
    # "on the 14th", "around the 3rd", "the 3rd of" (not "by the 3rd day", "around the 90th percentile"); 3/14 after a
    # date word ("seen on 3/14"; not "1/2 tablet")
    rx(rf"\b(?:on|since|from|until|till|by|before|after|of|around|about)\s+(?P<phi>the\s+\d{{1,2}}{ORD})\b"
       r"(?![ \t]+(?:day|dose|floor|visit|cycle|week|percentile|grade|trimester|round|session|attempt|time)s?\b)",
       re.IGNORECASE),
    rx(rf"\bthe\s+(?P<phi>\d{{1,2}}{ORD})\s+of\b", re.IGNORECASE),
    # a weekday with the date or day after it, as one date: "Sunday, October 13", "Tuesday the 9th", "Sun 3/9", "Wed
    # 07.08.2024", "Wed. Oct 16"; not with an hour ("Mon-Fri 8-4:30", "Tue 9 am", a rota's "Sat 08-20")
    rx(rf"\b(?P<phi>{WEEKDAY},?\s+(?:the\s+)?(?:\d{{1,2}}{ORD}|{ORDINAL_WORD}\b(?!\s+(?:thing|time|one|week|day|visit|dose)\b))"
       rf"|{WEEKDAY}(?:,|\.(?=[ \t]+{MONTH}\b))?\s+(?:the\s+)?(?:{MONTH}\.?\s+)?(?:[12]\d|3[01]|0?[1-9]){ORD}?"
       rf"(?:/\d{{1,2}}(?:/\d{{2,4}})?|\.\d{{2}}(?:\.(?:\d{{4}}|\d{{2}}))?)?)\b(?![:.]\d|[-–]\d{{1,2}}:|[-–]\d{{2}}(?![\d/.-])|\s*(?:am|pm|a\.m|p\.m|o['’]?clock|h(?:rs?)?\b))",
       re.IGNORECASE),
    # dates in words: "the eleventh of August", "August eleventh", "eleventh of August, nineteen sixty", "June sixteenth
    # eighty-four"
    rx(rf"\b(?P<phi>(?:(?:the\s+)?{ORDINAL_WORD}\s+(?:of\s+)?{MONTH}|{MONTH}\s+(?:the\s+)?{ORDINAL_WORD})(?:,?\s+(?:{YEAR_WORDS}|{_TENS}[\s-]{_UNIT}|(?:19|20)\d{{2}}))?)\b",
       re.IGNORECASE),
    # a day and a month in Spanish, Portuguese, French or Italian: "15 de agosto de 1979", "3 mars 2021"
    rx(rf"\b(?P<phi>\d{{1,2}}(?:º|er)?\s+(?:de\s+)?{FOREIGN_MONTH}(?:\s+(?:de\s+|del\s+)?\d{{4}})?)\b", re.IGNORECASE),
    # a month and a year in words: "comparison january twenty twenty four", "june of two thousand nine"
    rx(rf"\b(?P<phi>{MONTH}\s+(?:of\s+)?{YEAR_WORDS})\b", re.IGNORECASE),
    # a date of birth read out as numbers: "date of birth eleven twelve forty eight", "DOB nine twenty-three ninety-nine"
    # (the answer on the next turn too: "date of birth\nPt: seven seven eighty"), or as digits: "birthday is 3 11 1987"
    rx(rf"\b(?:date\s+of\s+birth|d\.?\s?o\.?\s?b\.?|birth\s?date|birthday(?:['’]s)?|born\s+on)\s*(?:is|was|:)?[ \t,]*"
       rf"(?:\??[ \t]*\n[^\n:]{{1,25}}:[ \t]*)?(?P<phi>(?:{_TO_99}|oh[\s-]{_UNIT})(?:[\s,-]+(?:{_TO_99}|oh[\s-]{_UNIT})){{1,4}}"
       rf"|(?:0?[1-9]|1[0-2])[ \t]+(?:0?[1-9]|[12]\d|3[01])[ \t]+(?:19|20)?\d{{2}})\b", re.IGNORECASE),
    # a day of this month, last month or next, as old letters write it: "admitted the 5th inst.", "till the 14th ult."
    rx(r"(?<![\p{L}\d])(?P<phi>\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:inst|ult|prox|instant|ultimo|proximo)\b\.?)", re.IGNORECASE),
    # holidays, with a day or week around them: "Christmas Eve", "the week after Thanksgiving", "Easter Sunday nineteen
    # ninety-eight", "second day of Raya" (on one line, read only on lines that name a holiday)
    CuedPattern(rx(rf"\b(?P<phi>(?:the[ \t]+(?:day|days|week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                   rf"[ \t]+(?:before|after|of)[ \t]+|(?:the[ \t]+)?(?:first|second|third|last)[ \t]+(?:day|night)[ \t]+of[ \t]+)?"
                   rf"{HOLIDAY}(?:,?[ \t]+(?:(?:1[89]|20)\d{{2}}|{YEAR_WORDS}))?)\b", re.IGNORECASE),
                lowercase_cue(HOLIDAY), cue_in_lowercase=True),
    rx(r"\b(?:on|since|dated?|DOS|DOB|seen|admitted|discharged|admission|discharge|visit|until|through|thru|left|off|as\s+of|"
        r"d/c(?:'?d)?|dc'?d|transferred|"
        rf"starting|started|surgery|born|follow[\s-]?up|f/u|appointment|appt|return|RTC|next|last|{WEEKDAY}|"
        r"labs?|drawn|collected|BMP|CMP|CBC|CXR|CT|MRI|echo|EKG|ECG|Holter|cultures?|BCx|UCx|UA|biopsy|bx|colonoscopy"
        r"|EGD|DOA|DOI|LMP|EDD|EDC|exp|expires|expiry|quit|lapse|intubated|extubated|"
        r"addendum|adm|hearing(?:\s+is)?|board|conference|sign-?out|eval(?:uation)?)"
        r"\s*[:(]?,?\s*(?:(?:from|of)\s+)?"  # ("bcx from 3/11", "echo of 2/14")
        rf"(?P<phi>(?:(?:0?[1-9]|1[0-2])[/-](?:0?[1-9]|[12]\d|3[01])|{_DAY_MONTH})(?:[-–]{_MONTH_DAY})?)"
        rf"(?![\d/-]|:\d){_NOT_A_COUNT}", re.IGNORECASE),
    # a day and a month after a cue of Commonwealth notes, not a duration written as clinicians of the UK write it ("TCA
    # 24/3", "changed 23/04", "Note 17/7 pm", "pack for wk of 5/8"; not "review 3/12", three months, "TCA 2/52", two weeks,
    # "5/7", five days, "call 14/7" (a fortnight's days are written so; no one writes 17 days so: "17/7" is a date)
    rx(rf"\b(?i:TCA|TCI|review|reviewed|booked|due|changed|note|call|called|rang|phoned|w/c|(?:wk|week)[ \t]+(?:of|commencing))"
       rf"[ \t]*:?[ \t]*(?P<phi>{_MONTH_DAY})(?![\d/]|\.\d|:\d)(?<!/12|/52|(?<!1[5-9]|2\d|3[01])/7){_NOT_A_COUNT}"),
    # a day and a month opening a log's line before a dash or a colon and words: "16/7 - visited Pn. Rosnah", "3/14:
    # called" (not a common fraction: "1/2 - 1 tab", "3/4 - with food")
    rx(rf"(?m)^[ \t]*(?!(?:1/[234]|2/3|3/4)\b)(?P<phi>{_MONTH_DAY})(?=[ \t]*[-–—:][ \t]+\p{{L}})"),
    # a month alone, capitalised, after a word that dates: "expired in October", "the Section 136 in January", "your May
    # visit", "(January - resolved)" (not "Hope", "June" or "April" as names: "with June", "April said")
    rx(r"(?:\b(?i:in|since|until|till|by|from|during|early|mid|late|last|next|this|of|before|after|your|her|his|their|our"
       r"|through|thru|over|return|rtc|end[ \t]+of|beginning[ \t]+of)[ \t]+|\()"
       rf"(?P<phi>{_MONTH_NAME})\b(?![ \t]*\d)(?!['’]s)"),
    # ... and its part with it, as annotators mark it ("since early July", "in late Jan")
    rx(r"\b(?P<phi>(?i:early|mid|late|end[ \t]+of|beginning[ \t]+of)[ \t]+"
       rf"(?:(?:{_MONTH_NAME})\b(?![ \t]*\d)(?!['’]s)"
       r"|(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.?(?![\p{L}\d'’]|[ \t]*\d)))"),
    # ... after another month and a joining word ("missed visits in August and January", "over December/January")
    rx(rf"(?<=\b(?:{_MONTH_NAME})"
       r"(?:[ \t]+(?:and|or|to|through|thru)[ \t]+|[ \t]*[/&–-][ \t]*))"
       rf"(?P<phi>{_MONTH_NAME})\b(?![ \t]*\d)"),
    # ... with the part of it ("from mid-August", "by end of April", "early-March")
    rx(r"\b(?P<phi>(?i:(?:end|beginning|middle|start)[ \t]+of[ \t]+|(?:mid|early|late)-)"
       rf"(?:{_MONTH_NAME}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec))\b"),
    # ... in lowercase after a word that only dates ("off lithium since jan", "worse than in march", "took the extra
    # lasix in feb", an orientation's answer: "thinks it is february")
    rx(r"\b(?:since|until|till|during|in|from|it[ \t]+is|it['’]s)[ \t]+"
       rf"(?P<phi>{_LOWERCASE_MONTH}|(?<=(?:since|until|till|during)[ \t]+)(?:jan|apr|dec)"
       r"|(?<=(?:since|until|till|during|in)[ \t]+)(?:feb|aug|sept?|oct|nov))\b(?![ \t]*\d)"),
    # a month, a day and a short year: "Date: Aug 19/25", "Oct 11/24"
    rx(r"\b(?P<phi>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}/\d{2})\b(?![/\d])"),
    # ... or its abbreviation after a word that only dates ("admitted there in Jan"; not "seen by Jan", a name)
    rx(r"\b(?i:in|since|until|till|during|early|mid|late|last|next|end[ \t]+of|beginning[ \t]+of)[ \t]+"
       r"(?P<phi>(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.?)(?![\p{L}\d'’]|[ \t]*\d)"),
    # a date in Welsh, with its year: "20 Mawrth 2025"
    rx(r"\b(?P<phi>\d{1,2}[ \t]+(?i:ionawr|chwefror|mawrth|ebrill|mai|mehefin|gorffennaf|awst|medi|hydref|tachwedd|rhagfyr)"
       r"[ \t]+(?:19|20)\d{2})\b"),
    # a weekday and the day of the month: "office Sun 9th pm", "last Thursday (the 2nd)"
    rx(rf"\b(?P<phi>{WEEKDAY}\.?[ \t]+(?:the[ \t]+)?(?:[12]?\d|3[01])(?:st|nd|rd|th))\b", re.IGNORECASE),
    rx(rf"\b{WEEKDAY}[ \t]*\((?P<phi>(?:the[ \t]+)?(?:[12]?\d|3[01])(?:st|nd|rd|th)|{ORDINAL_WORD})\)", re.IGNORECASE),
    # a day of the month alone after a date's cue or opening a turn, where the sentence ends: "clinic moved to the 9th.",
    # "Next visit 13th.", "Guest_family: The 18th."
    # ("the" after a word that also counts or ranks: not "from 3rd to 5th.")
    rx(r"(?:\b(?:on|to|until|till|by|before|after|since|from)[ \t]+(?=the\b)|\b(?:visit|appt|appointment|due)[ \t]+"
       r"|(?:^|(?<=:))[ \t]*(?=the\b))"
       r"(?P<phi>(?:the[ \t]+)?(?:[12]?\d|3[01])(?:st|nd|rd|th))(?=[ \t]*(?:[.,;)]|$))", re.IGNORECASE | re.MULTILINE),
    # a month and a day before a time of day, no common fraction: "disclosed by charge RN 1/20 0800", "Addendum 9/3 0840"
    # (not "1/2 0800")
    rx(rf"(?=\d)(?<![\d/.-])(?!(?:1/[234]|[23]/[34])\b)(?P<phi>{_US_MONTH_DAY})(?=[ \t]+(?:(?:[01]\d|2[0-3])[0-5]\d|\d{{1,2}}:\d{{2}})\b)"),
    # a month and a day that no fraction or score has (13 to 31 but 20 and 24: "1/20 dilution", "24/7"): "got #90 from
    # another prescriber 5/30"
    rx(rf"(?=\d)(?<![\d/.-])(?P<phi>(?:0?[1-9]|1[0-2])/(?:1[3-9]|2[1-35-9]|3[01]))(?![\d/]|\.\d){_NOT_A_COUNT}", re.IGNORECASE),
    # ... or a month greater than its day, which no fraction, score or count out of a total is ("12/2 M&M slides", "INR
    # 2.1 (10/4)", "nights 7/4"; not a visual acuity, "VA 6/5", nor a ratio or a count with its word: "2/1 ratio")
    rx(rf"(?=\d)(?<![\d/.:,-])(?!6/5\b)(?P<phi>12/(?:0?[1-9]|1[01])|11/(?:0?[1-9]|10)|10/0?[1-9]|9/[1-8]|8/[1-7]|7/[1-6]"
       rf"|6/[1-5]|5/[1-4]|4/[1-3]|3/[12]|2/1)(?![\d/]|[.,]\d|[ \t]*(?::|\)?[ \t]*(?i:ratio|split|diet)\b)){_NOT_A_COUNT}",
       re.IGNORECASE),
]
WORD_AGE = (r"(?:ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine|something|odd))?|(?:one\s+|a\s+)?hundred"
            rf"(?:\s+and\s+(?:{_UNIT}|{_TEENS}))?(?![\s-]+and\s|[\s-]+(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)))")
_MEASURE = (r"(?:mg|mcg|g|ml|l|units?|iu|%|mmhg|kg|lbs?|cm|mm|tabs?|tablets?|caps?|puffs?|times|days?|weeks?|minutes?|mins?"
            r"|hours?|hrs?|seconds?|percent|pounds|degrees|bpm|beats)\b")
_UNIT_AFTER = rf"(?!\s*{_MEASURE})"
_UNIT_RIGHT_AFTER = rf"(?![ \t]?{_MEASURE})"  # a unit right after a number, not on the next line or a column away
AGE_OVER_89 = r"(?:9\d|1[01]\d|120)"
# grandparents as other languages call them ("Nanu is 92", "my nonna Pina")
ELDERS = (r"nani|nanu|dadi|abuela|abuelo|lola|lolo|nonna|nonno|yiayia|pappou|babushka|dedushka|babcia|dziadek|halmeoni"
          r"|halabeoji|harabeoji|obaachan|ojiichan|ouma|oupa|bibi|gogo|ambuya|sekuru|nain|taid|mamgu|tad-cu|oma|opa"
          r"|mormor|farmor|morfar|farfar|mummo|vaari|bubbe|zayde|savta|jiddo|nonie|kuia|koro|tupuna")
AGE_PATTERNS = [
    # a relative's age in brackets, a birthday's ordinal: "Grandpa (94) keeps refusing", "her 103rd birthday"
    rx(rf"\b(?i:grandpa|grandma|granny|gran|nan|nana|papa|grandmother|grandfather|mum|mom|mother|father|dad|husband|wife"
       rf"|aunt|uncle)[ \t]*\((?P<phi>{AGE_OVER_89})\)"),
    rx(rf"\b(?P<phi>{AGE_OVER_89}(?:st|nd|rd|th))[ \t]+(?i:birthday)\b"),
    rx(rf"\b(?P<phi>{AGE_OVER_89}|{WORD_AGE})(?:\s*|-)(?:years?|yrs?|y)[\s-]*(?:old|of\s+age|/?o\b|\.o\.)",
        re.IGNORECASE),
    rx(rf"\b(?P<phi>{AGE_OVER_89}(?:yo[fmw]?|y/o|yF|yM)(?![\w/])|{AGE_OVER_89}(?=\s*(?:yo[fmw]?|y/o|y\.o\.|yF|yM)\b))",
       re.IGNORECASE),  # a glued form whole: "93yo"
    rx(rf"\b(?P<phi>{AGE_OVER_89}Y)(?![\w/-])"),  # "Age: 92Y"
    # in other languages: "97 anni", "92 anos", "noventa y cinco años", "(94 J.)", "91 Jahre", "(93 jr)", "lat 93", "93-letnia"
    rx(rf"\b(?P<phi>{AGE_OVER_89}|(?i:noventa|novanta)(?:[ \t]+[ey][ \t]+\p{{L}}+|-?\p{{L}}+)?)[ \t]*(?:(?i:años|anos|anni|ans"
       r"|jahre|jährige[rn]?|jaar|jr|yaşında|yaş|lat)\b|J\.|-(?i:letnia?|jährige[rn]?))"),
    rx(rf"\b(?i:lat|wiek|edad|età|idade|alter|leeftijd|yaş|umar|umr|umur|usia|umri|miaka|boyosh|boyos|âge|tuổi|anni|ålder"
       rf"|alder|ikä|ετών|ηλικία|גיל|السن|العمر)\b[ \t]*:?[ \t]*(?P<phi>{AGE_OVER_89})\b(?![.,/]\d)"),
    # and after the number in South and Southeast Asia's, the Nordic countries' and Greece's languages: "92 bochor", "90
    # saal", "91 tahun", "93 tuổi", "(93 år)", "91 vuotta", "92 ετών"
    rx(rf"\b(?P<phi>{AGE_OVER_89})[ \t]+(?i:bochor|bochhor|bachhar|saal|sal|varsh|baras|tahun|tuổi|taong?|år|vuotta|vuotias"
       r"|ετών|χρονών)\b"),
    # in Chinese, Japanese and Korean, the number joined to its word: "96歳", "(93세)", "九十一歲"
    rx(rf"(?<!\d)(?P<phi>{AGE_OVER_89}|九十[一二三四五六七八九]?|一百)[ \t]?(?=[歳歲岁세살])"),
    rx(r"\b(?P<phi>nonagenarian|centenarian)s?\b", re.IGNORECASE),
    # the age in parentheses after a date of birth: "DOB 17/05/1932 (92)"
    rx(rf"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|born)[ \t]*:?[ \t]*[\w/.,-]+(?:[ \t]+[\w/.,-]+){{0,2}}?[ \t]*"
       rf"\((?P<phi>{AGE_OVER_89})(?:[ \t]*(?:y|yo|yrs?|years?))?\)", re.IGNORECASE),
    # "ninety-three yrs", "92 years" (not "90 years ago", "for 90 years")
    rx(rf"(?<!\b(?i:for|over|past|last|than|about|nearly|almost|within|after|in)\s+)"
       rf"\b(?P<phi>{AGE_OVER_89}|{WORD_AGE})[\s-]*(?:yrs?|years?)\b(?![\s-]*(?:ago|of|in|later|earlier|before|after|since|prior"
       r"|post|duration|history|hx|old))", re.IGNORECASE),
    # years in parentheses: "DOB 1/2/1930 (94 yrs)"; a bare number after a person: "Pt (94) seen today" (not "BP (92)")
    rx(rf"\((?P<phi>{AGE_OVER_89})[ \t]*(?i:yrs?|years?|y)\)"),
    rx(rf"\b(?i:pt|patient|woman|man|lady|gentleman|mother|father|husband|wife|sister|brother|grandmother|grandfather)"
       rf"[ \t]*\((?P<phi>{AGE_OVER_89})\)"),
    rx(rf"(?<!\b(?i:t|tmax|t[ \t]?max|temp|temperature|fever|febrile|pyrexia)[ \t:]{{0,2}})"
       rf"\b(?P<phi>{AGE_OVER_89})\s?(?:[MF])\b"),
    # (not a temperature in Fahrenheit: "Tmax 102F")
    rx(rf"\b(?:age[ds]?|aged|age:|age/sex:?|age\s+at\s+(?:death|diagnosis|onset|admission|implant|surgery|referral|consent"
       rf"|enrol?ment))\s*:?\s*(?P<phi>{AGE_OVER_89}|{WORD_AGE})\b",
       re.IGNORECASE),
    # the answer to an age question: "Doctor: How old are you?\nPatient: Ninety-three."
    rx(rf"(?i:how\s+old|your\s+age|age\?)(?:[^\n]*\n|[^\n]*?\?[ \t]+)[ \t]*\p{{L}}(?:[\p{{L}}.'’]|[ \t](?=\p{{L}})){{0,25}}[ \t]*:[ \t]*"
       rf"(?i:I'm\s+|I\s+am\s+|I'll\s+be\s+)?"
       rf"(?P<phi>{AGE_OVER_89}|{WORD_AGE})\b{_UNIT_AFTER}", re.IGNORECASE),
    # after the sex in a header: "F, 97, admitted from home", "male, 93," (not a temperature: "98.6 F, 92, 18")
    rx(rf"(?<![\d°][ \t]?)\b(?:[MF]|(?i:male|female|man|woman))[ \t]*,[ \t]*(?P<phi>{AGE_OVER_89})[ \t]*(?:,|\.|$|\n|(?i:y|yo|years?)\b)",
       re.MULTILINE),
    # "she turned 91", "I'll be ninety-two this Christmas", "aged ninety-three", "she'd have been ninety-five"
    rx(rf"\b(?:turned|turns|turning|turn|will\ be|'ll\ be|be|been|aged|age|reached|celebrated|celebrating|celebrates)\s+(?:her\s+|his\s+)?"
       rf"(?P<phi>{AGE_OVER_89}|{WORD_AGE})(?:st|nd|rd|th)?\b{_UNIT_AFTER}"
       rf"(?!\s*(?:%|percent|minutes|seconds|pounds|mg|degrees|°|times))",
       re.IGNORECASE),
    # a person's age without "years": "Pt is 95 and", "Nanu is 92 also", "The patient, 96, fell", "Mrs. Oduya (94)",
    # "At 97, he", "died at 99", "alive at 102", "F/91", "91/M", "a gentleman of 94"
    rx(rf"\b(?i:pt|patient|she|he|who|mother|father|mom|dad|husband|wife|sister|brother|grandmother|grandfather|aunt|uncle"
       rf"|grandma|grandpa|granny|gran|nana|nan|resident|client|{ELDERS})"
       rf"(?:\s*,)?\s+(?i:is|was)\s+(?P<phi>{AGE_OVER_89}|{WORD_AGE})(?![.,]\d)"
       rf"(?=\s+(?i:and|but|with|now|today|also|yo|y/o)\b"
       rf"|\s*[.,;!])"),
    # a note's shorthand without "is": "pt 91 and often refuses", "Pt 92, still drives" (not "pt 92% on RA", "pt 98.6")
    rx(rf"\b(?i:pt|patient)[ \t]+(?P<phi>{AGE_OVER_89})(?![.,]\d)(?=[ \t]+(?i:and|but|with|now|still|today|yo|y/o)\b|[ \t]*[,;])"),
    rx(rf"\b(?i:the\s+)?(?i:patient|pt|woman|man|lady|gentleman|mother|father|husband|wife),\s+(?P<phi>{AGE_OVER_89}),"),
    rx(rf"\b(?i:mother|father|mom|dad|husband|wife|grandmother|grandfather|grandma|grandpa|aunt|uncle|sister|brother),[ \t]+"
       rf"(?P<phi>{AGE_OVER_89}|{WORD_AGE})(?=[ \t]*[),;])"),
    rx(rf"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+{CAP}(?:\s+{CAP})?(?:\s*\((?P<phi>{AGE_OVER_89})\)|,\s+(?P<phi>{AGE_OVER_89}),)"),
    rx(rf"\b(?i:pt|patient|resident|client)\s*:\s*{CAP}(?:\s+{CAP}){{0,2}},\s+(?P<phi>{AGE_OVER_89})\b(?![./]\d)"),
    rx(rf"\b(?i:at)\s+(?P<phi>{AGE_OVER_89}),\s+(?i:she|he|they|the\s+patient|pt|my\s+\w+|her\s+\w+|his\s+\w+)\b"),
    rx(rf"(?:\b(?i:died|passed\s+away|passed|alive|lived\s+to|living|still\s+living)|\bd\.)[,\s]+"
       rf"(?i:approx\.?\s*|approximately\s+|about\s+|around\s+|c\.\s*|~\s*)?(?i:at\s+)?(?i:age\s+)?"
       rf"(?P<phi>{AGE_OVER_89}|(?i:{WORD_AGE}))\b{_UNIT_AFTER}"),  # (a pedigree's "alive, approx ninety-four")
    rx(rf"(?<![\w/])(?:[MF]/(?P<phi>{AGE_OVER_89})|(?P<phi>{AGE_OVER_89})/[MF])(?![\w/])"),
    rx(rf"\b(?i:man|woman|lady|gentleman|female|male)\s+of\s+(?P<phi>{AGE_OVER_89})\b(?!\s*(?:%|mg|kg|lbs?|percent))"),
    # "in her 90s", "in his late nineties"
    rx(r"\bin\s+(?:her|his|their)\s+(?P<phi>(?:(?:early|mid|late)[\s-]+)?(?:90s|90's|nineties))\b", re.IGNORECASE),
    # an age said of someone, in digits or words, whatever follows but a unit: "shes 90 she always says that", "says she
    # is \"ninety-three and ...", "still living at a hundred and one" (not "she's 95 percent sure", "he is 92 kg"); the
    # two below: where the sentence ends or "years" follows, and words alone after more cues ("you're")
    rx(rf"\b(?i:she['’]?s|he['’]?s|she[ \t]+is|he[ \t]+is|i['’]?m|im|i[ \t]+am|living[ \t]+at|made[ \t]+it[ \t]+to)\s*[\"“]?"
       rf"(?P<phi>{AGE_OVER_89}|{WORD_AGE})\b(?![.,]\d|[ \t]*(?i:%|percent|pounds|lbs?|kg|kilos?|degrees|over|/|mg|minutes|mins?"
       r"|seconds|miles|feet|ft|inches|cm|mm|beats|bpm|times|of|out|on|in[ \t]+the))"),
    rx(rf"\b(?:I'm|I\ am|(?:she|he)\ is|(?:she|he)'s)\s+(?P<phi>{AGE_OVER_89}|{WORD_AGE})(?:\s+(?:years?\s+old|now))?"
        rf"(?=\s*[.,!]|\s+(?:years?|and)\b)", re.IGNORECASE),
    # an age in words after "she's" in speech without punctuation: "report on doris she's ninety one came from"
    rx(rf"\b(?:I'm|Im|I\ am|you're|youre|you\ are|(?:she|he)\ is|(?:she|he)'s|shes|hes)\s+(?P<phi>{WORD_AGE})\b(?!\s*(?:%|percent|pounds|degrees|over|point|beats"
       r"|bpm|mg|kilos?|kg|lbs?|minutes|seconds|times|miles|feet)\b)", re.IGNORECASE),
    # an age said of someone after "who": "his mother who is ninety six at home", "a man who turned 91"
    rx(rf"\b(?i:who)[ \t]+(?i:is|was|turned|turns|just[ \t]+turned)[ \t]+(?P<phi>{AGE_OVER_89}|{WORD_AGE})\b(?![.,]\d)"
       r"(?![ \t]*(?i:%|percent|pounds|lbs?|kg|kilos?|degrees|over|/|mg|minutes|mins?|seconds|miles|feet|beats|bpm|times))"),
    # a relative's age in words: "My husband is ninety-eight."
    rx(rf"\b(?i:mother|father|mom|dad|husband|wife|sister|brother|grandmother|grandfather|grandma|grandpa|aunt|uncle)"
       rf"(?:'s|\s+(?i:is|was))\s+(?P<phi>{WORD_AGE})\b(?=\s*[.,!]|\s+(?i:years?|now|and)\b)"),
]
# A year of birth that tells an age over 89 (Safe Harbor removes those years too): "born in 1928", "DOB 1933".
BIRTH_YEAR = rx(r"\b(?i:born(?:\s+(?:in|on))?|DOB|d\.o\.b\.?|date\s+of\s+birth|b\.)\s*:?\s*(?P<phi>(?:18|19|20)\d{2})\b(?![/-]\d)")
# Labels that name an identifier by themselves ("MRN 1234567"), and words that do so only with a number
# word after them ("visit number 8812", not "Plan: 1000 mg").
_ID_LABEL = r"""(?:(?:MRN|M\.R\.N\.|MR|med(?:ical)?\.?\s+rec(?:ord)?s?\.?|chart|acct|acc|account|member|subscriber|policy|identifier
    |ref|reference|encounter|provider\s+(?:number|no|id)
    |health\s*plan(?:\s+beneficiary)?|beneficiary|medicare|medicaid|(?:driver'?s\s+)?licen[cs]e(?:\s+plate)?|plate|lic|DEA|NPI|serial
    |CSN|FIN|HAR|accession|specimen|passport|VIN|HICN|HIC|ICN|MBI|group|subscriber|claim|authorization|auth|prior\s+auth|rx|badge
    |(?:driver'?s\s+)?permit|permis|BHT
    |employee|insurance|ins|payer|enrollee|registration|reg|booking|order|requisition|lab|pharmacy|bin|pcn
    |UHID|IPD|OPD|UR|URN|PPSN|PPS|OHIP|RAMQ|PHN|HCN|NHS|CHI|IHI|NHI|health\s+card|card|Aadhaar|ABHA|PhilHealth(?:\s+PIN)?
    |A-?Number|alien\s+number|USCIS\s+receipt|receipt|inmate|booking|DOC|enc|pol|operator|NRIC|MyKad|NIN|HSN|SIN|ePCR
    |AFIS|PESEL|CDL|GMC|NMC|HCPC|AHPRA|IMC|MCNZ|NMBI|HPCSA|SANC|(?:RGN|RN|RM|RPN|RNMH)\s+PIN|MCRN|GOC|GDC|GPhC|NAATI(?:\s+CPN)?
    |PHIN|subject|participant|grp|episode(?=[ \t]*(?::|\#|(?i:no|number|id)\b))|batch|(?<!\ba[ \t])lot|CPSO|CPSA|CPSBC
    |CPSM|CPSNS|UBRN|e?PRF|folder|file|collar|stamp|PNC|(?-i:HN)|NCPDP|mbr|(?-i:ULI|TRN)|(?-i:CPR)(?=\s*(?:no\.?|number)?\s*[:#]\s*\d{9}\b)|DVA(?:\s+(?:gold|white|orange))?(?:\s+card)?|(?-i:CAD)(?=[ \t]+\d{2}-\d{5}))
    \.?\s*(?:\#|(?:number|no|num|id|serial)\b\.?)?\s*(?:\#|(?:number|no|id)\b\.?)?
    |(?:record|plan|insurance|device|implant|pacemaker|encounter|visit|unit|case|patient|pt|vehicle|plate
    |certificate|tracking|hosp(?:ital)?|study|confirmation|job|req|requisition|tail|interpreter|IC|IP|OP|run|incident
    |practice|msg|message)\.?\s*(?:\#|(?:number|no|num|id|serial)\b\.?)
    |(?:MRN|ID|SN|S/N)(?:\s*(?:number|no|num)\b\.?)?|\#)(?:(?<=\#)|(?![A-Za-z]))"""  # not a word's start: "ASHP/IDSA 2020"
_ID_VALUE = (r"(?:(?:[A-Z][ \t](?=\d))?(?=[A-Z0-9/.-]*\d)[A-Z0-9](?:[A-Z0-9]|[-/](?=[A-Z0-9])|\.(?=[A-Z0-9]{4})){3,24}"
             r"(?:[ \t]\d{2,6}){0,4}"
             r"(?:(?:[ \t]\d\b){1,2}|[ \t](?-i:[A-Z]{1,2})\b(?:[ \t]\d{2}\b)?)?"  # "W227 8810 93", "B24.551902", "4518 227 903 KT",
             # "4127 33018 2 1", "08-2219873 F 08"
             r"|(?-i:[A-Z]{2,4}(?:-[A-Z]{2,4})?)(?:[ \t]\d{2,12}(?:[-/]\d{1,8})*){1,4}(?:[ \t]?(?-i:[A-Z]{1,2})\b|[ \t]\d\b)?)")  # "XJH 441 298 776", "plate BXR
# 4471", "KGH 2210938", "WV 0441829736", "GVT 441 EC", "WC 3310-884-7", "SAG 0081 2234 9", "AS-KR 2291/24"
# Words whose number is no record's: "Room no. 4127", "page 12 of", "Step #3", "Dose no. 2".
_NOT_A_RECORD = (r"(?i:room|rm|bed|bay|ward|floor|level|unit|page|step|item|question|line|cycle|dose|day|week|version|model"
                 r"|size|grade|stage|class|phase|lead|figure|table|section|part|exhibit|appendix|lane|gate|platform|seat"
                 r"|apartment|apt|suite|house|flat|box|route|highway|exit)(?![\p{L}-])")
# Labels of other countries' identity, tax and health-insurance numbers (short ones only in capitals: "CI", "RG").
_NATIONAL_ID_LABEL = r"""(?:(?-i:DNI|NIE|NIF|CIF|CPF|RG|CURP|RFC|NSS|IMSS|CNIC|NICOP|BSN|AMKA|AFM|TCKN|SVNR|KVNR|NIR|INSEE|RUT|RUN|CUIL
    |CUIT|DPI|CI|CNS|SUS|SNS|NHIF|NIDA|BVN|HKID|NRIC|UID|EPIC|CC(?=[ \t]*[:#]?[ \t]*\d)|TI|NUSS|NISS|NUHSA|CIP|TIS|PIS|NIT|CIN|NID|CF|C\.F\.|NRC|TZ|HC|QID(?=[ \t]*:?[ \t]*\d{11}\b)
    |NAM|INSZ|TIM|PAAYPA|Pnr|RUC)
    |(?i:T\.?[ \t]?C\.?[ \t]+Kimlik|V-?(?:nr|nummer)|Kimlik|(?:codice|cod\.)[ \t]+fiscale|tessera[ \t]+sanitaria|Versichertennummer|Versicherten-?Nr
    |Sozialversicherungsnummer|Krankenversichertennummer|Versicherungsnummer|Steuer-?ID|Personalausweis(?:nummer)?
    |s[ée]curit[ée][ \t]+sociale|carte[ \t]+vitale|c[ée]dula(?:[ \t]+de[ \t]+identidad)?|documento(?:[ \t]+de[ \t]+identidad)?
    |n[úu]mero[ \t]+de[ \t]+(?:afiliaci[óo]n|seguridad[ \t]+social|identidad|utente|benefici[áa]rio)|afiliaci[óo]n|afiliado
    |cart[ãa]o[ \t]+(?:SUS|de[ \t]+cidad[ãa]o|nacional[ \t]+de[ \t]+sa[úu]de)|utente|Iqama|Emirates[ \t]+ID|Ghana[ \t]+Card
    |Omang|Aadhaa?r|MyKad|national[ \t]+(?:id|identity|insurance|code)(?:[ \t]+card)?|identity[ \t]+card|ID[ \t]+card
    |PESEL|dow[óo]d(?:[ \t]+osobisty)?|burgerservicenummer|sofinummer
    |N[º°][ \t]*(?:SIP|SS)|SIP|NHC|CNI|processo|proc\.|patiëntnr|patientnr|ordernr|nr[ \t]+księgi(?:[ \t]+głównej)?|protokol|ap[óo]lice|sinistro|folio
    |colegiado|dossier|aufenthaltsgestattung|expediente|prontu[áa]rio|cartella(?:[ \t]+clinica)?|historia[ \t]+cl[íi]nica
    |fallnummer|fall-?nr|aktenzeichen|kennitala|dod[ \t]?id|edipi|empl[ \t]?id|personnr|personnummer|f[øo]dselsnummer
    |d-nummer|cpr-?n(?:r|ummer)|henkil[öo]tunnus|hetu|rijksregisternummer|ahv-?nr\.?|ΑΜΚΑ|ת\.ז\.?
    |ΠΑΑΥΠΑ|کد[ \t]ملی|주민등록번호|เลขประจำตัวประชาชน|ficha|matr[ií]cola|診察券番号
    |등록번호|病歷號))"""
# (a line is read only if it holds one of the labels' words)
_NATIONAL_ID_CUE = WordCue("""dni nie nif cif cpf rg curp rfc nss imss cnic nicop bsn amka afm tckn svnr kvnr nir insee rut run
    cuil cuit dpi ci cns sus sns nhif nida bvn hkid nric uid epic cc ti nuss niss nuhsa cip tis pis nit cin nid kimlik codice
    tessera versichertennummer versicherten sozialversicherungsnummer krankenversichertennummer versicherungsnummer steuer
    steuerid fiscale personalausweis personalausweisnummer sécurité securite carte cédula cedula documento número numero afiliación
    afiliacion cartão cartao utente iqama emirates ghana omang aadhaar aadhar mykad national identity id pesel dowód dowod
    burgerservicenummer sofinummer sip nhc cni patiëntnr patientnr ordernr nr protokol apólice apolice sinistro folio
    colegiado dossier aufenthaltsgestattung expediente prontuário prontuario cartella historia fallnummer fall fallnr
    aktenzeichen cf tz hc code ss processo proc afiliado qid v vnr nummer nrc kennitala dod dodid edipi emplid empl personnr
    personnummer fødselsnummer fodselsnummer d-nummer cpr-nr cprnr cpr-nummer henkilötunnus henkilotunnus hetu
    rijksregisternummer ahv-nr ahvnr ahv αμκα ת nam insz tim paaypa pnr πααυπα کد 주민등록번호
    เลขประจำตัวประชาชน ruc ficha matricola matrícula 診察券番号 등록번호 病歷號""")
# Its value: groups of capitals and digits joined by dots, dashes, slashes or single spaces, with six digits or more
# (seven groups: France's "N° SS : 2 90 05 33 063 118 47").
_NATIONAL_ID_VALUE = r"(?=(?:(?:[A-Z/.-]|[ \t](?=[A-Z]{0,2}\d))*\d){6})[A-Z\d]+(?:(?:[./-]|[ \t](?=[A-Z]{0,2}\d))[A-Z\d]+){0,6}"
# Ranks of armies, navies and air forces, British ranks of old medical boards, cadets' (not CPT, the procedure codes;
# not "Sig", "Gen", "PO", "AB": a prescription's, general's, by mouth, an antibody)
RANK = (r"(?:Sgt|Cpl|Lt|Capt|Maj|Ltc|Cdr|Lcdr|Pvt|Spc|Ssg|Sfc|Cpo|Captain|Lieutenant|Colonel|Commander|Admiral|Corporal"
        r"|Brigadier|Pte|Gnr|Rfn|Bdr|L/?Cpl|MCpl|CSgt|SSgt|GySgt|MSgt|TSgt|SMSgt|CMSgt|SrA|A1C|1SG|1stSgt|SgtMaj|WO[12]"
        r"|MWO|CWO|LCol|BGen|MGen|Brig|Flt[ \t]+Lt|Sqn[ \t]+Ldr|Wg[ \t]+Cdr|Gp[ \t]+Capt|Spr|Tpr|Cfn|Gdsm|Mne|OCdt|Cdt"
        r"|Cadet|[12]Lt|Ens|HM[1-3]|PO[1-3]|Airman|Gunner|Sapper)")
ID_PATTERNS = [
    # a dictation's job number in a transcribed report's footer: "T: rb   Job 8834102" (five digits or more: not "lost
    # her job 2019")
    rx(r"\b(?i:job)[ \t]+(?P<phi>\d{5,10})\b"),
    # a blood product's ISBT 128 donation number: the collecting centre, the year, the serial and its flag or check
    # character, in its printed groups: "G0305 24 418772 C", "W1234 24 123456 00 K"
    rx(r"(?=[A-Z]\d)(?<![\w-])(?P<phi>[A-Z]\d{4}[ \t]\d{2}[ \t]\d{6}(?:[ \t]\d{2})?(?:[ \t][A-Z\d](?![\w-]))?)"
       r"(?![\w-])"),
    # a service number before its holder's rank and name, as sick parades list them: "1. 30157742 LCpl MACLEOD Ewan"
    rx(rf"(?=[A-Z\d])(?<![\w./-])(?P<phi>\d{{6,10}}|[A-Z]{{1,2}}\d{{5,9}})[ \t]+(?=(?i:{RANK})\.?[ \t]+\p{{Lu}})"),
    # a physician's licence number after its register's letters in other countries: "CRM-SP 87.214", "OM 48117", "PWZ
    # 3218845", "CMP 048817", "permis CMQ 1-12457", "MP 0781243" (South Africa's HPCSA)
    rx(r"\b(?:CRM(?:-[A-Z]{2})?|COREN(?:-[A-Z]{2})?|CRO(?:-[A-Z]{2})?|OM|PWZ|CMP|CMQ|CNOM|RNE|SLMC|PMDC|BMDC|MDCN)"
       r"[ \t]*"
       r"(?:n[º°o]\.?|nr\.?|\#|:)?[ \t]*(?P<phi>\d[\d.-]{2,9}\d)(?![\w-]|[.,]\d)|\bMP[ \t]*(?P<phi>0\d{6})\b"),
    # a vehicle's unit code: "Unit M-217", "UNIT HMK-2217"
    rx(r"\b(?:Unit|UNIT)[ \t]+(?P<phi>[A-Z]{1,4}-\d{2,5})\b(?![.,/-]\d)"),
    # a PhilHealth number by its shape: "12-050418772-3"
    rx(r"(?<![\w.-])(?P<phi>\d{2}-\d{9}-\d)(?![\w-]|\.\d)"),
    # other countries' identity numbers by their shape alone: an Italian codice fiscale ("RSSDVD92A21D810Q"), a
    # Brazilian CPF ("071.554.238-09"), a Korean resident number ("040412-3182457"), a Swedish personnummer
    # ("19310412-2286"), a Belgian national number ("45.01.04-173.52"), a Thai identity number in its groups ("1 1017
    # 00418 27 6"), a Venezuelan identity card ("V-24.567.891")
    rx(r"""(?=[A-Z\d])(?<![\p{L}\d.-])(?P<phi>[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z]|\d{3}\.\d{3}\.\d{3}-\d{2}
        |\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-[1-8]\d{6}
        |(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-\d{4}
        |\d{2}\.(?:0[1-9]|1[0-2])\.(?:0[1-9]|[12]\d|3[01])-\d{3}\.\d{2}|\d[ ]\d{4}[ ]\d{5}[ ]\d{2}[ ]\d
        |[VE]-\d{1,2}\.\d{3}\.\d{3})(?![\p{L}\d]|[.-]\d)""", regex.VERBOSE),
    # a researcher's ORCID iD (four groups of four digits from 0000- or 0009-, the last a check digit or X; not dosing
    # times: "0800-1200-1600-2000")
    rx(r"(?<![\w-])(?P<phi>000[09]-\d{4}-\d{4}-\d{3}[\dX])(?![\w-])"),
    # an identity card's number with its check digit in brackets, as Hong Kong's and Macau's are written: "A123456(7)",
    # "5123456(7)", "D5128834(6)"; Myanmar's citizenship card: "12/BaHaNa(N)048217"
    rx(r"(?<![\w(/])(?P<phi>(?:[A-Z]{1,2}\d{6,7}|\d{7})[ \t]?\([\dA]\)|\d{1,2}/\p{Lu}\p{L}{2,9}\((?:N|Naing|E|P|T)\)[ \t]?\d{6})(?![\w(])"),
    # a prescriber's registration number in brackets after the name: "Dr S. Hegarty (6118204)"
    rx(r"\b(?:Dr|Doctor)\.?[ \t]+\p{Lu}[\p{L}.'’ -]{1,40}?[ \t]*\((?P<phi>\d{6,8})\)"),
    # a number after a label that opens with the word for a number in another language, the record named after it: "N° de
    # dossier CNESST : 512 448 903", "Seria i numer: ZC 4418273", "Siniestro N.º 2024-118-004471", "Nr prawa wykonywania
    # zawodu: 2718834" (five digits at least: not "Nr of tabs: 28"; a telephone's number is no record's)
    rx(r"\b(?i:n[°º]|n\.º|nr\.?|numer|número|numero|numéro|nummer)(?:[ \t]+(?!(?i:t[ée]l|phone|portable|mobile|fax|cel|handy))"
       r"[\p{L}'’.]+){0,4}?[ \t]*:?[ \t]*"
       r"(?P<phi>[A-Z]{1,4}[ \t]?\d{5,12}|(?=(?:[ \t/.-]*\d){5})\d[\d \t/.-]{3,18}\d)(?![\w/-]|\.\d)"),
    # a case book's or a register's folio, which finds the record: "Case Book, Males, vol. XIV, fol. 213", "at folio 311"
    rx(r"\b(?i:folio|fol\.)[ \t]*(?P<phi>\d{1,5}[a-z]?)(?![\w/-]|\.\d)"),
    # a register's or a case book's entry at a line's start or after a heading's dash: "No. 4417. Wm. Rennie", "Entry 1187
    # Baptised:", "Case Book, Males – No. 6602" (not "No. 2")
    rx(r"(?m)(?:^|[–—][ \t]*)(?:No\.|Entry)[ \t]*(?P<phi>\d{3,6})(?![\w/-]|[.,]\d)"),
    # a British or East African number plate after its cue on the line: "SILVER ESTATE REG KP19 XRT", "vehicle reg: LB68
    # OKU", "Driver: Dai (van CN19 XKT)", "boda rider, bike UEK 412P"
    rx(r"\b(?i:reg|registration|plate|vehicle|car|van|bike|motorbike|motorcycle|boda|truck|lorry|ute|taxi|scooter)\b"
       r"[^\n]{0,25}?\b(?P<phi>[A-Z]{2}\d{2}[ ]?[A-Z]{3}|[A-Z]{3}[ ]?\d{3}[ ]?[A-Z])\b"),
    # (the value whole or not at all: "MRN 2219-0048   Day +9" is no "2219-" before a unit; a unit right after a number
    # makes it a dose: "ID 40 mg"; British weeks, months and days are no value: "f/u OPD 6/52")
    rx(rf"(?<!\w){_ID_LABEL}\)?\s*(?:\.{{2,}}|…+)?\s*(?:\#|:|-|=|is|was)?\s*(?:\#|:)?\s*(?:(?:still|now)\s+)?"
       rf"(?!\d{{1,2}}/(?:52|12|7)\b)(?P<phi>(?>{_ID_VALUE}))\b{_UNIT_RIGHT_AFTER}", re.IGNORECASE),
    # a driver's licence or a laboratory's CLIA number, in capitals only ("mg/dL 12/3" is no licence): "PA DL 31 448 207",
    # "CLIA 24D0987716"
    rx(rf"(?<![\w/])(?:DL|CLIA)\b[ \t]*(?:\#|:)?[ \t]*(?P<phi>(?>{_ID_VALUE}|\d{{2,6}}(?:[ \t]\d{{2,6}}){{1,4}}))\b"),
    # a number said to be one after a word that names its record: "the incident report number, it's IR-77310", "account
    # number on it is FV-0093381-2", "Your chart number here is 4471092", "The health number we have on file is 118 442
    # 907"
    rx(rf"\b(?i:report|incident|reference|account|member|policy|claim|case|confirmation|tracking|order|record|ticket|receipt"
       rf"|invoice|authorization|referral|chart|health|rx|prescription|hospital|card|file)[ \t]+(?i:number|no\.?|\#)[ \t,]+"
       rf"(?:(?:(?i:on|in|of|for)[ \t]+(?i:it|that|this|the[ \t]+\w+)|(?i:here|we[ \t]+have(?:[ \t]+on[ \t]+file)?|on[ \t]+file))[ \t]+)?"
       rf"(?i:is|it's|it’s|it[ \t]+is|was)[ \t]*:?[ \t]*(?P<phi>(?>{_ID_VALUE}|\d{{2,5}}(?:[ \t]\d{{2,5}}){{1,4}}(?!\d)))\b"
       rf"{_UNIT_RIGHT_AFTER}"),
    # a number of two parts joined by a dash after a word in capitals, the parts no range's: "AMBULANCE VICTORIA CASE
    # 240918-4471", "RIT 24-339871", "AGB 01-045583" (not "WBC 4000-11000", "PLT 150-400", "NOTE 0700-1900", a drug's or
    # a phone's number)
    rx(r"\b(?!(?:NDC|CPT|ICD|LOINC|HCPCS|DRG|ISO|ISBN|TEL|PH|FAX|MOB|MOBILE|CELL|PHONE|CALL|CONTACT|BP|HR)\b)[A-Z]{2,6}[ \t]+"
       r"(?P<phi>0\d{1,7}-\d{5,8}|\d{5,8}-\d{4,8}|\d{1,3}-\d{6,8})(?![\w/-]|[.,]\d)"),
    # a code of letters and six digits or more (a DEA number, a record number in a table): "BK4471923", "M4410932",
    # "7219384TA"
    rx(r"(?<![\w/.-])(?=[A-Z\d]{7})(?P<phi>[A-Z]{1,3}\d{6,12}[A-Z]{0,2}|\d{6,12}[A-Z]{1,3})(?![\w/-])"),
    # a code of capitals and digits, no label needed: in groups joined by dashes or (after letters) slashes, five digits
    # or more ("ME-2025-00731", "IE05-014", "A7Q-33918-2", "PH/24/88213"), or of seven characters or more, four digits
    # or more, a digit after a letter ("CFX3E1122", "W24K0871", "QX4471B"); not an obstetric history ("G3P2-0-0-2",
    # "G2P1001"), a billing, drug or pathology code ("CPT-99213", "NDC-0002-8215-01", "SNOMED: T-83000 M-80703"), a blood
    # component's code ("E3843V00"), ECG leads ("V1V2V3V4") or a dose ("2000MCG")
    rx(r"\b(?=[A-Z\d])(?<![/.-])(?<!SNOMED[ \t]*:?[ \t]*(?:[A-Z]-\d{5}[ \t]+)*)"
       r"(?!G\d{1,2}P|(?:CPT|ICD|NDC|HCPCS|LOINC|ISO|IEC|DRG|SNOMED)\d*-)(?=[\d/-]*[A-Z])(?=(?:[A-Z/-]*\d){5})"
       r"(?P<phi>[A-Z\d]{1,8}(?:-[A-Z\d]{1,10}){1,4}|[A-Z]{1,4}(?:/[A-Z\d]{1,10}){2,3})(?![\w/-]|[.,]\d)"),
    # a reference of capitals and numbers between slashes with a stop or an ampersand inside a part: "IKJ/CID/SP.114/2024",
    # "AGH/A&E/24/3317"
    rx(r"(?<![\w/.&-])(?=(?:[A-Z/.&]*\d){4})(?P<phi>[A-Z]{2,4}(?:/(?:[A-Z]{1,4}(?:[.&][A-Z\d]{1,6})?|\d{1,6})){2,4})"
       r"(?![\w/&-]|[.,]\d)"),
    rx(r"\b(?=[A-Z\d]{7,14}(?![\w/-]|[.,]\d))(?<![/.-])(?!G\d{1,2}P|(?:[A-Z]\d{1,2}){3}|E\d{4}[A-Z]\d{2}\b)"
       r"(?=(?:[A-Z]*\d){4})(?=\d*[A-Z]+\d)(?P<phi>[A-Z\d]+)"),
    rx(r"\b(?P<phi>(?:MRN|ACCT|MBR|SN|HP)-?\d{4,12})\b", re.IGNORECASE),
    # any capitals label glued to "#": "JOB#: 123456", "REQ# 88412"
    rx(rf"\b[A-Z]{{2,12}}[ \t]?\#[ \t]*:?[ \t]*(?P<phi>{_ID_VALUE})\b{_UNIT_AFTER}"),
    # digits in spaced groups after a record word: "record 48 17 209", "acct 4471 2290 18", seven digits or more when a
    # group is one digit: "HCN 1 204 886 51", "Thai ID 3 1012 00458 21 7"
    rx(r"\b(?:record|chart|account|acct|member|mrn|id|number|no|nhs|chi|hsn|phn|phin|hcn|ohip|medicare|mcp|card)\.?\s*"
       r"(?:\#|:)?\s*(?P<phi>(?>\d{2,6}(?:[ \t]\d{2,6}){1,4}[A-Z]?|(?=(?:\d[ \t]?){7})\d{1,6}(?:[ \t]\d{1,6}){1,5}))\b"
       # (whole or not at all: "Medical card 0481 772 19B")
       + _UNIT_RIGHT_AFTER, re.IGNORECASE),
    # an Australian Medicare number with its reference digit, in a table's column: "2953 71824 1"; digits read out one by
    # one with dashes: "claim number ends in 6-6-0-9-4-1-7"
    rx(r"(?=\d)(?<![\d.-])(?P<phi>\d{4}[ \t]\d{5}[ \t]\d(?:[-/]\d)?)(?![\d.-])"),
    rx(r"(?<![\w-])(?P<phi>\d(?:[ \t]?-[ \t]?\d){5,})(?![\w-])"),
    # a police officer's collar number: "PC Ross Baird (4471)"
    rx(rf"\b(?:PC|DC|PS|Sgt|Cst|Const|Constable|Officer)\.?[ \t]+{CAP}(?:[ \t]+{CAP})?[ \t]*\((?P<phi>\d{{3,6}})\)"),
    # a run of 12 to 19 digits is a card, an account or an accession number, never a measurement
    rx(r"(?=\d)(?<![\d.,/-])(?P<phi>\d{12,19})(?![\d.,/]\d|\d)"),
    # a national identity or insurance number of another country after its label, dots allowed only here (not "lab
    # 7.35"): "DNI 48213977-K", "CPF 123.456.789-09", "CURP FEOM520314MJCRRR08", "CNIC 35202-1234567-1", "T.C. Kimlik
    # No: 10987654321", "codice fiscale RSSMRA85T10A562S", "AMKA 01019012345", "CF SPSGNR52H19A509K", "TZ 032917745",
    # "national code 0923381146", "Proc. 1522048", "HC 884 017"
    CuedPattern(rx(rf"(?<![\w.]){_NATIONAL_ID_LABEL}(?![\p{{L}}\d])[ \t]*(?:\((?:[^)\n]{{1,20}})\))?[ \t]*"
                   rf"(?i:n[º°o]\.?|nr\.?|no\.?|number|num|\#)?[ \t]*(?:[:#=-]|(?i:is)[ \t])?[ \t]*(?P<phi>{_NATIONAL_ID_VALUE})(?![\w-]|\.\w)"),
                _NATIONAL_ID_CUE),
    # a number after any word or initials and "no.", "number", "#", "ID" or "ref", the word a record's name this list
    # lacks: "Screening no. SCR-0412", "CR number: 2024/0083321", "Sponsor ref 77-41A", "D.L. No. 20B/NSK/1147" (not a
    # room's, a page's or a dose's)
    CuedPattern(rx(rf"(?<![\w.-])(?<![\d/]/)(?!{_NOT_A_RECORD})(?:\p{{L}}[\p{{L}}-]{{1,20}}\.?|(?:\p{{Lu}}\.){{2,3}})[ \t]+"
                   rf"(?i:no\.?|nr\.?|number|num\.?|\#|id|ref\.?)"
                   rf"[ \t]*[:#]?[ \t]*(?P<phi>(?>{_ID_VALUE}))(?![\w/-]){_UNIT_RIGHT_AFTER}"),
                re.compile(r"(?i)\b(?:no|nr|number|num|id|ref)\b|#")),
    # a court's or a police case's number after "case": letters, then a number and its year ("SAPS case CAS 221/02/2025",
    # "case DV 118/2025", "case III Nsm 412/25")
    rx(r"\b(?i:case|docket)[ \t]+(?P<phi>(?:[IVX]{1,4}[ \t]+\p{Lu}\p{Ll}{1,3}|\p{Lu}{1,4})[ \t]*\d{1,6}/(?:\d{2}/)?(?:19|20)?\d{2})(?![\w/-])"),
    # a number shown only by its last digits: "Aadhaar (masked): XXXX-XXXX-6614", "card ****-****-****-4471"
    rx(r"(?<![\w*•-])(?P<phi>(?:(?:X{2,5}|x{2,5}|[*•]{2,5})[ -]){1,4}\d{3,5})(?![\w-])"),
    # an IBAN: "GB42 NAWI 0445 4264 7886 19", "gb42nawi04454264788619"
    rx(r"\b(?i:iban)\s*(?:is|:)?\s*(?P<phi>[A-Za-z]{2}\d{2}(?:[ \t]?[A-Za-z0-9]{4}){2,7}(?:[ \t]?[A-Za-z0-9]{1,3})?)\b"),
]
PHONE_PATTERNS = [
    rx(r"(?<![\w/.-])(?P<phi>(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?:\s*(?:x|ext\.?)\s*\d{1,5})?)"
        r"(?![\w/])", re.IGNORECASE),
    rx(r"\b(?:phone|tel|telephone|cell|mobile|mob|fax|pager|beeper|ph|contact(?:\s+number)?|call(?:\s*back)?(?:\s+at)?|τηλ|тел"
        r"|teléfono|telefono|téléphone|telefone|telefon|telemóvel|telemovel|tél|cel|celular|móvil|movil|handy|mobil|portable|cep\s+telefonu"
        r"|hp|h/p|kontak|telp|tlp|tlm|tlf|gsm)"
        r"\.?\s*(?:\#|:|no\.?|number)?\s*:?\s*(?P<phi>\+?\(?\d[\d\s().-]{5,16}\d)(?![\w/])", re.IGNORECASE),
    # an exchange's name and its number, as old letterheads and records write them, or a short number alone after the
    # label: "Tel. Belfast 40503", "Phone: Main 2-4407", "telephoned to Markinch 27", "Tel.: 71602", "Telephone 60-119"
    rx(r"\b(?:(?i:tel|telephone|phone)\.?(?:[ \t]+(?i:home|no\.?))?[ \t]*:?"
       r"|(?i:telephoned|by[ \t]+telephone)[ \t]+(?i:to|at))[ \t]+"
       r"(?P<phi>\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)?[ \t]+\d{1,3}(?:-?\d{2,4})?"
       r"|\d{2,3}-\d{3}|(?!(?:19|20)\d{2}\b)\d{4,6})(?![\w/-]|\.\d)"),
    # a pager's or a bleep's number: "pager 4471", "pg 3308", "bleep 2271", "page him at 4412"
    rx(r"\b(?:pager|beeper|pgr|pg|bleep|page(?:[ \t]+(?:him|her|me|them|us))?[ \t]+(?:at|on))\.?\s*(?:\#|:|no\.?|number)?\s*:?\s*"
       r"(?P<phi>\d{4,5}|\d-\d{4})\b(?![/.]\d)", re.IGNORECASE),
    # a bleep's three digits, a call-back extension: "Bleep 213", "pgr 612", "RN KAYLA CB 52210"
    rx(rf"\b(?i:bleep|pager|pgr|beeper)\.?[ \t]*(?:\#|:|(?i:no)\.?)?[ \t]*(?P<phi>\d{{3}})\b(?![/.]\d){_UNIT_RIGHT_AFTER}"),
    rx(r"\b(?:CB|cb|(?i:call[ \t]?back))[ \t]*(?:\#|:)?[ \t]*(?P<phi>\d{4,5})\b(?![/.]\d)"),
    # a page log's pager, after the time the page went to or came from it: "22:04  TO 4471  5E-18 ...", "To 2-1188: call
    # 5S", "0013  FR 3390" (not a time: "0800 TO 1200")
    rx(r"(?m)^[ \t]*(?:\[?\d{1,2}:?\d{2}\]?[ \t]+)?(?i:to|fr|from)[ \t]+(?!(?:[01]\d|2[0-3])[0-5]\d\b)"
       r"(?P<phi>\d{4,5}|\d-\d{4})\b(?=[ \t]*(?::|[ \t]{2}|\())"),
    # an extension, its word with it: "page at x4471", "charge phone ext 7730", "ext 44-3017", three digits after
    # "ext." ("or ext. 214 at her work")
    # (three digits after the word written out where one calls it: "Associate, on extension 214"; not a joint's "extension
    # 120 degrees")
    rx(r"\b(?P<phi>(?:ext|extension|x)\.?[ \t]*(?:\#|:|no\.?)?[ \t]*(?:\d{4,5}|\d{1,2}-\d{4})|ext(?:\.|[ \t]*\#)[ \t]*\d{3}"
       r"|(?<=\b(?:on|at|call|dial|ring)[ \t]+)extension[ \t]+\d{3})\b(?![/.]\d|[ \t]*(?:°|deg))", re.IGNORECASE),
    # ... or after the number it extends: "TEL 05-691 2200 SAMB. 318", "0161 555 0192 ext 22"
    rx(r"(?<=\d[ \t]*,?[ \t]*)(?P<phi>(?i:samb|ext|extn|poste|durchwahl)\.?[ \t]*\d{2,5})\b(?![/.]\d)"),
    # ... or alone after another language's word for one (not a year): "(poste 26314)", "interno 8412", "anexo 2286",
    # "dahili 4417", "ramal 2210"
    rx(r"\b(?i:poste|interno|anexo|dahili|ramal|durchwahl)\.?[ \t]*:?[ \t]*(?!(?:19|20)\d{2}\b)(?P<phi>\d{3,5})"
       r"(?![\d/.,]\d|\d)"),
    # other cues of a number to call, and numbers of any country's layout after them: "call me at 0494 92 82 32", "ring me
    # 772 4410",
    # "Desk: +41 (0)96 471 07 95", "not answering at 71-33-52-22", "messages to 699 956 915", "prévenue au 06 12 48 93 70"
    rx(r"\b(?:(?:call|text|phone|ring|reach)\s+(?:me|us|him|her|them)(?:\s+back)?(?:\s+(?:at|on))?|(?:be\s+)?reached\s+(?:at|on)"
       r"|answering\s+at|messages?\s+to|(?:prévenue?|joignable|joint|jointe)\s+au"
       r"|registered|desk|office|home|work|landline|whatsapp)\s*(?:\#|:|no\.?|number)?\s*:?\s*"
       r"(?P<phi>\+?\(?(?:\d[\d \t().-]{5,16}\d|\d{4,6}(?=[ \t]*(?:ext|extn|x|poste)\b))"
       r"(?:[ \t]*(?:ext|extn|x|poste)\.?[ \t]*\d{1,5})?)(?![\w/])", re.IGNORECASE),
    # (on one line: not the age that opens the next; an extension with it: "call me back on 22100 ext 415")
    # a number after another language's word for calling, or a service's line: "ligue para a linha da equipa: 212 555
    # 318", "Biex tikkanċella ċempel 2122 4455", "Llame al 915 55 12 34", "call the team line: 212 555 318" (no digit
    # between: not a drug's line, "PICC line 12.03")
    rx(r"\b(?:(?i:ligue|ċempel|llame|llamar|appelez|appeler|zadzwoń|soita|rufen[ \t]+Sie)|(?i:team|nurse|care|help|on-?call)"
       r"[ \t]*line|(?i:hotline|helpline))\b[^\n\d]{0,25}?(?P<phi>\+?\(?\d[\d \t()-]{6,16}\d)"
       r"(?![\w/]|\.\d|[ \t]*(?i:mg|ml|units?)\b)"),
    # a number that someone was called on, later in the sentence: "Called Mele's aunty on 775 2203", "phoned the daughter at
    # 0412 338 905"
    rx(r"\b(?i:called|rang|phoned|texted|messaged)\b[^\n.]{0,40}?\b(?i:on|at)[ \t]+(?P<phi>\+?\(?\d[\d \t().-]{5,16}\d)(?![\w/])"),
    # a number the word after it calls a phone's: "655 437 108 office", "21 253 109 8211-Office"
    rx(r"(?<![\w/.-])(?P<phi>\+?\(?\d[\d\s().-]{5,16}\d)[ \t]*[-–]?[ \t]*(?i:office|fax|mobile|cell|home|work)\b"),
    # a local number of seven digits with its dash and no cue: "call 555-0148 after 5", "Corner Chemist   555-0110" (no
    # range of a dose: "250-1000 mg"; none in the 1,301 dialogues and notes of MTS-Dialog's training and validation sets)
    rx(rf"(?<![\w/.:-])(?P<phi>[2-9]\d{{2}}-\d{{4}})(?![\w/-]|[.,]\d)(?![ \t]*(?i:{_MEASURE}))"),
    # a Brazilian number, its area code in brackets: "(11) 2661-7394", "(81) 99872-4410"
    rx(r"(?<![\w/.-])(?P<phi>\([1-9]\d\)[ ]?9?\d{4}-\d{4})(?![\w/-]|[.,]\d)"),
    # eight digits in two groups of four, as Hong Kong and Singapore write a number: "NOK 9127 4406", "informed (9438 1207)"
    # (the first digit 3, 6, 8 or 9: no pair of years "2019 2020"; not inside a longer number, nor a measure)
    rx(rf"(?<![\w/.:-])(?<!\d[ \t])(?P<phi>[3689]\d{{3}}[ ]\d{{4}})(?![\w/-]|[.,]\d|[ \t]\d)(?![ \t]*(?i:{_MEASURE}))"),
    # an international number: "+447700 921 916", "+46 (0)8 928 571 38"
    rx(r"(?<![\w+])(?P<phi>\+\d{1,3}[ \t.-]?(?:\(0\)[ \t]?)?\d[\d \t.-]{6,14}\d)(?![\w/])"),
]
# A number with a national trunk prefix, in groups, as most countries but the US write phone numbers: "07 555 8123",
# "01851 555402", "021 455 7732", "0412 345 678", "(02) 9555 0148", "0300-5551842", France's "04 50 02 18 77" (the
# recognizer keeps those of nine to eleven digits: not "0800 1200 1600", a medication round's hours, nor "01 02 2024")
NATIONAL_PHONE = rx(r"(?=[0(6-9])(?<![\w/.,+-])(?:(?:0\d{1,4}|\(0\d{1,4}\))(?:[ \t-]\d{2,7}){1,4}|0\d{10}|[6-9]\d{4}[ ]\d{5})"
                    r"(?![\w/-]|[.,]\d)")  # (the lookahead first: a character that cannot start one is passed at once)
# Numbers read out digit by digit, as dictation and call transcripts write them: "m r n four four seven one nine
# two two", "call me at nine one eight, five five five, zero one six two", "accession s p twenty three dash one one".
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
# a number's word, read out or in a number: "four", "oh", "nineteen", "hundred", "double"
NUMBER_WORD = rf"(?:{_DIGIT_WORD}|{_TO_99}|hundred|thousand|double|triple)"
_SPOKEN_GAP = r"(?:[ \t]*[,.]?[ \t]+|-|[ \t]*(?:\.{2,3}|…)[ \t]*)"  # "six five one... five five five"
_SPOKEN_PIECE = rf"(?:{_DIGIT_WORD}|{_TO_99}|(?:double|triple)(?:[ \t]+|-){_DIGIT_WORD}|dash|hyphen|slash)"  # ("double-oh")


def spoken_number(pieces: int) -> str:
    """At least ``pieces`` number words in a row, the first a digit's or a number's."""
    return rf"(?:{_TO_99}|{_DIGIT_WORD})(?:{_SPOKEN_GAP}{_SPOKEN_PIECE}){{{pieces - 1},40}}(?![\w-])"


# a spoken label of a record number ("m r n", "member i d", "n p i"; a whole word: not the "nin" of "nine"), spelled letters
# before the digits allowed
_SPOKEN_ID_LABEL = r"""(?:m[ \t]?r[ \t]?n|medical[ \t]+record(?:[ \t]+number)?|record[ \t]+number|account(?:[ \t]+number)?|acct
    |member[ \t]+(?:i[ \t]?d|number)|(?:policy|group|claim|chart|case|encounter|visit|confirmation|reference|license
    |interpreter|medicare|medicaid|i[ \t]?d)[ \t]+number|(?:case[ \t]+)?reference|n[ \t]?p[ \t]?i|d[ \t]?e[ \t]?a
    |accession(?:[ \t]+number)?|i[ \t]?d
    |(?:license[ \t]+)?plate(?:[ \t]+number)?|badge(?:[ \t]+number)?
    |(?:hospital|clinic|unit|patient|registration|file|folder|art|nhs|chi|health(?:[ \t]+card)?|insurance|national)[ \t]+number
    |(?:(?:c[ \t]?)?n[ \t]?i[ \t]?c|n[ \t]?i[ \t]?n)(?:[ \t]+number)?|aadhaa?r|ramq(?:[ \t]+card)?|ohip|health[ \t]+card)(?![a-z])"""
# a letter read out, alone or as a word says it: "w", "R as in Robert", "b for bravo"
_SPOKEN_LETTER = r"(?:[a-z](?:[ \t]+(?:as[ \t]+in|for)[ \t]+[a-z]+)?)(?![\w'’])"
# Words of a phone call between a question and its answer: "id number please\ncaller um yes its h p p seven seven ...",
# "Medicare number?\nCaller: one E G four ...".
_SPOKEN_TURN = (r"(?:please|caller|patient|agent|rep|member|yes|yeah|yep|sure|ok|okay|its|it's|it|is|so|and|that's|thats"
                r"|on|the|card|says|said|reads|your|his|her)")
_NEXT_TURN = r"(?:\??[ \t]*\n[ \t]*(?:\[[^\]\n]{1,20}\]|[A-Za-z]+(?:[ \t]\d)?[ \t]*:)?)"
_SPOKEN_PHONE_CUE = (r"\b(?:(?:call|reach|reached|text|page)(?:[ \t]+(?:me|us|him|her|them))?(?:[ \t]+back)?[ \t]+(?:at|on)"
                     r"|number[ \t]+(?:is|was)|phone(?:[ \t]+number)?|cell|mobile|pager(?:['’]?s)?|extension|ext|fax|callback)"
                     r"[ \t]*(?:is|:|at)?[ \t,]*")
# a number read out, with its extension: "nine one nine, five five five, zero one six one, extension two one four"
SPOKEN_PHONE_PATTERNS = [CuedPattern(rx(rf"{_SPOKEN_PHONE_CUE}(?P<phi>{spoken_number(4)}(?:[ \t]*,?[ \t]+(?:extension|ext|x)"
                                        rf"[ \t]+{spoken_number(2)})?)", re.IGNORECASE),
                                     lowercase_cue(_SPOKEN_PHONE_CUE), cue_in_lowercase=True)]
_SEVEN_DIGIT_WORDS = rf"{_DIGIT_WORD}(?:{_SPOKEN_GAP}(?:{_DIGIT_WORD}|(?:double|triple)(?:[ \t]+|-){_DIGIT_WORD}|dash|slash)){{6,40}}"
SPOKEN_ID_PATTERNS = [
    # digits read out one by one as numerals, with spelled letters before them: "M R N 0 0 4 7 1 9 3 3 6", "member ID
    # X K Z 5 5 0 2 8 8 3 1", "H as in Henry 4 4 7 1 0 2 9 8 3"
    CuedPattern(rx(r"(?<![\w/.-])(?P<phi>(?:(?:[A-Za-z](?:[ \t]+as[ \t]+in[ \t]+[A-Z][a-z]+)?)[ \t,]+){0,4}\d"
                   r"(?:[ \t]*[,-]?[ \t]+\d){6,})(?![\w/-]|\.\d)"), rx(r"\d(?:[ \t]*[,-]?[ \t]+\d){6}")),
    # after its label, letters among the numbers and one after them: "plate H K T four four one nine", "reference number
    # R as in Robert nine nine three zero one", "n i c number five three zero eight one four two two seven v", "one E G
    # four T E five M K seven three", "member id?\nCaller: w, four four seven, ...",
    # "medicare number on the card\n[SPEAKER_2] one e g four t e five m k seven two"
    rx(rf"\b{_SPOKEN_ID_LABEL}[ \t]*(?:is|was|:|\#)?(?:[ \t,]+{_SPOKEN_TURN}){{0,4}}{_NEXT_TURN}?[ \t,]*(?:{_SPOKEN_TURN}[ \t,]+){{0,6}}"
       rf"(?P<phi>(?:{_SPOKEN_LETTER}(?:[ \t]*,?[ \t]+|-)){{0,4}}{_SPOKEN_PIECE}(?:{_SPOKEN_GAP}(?:{_SPOKEN_PIECE}|{_SPOKEN_LETTER}"
       rf"(?={_SPOKEN_GAP}(?:{_SPOKEN_PIECE}|{_SPOKEN_LETTER})))){{2,40}}(?:[ \t]+(?![ai]\b){_SPOKEN_LETTER})?(?![\w-]))",
       re.IGNORECASE),
    # a number said to be one that opens with a letter read out (a phone's opens with a digit): "yeah the number is m four
    # four two nine one seven zero"
    rx(rf"\bnumber[ \t]+(?:is|was|'s)[ \t,]+(?P<phi>{_SPOKEN_LETTER}(?:[ \t]*,?[ \t]+|-)(?:{_SPOKEN_LETTER}(?:[ \t]*,?[ \t]+|-)){{0,3}}"
       rf"{_SPOKEN_PIECE}(?:{_SPOKEN_GAP}(?:{_SPOKEN_PIECE}|{_SPOKEN_LETTER}(?={_SPOKEN_GAP}(?:{_SPOKEN_PIECE}|{_SPOKEN_LETTER})))){{3,40}}"
       rf"(?![\w-]))", re.IGNORECASE),
    # seven digits or more read out are a number of some record (or a phone's, after its cue), never a measurement
    # (with the letters read out before them: "A two zero four seven seven one nine three six"; read only on lines with
    # seven digits read out)
    CuedPattern(rx(rf"(?<![\w'’-])(?=(?:{_SPOKEN_LETTER}[ \t]+){{0,4}}{_DIGIT_WORD}\b)(?<!{_SPOKEN_PHONE_CUE})"
                   rf"(?P<phi>(?:{_SPOKEN_LETTER}[ \t]+){{0,4}}{_SEVEN_DIGIT_WORDS})(?![\w-])", re.IGNORECASE),
                rx(rf"(?<![\w-])(?={_DIGIT_WORD}\b){_SEVEN_DIGIT_WORDS}", re.IGNORECASE)),
]
# E-mail and web addresses read out: "grace dot kim seventy-seven at gmail dot com", "my chart dot eastgate health dot org
# slash reset" (a transcript writes what is said; each is read only on lines that say "dot com" or the like).
_SPOKEN_DOMAIN_END = r"[ \t]+dot[ \t]+(?:com|org|net|edu|gov|us|co|uk|ca|io|info|health)\b"
_SPOKEN_DOMAIN = rf"[a-z\d]+(?:[ \t]+[a-z\d]+)?(?:[ \t]+(?:dot|dash)[ \t]+[a-z\d]+(?:[ \t]+[a-z\d]+)?)*?{_SPOKEN_DOMAIN_END}"
SPOKEN_EMAIL_PATTERNS = [CuedPattern(rx(
    rf"(?<![\w'’-])(?P<phi>[a-z\d]+(?:[ \t]+(?:dot|underscore|dash|hyphen)[ \t]+[a-z\d]+)*(?:[ \t]+{NUMBER_WORD}(?:[ \t-]{NUMBER_WORD})*)?"
    rf"[ \t]+at[ \t]+{_SPOKEN_DOMAIN})", re.IGNORECASE), rx(_SPOKEN_DOMAIN_END, re.IGNORECASE))]
SPOKEN_URL_PATTERNS = [CuedPattern(rx(
    rf"(?<![\w'’-])(?P<phi>(?:www[ \t]+dot[ \t]+)?{_SPOKEN_DOMAIN}(?:[ \t]+slash[ \t]+[a-z\d]+(?:[ \t-][a-z\d]+)?)*)",
    re.IGNORECASE), rx(_SPOKEN_DOMAIN_END, re.IGNORECASE))]
# Written addresses of any domain: Presidio's recognizers check the last part against the public list of top-level
# domains, so an internal or reserved one ("@eirmail.example", "lab.local") was missed or cut short ("https://share.la").
WRITTEN_EMAIL_PATTERNS = [CuedPattern(rx(r"(?<![\w.+-])(?P<phi>[\w.+-]*\w@[\w-]+(?:\.[\w-]+)*\.\p{L}{2,})(?![\w-])"),
                                      re.compile("@"))]
WRITTEN_URL_PATTERNS = [CuedPattern(rx(r"(?<![\w.-])(?P<phi>(?i:https?|ftp)://[^\s<>\"'’”)\]]+[^\s<>\"'’”)\].,;:!?])"),
                                    re.compile("://"))]
SSN_PATTERNS = [
    rx(r"\b(?:SSN|SS\#|social\s+security(?:\s+(?:number|no|\#))?)\s*(?:\#|:|is)?\s*:?\s*"
        r"(?P<phi>\d{3}[\s-]?\d{2}[\s-]?\d{4})\b", re.IGNORECASE),
    rx(r"(?=\d)(?<![\d-])(?P<phi>\d{3}-\d{2}-\d{4})(?![\d-])"),
    # its last four digits after their label: "SSN L4: 6632", "SSN (last 4) 0921", "last four of social 4410"
    rx(r"\b(?:SSN|SS\#|social(?:\s+security)?)[ \t]*\(?(?:L4|last[ \t]*(?:4|four)|last[ \t]+4[ \t]+digits)\)?[ \t]*(?:\#|:|is)?[ \t]*"
       r"(?P<phi>\d{4})(?![\d-])", re.IGNORECASE),
    rx(r"\b(?i:last[ \t]?4|L4)[ \t]*:?[ \t]*(?P<phi>\d{4})(?![\d-])"),  # (the label alone: "VICTOR   last4 4471")
    rx(r"\blast[ \t]+(?:4|four)(?:[ \t]+digits)?[ \t]+of[ \t]+(?:the[ \t]+|his[ \t]+|her[ \t]+|your[ \t]+)?(?:SSN|social(?:[ \t]+security)?)"
       r"[ \t]*(?:\#|:|is|are)?[ \t]*(?P<phi>\d{4})(?![\d-])", re.IGNORECASE),
    # other countries' identity numbers by their shape alone: a Malaysian MyKad (birth date, state, serial:
    # "560214-07-5531"), a Pakistani CNIC ("35202-4417890-2"), a Hong Kong identity card with its check digit
    # ("K518832(4)")
    rx(r"(?=\d)(?<![\d-])(?P<phi>\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-\d{2}-\d{4}|\d{5}-\d{7}-\d)(?![\d-])"),
    rx(r"(?<![\p{L}\d])(?P<phi>[A-Z]{1,2}\d{6}\([\dA]\))"),
    # a Latin American citizen's card number in groups of three after its label, in any case: "cc 71.654.220", "doc
    # 1.144.203.557", "C.C. 1.023.456.789" (not "10 cc 1.000.000 units": a volume)
    rx(r"(?<!\d[ \t]{0,2})\b(?i:c\.?c\.?|doc\.?|documento|c[ée]dula)[ \t]*(?:(?i:n[o°º])\.?|\#|:)?[ \t]*(?P<phi>\d{1,3}(?:\.\d{3}){2,3})(?![\d.])"),
]
STREET_WORDS = r"""(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Terrace|Ter
    |Parkway|Pkwy|Highway|Hwy|Circle|Cir|Trail|Trl|Square|Squares|Sq|Loop|Alley|Row|Crescent|Cres|Turnpike|Tpke|Throughway
    |Expressway|Freeway|Junction|Junctions|Jct|Crossing|Crossroad|Crossroads|Shoals?|Lands?|Canyon|Port|Ports|Villages?
    |Forks?|Brooks?|Key|Keys|Branch|Fields?|Mountains?|Mount|Mt|Hills?|Heights|Hts|Valley|Vly|Park|Plaza|Plz|Point|Pt
    |Ridge|Ridges|Run|Spring|Springs|Station|Summit|Trace|Track|Walk|View|Views|Vista|Ville|Creek|Cove|Common|Commons
    |Corner|Corners|Estates?|Falls|Ferry|Flats?|Ford|Fords|Forest|Fort|Gardens?|Gateway|Glen|Glens|Green|Greens
    |Grove|Groves|Harbor|Harbors|Haven|Hollow|Inlet|Island|Islands|Isle|Knolls?|Lake|Lakes|Landing|Light|Lights
    |Lock|Locks|Lodge|Manor|Manors|Meadows?|Mill|Mills|Mission|Motorway|Neck|Oval|Orchard|Overpass|Parks|Pass|Path
    |Pike|Pine|Pines|Plain|Plains|Prairie|Radial|Ramp|Ranch|Rapids?|Rest|Rue|Shore|Shores|Skyway|Spur|Stream|Stravenue
    |Underpass|Union|Unions|Via|Viaduct|Well|Wells|Bypass|Burg|Burgs|Bluffs?|Bottom|Bend|Beach|Bayou|Arcade|Cape
    |Causeway|Center|Centers|Cliffs?|Club|Curve|Dale|Dam|Divide|Drives|Extensions?|Garden|Hill|Mall|Wall|Ways
    |Loaf|Route|Rte|Camp|Crest|Lanes|Roads|Streets|Squares|Close|Mews|Rise|Wynd|Brae|Parade|Promenade|Quay|Cottages
    |Grange|Drove|Vale|Chase|Mawatha|Marg|Salai|Concourse)"""
_STREET = rf"(?:{STREET_WORDS}|{STREET_WORDS.upper()})\b"  # "Oak Street", "ELM ST"
NUMBERED_STREET = (r"(?:\d{1,3}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh"
                   r"|Twelfth)")  # a numbered street: "5th", "Ninth"
_AND = r"[ \t]+(?:and|&)[ \t]+"
# a unit after a street: "Apt 3B", "Lot 27", "cabin 14", "2nd floor rear", "appt 22", "5th Block" (India's layouts)
_ADDRESS_UNIT = (r"(?:(?i:Apt|Appt|App|Apartment|Unit|Suite|Ste|Room|Rm|Floor|Fl|Lot|Space|Sp|Cabin|Trailer|Bldg|Building|Flat|\#)\.?[ \t]*\#?"
                 r"[A-Za-z0-9-]+|\d{1,2}(?i:st|nd|rd|th)[ \t]+(?i:floor|fl)\.?(?:[ \t]+(?i:rear|front|back))?"
                 r"|\d{1,2}(?i:st|nd|rd|th)[ \t]+(?i:block|stage|phase|main|cross)\b)")
_APARTMENT = rf"(?:,?[ \t]+{_ADDRESS_UNIT})?"
# Streets of other countries, whose kind of street comes first ("Calle Mayor 12, 3º B", "Rua das Flores, 123, apto 42",
# "ul. Długa 5 m. 7", "Via Roma 21", "Av. Juárez 1208", "Bahariye Cad. No:47 D:6", "No. 22, Lorong Seri Mahkota 5",
# "Jl. Merdeka No. 45") or last, in one word or two
# ("Lindenstraße 14", "Keizersgracht 112-II", "Hereweg 71", "Neusser Straße 233", "Ostmerheimer Ufer 9"), then the house
# number ("141 bis") and a flat ("3º B", "5º-2ª", "m. 7", "apto 42", "2º ESQ.", Peru's block and lot "Mz B Lt 7", a
# Swedish floor "3 tr", a Finnish stair and flat "24 B 17"); a street named by a number only before "n°" ("Calle 60 n°
# 1423": not "Via Roma 12, 10123").
_STREET_FIRST = r"""(?:(?i:calle|c/|avda\.?|avenida|av\.|rua|travessa|tv\.|praça|praca|alameda|viale|piazza|p\.za|corso
    |vicolo|rue|allée|chemin|impasse|quai|ul\.|ulica|aleja|osiedle|carrer|passeig|paseo|plaza|pza\.|camino|carretera
    |ctra\.|calzada|privada|cda\.|odos|leoforos|str\.|strada|calea|aleea|b-?dul\.|bulevardul|șos\.|șoseaua|jirón|jiron
    |pasaje|psje\.|jalan|jln\.|jl\.|lorong|lrg\.|persiaran|lebuh|bv\.|bulevar)|Via|VIA|Largo|Jr\.
    |LARGO|R\.)"""
_STREET_LAST = (r"(?:\p{Lu}\p{Ll}+(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|gracht|laan|straat|plein|kade"
                r"|singel|dijk|steeg|markt|vej|gade|gatan|vägen|gata|veien|katu|tie|utca|puisto|kuja|polku|ranta|väylä|kaari"
                r"|gränd)|" + CAP +
                r"[ \t]+(?:Straße|Strasse|Str\.|Weg|Gasse|Platz|Allee|Ring|Damm|Ufer|Chaussee|Landstraße|Steig|Cad\.|Caddesi"
                r"|Sok\.|Sokak|Sokağı|Bulvarı|Blv\.))")
_FLAT = (r"(?:,?[ \t]+(?:\d{1,2}[ºª°](?:[ \t]*-?[ \t]*\d{0,2}[ºª°]?)?(?:[ \t]+(?:[A-Z]|(?i:izq|izda|dcha|dto|esq|dir|fte)\.?))?"
         r"|(?i:m\.|apto\.?|ap\.|apt\.?|app\.|piso|of\.|oficina|dpto\.?|depto\.?|bl\.|int\.|D:|Daire)[ \t]*[\dA-Z]{1,4}"
         r"|(?i:mz)\.?[ \t]*[\dA-Z]{1,3}(?:[ \t]+(?i:lt|lote)\.?[ \t]*\d{1,3})?"
         r"|\d{1,2}[ \t]*tr(?!\p{L})|[A-H][ \t]+\d{1,3}(?![\p{L}\d])))")
_FOREIGN_STREET = rx(rf"""(?<![\p{{L}}\d])(?P<phi>(?:(?i:No|Nr|N[º°])\.?[ \t]*\d{{1,4}}[A-Z]?,[ \t]*)?
    (?:{_STREET_FIRST}[ \t]*(?:(?:{CAP}|{UPPER}|\d{{1,2}}(?:[ºª°]|\.)?|(?i:de|da|do|das|dos|del|della|di|des|du|la|le|las|los|el
    |dei|degli|delle))[ \t]+){{0,5}}(?:{CAP}|{UPPER}|\d{{1,3}}(?=[ \t]+(?:\#|(?i:n[º°]|no\.|nr\.))))|{_STREET_LAST})\.?,?[ \t]+(?:(?i:No|Nr|N[º°]|n\.)[ \t.:]*|\#[ \t]*)?
    \d{{1,5}}(?:[a-zA-Z](?!\p{{L}}))?(?:-(?:[IVX]+|\d{{1,3}}|[A-Z]|bis|ter)|[ \t]+(?:bis|ter)(?!\p{{L}}))?{_FLAT}*)
    (?![\p{{L}}\d])""")
# A house number and a street with its suffix: "4500 N. Oak Ave, Apt 3B", "77 ELM ST" (lowercase ones only after a
# label: "1 month and denies neck"); a unit or a house's number before it too ("Apt 11, 420 Hennepin Terrace", "No. 48,
# 80 Feet Road", "3/41 Cuba Street", "No 7 Oluwole Street", "#22 Silver Sands Rd", "Lot 6 Votualevu Road", "Blk 412
# Tampines St 41 #07-233", "Flat 3/2, 88 Peddie Street", "No. 47/3, Temple Road", "H/No. C145/7 Kwame Nkrumah Close").
# Also what opens a line of an address block (addresses.py).
STREET_ADDRESS = rx(rf"(?:\b|(?<!\w)(?=\#))(?P<phi>(?:(?:(?i:Apt|Apartment|Unit|Suite|Flat)\.?[ \t]*\#?|(?i:No|Nr)\.[ \t]*)"
                    rf"[A-Za-z0-9/-]+,?[ \t]+)?"
                    rf"(?:\#|(?:(?i:H/No|No|Nr|Lot|Plot|Blk|Block)\.?|LP)[ \t]*(?:[A-Z]{{1,2}}(?=\d))?(?=\d))?"
                    rf"(?:\d{{1,4}}[A-Za-z]?/|\d{{2,3}}-(?=\d{{2,3}}[ \t]))?"  # ("41-25 Kissena Blvd": Queens's)
                    rf"\d{{1,6}}(?:[A-Za-z](?=[ \t]))?,?[ \t]+(?:[NSEW]\.?[ \t]+)?"
                    rf"(?:(?!(?i:with|and|or|to|at|for|from|of|by|on|in|per)\b)"  # (not "SEPT 29 WITH DR")
                    rf"(?:{CAP}|{UPPER}|\d{{1,3}}(?:st|nd|rd|th)|St\.|\d{{1,3}}(?=[ \t]+(?:St|Street|Ave|Avenue)[ \t]+(?:NE|NW|SE|SW)\b))"
                    rf"[ \t]+){{1,4}}"  # ("No. 41/3, St. Anthony's Mawatha", "1403 29 St NW": Calgary's, its quadrant after it)
                    rf"{_STREET}\.?"
                    rf"(?:[ \t]+(?:NE|NW|SE|SW|N|S|E|W)\b)?(?:[ \t]+\d{{1,3}}(?=,?[ \t]*\#))?{_APARTMENT})")
# (a line is read only if it holds a kind of street, as a word or a word's ending)
_FOREIGN_STREET_CUE = WordCue("""calle c av avda avenida rua travessa tv praça praca alameda viale piazza za corso vicolo rue
    allée chemin impasse quai ul ulica aleja osiedle carrer passeig paseo plaza pza camino carretera ctra calzada privada
    cda odos leoforos via largo r str strada calea aleea bdul b-dul bulevardul șos șoseaua chaussee steig cad caddesi sok
    sokak sokağı bulvarı blv jr jirón jiron pasaje psje jalan jln jl lorong lrg persiaran lebuh bv bulevar""",
                              endings="""straße strasse weg gasse platz allee ring damm ufer gracht laan straat plein kade
    singel dijk steeg markt vej gade gatan vägen gata veien katu tie utca puisto kuja polku ranta väylä kaari gränd""")
# A house, a plot or a shop before its number, and the ways that lead to it, as South Asia and the Middle East number them
_HOUSE = r"(?i:house|h\.?[ ]?no\.?|plot|villa|shop|door)[ \t]*(?:(?i:no)\.?[ \t]*)?[A-Z]?"
_HOUSE_WAY = r"(?i:street|st\.?|road|rd\.?|lane|sector|block|phase|gali|rue|sokak|mohalla)"
ADDRESS_PATTERNS = [
    CuedPattern(_FOREIGN_STREET, _FOREIGN_STREET_CUE),
    # a Welsh or a Maltese street, its kind first, with or without its house's number ("Heol y Felin, Rhiwbina", "4 Heol y
    # Nant", "Triq il-Knisja 34", "Flat 3, Block B, Triq San Ġużepp") (in capitals or not: "4 rhes y cae, bethesda")
    CuedPattern(rx(r"""(?<![\p{L}\d])(?P<phi>(?:(?i:flat|apt)\.?[ \t]*\d{1,4}[A-Z]?,[ \t]*(?:(?i:block)[ \t]+[A-Z\d]{1,3},[ \t]*)?)?
        (?:\d{1,4}[A-Za-z]?,?[ \t]+)?(?i:heol|stryd|ffordd|lôn|rhodfa|teras|rhes|triq)[ \t]+
        (?:(?i:y|yr|'r|il-|l-|ta['’]|tal-|ix-|iż-|is-|in-)[ \t]*)?\p{L}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?
        (?:[ \t]+\d{1,4}[A-Za-z]?)?)(?=[ \t]*(?:,|$|\n|[ \t]{2}))""", re.MULTILINE),
                WordCue("heol stryd ffordd lôn rhodfa teras rhes triq")),
    # a house on a numbered county road or highway, as rural America writes it: "1180 COUNTY ROAD 9", "N4520 County Rd K",
    # "2200 old hwy 41 s lot 37"
    rx(rf"(?<![\w/.-])(?P<phi>[NSEW]?\d{{1,6}}[ \t]+(?i:(?:old[ \t]+)?(?:county[ \t]+(?:road|rd)|c\.r\.|hwy|highway"
       rf"|state[ \t]+(?:route|hwy|highway)|farm[ \t]+road))\.?[ \t]+(?:\d{{1,4}}[A-Z]?|[A-Z]{{1,2}})\b{_UNIT_AFTER}"
       rf"(?:[ \t]+(?i:[nsew]|north|south|east|west)\b)?(?:,?[ \t]+(?i:lot|apt|unit|trailer|space|sp)\.?[ \t]*\#?[\dA-Z]{{1,4}}\b)?)"),
    # the Philippines' block and lot, a street or subdivision after them: "Blk 7 Lot 12 Mabini St.", "Purok 3, Blk 12 Lot 9
    # Villa Fe Subd."
    rx(rf"\b(?P<phi>(?:Purok[ \t]+\d{{1,3}},?[ \t]+)?(?i:blk|block)\.?[ \t]*\d{{1,4}}[A-Z]?,?[ \t]+(?i:lot)[ \t]*\d{{1,4}}[A-Z]?"
       rf"(?:,?[ \t]+(?:{CAP}[ \t]+){{1,3}}(?:St\.|Street|Subd\.|Subdivision|Village|Homes|Ave\.|Avenue|Road|Rd\.|Extension|Ext\.))?)"),
    # a house and the numbered streets, sectors and blocks that lead to it, as South Asia and the Middle East write them:
    # "House 7, Street 12, Sector E-3", "House 22/B, Road 3", "Villa 214, Rue 10", "House 42, Street 9, Block E", a house
    # alone after an address's label ("Residential: House 1147, Chimwemwe") (not a hospital's "Room 4, Ward 7")
    rx(rf"""\b(?={_HOUSE}\d)
        (?:(?<=(?i:address|residence|residential|home|alamat)[ \t]*:[ \t]*)|(?=[^,\n]{{1,20}},[ \t]*{_HOUSE_WAY}(?!\p{{L}})))
        (?P<phi>{_HOUSE}\d{{1,4}}(?:[/-]?[A-Z0-9]{{1,3}})?
        (?:,[ \t]*{_HOUSE_WAY}[ \t]*(?:[A-Z]?-?\d{{1,4}}(?:[/-]?[A-Z0-9]{{1,3}})?|[A-Z]\b)){{0,3}})(?![\p{{L}}\d])"""),
    # a camp's shelter, as refugee and displacement camps number them: "Block 12, tent 33", "Camp 1E, Block C-14, Shelter
    # 227", "Sector 2, B-118" (two parts at least: no "zone 2" or "block 3" alone)
    rx(r"""\b(?P<phi>(?i:camp|sector|block|blk|section)[ \t]+[A-Z]?-?\d{1,3}[A-Z]?
        (?:(?:[ \t]*,[ \t]*|[ \t]+)(?:(?i:block|tent|shelter|plot|hut)[ \t]*-?[ \t]*|[A-Z]-)[A-Z]?-?\d{1,4}(?:/\d{1,3})?){1,2})
        (?![\p{L}\d])"""),
    # a box of a French-speaking country's post: "BP 5127" (no blood pressure: four digits or five, no slash)
    rx(r"\b(?P<phi>B\.?P\.?[ \t]+\d{4,5})\b(?![/\d])"),
    # a box or a rural road read out: "p o box four twelve", "rr two box eighteen", "county road one oh six"
    rx(rf"(?i:\b(?P<phi>(?:p[ \t.]*o[ \t.]*box|post[ \t]+office[ \t]+box|rr|rural[ \t]+route|county[ \t]+road|county[ \t]+rd"
       rf"|farm[ \t]+to[ \t]+market[ \t]+road)[ \t]+{spoken_number(1)}(?:[ \t]+box[ \t]+{spoken_number(1)})?))"),
    # a house number said in words: "forty one kessler road", "three-two-oh-eight Linden Avenue, apartment 5C", "flat two,
    # fifty six church street", "twenty two eleven birchwood loop"
    rx(rf"\b(?P<phi>(?:(?:flat|apartment|apt|unit)[ \t]+{_TO_99},?[ \t]+)?(?:{_TO_99}|oh(?=[ \t-]+(?:{_TO_99}|oh)\b))"
       rf"(?:[ \t-]+(?:{_TO_99}|oh|hundred|thousand|and)){{0,5}}[ \t]+"
       rf"(?!(?:more|times|days|weeks|months|years|hours|lane|way|blocks?|miles?|doors?|very|too|so|quite|really)\b)"
       rf"(?:\p{{L}}[\p{{L}}'’-]+[ \t]+){{1,3}}(?i:road|street|avenue|drive|lane|boulevard|court|terrace|parkway|place|close"
       r"|crescent|gardens|loop|circle|grove|mews)\b(?:,?[ \t]+(?i:apartment|apt|unit|suite)[ \t]+[\w-]+)?)", re.IGNORECASE),
    STREET_ADDRESS,
    # after a label: whatever the street is called ("home" only as a field: not "works from home 3 days a week")
    # (ending at a street word that lowercase words follow: "lives at 42 Birchwood Ln with her daughter"; a capital or a
    # street's word in it: not "Home: 2 steps to enter, rails")
    rx(rf"\b(?:(?i:address|addr|lives\s+(?:alone\s+|by\s+(?:him|her)self\s+)?(?:at|@)|resides\s+at|residing\s+at)\s*:?|(?i:home)\s*:)\s*(?P<phi>\d{{1,6}}[ \t]+"
       rf"(?:[^,\n]{{2,60}}?\b{_STREET}\.?{_APARTMENT}(?=[ \t]+\p{{Ll}})|(?=[^,\n]*?(?:\p{{Lu}}|\b(?i:{STREET_WORDS})\b))[^,\n]{{2,60}}?{_APARTMENT}(?=,|\n|$|\.\s)))"),
    rx(r"\b(?P<phi>P\.?\s?O\.?\s+Box\s+(?:[A-Z]{1,3}[ \t]+)?\d+)", regex.IGNORECASE),  # ("P.O. Box KS 4418")
    # a rural route or highway contract box: "RR 2 BOX 118", "Rural Route 3, Box 40", "HC 64 Box 21", "RD 3 Box 442A",
    # "Rt 2 Box 118" (not "RR 18": a respiratory rate)
    rx(r"\b(?P<phi>(?:RR|R\.R\.|RD|R\.D\.|HC|HCR|Rte?\.?|Route|Star[ \t]+Route)[ \t]*\d{1,3},?[ \t]+"
       r"(?:Site[ \t]+\d{1,3},?[ \t]+(?:Comp|Box)|Box)[ \t]+\d{1,5}(?:-?[A-Z]\b)?"  # (Canada's "RR 2 Site 14 Comp 9")
       r"|Rural\s+Route[ \t]*\d{1,3}(?:,?[ \t]+Box[ \t]+\d{1,5})?)\b", regex.IGNORECASE),
    # a highway or a motorway: "on Hwy 60", "Route 9", "the I-64 shoulder", "HEAD-ON ON N3 NEAR MOOI RIVER", "on the M6
    # northbound" (not iodine's isotopes "I-131", a pedigree's "I-2", "Form I-693", a bed "on A1", sinus rhythm "SR 72", a
    # count "Route 2 of 3 doses")
    rx(r"\b(?:(?P<phi>(?i:highway|hwy|route|rte|interstate)[ \t]*-?[ \t]*\d{1,4}[A-Z]?\b(?![ \t]*(?:of|/)[ \t]*\d)"
       r"|(?<=\b(?i:on|off|onto|along|via|the|take|took|from|to|near|at)[ \t]+)I-\d{1,3}\b)"
       r"|(?i:on|onto|along|off|via)[ \t]+(?:(?i:the)[ \t]+)?(?P<phi>[MANR]\d{1,3})\b(?=[ \t]+(?i:motorway|north|south|east"
       r"|west|[NSEW]B|near|at|between|toll|exit|junction|j\d)))"),
    # a flat in a named building, and the building's street after it: "Flat 302, Sai Krupa Apts", "Flat 6, Kestrel House,
    # Mill Lane" (not a hospital's "Bed 4, Ward 7", "Room 12, Nightingale House", "Unit 5, Cardiac Block")
    rx(rf"\b(?P<phi>(?i:flat|apt|apartment|suite|villa|door)\.?[ \t]*(?:(?i:no)\.?[ \t]*)?\d{{1,4}}[A-Z]?,[ \t]+"
       rf"(?:{CAP}[ \t]+){{1,3}}(?i:apts|apartments|house|court|block|towers?|residency|mansions|building|bldg|heights"
       rf"|enclave|complex|society|villas|manor)\b(?:,[ \t]+(?:{CAP}[ \t]+){{1,3}}{_STREET}\b\.?)?)"),
    # the streets of a corner or a crossing: "gray house at the corner of Maple and Fifth", "corner of Congress and 11th",
    # "MVC at the intersection of Bell Rd and 5th"
    rx(rf"\b(?i:corner|intersection|junction|crossroads)[ \t]+of[ \t]+(?P<phi>(?:{CAP}|{NUMBERED_STREET})(?:[ \t]+{_STREET}\.?)?"
       rf"{_AND}(?:{CAP}|{NUMBERED_STREET})(?:[ \t]+{_STREET}\.?)?)"),
    # a street without its house number, after "on" or "off": "lost his apartment on W 54th St", "the address on Rainier
    # Ave S" (a direction or a number or two capitalised words before the street's kind: not "on Main Street" alone)
    rx(rf"\b(?:on|off)[ \t]+(?P<phi>(?:(?:N|S|E|W|NE|NW|SE|SW)\.?[ \t]+(?:{CAP}|\d{{1,3}}(?:st|nd|rd|th))|{CAP}(?:[ \t]+{CAP})?)[ \t]+"
       rf"{_STREET}\.?(?:[ \t]+(?:NE|NW|SE|SW|N|S|E|W)\b)?)"),
    # a numbered street, or a house number and a street without a suffix, after a place word: "lives on 3rd
    # street", "found down at her home on 1420 Greenleaf."
    rx(r"\b(?:on|at|off|near)[ \t]+(?P<phi>(?:\d{1,3}(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth"
       r"|ninth|tenth|eleventh|twelfth))[ \t]+(?i:street|st|avenue|ave|road|rd)\b\.?)"),
    rx(rf"\b(?i:on|at|outside|behind|near)[ \t]+(?P<phi>\d{{2,6}}[ \t]+{CAP}(?:[ \t]+{CAP})?)(?=[ \t]*(?:[.,;\n]|$))"),
    # a street in lowercase: "moved to 19 oak st last month" (not "2 times a day", "called by the dr")
    rx(r"\b(?P<phi>\d{1,6}[ \t]+(?:[nsew]\.?[ \t]+)?(?!(?:times?|hours?|hrs?|days?|weeks?|months?|years?|mins?|minutes?|km|kms|tabs?"
       r"|pills?|doses?|puffs?|blocks?|miles?|feet|yards?|of|to|a|the|and|or|per|in|at|by|for|very|too|so|quite|really"
       r"|stay|stays|kept|keep|is|are|was|were)\b)(?:\p{Ll}{3,}(?:[ \t]+\p{Ll}{3,})?|\d{1,3}(?:st|nd|rd|th))[ \t]+"
       rf"(?:st|street|ave|avenue|rd|road|ln|lane|blvd|boulevard|terrace|pkwy|hwy|court|close|crescent|gardens|loop|grove"
       rf"|drive|dr|place|circle|mews)\b\.?{_APARTMENT})"
       r"(?![ \t]*(?:elevation|depression|segment|wave))"),
    # a street of another country, its word first: "77 rue des Lilas", "3247 Rua Igreja", "12 Via Roma", "9 allée des
    # Tilleuls, appt 22", "288, rang Saint-Joseph" (Quebec's concession roads)
    rx(rf"\b(?P<phi>\d{{1,5}},?[ \t]+(?:[NSEW]\.?[ \t]+)?(?i:rue|avenue|boulevard|chemin|allée|via|viale|piazza|calle|avenida|rua|travessa|praça"
       rf"|plaza|paseo|ulica|ul\.|heol|ffordd|stryd|lôn|rang)[ \t]+(?:(?i:de|des|du|la|le|les|del|della|di|da|do|dos|das|dei)[ \t]+)*{CAP}(?:[ \t]+{CAP}){{0,2}}"
       rf"{_APARTMENT})"),
    # a street without a number after a place word: "the Walgreens on Belmont Avenue", "from Hickey's on the Kylemore
    # Road"
    rx(rf"\b(?:on|at|off|near)[ \t]+(?:the[ \t]+)?(?P<phi>(?:{CAP}[ \t]+){{1,3}}(?:Street|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Way"
       rf"|Court|Ct|Terrace|Parkway|Pkwy|Highway|Hwy|Drive|Dr|Place|Pl|Circle|Cir|Trail|Loop|St(?!\.?[ \t]+\p{{Lu}}))\b\.?)"),
    # the same in lowercase: "the sunrise villas on potomac street" (not "on the main road")
    rx(r"\b(?:on|off)[ \t]+(?!(?:the|a|an|this|that|my|his|her|our|their|same|other|wrong|right|left|main)\b)"
       r"(?P<phi>(?:\p{Ll}[\p{Ll}'’-]+[ \t]+){1,2}(?:street|avenue|road|boulevard|lane|drive|parkway|highway))\b"),
    # a street corner, one side numbered or with a street word: "on 5th and Main", "the corner of Oak St and Pine"
    rx(rf"\b(?i:at|on|of|near|by)[ \t]+(?:the[ \t]+corner[ \t]+of[ \t]+)?(?P<phi>(?:{NUMBERED_STREET}(?:[ \t]+{_STREET}\.?)?{_AND}{CAP}"
       rf"|(?:{CAP}|{NUMBERED_STREET})[ \t]+{_STREET}\.?{_AND}(?:{CAP}|{NUMBERED_STREET}))(?:[ \t]+{_STREET}\.?)?)(?![\w'’-])"),
    # a numbered road after a place word, with its direction and mile marker: "lives on Rte 9", "a trailer off County
    # Road 12", "near Hwy 61", "via US-119", "LOCATION: US-287 NB near mile marker 212", "off bia route 12"
    rx(r"\b(?i:on|off|near|along|at|via|from|location:|scene:)[ \t]+(?i:the[ \t]+)?(?P<phi>(?:(?:(?i:county|state|st\.?|bia)|US|U\.S\.|Farm\s+to\s+Market)"
       r"[ \t]+)?(?:(?i:route|rte|road|rd|highway|hwy|interstate)[ \t]*|(?:I|US|SR)-)\d{1,4}[A-Z]?\b(?:[ \t]+(?:NB|SB|EB|WB))?"
       r"(?:[ \t]+(?i:near|at|by)[ \t]+(?i:mile[ \t]+marker|mm|exit)[ \t]*\d{1,4})?)"),
]
_CITY = rf"(?:(?:St|Ste|Saint|Mt|Ft|Fort|ST|MT|FT)\.?[ \t]+)?(?:{CAP}(?:\s+{CAP}){{0,2}}|{UPPER}(?:\s+{UPPER}){{0,2}})"
_DIRECTION = r"(?:[NSEW]|[NS][EW]|(?i:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?)"
_LOWERCASE_STATE_NAMES = STATE_NAMES.lower().replace(" ", r"[ \t]+")
# A town's word before a state's name: not an article, a possessive or a direction ("in the west virginia hills").
_TOWN_WORD = (r"(?!(?:the|a|an|my|his|her|our|their|north|south|west|east|new|rhode|upstate|downstate|rural|western"
              rf"|eastern|northern|southern|central|all|over)\b){LOWER_WORD}")
LOCATION_PATTERNS = [
    # the place a letter is written at, before its date on a line of their own, as German, French, Spanish, Italian and
    # Polish letters close or open: "München, den 17.03.2025", "Paris, le 3 mars 2024", "Kraków, dnia 12.03.2024 r."
    # (not a weekday: "Montag, den 3. März")
    rx(rf"(?m)^[ \t]*(?!{_FOREIGN_WEEKDAY_WORD}\b)(?P<phi>{CAP}(?:[ -]{CAP}){{0,2}}),[ \t]+"
       rf"(?i:den|le|el|il|am|dnia|d\.)[ \t]+\d{{1,2}}(?:\.|[ \t]+\p{{L}})"),
    # a First Nation's community: "Fort William First Nation", "Peguis First Nation"
    rx(rf"(?<![\p{{L}}'’-])(?!(?i:the|a|an|our|their|his|her|many|all|other|local|some|two|three|several)\b)"
       rf"(?P<phi>(?:{CAP}[ \t]+){{1,3}}First[ \t]+Nations?)\b"),
    # an Irish address's townland and town before its county: "Corlough, Ballinamore, Co. Leitrim"
    rx(rf"(?P<phi>{CAP}(?:[ -]{CAP}){{0,2}})(?=,[ \t]*(?:{CAP}(?:[ -]{CAP}){{0,2}},[ \t]*)?(?:Co\.|County)[ \t]+{CAP})"),
    # a town a distance and a direction away: "lives ~11 mi N of Goodland", "20 minutes west of Tamworth"
    rx(rf"\b\d+(?:\.\d+)?[ \t]*(?i:mi|miles?|km|kilometres?|kilometers?|min|mins|minutes?|hrs?|hours?)\.?[ \t]+"
       rf"{_DIRECTION}\.?[ \t]+of[ \t]+(?P<phi>{CAP}(?:[ \t]+{CAP}){{0,2}})"),
    # a town before its state in speech written without capitals, after a place word or a box read out: "in liberty
    # missouri", "rr two box eighteen hope arkansas"
    rx(rf"(?:\b(?:in|from|to|near|outside|outside\s+of|of|at|around)|\bbox[ \t]+{spoken_number(1)})[ \t]+"
       rf"(?P<phi>{_TOWN_WORD}(?:[ \t]+{_TOWN_WORD})?)[ \t]+(?:{_LOWERCASE_STATE_NAMES})\b"),
    # a county, township or reservation: "Marion County", "Scambler Township", "Pine Ridge Reservation"
    CuedPattern(rx(rf"(?P<phi>(?:{CAP}[ \t]+){{1,3}}(?:County|Township|Reservation|Borough|Rancheria)|(?:{UPPER}[ \t]+){{1,3}}"
                   r"(?:COUNTY|TOWNSHIP|RESERVATION))\b"),
                rx(r"County|Township|Reservation|Borough|Rancheria|COUNTY|TOWNSHIP|RESERVATION")),
    # a village or a district named with its kind before it: "Brgy. San Isidro", "Barangay Poblacion", "Sitio Malinis"
    rx(rf"\b(?P<phi>(?i:brgy|barangay|sitio|purok|kampung|kampong|mohalla|taluk|tehsil)\.?[ \t]+(?:{CAP}|{UPPER})"
       rf"(?:[ \t]+(?:{CAP}|{UPPER})){{0,2}})"),
    rx(rf"(?P<phi>{_CITY}),\s*{STATE}\b"),
    # "Hatch NM 87937": the ZIP makes it a place (not the first word of "West Virginia")
    CuedPattern(rx(rf"(?P<phi>{_CITY})(?<!\b(?:West|North|South|New|Rhode))[ \t]+{STATE}[ \t]+\d{{5}}(?:-\d{{4}})?\b"),
                rx(r"\d{5}")),
    rx(rf"\b(?i:lives|live|living|resides|residing|moved|relocated|born|grew\s+up|visiting|travel(?:l?ed)?|flew|returned|trip|vacation"
        rf"|drove|went|came|come|comes|coming|originally|(?:is|am|are|was|were)(?=\s+from))"
        rf"(?:\s+(?i:alone|here|back|home|over|up|down|out|with(?:\s+\w+){{1,3}}))?\s+(?i:in|to|from|near|at)\s+(?P<phi>{_CITY})"),
    rx(rf"\b(?:city|town|hometown)\s*:\s*(?P<phi>{_CITY})\b", re.IGNORECASE),
    # a town after a nearness word or as someone's origin: "near Wahpeton", "outside of Okemah", "up in Bend",
    # "a Fresno native"
    rx(rf"\b(?i:near|nr|outside(?:\s+of)?|(?:up|down|over|out|back)\s+(?:in|to|near|around))[ \t]+(?P<phi>{_CITY})"),
    rx(rf"\b(?i:a|an)[ \t]+(?P<phi>{_CITY})[ \t]+(?i:native|resident)\b"),
    # a town after a street and a comma: "1180 Old Mill Rd, Kettle Falls - backyard", "22 Elm St, Tucson, 520-555-0164"
    rx(rf"\d[ \t]+(?:[NSEW]\.?[ \t]+)?(?:(?:(?:{CAP}|\d{{1,3}}(?:st|nd|rd|th))[ \t]+){{1,3}}{_STREET}\.?"
       rf"|(?i:calle|avenida|rua|rue|via)[ \t]+{CAP}(?:[ \t]+{CAP})?),[ \t]*"
       rf"(?P<phi>{CAP}(?:[ \t]+{CAP}){{0,2}})(?=[ \t]*(?:[,;(\n]|[-–][ \t]|$|\d))"),
    # a town after a comma or alone before a postcode of the UK, Canada or Ireland: "Medical Practice, Athlone N37 X2K8"
    rx(rf"(?:(?<=,[ \t]?)|(?<=^|\n))(?P<phi>{CAP}(?:[ \t]{CAP})?)[ \t]+(?:[A-Z]{{1,2}}\d[A-Z\d]?[ \t]\d[A-Z]{{2}}|[A-Z]\d[A-Z][ \t]\d[A-Z]\d"
       rf"|[A-Z]\d{{2}}[ \t][A-Z\d]{{4}})\b"),
    # an Irish county: "Clara, Co. Offaly", "County Mayo"
    rx(r"\b(?P<phi>(?:Co\.?|County)[ \t]+(?:Antrim|Armagh|Carlow|Cavan|Clare|Cork|Derry|Donegal|Down|Dublin|Fermanagh|Galway"
       r"|Kerry|Kildare|Kilkenny|Laois|Leitrim|Limerick|Longford|Louth|Mayo|Meath|Monaghan|Offaly|Roscommon|Sligo|Tipperary"
       r"|Tyrone|Waterford|Westmeath|Wexford|Wicklow))\b"),
    # a neighbourhood: "lives in the Mission district"
    rx(rf"\bthe[ \t]+(?P<phi>{CAP}(?:[ \t]+{CAP})?)[ \t]+(?i:district|neighbou?rhood)\b"),
]
ZIP_PATTERNS = [
    # read out in a phone call: "can you give me your zip code\npatient seven one eight oh one"
    rx(rf"\bzip(?:[ \t]*code)?\b[^\n\d]{{0,40}}?\b(?P<phi>{spoken_number(5)})", re.IGNORECASE),
    # a postcode read out, letters among the numbers: "postcode l twenty three five s q", "your eircode\np three one x y two
    # seven"
    rx(rf"\b(?:post[ \t]*code|eircode|postal[ \t]+code)\b[ \t]*(?:is|:)?{_NEXT_TURN}?[ \t,]*(?:{_SPOKEN_TURN}[ \t,]+){{0,4}}"
       rf"(?P<phi>{_SPOKEN_LETTER}(?:[ \t]*,?[ \t]+{_SPOKEN_LETTER}){{0,1}}(?:[ \t]*,?[ \t]+(?:{_SPOKEN_PIECE}|{_SPOKEN_LETTER})){{3,9}})"
       r"(?![\w-])", re.IGNORECASE),
    rx(rf"\b{STATE}\.?,?\s+(?P<phi>\d{{5}}(?:-\d{{4}})?)\b"),
    # after a label, any country's postal code: "ZIP: 394 13", "my zip code is 880", "Postal code: B0J 2H0"
    rx(r"\b(?:zip|zip\s*code|postal\s+code|zipcode|postcode|CEP|PLZ|C\.P\.|c[óo]digo\s+postal|PIN(?:\s*code)?)\s*(?:\#|:|is)?\s*:?\s*"
       r"(?P<phi>\d{3,5}(?:[ -]\d{2,4})?(?:[ \t][A-Z]{2}\b)?|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)\b", re.IGNORECASE),
    rx(r"(?=\d)(?<![\d-])(?P<phi>\d{5}-\d{4})(?![\d-])"),
    # postcodes of the UK ("OL14 5DP"), Canada ("K1K 3E8") and Ireland ("H91 K2X7"), an Australian state's ("NSW 2830"),
    # an Indian PIN after its city ("Bengaluru - 560034"), a postal code after a box ("P.O. Box 1129-40100"); not a
    # tumour's stage or a coma score, which have a Canadian code's shape ("T3N1M0", "E4V4M6")
    CuedPattern(rx(r"\b(?!T[0-4]N[0-3]M[01]\b|E[1-4]V[1-5]M[1-6]\b)"
                   r"(?P<phi>[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}|[A-Z]\d[A-Z][ \t-]?\d[A-Z]\d"
                   r"|[A-Z]\d{2}[ \t](?=[A-Z\d]{0,3}[A-Z])(?=[A-Z\d]{0,3}\d)[A-Z\d]{4})\b"), rx(r"[A-Z]\d")),
    # (each state's own ranges: not an Act's year, "(SCOTLAND) ACT 2003")
    rx(r"\b(?:NSW[ \t]+(?P<phi>[12]\d{3})|VIC[ \t]+(?P<phi>[38]\d{3})|QLD[ \t]+(?P<phi>[49]\d{3})|TAS[ \t]+(?P<phi>7\d{3})"
       r"|ACT[ \t]+(?P<phi>02\d{2}|26\d{2}|29\d{2})|NT[ \t]+(?P<phi>08\d{2})|WA[ \t]+(?P<phi>6\d{3})|SA[ \t]+(?P<phi>5\d{3}))\b"),
    rx(r"\b(?i:Singapore)[ \t]*\(?(?P<phi>\d{6})\b"),  # "Singapore 520412"
    rx(rf"(?:{CAP}|{UPPER})[ \t]*[-–][ \t]*(?P<phi>\d{{6}})\b"),  # (in capitals too: "CHENNAI - 600020")
    rx(r"\b(?i:box)[ \t]+\d{1,6}[ \t]*-[ \t]*(?P<phi>\d{5})\b"),
    # after a street and a town: "2207 Saratoga Rd, Langley 98260"
    rx(rf"\d[ \t]+(?:{CAP}[ \t]+){{1,3}}{_STREET}\.?,[ \t]*(?:{CAP}[ \t]+){{1,2}}(?P<phi>\d{{5}}(?:-\d{{4}})?)\b"),
]

# Hospitals, clinics and other care sites, and the schools and places of worship a patient's history names:
# capitalised words before a facility word ("St. Columba's Hospital", "Bayside Kidney Center", "Eastgate Family
# Clinic", "Grace Baptist Church"); "the cardiology clinic" is no name.
FACILITY = r"""(?:Health\s+(?:&|and)\s+Social\s+Care(?:\s+(?:Trust|Partnership|Board))?
    |Health\s+Cent(?:er|re)\s+(?:IV|I{1,3})(?!\w)|HC\s+(?:IV|I{2,3})(?!\w)|Health\s+(?:Facility|Office|Post)
    |(?<!\bMy\s)Aged\s+Care|RFC|AFC|RUFC|GAA|Care\s+(?:&|and)\s+Attention\s+Home
    |(?:Council|Agency|Institute|Office|Commission)\s+on\s+Aging|Health\s+Fund|Hospitals
    |Health\s+Unit|Health\s+Services?|NHS\s+(?:Foundation\s+)?Trust|NHS\s+FT|Health\s+Board|Hospital|Medical\s+Center|Medical\s+Centre|Health\s+Center|Health\s+Centre|Health\s+System|Healthcare
    |Health\s+(?:&|and)\s+Rehab(?:ilitation)?|Rehabilitation(?:\s+(?:&|and)\s+(?:Nursing|Health))?|EMS|Ambulance(?:\s+(?:Service|Trust|Station))?
    |Fire\s+(?:Department|Rescue|Station)|Police(?:\s+(?:Department|Station|Service))?|PD|Sheriff['’]?s\s+(?:Office|Department)|Mortuary
    |Funeral\s+(?:Home|Services?|Chapel|Directors)|AME(?:\s+Church)?|Correctional\s+(?:Facility|Center|Institution)|Detention\s+Center|Jail|Prison
    |Penitentiary|Recovery\s+Center|Treatment\s+Center|Recovery|Hospice\s+House|Community\s+Health\s+(?:Cent(?:er|re)|Services?)
    |University\s+Hospital|Health\s+Team|Health\s*Plan|Memory\s+Care|Care\s+Home|Skilled\s+Nursing|Residential\s+Home
    |Rest\s+Home|Retirement\s+Home|Residential\s+Care
    |Medical\s+Practice|Baptist(?:\s+Church)?|Methodist(?:\s+Church)?|Lutheran(?:\s+Church)?
    |Health\s+Care|Clinic|Clinics|Infirmary|Nursing\s+Home|Nursing\s+Facility|Rehabilitation\s+(?:Center|Hospital)|Rehab
    |Hospice|Care\s+Center|Cancer\s+(?:Center|Centre|Institute)|Heart\s+Institute|Institute|Kidney\s+Center|Dialysis\s+Center
    |Dialysis|Surgical\s+Center|Surgery\s+Center|Urgent\s+Care|Imaging|Radiology|Laboratories|Laboratory|Labs|Lab
    |Med(?:ical)?\.?\s+Ctr|MED\s+CTR|Post-Acute|Home\s+Care|Kidney\s+Care|Home\s+Medical
    |Pharmacy|Associates|Medical\s+Group|Physicians|Family\s+Practice|Family\s+Medicine|Pediatrics|Home\s+Health
    |Community\s+Health|Health\s+Station|Health|Daycare|Day\s+Care|Assisted\s+Living|Senior\s+Living|Manor|Sanatorium|Center|Centre
    |High\s+School|Middle\s+School|Elementary(?:\s+School)?|School|Academy|College|University
    |Church|Chapel|Cathedral|Temple|Mosque|Synagogue|Parish|Trust|Society|Heart\s+(?:&|and)\s+Vascular|Polyclinic|Ward|Wing|Regional|Pathology|Depot
    |Hastanesi|MC|UMC|CHC|FQHC|HSCP|CMHT|LHD|LHN|Assembly|Tabernacle|Ministries|Gurdwara|Mandir|Masjid|CRO
    |Hosp|Opticians|Optometrists|Takaful|Assurance
    |Treatment\s+Program(?:me)?|Medical\s+Complex|Shelter|Refuge|Mission
    |(?:Magistrate(?:['’]?s['’]?)?|Magistrates|District|Family|Crown|County|Circuit|Superior|Youth|Juvenile|Municipal|Coroner['’]?s)\s+Court)"""


def capitals(pattern: str) -> str:
    """``pattern`` with its letters in capitals, to match words written in capitals ("THE LIMES NURSING HOME"): the
    letters only, a class such as ``\\s`` or ``\\t`` stays as it is."""
    return regex.sub(r"(?<!\\)\p{Ll}", lambda m: m.group().upper(), pattern)


_FACILITY_UPPER = capitals(FACILITY)
_SITE_WHOLE = r"(?:[ ](?:Systems?|Facility|Hub|Network|Partnership))?"  # the word for a site's whole after its kind
# a site's number after its name, as Mexico's, Russia's and Ukraine's number theirs: "City Clinical Hospital No. 27",
# "HOSPITAL GENERAL DE ZONA No. 14"
_SITE_NUMBER = r"(?:[ ](?:No\.?|Nº|N°)[ ]?\d{1,3}(?![\d/]))?"
_SITE_WORD = rf"(?:{CAP}|{UPPER}|St\.?|Mt\.?|of|the|and|&|ve)"  # (Turkish "ve": "Eğitim ve Araştırma Hastanesi")
# In lowercase: the words before a facility's or a practice's word after a place word ("follow up at lakeside family
# medicine", "the trainer at oak harbor high"; detect.find_lowercase_sites keeps which)
LOWERCASE_SITE = rx(rf"\b(?:at|to|from|with|of)[ \t]+(?:the[ \t]+)?(?P<phi>(?P<name>(?:\p{{Ll}}[\p{{Ll}}'’-]+[ \t]+){{1,3}}?)"
                    rf"(?P<head>(?i:{FACILITY}|internal\s+medicine|health\s+plan|nursing\s+home|medical\s+group)"
                    rf"|(?i:family\s+(?:medicine|practice)|counsell?ing|pharmacy|ortho(?:pa?edics)?|pa?ediatrics"
                    rf"|dental|dentistry|physio(?:therapy)?|chiropractic|high)))(?![\w'’-])")
# Companies: a legal suffix ("Streetcred Software Inc.", "Miller Ltd"), or an employer ("I work for Xignite").
_COMPANY = (r"(?:Inc|LLC|L\.L\.C|Ltd|Corp|Corporation|Co|Company|Group|PLC|plc|GmbH|AG|S\.A|SA|LLP|SRL|S\.R\.L|Sdn[ \t]+Bhd|Bhd"
            r"|BV|B\.V|SpA|S\.p\.A|SARL|SAS|S\.A\.S|S\.L|Ltda|ehf|hf|Oy|Oyj|ApS|A/S|Onlus|Tbk|Pty|Pte[ \t]+Ltd|Cyf|\(Pvt\)[ \t]+Ltd"
            r"|W\.L\.L|WLL|[Ss]p\.[ \t]+z[ \t]+o\.o)\.?")  # (Iceland's, Finland's, Denmark's, Italy's, Indonesia's, Wales's, Sri
# Lanka's, Qatar's and Poland's companies too: "Flugheilsa ehf.", "Medici per il Sud Onlus", "Gofal Da Cyf", "Kadawatha
# Nursing Home (Pvt) Ltd", "Al Wakra Gulf Contracting W.L.L.", "Wawel Logistyka Sp. z o.o.")
_COMPANY_CAPS = r"(?:INC|LLC|LTD|CORP|CORPORATION|COMPANY|PLC|LLP|PTY[ \t]+LTD|PTE[ \t]+LTD)\.?"
# A care site or service named without a facility word, after what is done there or a transfer ("bloodwork at
# Quest", "filled at Walgreens", "pill bottles from CVS", "transferred from Mercy", "MRI at Bayview"); a unit or a
# department ("transferred to ICU", "admitted to Medicine") stays (department words).
_SITE_CUE = r"""(?i:(?:blood\s*work|labs?|lab\s*work|blood\s+(?:draws?|drawn|tests?)|imaging|x-?rays?|scans?|mri|ct|ultrasound
    |mammograms?|dialysis|infusions?|prescriptions?|scripts?|meds|medications?|pills?|pill\s+bottles?)\s+
    (?:(?:done|drawn|filled|taken|picked\s+up)\s+)?(?:at|from|through)
    |(?:surgery|biopsy|colonoscopy|endoscopy|echo|procedure|delivery|PT|OT|rehab|therapy|chemo|radiation)\s+(?:done\s+)?at
    |(?:treated|evaluated|managed|operated\s+on|hospitali[sz]ed|delivered|done|performed|read|worked\s+up|inpatient
    |outpatient|stayed|staying|work-?up|residing|resides|(?:dialysis|infusions?|chemo)(?:\s+\S+){0,2}?)\s+at
    |(?:outside\s+hospital|OSH)\s*[(:,]
    |pharmacy(?:\s+is)?\s*:?|filled\s+(?:it\s+|them\s+)?at|transferred\s+(?:here\s+)?(?:from|to)|admitted\s+(?:to|at)
    |presented\s+to|seen\s+at|followed\s+at|discharged?\s+(?:back\s+)?to|d/c(?:'?d)?\s+(?:back\s+)?to
    |sent\s+(?:here\s+)?from|sent\s+to|placed\s+at|respite\s+(?:at|to)|accepted\s+(?:at|to|by)
    |refer(?:red|ral)\s+to|medevac(?:ed|'d)?\s+to|flown\s+to|referrals?\s+sent\s+to|sent\s+out\s+to
    |(?:supplies|equipment|DME|rides?)\s+(?:via|through|from)|arranged\s+(?:through|via))"""
# Words of care that make the next capitalised words after "at" or "from" in their sentence a care site ("doctor"
# is not one: it is a dialogue's speaker tag).
_CARE_WORD = r"""(?i:hospital|hospitali[sz]ed|hospitali[sz]ation|admitted|admission|ED|ER|emergency\s+room|surgery
    |operated|operation|clinic|seen|evaluated|treated|cardiologist|oncologist|surgeon|specialist|physician|PCP
    |records?|echo|MRI|CT|biopsy|chemo|chemotherapy|radiation|dialysis|rehab|transferred|discharged|delivered|labs?
    |scan|x-?ray|mammogram|colonoscopy|appointment|follow-?up|followed|intubated|stabili[sz]ed|born|taken|took\s+me
    |brought)"""
# A title opens a person's name, not a site's or an employer's ("working with Doctor Feld", "seen at Dr. Lee's").
_NOT_A_TITLE = r"(?!(?i:dr|doctor|mr|mrs|ms|miss|nurse|prof|professor)\b)"
# Words after a site's name that are none of it ("D/C TO SUNNY ACRES TODAY", "SENT TO MERCY FOR CT").
_NOT_A_SITE_WORD = r"(?!(?i:today|tonight|tomorrow|yesterday|now|for|with|and|on|at|in|via|per|pending|until|when)\b)"
# An employer, a school, a place of volunteering: "works nights at Amazon", "volunteers at Our Lady of Peace",
# "retired from Boeing", "laid off from Menards", "made redundant from Admiral", "drives for Lyft", "employee of Tyson Foods", "a freshman at Oberlin" (detect.find_employers
# drops common words: "retired from the Army", "student at Nursing School").
EMPLOYER_PATTERN = rx(
    r"\b(?i:work(?:s|ed|ing)?(?:[ \t]+(?:nights|days|weekends|shifts|doubles|overtime|part-time|full-time|there|now|still"
    r"|also))?|on[ \t]+shift|employed"
    r"|job|volunteer(?:s|ed|ing)?|teach(?:es|ing)?|taught|stud(?:y|ies|ied|ying)|enrolled|retired|drives?|driving|drove"
    r"|employee|student|freshman|sophomore|junior|senior|teacher|professor|engineer|manager|cashier|clerk|machinist"
    r"|mechanic|janitor|custodian|secretary|accountant|aide|laborer|welder|miner|driver|cook|server|waitress|waiter"
    r"|electrician|carpenter|housekeeper|packer|assembler|stocker|trucker|foreman|supervisor"
    r"|laid[ \t]+off|let[ \t]+go|fired|(?:made[ \t]+)?redundant|resigned)[ \t]+(?i:for|at|with|from|of)[ \t]+"
    rf"(?:the[ \t]+)?{_NOT_A_TITLE}(?P<phi>{CAP}(?:[ \t]+(?:(?:of|the|and|&)[ \t]+)?{CAP}){{0,3}})")
# A business named by its trade: "Pacific Coast Roofing", "Delmont Logistics", "Harmon Tool and Die", "Sunrise Café"
# (detect.find_businesses drops names of common words only: "Social Services", "Environmental Services"). Not a word
# that ends a clinical heading of two words or more, which reads as a name ("Alert Oriented and Cooperative", "Motor
# Vehicle Collision", "Impaired Physical Mobility", "Smoking Cessation Counseling").
_TRADE = (r"(?:Roofing|Logistics|Foods|Construction|Plumbing|Trucking|Transport|Manufacturing|Industries|Enterprises"
          r"|Technologies|Motors|Farms|Dairy|Bank|Airlines|Railroad|Steel|Mills|Mining|Landscaping|Electric|Electronics"
          r"|Automotive|Tool\s+(?:and|&)\s+Die|Builders|Contractors|Consulting|Realty|Bakery|Grocery|Distribution|Supply"
          r"|Lumber|Hardware|Packaging|Pharmaceuticals|Insurance|Holdings|Brewing|Restaurant|Diner|Casino|Hotel|Resort"
          r"|Aerospace|Energy|Telecom|Software|Labs|Fabricators|Fabrication|Welding|Machining|Freight|Staffing|Janitorial"
          r"|Catering|Orchards|Vineyards|Ranch|Dentistry|Authority|Services|Products|Solutions|Alliance|Transit|District|CRO"
          r"|Mutual|Partners|Network|Foundation|Association|Society|Council|Coalition|Ministries|Mission|Outreach"
          r"|Fitness|Gym|Café|Cafe|Coffee|Pizza|Pizzeria|Grill|Tavern|Pub|Bistro|Steakhouse|Taqueria|Cantina|Deli|Market"
          r"|Mercado|Meats|Creamery|Brewery|Winery|Distillery|Tire|Auto|Towing|Movers|Cleaners|Laundromat|Printing|Paving"
          r"|Excavating|HVAC|Salon|Barbershop|Spa|Kennels|Veterinary|Marina|Motel|Inn|Lodge|Club|Outfitters|Boutique"
          r"|Jewelers|Florist|Greenhouses|Co-op|Credit\s+Union|Financial|Properties|Quarry|Growers|Administrators|Chemist"
          r"|Physio)")
TRADE_WORD = rx(rf"\b{_TRADE}(?![\w'’-])")
# the words before a trade word (matched on the text that ends with it: linear on long notes)
BUSINESS_PATTERN = rx(rf"(?P<phi>{CAP}(?:[ \t]+(?:{CAP}|and|&)){{0,3}}[ \t]+{_TRADE})\Z")
# Words that end an organisation's name said at the start of a phone call ("thank you for calling bartletts drug in
# marble this is kayla").
_CALL_STOP = (r"(?:this|my|how|in|at|on|and|where|who|you|your|we|i|is|are|speaking|can|may|please|today|hello|hi|good"
              r"|agent|rep|caller|for|to|with|from|of|um|uh|its|it's|so|yes|yeah|ok|okay|calling)")
_CALL_WORD = r"\p{L}[\p{L}'’&.-]*"
_LOWER_NAME_WORD = r"\p{Ll}[\p{Ll}'’-]*\p{Ll}"
_EMPLOYER_STOP = (rf"(?:{_CALL_STOP}|which|that|but|because|since|when|then|there|here|now|every|all|most|mostly|part|full"
                  r"|time|home|nights?|days?|weekends?|picking|doing|as|a|an|the|any|some|local|his|her|their|our|over)")
# An employer after a job's cue (EMPLOYER_PATTERN) in speech without capitals: "works nights at harmon tool and die",
# "at work at the kwik fill" (detect.find_lowercase_employers keeps a name with a word no dictionary holds).
LOWERCASE_EMPLOYER_PATTERN = rx(
    r"\b(?:work(?:s|ed|ing)?(?:[ \t]+(?:nights|days|weekends|shifts|part-time|full-time|there|now|still|also))?"
    r"|employed|job|volunteer(?:s|ed|ing)?|retired|drives?|driving|laid[ \t]+off|let[ \t]+go|fired|(?:made[ \t]+)?redundant)"
    r"[ \t]+(?:for|at|from)[ \t]+(?:the[ \t]+)?"
    rf"(?P<phi>(?!{_EMPLOYER_STOP}\b){_LOWER_NAME_WORD}(?:[ \t]+(?:(?:and|&|of)[ \t]+)?(?!{_EMPLOYER_STOP}\b){_LOWER_NAME_WORD}){{0,3}})")
# A congregation named by its denomination after a word of place ("Thursdays at Grace Lutheran", "attends First Baptist";
# not "she is Roman Catholic", a religion), or by its house of worship first ("Temple Beth Shalom", "Masjid Al-Noor")
# (detect.find_congregations keeps name words only: not "Seventh-day Adventist", "Temple Tenderness").
_DENOMINATION = (r"(?:Lutheran|Baptist|Methodist|Presbyterian|Episcopal|Pentecostal|Catholic|Adventist|Orthodox|Evangelical"
                 r"|Nazarene|Mennonite|Congregational|AME|Apostolic)")
CONGREGATION = rx(rf"\b(?:at|to|from|attends?|attended|attending)[ \t]+(?:the[ \t]+)?(?P<phi>(?P<name>(?:St\.?[ \t]+)?{CAP}"
                  rf"(?:[ \t]+{CAP}){{0,2}})[ \t]+{_DENOMINATION}(?:[ \t]+(?:Church|Chapel|Parish|Temple|Cathedral))?)\b"
                  rf"|\b(?P<phi>(?:Temple|Congregation|Masjid|Gurdwara|Mandir|Kingdom[ \t]+Hall)[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?"
                  rf"(?P<name>{CAP}(?:[ \t]+{CAP}){{0,2}}))\b")
_HOSPITAL_FOR_OPENER = r"(?:Royal|University|National|Specialist|Queen['’]s|King['’]s|Women['’]s|Children['’]s)"
INSTITUTION_PATTERNS = [
    # a regiment or a unit, the employer of service records: "2nd Bn Royal Welch Fusiliers", "Duke of Cornwall's Light
    # Infantry", "Gibraltar Defence Force", "Seaforth Highlanders", its number with it: "72 Special Forces Battalion",
    # "16 Air Assault Brigade", "3 Medical Regiment" (a name of its own before the kind: not "Royal Artillery", a
    # national corps)
    CuedPattern(rx(rf"(?P<phi>(?:\d{{1,3}}(?:st|nd|rd|th)?[ \t]+)?"
                   rf"(?:(?:Royal|King['’]s|Queen['’]s|Prince[ \t]+of[ \t]+Wales['’]s)[ \t]+)?"
                   rf"(?!(?:Royal|The)\b){CAP}(?:[ \t]+(?:of[ \t]+)?{CAP}){{0,2}}[ \t]+(?:Fusiliers|Regiment|Rifles"
                   rf"|Highlanders|Guards|Light[ \t]+Infantry|Dragoons|Hussars|Lancers|Defence[ \t]+Force|Borderers"
                   rf"|Yeomanry|Battalion|Brigade|Squadron|Commando|Field[ \t]+(?:Ambulance|Hospital)))(?!\p{{L}})"),
                WordCue("fusiliers regiment rifles highlanders guards infantry dragoons hussars lancers force borderers "
                        "yeomanry battalion brigade squadron commando field")),
    # an organisation answering or placing a phone call: "thank you for calling High Plains Health Plan", "this is rich
    # calling from harmony family clinic", "you've reached summit medicaid" at a turn's start (not "that you have reached
    # maximum medical improvement")
    rx(rf"(?:\b(?i:thank[ \t]+you[ \t]+for[ \t]+calling|thanks[ \t]+for[ \t]+calling|calling[ \t]+(?:from|with))"
       rf"|(?:^|(?<=[:\]\n])|(?<=\b(?i:hi|hello|rep|agent|operator|office)))[ \t]*(?i:you['’]?ve|you[ \t]+have)[ \t]+reached)[ \t]+(?:the[ \t]+)?"
       rf"(?P<phi>(?!(?i:{_CALL_STOP})\b){_CALL_WORD}(?:[ \t]+(?!(?i:{_CALL_STOP})\b){_CALL_WORD}){{0,4}})"),
    CuedPattern(rx(rf"\b{_SITE_CUE}[ \t]*(?:the[ \t]+)?{_NOT_A_TITLE}(?P<phi>(?:(?:St|Mt)\.?[ \t]+)?(?:{CAP}|{UPPER})(?:[ \t]+"
                   rf"{_NOT_A_SITE_WORD}(?:{CAP}|{UPPER})){{0,2}})(?![\w'’-])"), lowercase_cue(_SITE_CUE), cue_in_lowercase=True),
    # (a particle between its words and a country in brackets before the suffix: "Molinos del Litoral S.A.", "Tanoa Life
    # Assurance (Fiji) Ltd")
    CuedPattern(rx(rf"(?!Grade[ \t]+Group\b)(?P<phi>{CAP}(?:[ \t]+(?:{CAP}|{UPPER}|and|&|(?:de|del|la|du|des|di|da|van|von|der|y|et)"
                   rf"(?=[ \t]+\p{{Lu}}))){{0,3}}(?:[ \t]+\({CAP}\))?[ \t]+{_COMPANY}"
                   rf"|{UPPER}(?:[ \t]+(?:{UPPER}|&)){{0,3}}[ \t]+{_COMPANY_CAPS})(?!\p{{L}})"),  # "HIGHVELD PATHOLOGY INC."
                rx(rf"(?:{_COMPANY}|{_COMPANY_CAPS})(?!\p{{L}})")),
    # a place where care is given, named by what is done there: "was at Shady Pines for rehab"
    rx(rf"\bat[ \t]+(?:the[ \t]+)?(?P<phi>(?:{CAP}[ \t]+){{0,2}}{CAP})[ \t]+for[ \t]+(?i:rehab|rehabilitation|dialysis|PT"
       r"|physical\s+therapy|therapy|infusions?|chemo|radiation|treatment|surgery|respite|skilled\s+nursing)\b"),
    # a stay of some length: "She was at Harborview for 2 weeks"
    rx(rf"\b(?i:was|were|been|stayed|spent\s+\S+(?:\s+\S+)?)[ \t]+at[ \t]+(?:the[ \t]+)?(?P<phi>(?:{CAP}[ \t]+){{0,2}}{CAP})[ \t]+"
       r"for[ \t]+(?i:a|an|\d+|one|two|three|four|five|six|several|a\s+few|a\s+couple\s+of)[ \t]+"
       r"(?i:days?|weeks?|months?|years?|nights?)\b"),
    # a children's hospital, a hospital named for what it treats: "took me to Valley Children's", "Hospital for Special
    # Surgery" (not "Children's Tylenol")
    rx(rf"(?P<phi>(?:{CAP}[ \t]+){{1,3}}Children['’]s)(?=[ \t]*(?:[.,;:!?)\n]|$|(?:Hospital|Medical)\b))"),
    # (after the words that open such a name, in capitals too: "Royal Hospital for Sick Children", "UNIVERSITY HOSPITAL OF
    # THE WEST INDIES", "Royal Hospital for Children and Young People")
    rx(rf"(?P<phi>(?:{_HOSPITAL_FOR_OPENER}[ \t]+)?(?:(?:Hospital|Institute|Cathedral|Basilica)[ \t]+(?:for|of)"
       rf"|(?:Center|Centre)[ \t]+for)"
       rf"[ \t]+(?:the[ \t]+)?{CAP}(?:[ \t]+(?:and[ \t]+)?{CAP}){{0,3}}"
       rf"|(?:{_HOSPITAL_FOR_OPENER.upper()}[ \t]+)?(?:HOSPITAL|INSTITUTE)[ \t]+(?:FOR|OF)[ \t]+(?:THE[ \t]+)?{UPPER}"
       rf"(?:[ \t]+{UPPER}){{0,3}})"),
    # a state's health system or Medicaid program by its name: "Nebraska Medicine", "Nevada Medicaid"
    rx(rf"\b(?P<phi>(?:{STATE_NAMES})[ \t]+(?:Medicine|Medicaid))\b"),
    # a military unit by its number: "served with the 101st Airborne Division", "2nd Battalion, 7th Marines"
    rx(rf"(?P<phi>\b\d{{1,3}}(?:st|nd|rd|th)[ \t]+(?:{CAP}[ \t]+){{0,3}}(?:Division|Brigade|Regiment|Battalion"
       rf"|Squadron|Infantry|Cavalry|Marines|Airborne|Fleet|Armored|Armoured|Artillery|Rangers|Fighter[ \t]+Wing"
       rf"|Air[ \t]+Wing))\b"),
    # a workplace by its kind: "20 years at the Dow plant"
    rx(rf"\b(?i:at|for)[ \t]+the[ \t]+(?P<phi>{CAP}(?:[ \t]+{CAP}){{0,2}})[ \t]+(?i:plant|factory|mill|mine|refinery|warehouse"
       r"|shipyard|foundry)\b"),
    # "Eastgate Family Clinic", "Hope Hospice of the Valley"
    # (and the word for its whole, and a veterans' system's letters: "VA Salt Lake City Health Care System", and the
    # initials of its eponym: "W.W. Hastings Hospital", and what it is for: "Phyllis Jen Center for Primary Care")
    rx(rf"(?P<phi>(?:VA[ ]|(?<![\p{{L}}\d.])(?:\p{{Lu}}\.){{1,3}}[ ])?(?:(?:St|Mt)\.?[ ])?{CAP}(?:[ ]{_SITE_WORD}){{0,4}}?[ ]{FACILITY}"
       rf"(?:[ ]{FACILITY})*"
       rf"{_SITE_WHOLE}"
       rf"(?:[ ](?:of|for)(?:[ ]the)?[ ]{CAP}(?:[ ]{CAP}){{0,2}})?{_SITE_NUMBER})\b"),
    rx(rf"(?P<phi>{UPPER}(?:[ ](?:{UPPER}|&(?=[ ]{UPPER}))){{0,4}}[ ](?:{_FACILITY_UPPER})"
       rf"{capitals(_SITE_WHOLE)})\b"),  # ("WEARSIDE & TYNE ...")
    # a hospital or clinic named in Spanish, Portuguese, French or Italian: "Hospital Regional de Cusco", "Clínica Santa
    # María", "Hôpital Saint-Louis" (not "Hospital Course", "Hospital Day 3")
    rx(rf"(?P<phi>(?:Hospital[ \t]+(?:{CAP}[ \t]+)?(?:de|del|do|da|dos|das|di|San|Santa|São|Sao|Nuestra)|Clínica|Clinica|Sanatorio"
       rf"|Hôpital|Ospedale|Policlínico|Policlinico|Centro[ \t]+(?:Médico|Medico|de[ \t]+Salud))"
       rf"(?:[ \t]+(?:de|del|la|los|las|do|da|dos|das|des|di|{CAP}))*?[ \t]+{CAP})(?![\w'’-])"),
    # a place of care whose kind comes first in other languages: "Hospital Universitario Virgen de la Vega", "Szpital
    # Wojewódzki im. Mikołaja Kopernika", "Apotheke am Ebertplatz", "Casa di Cura Villa Serena", "SZPITAL SPECJALISTYCZNY IM.
    # ŚW. ŁUKASZA", "UNIDADE DE SAÚDE FAMILIAR RIBEIRA NOVA", "Centre Hospitalier Universitaire de Rennes-Sud", "Azienda
    # Ospedaliera dei Colli", "Spitalul de Copii Sf. Ecaterina", "RSUD Kartini Medika", "Ysbyty Cwm Tawel" (its kind,
    # its joining words, then a name; one space apart: not the next column), schools and universities, dental practices
    # ("Clinique médicale Saint-Henri", "CLSC du Plateau-Mont-Royal", "École primaire Saint-Pierre-Claver",
    # "Zahnarztpraxis am Rotkreuzplatz"; not a title after the kind, "Zahnarztpraxis Dr. Haberl", nor a German hospital's
    # department, "Klinik für Neurologie"), institutes, home-care services and prisons ("INSTITUT PASTEUR DU MAROC",
    # "Hemtjänst Södermalm Norra", "Complejo Penitenciario Federal I", "Casa Circondariale di Milano San Vittore")
    CuedPattern(rx(rf"""(?P<phi>(?:(?:Hospital|HOSPITAL)[ \t]+(?i:universitario|universitário|general|regional|cl[íi]nico|provincial|infantil
        |comarcal|municipal|distrital|estadual|militar|neuropsiqui[áa]trico|psiqui[áa]trico|pedi[áa]trico|materno|oncol[óo]gico)|Klinikum|Krankenhaus|Kliniken|Szpital|SZPITAL|Przychodnia|PRZYCHODNIA
        |Centre[ \t]+Hospitalier|CENTRE[ \t]+HOSPITALIER|Centro[ \t]+Hospitalar|Azienda[ \t]+(?:Ospedaliera|Sanitaria|Socio[ \t]+Sanitaria)
        |Instituto|INSTITUTO|Institutul|Spitalul|SPITALUL|Laboratoire|CLÍNICA|CLINICA|(?<![\p{{L}}\d-])(?:RSUD|RSUP|RSIA|RS)|USF|UCSP
        |Apotheke|Gesundheitszentrum|Consultori|CONSULTORI|Ambulatorio|Studio[ \t]+(?:Medico|Pediatrico|Dentistico)|Casa[ \t]+di
        [ \t]+Cura|Unidade[ \t]+de[ \t]+Saúde(?:[ \t]+Familiar)?|UNIDADE[ \t]+DE[ \t]+SAÚDE(?:[ \t]+FAMILIAR)?|Centro[ \t]+de
        [ \t]+Saúde|Clinique|CLINIQUE|GMF|CLSC|CHSLD|CISSS|CIUSSS|Ziekenhuis|Huisartsenpraktijk|Farmacia|Farmácia|Pharmacie|Apteka|Residencia|Hogar
        |Ysbyty|YSBYTY|Canolfan[ \t]+Iechyd|Meddygfa|Fferyllfa|Ysgol|Scoil|École|Ecole|ÉCOLE|Collège|Lycée|Escuela|Escola|Colegio
        |Liceo|Scuola|Schule|Grundschule|Sekolah|Zahnarztpraxis|Tandartspraktijk|Tandlægeklinik|Puskesmas|Klinik(?![ \t]+für)|Apotek
        |Bệnh[ \t]+viện|Phòng[ \t]+khám|Universidad|Universidade|Université|Universität|Universiteit|Uniwersytet
        |Institut|INSTITUT|Istituto|ISTITUTO|Hemtjänst|Complejo[ \t]+Penitenciario
        |Maison[ \t]+d['’]arrêt|MAISON[ \t]+D['’]ARRÊT
        |Centre[ \t]+pénitentiaire|Casa[ \t]+Circondariale|Casa[ \t]+di[ \t]+Reclusione)
        (?:[ ](?i:médicale|medicale|dentaire|primaire|secondaire|secundaria|primaria|básica|basica|dental|médica|medica))?
        (?:[ ](?!(?:Dr|Dra|Prof|Mme)\b)(?:(?i:de|del|la|los|las|do|da|dos|das|des|du|di|dei|am|an|der|für|im\.|św\.|sw\.|sf\.|et|&)|{CAP}
        |{UPPER}|"[^"\n]{{2,30}}")){{0,6}}
        [ ](?!(?:Dr|Dra|Prof|Mme)\b)(?:{CAP}|{UPPER})(?:-(?:{CAP}|{UPPER}))?(?:(?<=No)\.?[ ]?\d{{1,3}}(?![\d/]))?
        (?:[ ][IVX]{{1,4}}(?![\w'’-]|[ \t]+\p{{Ll}}))?)(?![\w'’-])"""),
                WordCue("""hospital klinikum krankenhaus kliniken szpital przychodnia apotheke gesundheitszentrum consultori
                ambulatorio studio casa unidade centro clinique ziekenhuis huisartsenpraktijk farmacia farmácia pharmacie ysbyty
                canolfan meddygfa
                apteka residencia hogar gmf clsc chsld cisss ciusss centre azienda instituto institutul spitalul laboratoire
                clínica clinica rsud rsup rsia rs usf ucsp fferyllfa ysgol scoil école ecole collège lycée escuela escola
                colegio liceo scuola schule grundschule sekolah zahnarztpraxis tandartspraktijk tandlægeklinik puskesmas klinik
                apotek bệnh phòng universidad universidade université universität universiteit uniwersytet institut istituto
                hemtjänst complejo maison""")),
    # a hospital named for a saint: "was at St. Elizabeth's", "Saint Joseph's in January" (not "St. John's wort",
    # "St. Patrick's Day")
    rx(rf"(?P<phi>(?:St|Saint)\.?[ \t]+\p{{Lu}}\p{{Ll}}+['’]s|(?:ST|SAINT)\.?[ \t]+\p{{Lu}}{{2,}}['’]S)(?!\p{{L}})"
       rf"(?![ \t]+{SAINTS_HERB_OR_DAY})"),  # (in capitals too: "ST AIDAN'S")
    rx(r"\b(?i:at|from|to)[ \t]+(?P<phi>(?:St|Saint)\.?[ \t]+\p{Lu}\p{Ll}+)(?![\p{L}'’])"),
    # a field that names an organisation: "Employer: Great Lakes Steel", "Agency: Tri-County EMS", "School: ...", a
    # Colombian health insurer ("EPS: Salud Andina EPS"), a French top-up insurer ("Mutuelle : Harmonie Santé"), an
    # employer in other languages, its legal form with it ("Employeur : Entrepôts Laurentides Frigo inc.", "Arbeidsgiver:
    # Nordsjø Brønnservice AS – stilling", "Empleador: Agrícola Valle del Elqui Ltda.")
    rx(rf"\b(?i:employer|company|workplace|agency|school|insurer|carrier|facility|pharmacy|practice|hmo|medical[ \t]+aid"
       rf"|scheme|eps|mutuelle|employeur|empleador|empregador|arbeidsgiver|arbejdsgiver|arbetsgivare|arbeitgeber|werkgever"
       rf"|pracodawca|płatnik[ \t]+składek|datore[ \t]+di[ \t]+lavoro|nama[ \t]+perusahaan|perusahaan|assureur|aseguradora"
       rf"|seguradora|organismo[ \t]+administrador)[ \t]*:[ \t]*"
       rf"(?P<phi>(?:{CAP}|{UPPER})(?:[ \t]+(?:{CAP}|{UPPER}|of|the|and|&|(?:de|del|la|du|des|di|da|do|dos|van|von)(?=[ \t]+\p{{Lu}}))){{0,5}}?"
       rf"(?:[ \t]+(?:{_COMPANY}|inc\.|AS|ASA|AB))?)"
       rf"(?=[ \t]*(?:$|\n|[ \t]{{2}}|[,;(]|[ \t][–—-][ \t]|\.(?:\s|$)))", re.MULTILINE),
    # a site named after care in the same sentence: "surgery? At Mercy", "seen in the ED at Providence Portland",
    # "my cardiologist is over at Northwestern" (the allow-list drops departments and common words: "at Home")
    CuedPattern(rx(rf"\b{_CARE_WORD}\b[^.!?\n]{{0,60}}?\b(?i:at|from)[ \t]+(?:the[ \t]+)?"
                   rf"{_NOT_A_TITLE}(?P<phi>(?:(?:St|Mt|Saint|Mount)\.?[ \t]+)?{CAP}(?:[ \t]+{CAP}){{0,2}})(?![\w'’-])"),
                lowercase_cue(_CARE_WORD), cue_in_lowercase=True),
]
