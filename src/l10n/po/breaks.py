"""Line_Break classes of the scripts most catalogs are written in, without uniseg.

``po.wrap`` needs the UAX #14 class of every character it may break around. uniseg has
them all, but importing it costs a tenth of a small ``l10n merge`` (its ``__init__``
imports ``importlib.metadata`` for a version string), and nearly every PO file is
written in a handful of scripts. This table holds, as uniseg gives them and resolved as
``po.wrap`` resolves them (East Asian opening punctuation as ``OPW``, AI/SA/XX as AL,
NL/CR/LF as BK ...), the classes of Latin, IPA, combining diacritics, Greek, Cyrillic,
Armenian, Hebrew, Arabic, general punctuation, the symbol blocks from superscripts to
arrows, mathematical operators, box drawing and dingbats (U+2070-2BFF: one "→" in a
catalog cost a merge uniseg's import), CJK symbols and kana, Hangul compatibility jamo,
CJK ideographs, fullwidth forms and Hangul syllables; any other character is looked up
in uniseg.
``tests/test_powrap.py`` compares every code point of the table with uniseg, so the two
cannot drift apart (a uniseg upgrade that changes one fails it).
"""

from __future__ import annotations

import bisect

__all__ = ["common_class"]

# "start:class" runs up to the next start; "?" marks code points the table does not hold
_RUNS = """
0:CM 9:BA a:BK e:CM 20:SP 21:EX 22:QU 23:AL 24:PR 25:PO 26:AL 27:QU 28:OP 29:CP 2a:AL
2b:PR 2c:IS 2d:HY 2e:IS 2f:SY 30:NU 3a:IS 3c:AL 3f:EX 40:AL 5b:OP 5c:PR 5d:CP 5e:AL
7b:OP 7c:BA 7d:CL 7e:AL 7f:CM 85:BK 86:CM a0:GL a1:OP a2:PO a3:PR a6:AL ab:QU ac:AL
ad:BA ae:AL b0:PO b1:PR b2:AL b4:BB b5:AL bb:QU bc:AL bf:OP c0:AL 2c8:BB 2c9:AL 2cc:BB
2cd:AL 2df:BB 2e0:AL 300:CM 34f:GL 350:CM 35c:GL 363:CM 370:AL 37e:IS 37f:AL 483:CM
48a:AL 589:IS 58a:BA 58b:AL 58f:PR 590:AL 591:CM 5be:BA 5bf:CM 5c0:AL 5c1:CM 5c3:AL
5c4:CM 5c6:EX 5c7:CM 5c8:AL 5d0:HL 5eb:AL 5ef:HL 5f3:AL 600:NU 606:AL 609:PO 60c:IS
60e:AL 610:CM 61b:EX 61c:CM 61d:EX 620:AL 64b:CM 660:NU 66a:PO 66b:NU 66d:AL 670:CM
671:AL 6d4:EX 6d5:AL 6d6:CM 6dd:NU 6de:AL 6df:CM 6e5:AL 6e7:CM 6e9:AL 6ea:CM 6ee:AL
6f0:NU 6fa:AL 700:? 2000:BA 2007:GL 2008:BA 200b:ZW 200c:CM 200d:ZWJ 200e:CM 2010:BA
2011:GL 2012:BA 2014:B2 2015:AL 2018:QU 201a:OP 201b:QU 201e:OP 201f:QU 2020:AL 2024:IN
2027:BA 2028:BK 202a:CM 202f:GL 2030:PO 2038:AL 2039:QU 203b:AL 203c:NS 203e:AL 2044:IS
2045:OP 2046:CL 2047:NS 204a:AL 2056:BA 2057:PO 2058:BA 205c:AL 205d:BA 2060:WJ 2061:AL
2066:CM 2070:AL 207d:OP 207e:CL 207f:AL 208d:OP 208e:CL 208f:AL 20a0:PR 20a7:PO 20a8:PR
20b6:PO 20b7:PR 20bb:PO 20bc:PR 20be:PO 20bf:PR 20c0:PO 20c1:PR 20d0:CM 20f1:AL 2103:PO
2104:AL 2109:PO 210a:AL 2116:PR 2117:AL 2212:PR 2214:AL 22ef:IN 22f0:AL 2308:OP 2309:CL
230a:OP 230b:CL 230c:AL 231a:ID 231c:AL 2329:OPW 232a:CL 232b:AL 23f0:ID 23f4:AL 2600:ID
2604:AL 2614:ID 2616:AL 2618:ID 2619:AL 261a:ID 261d:EB 261e:ID 2620:AL 2639:ID 263c:AL
2668:ID 2669:AL 267f:ID 2680:AL 26bd:ID 26c9:AL 26cd:ID 26ce:AL 26cf:ID 26d2:AL 26d3:ID
26d5:AL 26d8:ID 26da:AL 26dc:ID 26dd:AL 26df:ID 26e2:AL 26ea:ID 26eb:AL 26f1:ID 26f6:AL
26f7:ID 26f9:EB 26fa:ID 26fb:AL 26fd:ID 2705:AL 2708:ID 270a:EB 270e:AL 275b:QU 2761:AL
2762:EX 2764:ID 2765:AL 2768:OP 2769:CL 276a:OP 276b:CL 276c:OP 276d:CL 276e:OP 276f:CL
2770:OP 2771:CL 2772:OP 2773:CL 2774:OP 2775:CL 2776:AL 27c5:OP 27c6:CL 27c7:AL 27e6:OP
27e7:CL 27e8:OP 27e9:CL 27ea:OP 27eb:CL 27ec:OP 27ed:CL 27ee:OP 27ef:CL 27f0:AL 2983:OP
2984:CL 2985:OP 2986:CL 2987:OP 2988:CL 2989:OP 298a:CL 298b:OP 298c:CL 298d:OP 298e:CL
298f:OP 2990:CL 2991:OP 2992:CL 2993:OP 2994:CL 2995:OP 2996:CL 2997:OP 2998:CL 2999:AL
29d8:OP 29d9:CL 29da:OP 29db:CL 29dc:AL 29fc:OP 29fd:CL 29fe:AL 2c00:? 3000:BA 3001:CL
3003:ID 3005:NS 3006:ID 3008:OPW 3009:CL 300a:OPW 300b:CL 300c:OPW 300d:CL 300e:OPW
300f:CL 3010:OPW 3011:CL 3012:ID 3014:OPW 3015:CL 3016:OPW 3017:CL 3018:OPW 3019:CL
301a:OPW 301b:CL 301c:NS 301d:OPW 301e:CL 3020:ID 302a:CM 3030:ID 3035:CM 3036:ID
303b:NS 303d:ID 3040:AL 3041:NS 3042:ID 3043:NS 3044:ID 3045:NS 3046:ID 3047:NS 3048:ID
3049:NS 304a:ID 3063:NS 3064:ID 3083:NS 3084:ID 3085:NS 3086:ID 3087:NS 3088:ID 308e:NS
308f:ID 3095:NS 3097:AL 3099:CM 309b:NS 309f:ID 30a0:NS 30a2:ID 30a3:NS 30a4:ID 30a5:NS
30a6:ID 30a7:NS 30a8:ID 30a9:NS 30aa:ID 30c3:NS 30c4:ID 30e3:NS 30e4:ID 30e5:NS 30e6:ID
30e7:NS 30e8:ID 30ee:NS 30ef:ID 30f5:NS 30f7:ID 30fb:NS 30ff:ID 3100:? 3130:AL 3131:ID
318f:AL 3190:? 4e00:ID a000:? ff00:AL ff01:EX ff02:ID ff04:PR ff05:PO ff06:ID ff08:OPW
ff09:CL ff0a:ID ff0c:CL ff0d:ID ff0e:CL ff0f:ID ff1a:NS ff1c:ID ff1f:EX ff20:ID ff3b:OPW
ff3c:ID ff3d:CL ff3e:ID ff5b:OPW ff5c:ID ff5d:CL ff5e:ID ff5f:OPW ff60:CL ff62:OPW
ff63:CL ff65:NS ff66:ID ff67:NS ff71:ID ff9e:NS ffa0:ID ffbf:AL ffc2:ID ffc8:AL ffca:ID
ffd0:AL ffd2:ID ffd8:AL ffda:ID ffdd:AL ffe0:PO ffe1:PR ffe2:ID ffe5:PR ffe7:AL fff0:?
"""
_STARTS: list[int] = []
_CLASSES: list[str | None] = []
for _run in _RUNS.split():
    _start, _class = _run.split(":")
    _STARTS.append(int(_start, 16))
    _CLASSES.append(None if _class == "?" else _class)


def common_class(ch: str) -> str | None:
    """The resolved Line_Break class of ``ch``, or None when the table does not hold it."""
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7A3:  # Hangul syllables: LV (H2) every 28th, else LVT (H3)
        return "H2" if (code - 0xAC00) % 28 == 0 else "H3"
    if code >= _STARTS[-1]:
        return None
    return _CLASSES[bisect.bisect_right(_STARTS, code) - 1]
