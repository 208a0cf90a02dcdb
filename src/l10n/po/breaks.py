"""Line_Break classes of the scripts most catalogs are written in, without uniseg.

``po.wrap`` needs the UAX #14 class of every character it may break around. uniseg has
them all, but importing it costs a tenth of a small ``l10n merge`` (its ``__init__``
imports ``importlib.metadata`` for a version string), and nearly every PO file is
written in a handful of scripts. This table holds, as uniseg gives them and resolved as
``po.wrap`` resolves them (East Asian opening punctuation as ``OPW``, AI/SA/XX as AL,
NL/CR/LF as BK ...), the classes of Latin, IPA, combining diacritics, Greek, Cyrillic,
general punctuation, CJK symbols and kana, Hangul compatibility jamo, CJK ideographs,
fullwidth forms and Hangul syllables; any other character is looked up in uniseg.
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
48a:AL 530:? 2000:BA 2007:GL 2008:BA 200b:ZW 200c:CM 200d:ZWJ 200e:CM 2010:BA 2011:GL
2012:BA 2014:B2 2015:AL 2018:QU 201a:OP 201b:QU 201e:OP 201f:QU 2020:AL 2024:IN 2027:BA
2028:BK 202a:CM 202f:GL 2030:PO 2038:AL 2039:QU 203b:AL 203c:NS 203e:AL 2044:IS 2045:OP
2046:CL 2047:NS 204a:AL 2056:BA 2057:PO 2058:BA 205c:AL 205d:BA 2060:WJ 2061:AL 2066:CM
2070:? 3000:BA 3001:CL 3003:ID 3005:NS 3006:ID 3008:OPW 3009:CL 300a:OPW 300b:CL
300c:OPW 300d:CL 300e:OPW 300f:CL 3010:OPW 3011:CL 3012:ID 3014:OPW 3015:CL 3016:OPW
3017:CL 3018:OPW 3019:CL 301a:OPW 301b:CL 301c:NS 301d:OPW 301e:CL 3020:ID 302a:CM
3030:ID 3035:CM 3036:ID 303b:NS 303d:ID 3040:AL 3041:NS 3042:ID 3043:NS 3044:ID 3045:NS
3046:ID 3047:NS 3048:ID 3049:NS 304a:ID 3063:NS 3064:ID 3083:NS 3084:ID 3085:NS 3086:ID
3087:NS 3088:ID 308e:NS 308f:ID 3095:NS 3097:AL 3099:CM 309b:NS 309f:ID 30a0:NS 30a2:ID
30a3:NS 30a4:ID 30a5:NS 30a6:ID 30a7:NS 30a8:ID 30a9:NS 30aa:ID 30c3:NS 30c4:ID 30e3:NS
30e4:ID 30e5:NS 30e6:ID 30e7:NS 30e8:ID 30ee:NS 30ef:ID 30f5:NS 30f7:ID 30fb:NS 30ff:ID
3100:? 3130:AL 3131:ID 318f:AL 3190:? 4e00:ID a000:? ff00:AL ff01:EX ff02:ID ff04:PR
ff05:PO ff06:ID ff08:OPW ff09:CL ff0a:ID ff0c:CL ff0d:ID ff0e:CL ff0f:ID ff1a:NS ff1c:ID
ff1f:EX ff20:ID ff3b:OPW ff3c:ID ff3d:CL ff3e:ID ff5b:OPW ff5c:ID ff5d:CL ff5e:ID
ff5f:OPW ff60:CL ff62:OPW ff63:CL ff65:NS ff66:ID ff67:NS ff71:ID ff9e:NS ffa0:ID
ffbf:AL ffc2:ID ffc8:AL ffca:ID ffd0:AL ffd2:ID ffd8:AL ffda:ID ffdd:AL ffe0:PO ffe1:PR
ffe2:ID ffe5:PR ffe7:AL fff0:?
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
