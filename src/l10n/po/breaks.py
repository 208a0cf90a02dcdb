"""Line_Break classes of every character, uniseg's, without importing uniseg.

``po.wrap`` needs the UAX #14 class of every character it may break around. uniseg has
them all, but importing it costs more than a small ``l10n merge`` (its ``__init__``
imports ``importlib.metadata`` for a version string), so its classes are kept here: first
those of the scripts nearly every PO file is written in, read at import. This table
holds, as uniseg gives them and resolved as
``po.wrap`` resolves them (East Asian opening punctuation as ``OPW``, AI/SA/XX as AL,
NL/CR/LF as BK ...), the classes of Latin, IPA, combining diacritics, Greek, Cyrillic,
Armenian, Hebrew, Arabic, general punctuation, the symbol blocks from superscripts to
arrows, mathematical operators, box drawing and dingbats (U+2070-2BFF: one "→" in a
catalog cost a merge uniseg's import), CJK symbols and kana, Hangul compatibility jamo,
CJK ideographs, fullwidth forms and Hangul syllables; every other character is in a
second table (``_MORE``), read the first time one is met.
``tests/test_powrap.py`` compares every code point of both with uniseg, so the two
cannot drift apart (a uniseg upgrade that changes one fails it).
"""

from __future__ import annotations

import bisect

__all__ = ["common_class", "line_class", "is_ambiguous"]

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


