"""The English language names ``msgmerge`` 0.21 turns into a ``Language`` code.

A catalog without a ``Language`` field gets one from its ``Language-Team`` (the team's
address cut off): the name must be one of these exactly, as gettext spells them (ISO 639
names in ASCII: "Norwegian Bokmal", not CLDR's "Norwegian Bokmål"), else the field is
left empty. The variants ("Brazilian Portuguese": pt_BR) are looked up first.
"""

from __future__ import annotations

__all__ = ["language_code"]

# code=English name, separated by "; " and line ends
_VARIANTS = """
    de_AT=Austrian; en_GB=English (British); es_AR=Argentinian
    es_IC=Spanish (Canary Islands); pt_BR=Brazilian Portuguese; zh_CN=Chinese (simplified)
    zh_HK=Chinese (Hong Kong); zh_TW=Chinese (traditional)
"""
_LANGUAGES = """
    aa=Afar; ab=Abkhazian; ace=Achinese; ae=Avestan; af=Afrikaans; ak=Akan; am=Amharic
    an=Aragonese; ang=Old English; ar=Arabic; arn=Mapudungun; as=Assamese; ast=Asturian
    av=Avaric; awa=Awadhi; ay=Aymara; az=Azerbaijani; ba=Bashkir; bal=Baluchi; ban=Balinese
    be=Belarusian; bej=Beja; bem=Bemba; bg=Bulgarian; bh=Bihari; bho=Bhojpuri; bi=Bislama
    bik=Bikol; bin=Bini; bm=Bambara; bn=Bengali; bo=Tibetan; br=Breton; bs=Bosnian
    bug=Buginese; ca=Catalan; ce=Chechen; ceb=Cebuano; ch=Chamorro; co=Corsican; cr=Cree
    crh=Crimean Tatar; cs=Czech; csb=Kashubian; cu=Church Slavic; cv=Chuvash; cy=Welsh
    da=Danish; de=German; din=Dinka; doi=Dogri; dsb=Lower Sorbian; dv=Divehi; dz=Dzongkha
    ee=Ewe; el=Greek; en=English; eo=Esperanto; es=Spanish; et=Estonian; eu=Basque
    fa=Persian; ff=Fulah; fi=Finnish; fil=Filipino; fj=Fijian; fo=Faroese; fon=Fon
    fr=French; fur=Friulian; fy=Western Frisian; ga=Irish; gd=Scottish Gaelic; gl=Galician
    gn=Guarani; gon=Gondi; gsw=Swiss German; gu=Gujarati; gv=Manx; ha=Hausa; he=Hebrew
    hi=Hindi; hil=Hiligaynon; hmn=Hmong; ho=Hiri Motu; hr=Croatian; hsb=Upper Sorbian
    ht=Haitian; hu=Hungarian; hy=Armenian; hz=Herero; ia=Interlingua; id=Indonesian
    ie=Interlingue; ig=Igbo; ii=Sichuan Yi; ik=Inupiak; ilo=Iloko; is=Icelandic; it=Italian
    iu=Inuktitut; ja=Japanese; jab=Hyam; jv=Javanese; ka=Georgian; kab=Kabyle; kaj=Jju
    kam=Kamba; kbd=Kabardian; kcg=Tyap; kdm=Kagoma; kg=Kongo; ki=Kikuyu; kj=Kuanyama
    kk=Kazakh; kl=Kalaallisut; km=Central Khmer; kmb=Kimbundu; kn=Kannada; ko=Korean
    kr=Kanuri; kru=Kurukh; ks=Kashmiri; ku=Kurdish; kv=Komi; kw=Cornish; ky=Kirghiz
    kok=Konkani; la=Latin; lb=Letzeburgesch; lg=Ganda; li=Limburgish; ln=Lingala; lo=Laotian
    lt=Lithuanian; lu=Luba-Katanga; lua=Luba-Lulua; luo=Luo; lv=Latvian; mad=Madurese
    mag=Magahi; mai=Maithili; mak=Makasar; man=Mandingo; men=Mende; mg=Malagasy
    mh=Marshallese; mi=Maori; min=Minangkabau; mk=Macedonian; ml=Malayalam; mn=Mongolian
    mni=Manipuri; mo=Moldavian; moh=Mohawk; mos=Mossi; mr=Marathi; ms=Malay; mt=Maltese
    mwr=Marwari; my=Burmese; myn=Mayan; na=Nauru; nap=Neapolitan; nah=Nahuatl
    nb=Norwegian Bokmal; nd=North Ndebele; nds=Low Saxon; ne=Nepali; ng=Ndonga; nl=Dutch
    nn=Norwegian Nynorsk; no=Norwegian; nr=South Ndebele; nso=Northern Sotho; nv=Navajo
    ny=Nyanja; nym=Nyamwezi; nyn=Nyankole; oc=Occitan; oj=Ojibwa; om=(Afan) Oromo; or=Oriya
    os=Ossetian; pa=Punjabi; pag=Pangasinan; pam=Pampanga; pap=Papiamento; pbb=Páez; pi=Pali
    pl=Polish; ps=Pashto; pt=Portuguese; qu=Quechua; raj=Rajasthani; rm=Romansh; rn=Kirundi
    ro=Romanian; ru=Russian; rw=Kinyarwanda; sa=Sanskrit; sah=Yakut; sas=Sasak; sat=Santali
    sc=Sardinian; scn=Sicilian; sd=Sindhi; se=Northern Sami; sg=Sango; shn=Shan; si=Sinhala
    sid=Sidamo; sk=Slovak; sl=Slovenian; sm=Samoan; sma=Southern Sami; smj=Lule Sami
    smn=Inari Sami; sms=Skolt Sami; sn=Shona; so=Somali; sq=Albanian; sr=Serbian; srr=Serer
    ss=Siswati; st=Sesotho; su=Sundanese; suk=Sukuma; sus=Susu; sv=Swedish; sw=Swahili
    ta=Tamil; te=Telugu; tem=Timne; tet=Tetum; tg=Tajik; th=Thai; ti=Tigrinya; tiv=Tiv
    tk=Turkmen; tl=Tagalog; tn=Setswana; to=Tonga; tr=Turkish; ts=Tsonga; tt=Tatar
    tum=Tumbuka; tw=Twi; ty=Tahitian; ug=Uighur; uk=Ukrainian; umb=Umbundu; ur=Urdu
    uz=Uzbek; ve=Venda; vi=Vietnamese; vo=Volapuk; wal=Walamo; war=Waray; wen=Sorbian
    wo=Wolof; xh=Xhosa; yao=Yao; yi=Yiddish; yo=Yoruba; za=Zhuang; zh=Chinese; zu=Zulu
    zap=Zapotec
"""


def _table() -> dict[str, str]:
    codes: dict[str, str] = {}
    for block in (_VARIANTS, _LANGUAGES):
        for line in block.strip().splitlines():
            for item in line.strip().split("; "):
                code, _, name = item.partition("=")
                codes.setdefault(name, code)
    return codes


_CODES = _table()


def language_code(name: str) -> str:
    """The ISO 639 (and ISO 3166) code gettext gives an English language name, or ""."""
    return _CODES.get(name, "")