# Every other code point, read the first time one is asked for (``line_class``): the
# scripts from Syriac to Greek Extended (Tamil, Georgian, Vietnamese's Latin Extended
# Additional), Glagolitic to Kangxi, Bopomofo, CJK Extension A, Yi to the Hangul jamo
# extensions, the compatibility and presentation forms, the astral planes (emoji). Made
# from uniseg's classes, resolved as ``po.wrap`` resolves them; "-" marks the runs the
# table above holds. Without it a Vietnamese, Tamil or Georgian catalog imported uniseg,
# with importlib.metadata, to rewrap one entry: 30-45 ms, more than msgmerge's whole run
# (bench/RESULTS.md, round 10). ``tests/test_powrap.py`` compares every code point with
# uniseg and prints the runs anew when they differ.
_MORE = """
0:- 700:AL 711:CM 712:AL 730:CM 74b:AL 7a6:CM 7b1:AL 7c0:NU 7ca:AL 7eb:CM 7f4:AL 7f8:IS
7f9:EX 7fa:AL 7fd:CM 7fe:PR 800:AL 816:CM 81a:AL 81b:CM 824:AL 825:CM 828:AL 829:CM
82e:AL 859:CM 85c:AL 890:NU 892:AL 898:CM 8a0:AL 8ca:CM 8e2:NU 8e3:CM 904:AL 93a:CM
93d:AL 93e:CM 950:AL 951:CM 958:AL 962:CM 964:BA 966:NU 970:AL 981:CM 984:AL 9bc:CM
9bd:AL 9be:CM 9c5:AL 9c7:CM 9c9:AL 9cb:CM 9ce:AL 9d7:CM 9d8:AL 9e2:CM 9e4:AL 9e6:NU
9f0:AL 9f2:PO 9f4:AL 9f9:PO 9fa:AL 9fb:PR 9fc:AL 9fe:CM 9ff:AL a01:CM a04:AL a3c:CM
a3d:AL a3e:CM a43:AL a47:CM a49:AL a4b:CM a4e:AL a51:CM a52:AL a66:NU a70:CM a72:AL
a75:CM a76:AL a81:CM a84:AL abc:CM abd:AL abe:CM ac6:AL ac7:CM aca:AL acb:CM ace:AL
ae2:CM ae4:AL ae6:NU af0:AL af1:PR af2:AL afa:CM b00:AL b01:CM b04:AL b3c:CM b3d:AL
b3e:CM b45:AL b47:CM b49:AL b4b:CM b4e:AL b55:CM b58:AL b62:CM b64:AL b66:NU b70:AL
b82:CM b83:AL bbe:CM bc3:AL bc6:CM bc9:AL bca:CM bce:AL bd7:CM bd8:AL be6:NU bf0:AL
bf9:PR bfa:AL c00:CM c05:AL c3c:CM c3d:AL c3e:CM c45:AL c46:CM c49:AL c4a:CM c4e:AL
c55:CM c57:AL c62:CM c64:AL c66:NU c70:AL c77:BB c78:AL c81:CM c84:BB c85:AL cbc:CM
cbd:AL cbe:CM cc5:AL cc6:CM cc9:AL cca:CM cce:AL cd5:CM cd7:AL ce2:CM ce4:AL ce6:NU
cf0:AL d00:CM d04:AL d3b:CM d3d:AL d3e:CM d45:AL d46:CM d49:AL d4a:CM d4e:AL d57:CM
d58:AL d62:CM d64:AL d66:NU d70:AL d79:PO d7a:AL d81:CM d84:AL dca:CM dcb:AL dcf:CM
dd5:AL dd6:CM dd7:AL dd8:CM de0:AL de6:NU df0:AL df2:CM df4:AL e3f:PR e40:AL e50:NU
e5a:BA e5c:AL ed0:NU eda:AL f01:BB f05:AL f06:BB f08:GL f09:BB f0b:BA f0c:GL f0d:EX
f12:GL f13:AL f14:EX f15:AL f18:CM f1a:AL f20:NU f2a:AL f34:BA f35:CM f36:AL f37:CM
f38:AL f39:CM f3a:OP f3b:CL f3c:OP f3d:CL f3e:CM f40:AL f71:CM f7f:BA f80:CM f85:BA
f86:CM f88:AL f8d:CM f98:AL f99:CM fbd:AL fbe:BA fc0:AL fc6:CM fc7:AL fd0:BB fd2:BA
fd3:BB fd4:AL fd9:GL fdb:AL 1040:NU 104a:BA 104c:AL 1090:NU 109a:AL 1100:JL 1160:JV
11a8:JT 1200:AL 135d:CM 1360:AL 1361:BA 1362:AL 1400:BA 1401:AL 1680:BA 1681:AL 169b:OP
169c:CL 169d:AL 16eb:BA 16ee:AL 1712:CM 1716:AL 1732:CM 1735:BA 1737:AL 1752:CM 1754:AL
1772:CM 1774:AL 17d4:BA 17d6:NS 17d7:AL 17d8:BA 17d9:AL 17da:BA 17db:PR 17dc:AL 17e0:NU
17ea:AL 1802:EX 1804:BA 1806:BB 1807:AL 1808:EX 180a:AL 180b:CM 180e:GL 180f:CM 1810:NU
181a:AL 1885:CM 1887:AL 18a9:CM 18aa:AL 1920:CM 192c:AL 1930:CM 193c:AL 1944:EX 1946:NU
1950:AL 19d0:NU 19db:AL 1a17:CM 1a1c:AL 1a7f:CM 1a80:NU 1a8a:AL 1a90:NU 1a9a:AL 1ab0:CM
1acf:AL 1b00:CM 1b05:AL 1b34:CM 1b44:AL 1b5a:BA 1b5c:ID 1b5d:BA 1b61:ID 1b6b:CM 1b74:ID
1b7d:BA 1b7f:AL 1b80:CM 1b83:AL 1ba1:CM 1bae:AL 1bb0:NU 1bba:AL 1be6:CM 1bf2:AL 1c24:CM
1c38:AL 1c3b:BA 1c40:NU 1c4a:AL 1c50:NU 1c5a:AL 1c7e:BA 1c80:AL 1cd0:CM 1cd3:AL 1cd4:CM
1ce9:AL 1ced:CM 1cee:AL 1cf4:CM 1cf5:AL 1cf7:CM 1cfa:AL 1dc0:CM 1dcd:GL 1dce:CM 1dfc:GL
1dfd:CM 1e00:AL 1ffd:BB 1ffe:AL 2000:- 2c00:AL 2cef:CM 2cf2:AL 2cf9:EX 2cfa:BA 2cfd:AL
2cfe:EX 2cff:BA 2d00:AL 2d70:BA 2d71:AL 2d7f:CM 2d80:AL 2de0:CM 2e00:QU 2e0e:BA 2e16:AL
2e17:BA 2e18:OP 2e19:BA 2e1a:AL 2e1c:QU 2e1e:AL 2e20:QU 2e22:OP 2e23:CL 2e24:OP 2e25:CL
2e26:OP 2e27:CL 2e28:OP 2e29:CL 2e2a:BA 2e2e:EX 2e2f:AL 2e30:BA 2e32:AL 2e33:BA 2e35:AL
2e3a:B2 2e3c:BA 2e3f:AL 2e40:BA 2e42:OP 2e43:BA 2e4b:AL 2e4c:BA 2e4d:AL 2e4e:BA 2e50:AL
2e53:EX 2e55:OP 2e56:CP 2e57:OP 2e58:CP 2e59:OP 2e5a:CP 2e5b:OP 2e5c:CP 2e5d:BA 2e5e:AL
2e80:ID 2e9a:AL 2e9b:ID 2ef4:AL 2f00:ID 2fd6:AL 2ff0:ID 2ffc:AL 3000:- 3100:AL 3105:ID
3130:- 3190:ID 31e4:AL 31f0:NS 3200:ID 321f:AL 3220:ID 3248:AL 3250:ID 4dc0:AL 4e00:-
a000:ID a015:NS a016:ID a48d:AL a490:ID a4c7:AL a4fe:BA a500:AL a60d:BA a60e:EX a60f:BA
a610:AL a620:NU a62a:AL a66f:CM a673:AL a674:CM a67e:AL a69e:CM a6a0:AL a6f0:CM a6f2:AL
a6f3:BA a6f8:AL a802:CM a803:AL a806:CM a807:AL a80b:CM a80c:AL a823:CM a828:AL a82c:CM
a82d:AL a838:PO a839:AL a874:BB a876:EX a878:AL a880:CM a882:AL a8b4:CM a8c6:AL a8ce:BA
a8d0:NU a8da:AL a8e0:CM a8f2:AL a8fc:BB a8fd:AL a8ff:CM a900:NU a90a:AL a926:CM a92e:BA
a930:AL a947:CM a954:AL a960:JL a97d:AL a980:CM a984:AL a9b3:CM a9c0:AL a9c1:ID a9c7:BA
a9ca:ID a9ce:AL a9cf:BA a9d0:AL a9de:ID a9e0:AL a9f0:NU a9fa:AL aa29:CM aa37:AL aa40:BA
aa43:CM aa44:BA aa4c:CM aa4e:AL aa5c:ID aa5d:BA aa60:AL aaeb:CM aaf0:BA aaf2:AL aaf5:CM
aaf7:AL abe3:CM abeb:BA abec:CM abee:AL abf0:NU abfa:AL ac00:- d7a4:AL d7b0:JV d7c7:AL
d7cb:JT d7fc:AL f900:ID fb00:AL fb1d:HL fb1e:CM fb1f:HL fb29:AL fb2a:HL fb37:AL fb38:HL
fb3d:AL fb3e:HL fb3f:AL fb40:HL fb42:AL fb43:HL fb45:AL fb46:HL fb50:AL fd3e:CL fd3f:OP
fd40:AL fdfc:PO fdfd:AL fe00:CM fe10:CL fe13:NS fe15:EX fe17:OPW fe18:CL fe19:IN fe1a:AL
fe20:GL fe21:CM fe22:GL fe23:CM fe24:GL fe25:CM fe26:GL fe28:CM fe29:GL fe2a:CM fe2b:GL
fe2c:CM fe2d:GL fe2f:CM fe30:ID fe35:OPW fe36:CL fe37:OPW fe38:CL fe39:OPW fe3a:CL
fe3b:OPW fe3c:CL fe3d:OPW fe3e:CL fe3f:OPW fe40:CL fe41:OPW fe42:CL fe43:OPW fe44:CL
fe45:ID fe47:OPW fe48:CL fe49:ID fe50:CL fe51:ID fe52:CL fe53:AL fe54:NS fe56:EX fe58:ID
fe59:OPW fe5a:CL fe5b:OPW fe5c:CL fe5d:OPW fe5e:CL fe5f:ID fe67:AL fe68:ID fe69:PR
fe6a:PO fe6b:ID fe6c:AL feff:WJ ff00:- fff0:AL fff9:CM fffc:ID fffd:AL 10100:BA 10103:AL
101fd:CM 101fe:AL 102e0:CM 102e1:AL 10376:CM 1037b:AL 1039f:BA 103a0:AL 103d0:BA
103d1:AL 104a0:NU 104aa:AL 10857:BA 10858:AL 1091f:BA 10920:AL 10a01:CM 10a04:AL
10a05:CM 10a07:AL 10a0c:CM 10a10:AL 10a38:CM 10a3b:AL 10a3f:CM 10a40:AL 10a50:BA
10a58:AL 10ae5:CM 10ae7:AL 10af0:BA 10af6:IN 10af7:AL 10b39:BA 10b40:AL 10d24:CM
10d28:AL 10d30:NU 10d3a:AL 10eab:CM 10ead:BA 10eae:AL 10f46:CM 10f51:AL 10f82:CM
10f86:AL 11000:CM 11003:AL 11038:CM 11046:AL 11047:BA 11049:ID 1104e:AL 11052:ID
11066:AL 11070:CM 11071:AL 11073:CM 11075:AL 1107f:GL 11080:CM 11083:AL 110b0:CM
110bb:AL 110bd:NU 110be:BA 110c2:CM 110c3:AL 110cd:NU 110ce:AL 110f0:NU 110fa:AL
11100:CM 11103:AL 11127:CM 11135:AL 11136:NU 11140:BA 11144:AL 11145:CM 11147:AL
11173:CM 11174:AL 11175:BB 11176:AL 11180:CM 11183:AL 111b3:CM 111c1:AL 111c5:BA
111c7:AL 111c8:BA 111c9:CM 111cd:AL 111ce:CM 111d0:NU 111da:AL 111db:BB 111dc:AL
111dd:BA 111e0:AL 1122c:CM 11238:BA 1123a:AL 1123b:BA 1123d:AL 1123e:CM 1123f:AL
112a9:BA 112aa:AL 112df:CM 112eb:AL 112f0:NU 112fa:AL 11300:CM 11304:AL 1133b:CM
1133d:BA 1133e:CM 11345:AL 11347:CM 11349:AL 1134b:CM 1134d:AL 11357:CM 11358:AL
1135d:BA 1135e:AL 11362:CM 11364:AL 11366:CM 1136d:AL 11370:CM 11375:AL 11435:CM
11447:AL 1144b:BA 1144f:AL 11450:NU 1145a:BA 1145c:AL 1145e:CM 1145f:AL 114b0:CM
114c4:AL 114d0:NU 114da:AL 115af:CM 115b6:AL 115b8:CM 115c1:BB 115c2:BA 115c4:EX
115c6:AL 115c9:BA 115d8:AL 115dc:CM 115de:AL 11630:CM 11641:BA 11643:AL 11650:NU
1165a:AL 11660:BB 1166d:AL 116ab:CM 116b8:AL 116c0:NU 116ca:AL 11730:NU 1173a:AL
1173c:BA 1173f:AL 1182c:CM 1183b:AL 118e0:NU 118ea:AL 11930:CM 11936:AL 11937:CM
11939:AL 1193b:CM 1193e:AL 11940:CM 11941:AL 11942:CM 11944:BA 11947:AL 119d1:CM
119d8:AL 119da:CM 119e1:AL 119e2:BB 119e3:AL 119e4:CM 119e5:AL 11a01:CM 11a0b:AL
11a33:CM 11a3a:AL 11a3b:CM 11a3f:BB 11a40:AL 11a41:BA 11a45:BB 11a46:AL 11a47:CM
11a48:AL 11a51:CM 11a5c:AL 11a8a:CM 11a9a:BA 11a9d:AL 11a9e:BB 11aa1:BA 11aa3:AL
11c2f:CM 11c37:AL 11c38:CM 11c40:AL 11c41:BA 11c46:AL 11c50:NU 11c5a:AL 11c70:BB
11c71:EX 11c72:AL 11c92:CM 11ca8:AL 11ca9:CM 11cb7:AL 11d31:CM 11d37:AL 11d3a:CM
11d3b:AL 11d3c:CM 11d3e:AL 11d3f:CM 11d46:AL 11d47:CM 11d48:AL 11d50:NU 11d5a:AL
11d8a:CM 11d8f:AL 11d90:CM 11d92:AL 11d93:CM 11d98:AL 11da0:NU 11daa:AL 11ef2:BA
11ef3:CM 11ef7:BA 11ef9:AL 11fdd:PO 11fe1:AL 11fff:BA 12000:AL 12470:BA 12475:AL
13258:OP 1325b:CL 1325e:AL 13282:CL 13283:AL 13286:OP 13287:CL 13288:OP 13289:CL
1328a:AL 13379:OP 1337a:CL 1337c:AL 13430:GL 13437:OP 13438:CL 13439:AL 145ce:OP
145cf:CL 145d0:AL 16a60:NU 16a6a:AL 16a6e:BA 16a70:AL 16ac0:NU 16aca:AL 16af0:CM
16af5:BA 16af6:AL 16b30:CM 16b37:BA 16b3a:AL 16b44:BA 16b45:AL 16b50:NU 16b5a:AL
16e97:BA 16e99:AL 16f4f:CM 16f50:AL 16f51:CM 16f88:AL 16f8f:CM 16f93:AL 16fe0:NS
16fe4:GL 16fe5:AL 16ff0:CM 16ff2:AL 17000:ID 187f8:AL 18800:ID 18b00:AL 18d00:ID
18d09:AL 1b000:ID 1b123:AL 1b150:NS 1b153:AL 1b164:NS 1b168:AL 1b170:ID 1b2fc:AL
1bc9d:CM 1bc9f:BA 1bca0:CM 1bca4:AL 1cf00:CM 1cf2e:AL 1cf30:CM 1cf47:AL 1d165:CM
1d16a:AL 1d16d:CM 1d183:AL 1d185:CM 1d18c:AL 1d1aa:CM 1d1ae:AL 1d242:CM 1d245:AL
1d7ce:NU 1d800:AL 1da00:CM 1da37:AL 1da3b:CM 1da6d:AL 1da75:CM 1da76:AL 1da84:CM
1da85:AL 1da87:BA 1da8b:AL 1da9b:CM 1daa0:AL 1daa1:CM 1dab0:AL 1e000:CM 1e007:AL
1e008:CM 1e019:AL 1e01b:CM 1e022:AL 1e023:CM 1e025:AL 1e026:CM 1e02b:AL 1e130:CM
1e137:AL 1e140:NU 1e14a:AL 1e2ae:CM 1e2af:AL 1e2ec:CM 1e2f0:NU 1e2fa:AL 1e2ff:PR
1e300:AL 1e8d0:CM 1e8d7:AL 1e944:CM 1e94b:AL 1e950:NU 1e95a:AL 1e95e:OP 1e960:AL
1ecac:PO 1ecad:AL 1ecb0:PO 1ecb1:AL 1f000:ID 1f100:AL 1f1ae:ID 1f1e6:RI 1f200:ID
1f385:EB 1f386:ID 1f39c:AL 1f39e:ID 1f3b5:AL 1f3b7:ID 1f3bc:AL 1f3bd:ID 1f3c2:EB
1f3c5:ID 1f3c7:EB 1f3c8:ID 1f3ca:EB 1f3cd:ID 1f3fb:EM 1f400:ID 1f442:EB 1f444:ID
1f446:EB 1f451:ID 1f466:EB 1f479:ID 1f47c:EB 1f47d:ID 1f481:EB 1f484:ID 1f485:EB
1f488:ID 1f48f:EB 1f490:ID 1f491:EB 1f492:ID 1f4a0:AL 1f4a1:ID 1f4a2:AL 1f4a3:ID
1f4a4:AL 1f4a5:ID 1f4aa:EB 1f4ab:ID 1f4af:AL 1f4b0:ID 1f4b1:AL 1f4b3:ID 1f500:AL
1f507:ID 1f517:AL 1f525:ID 1f532:AL 1f54a:ID 1f574:EB 1f576:ID 1f57a:EB 1f57b:ID
1f590:EB 1f591:ID 1f595:EB 1f597:ID 1f5d4:AL 1f5dc:ID 1f5f4:AL 1f5fa:ID 1f645:EB
1f648:ID 1f64b:EB 1f650:AL 1f676:QU 1f679:NS 1f67c:AL 1f680:ID 1f6a3:EB 1f6a4:ID
1f6b4:EB 1f6b7:ID 1f6c0:EB 1f6c1:ID 1f6cc:EB 1f6cd:ID 1f700:AL 1f774:ID 1f780:AL
1f7d5:ID 1f800:AL 1f80c:ID 1f810:AL 1f848:ID 1f850:AL 1f85a:ID 1f860:AL 1f888:ID
1f890:AL 1f8ae:ID 1f8b0:AL 1f8b2:ID 1f900:AL 1f90c:EB 1f90d:ID 1f90f:EB 1f910:ID
1f918:EB 1f920:ID 1f926:EB 1f927:ID 1f930:EB 1f93a:ID 1f93c:EB 1f93f:ID 1f977:EB
1f978:ID 1f9b5:EB 1f9b7:ID 1f9b8:EB 1f9ba:ID 1f9bb:EB 1f9bc:ID 1f9cd:EB 1f9d0:ID
1f9d1:EB 1f9de:ID 1fa00:AL 1fa54:ID 1fac3:EB 1fac6:ID 1faf0:EB 1faf7:ID 1fb00:AL
1fbf0:NU 1fbfa:AL 1fc00:ID 1fffe:AL 20000:ID 2fffe:AL 30000:ID 3fffe:AL e0001:CM
e0002:AL e0020:CM e0080:AL e0100:CM e01f0:AL
"""
_MORE_RUNS: tuple[list[int], list[str]] | None = None


def line_class(ch: str) -> str:
    """The resolved Line_Break class of any character (``common_class`` first)."""
    global _MORE_RUNS
    found = common_class(ch)
    if found is not None:
        return found
    if _MORE_RUNS is None:
        runs = [run.split(":") for run in _MORE.split()]
        _MORE_RUNS = [int(start, 16) for start, _ in runs], [cls for _, cls in runs]
    starts, classes = _MORE_RUNS
    return classes[bisect.bisect_right(starts, ord(ch)) - 1]


# Where the runs of characters of class AI (ambiguous) start and end, alternately:
# uniseg's AI, which the tables above resolve as AL. libunistring resolves AI as ID
# instead when the text is in a CJK charset (``u8_possible_linebreaks``, with
# ``is_cjk_encoding``), so a catalog in EUC-KR breaks before and after "※" or "①" where
# a UTF-8 one does not. Read the first time a CJK catalog is wrapped. Not ⅓ ⅜ ⅝ (U+2153,
# U+215C, U+215D), AI to uniseg but not to libunistring 1.0 (``NOT_AMBIGUOUS``): every
# other AI character of EUC-KR, CP949, GBK, EUC-JP and BIG5 breaks as msgcat breaks it
# (tests/test_powrap.py).
_AMBIGUOUS = """
a7 a9 aa ab b2 b4 b6 bb bc bf d7 d8 f7 f8 2c7 2c8 2c9 2cc 2cd 2ce 2d0 2d1 2d8 2dc 2dd
2de 2015 2017 2020 2022 203b 203c 2074 2075 207f 2080 2081 2085 2105 2106 2113 2114 2121
2123 212b 212c 2150 2153 2154 215c 215e 215f 2160 216c 2170 217a 2189 218a 2190 219a
21d2 21d3 21d4 21d5 2200 2201 2202 2204 2207 2209 220b 220c 220f 2210 2211 2212 2215
2216 221a 221b 221d 2221 2223 2224 2225 2226 2227 222d 222e 222f 2234 2238 223c 223e
2248 2249 224c 224d 2252 2253 2260 2262 2264 2268 226a 226c 226e 2270 2282 2284 2286
2288 2295 2296 2299 229a 22a5 22a6 22bf 22c0 2312 2313 2460 24ff 2500 254c 2550 2575
2580 2590 2592 2596 25a0 25a2 25a3 25aa 25b2 25b4 25b6 25b8 25bc 25be 25c0 25c2 25c6
25c9 25cb 25cc 25ce 25d2 25e2 25e6 25ef 25f0 2605 2607 2609 260a 260e 2610 2616 2618
2640 2641 2642 2643 2660 2662 2663 2666 2667 2668 2669 266b 266c 266e 266f 2670 269e
26a0 26c9 26cd 26d2 26d3 26d5 26d8 26da 26dc 26dd 26df 26e3 26e4 26e8 26ea 26eb 26f1
26f6 26f7 26fb 26fd 2757 2758 2776 2794 2b55 2b5a 3248 3250 fffd fffe 1f100 1f10d 1f110
1f12e 1f130 1f16a 1f170 1f1ad
"""
_AMBIGUOUS_BOUNDS: list[int] | None = None
NOT_AMBIGUOUS = frozenset("\u2153\u215c\u215d")


def is_ambiguous(ch: str) -> bool:
    """Is ``ch`` of Line_Break class AI?"""
    global _AMBIGUOUS_BOUNDS
    if _AMBIGUOUS_BOUNDS is None:
        _AMBIGUOUS_BOUNDS = [int(bound, 16) for bound in _AMBIGUOUS.split()]
    return bisect.bisect_right(_AMBIGUOUS_BOUNDS, ord(ch)) % 2 == 1
