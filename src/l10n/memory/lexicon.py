"""A small Korean–English seed lexicon: anchors that every essay offers the aligner.

hunalign aligns with a bilingual dictionary and falls back on lengths where it has none;
the aligner here learns word pairs from each essay (``align.learn_lexicon``), but a word
that an essay uses once teaches nothing, and a sentence left out next to sentences of
similar length is then put one place off. These are the words Korean prose of any
domain uses most and translators render the same way most of the time: connectives and
sentence adverbs, time, people and family, the body, nature and weather, places,
society, the common abstract nouns. Written from general knowledge of the two
languages, not from the evaluation essays; a word with many renderings lists the usual
ones, and one too vague to help (것, 수, 때, 그리고 "and") is left out.

A Korean entry is found at the start of a word (여름은, 여름철; 그래서; one syllable only
alone or before a particle), an English one as a word or an inflection of it (summers,
bicycles, hilly); a pair only ever adds evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ENTRIES = """
그래서 so therefore thus why|따라서 therefore thus hence so|그러므로 therefore thus hence
하지만 but however yet though|그러나 but however yet|그런데 but yet however|반면 whereas while
contrast|게다가 moreover besides addition|또한 also too|특히 especially particularly
particular|결국 eventually finally end ultimately|마침내 finally last|물론 course naturally
|예컨대 example instance|예를 example instance|즉 words namely|다시 again|아직 still yet
|이미 already|벌써 already|여전히 still|갑자기 suddenly|처음 first|마지막 last final finally
|오늘 today|어제 yesterday|내일 tomorrow|지금 now|이제 now|요즘 days nowadays these|최근 recent
recently|과거 past|미래 future|현재 present current currently|아침 morning|점심 lunch
|저녁 evening dinner|밤 night|새벽 dawn|낮 day daytime|주말 weekend|봄 spring|여름 summer
|가을 autumn fall|겨울 winter|계절 season|날씨 weather|비 rain|눈 snow eye|바람 wind
|하늘 sky|구름 cloud|햇볕 sun sunlight|해 sun year|달 moon month|별 star|바다 sea ocean
|강 river|산 mountain hill|언덕 hill|숲 forest wood|나무 tree wood|꽃 flower blossom
|풀 grass|땅 land ground earth|흙 soil earth|돌 stone rock|물 water|불 fire light|섬 island
|들판 field|밭 field|논 paddy rice field|호수 lake|길 road way path street|거리 street
distance|골목 alley|다리 bridge leg|도시 city urban town|마을 village|동네 neighbourhood
neighborhood|시골 countryside rural country|고향 hometown home|나라 country nation
|세계 world global|지구 earth planet|집 house home|방 room|문 door gate|창문 window
|부엌 kitchen|학교 school|교실 classroom class|병원 hospital|시장 market mayor|가게 shop
store|식당 restaurant|회사 company firm|사무실 office|공장 factory|역 station|공항 airport
|도서관 library|교회 church|절 temple|공원 park|사람 people person|사람들 people|아이 child
children kid|아이들 children kids|어른 adult|노인 elderly old|남자 man men|여자 woman women
|여성 woman women female|남성 man men male|가족 family|부모 parent|어머니 mother mom
|엄마 mom mother mum|아버지 father dad|아빠 dad father|할머니 grandmother grandma
|할아버지 grandfather grandpa|아들 son|딸 daughter|형제 brother sibling|자매 sister
|동생 brother sister younger|언니 sister|누나 sister|오빠 brother|형 brother|남편 husband
|아내 wife|친구 friend|이웃 neighbour neighbor|선생님 teacher|학생 student pupil
|의사 doctor|농부 farmer|농민 farmer|작가 writer author|화가 painter artist|손님 guest
customer|주인 owner|직원 employee staff worker|노동자 worker labourer laborer|시민 citizen
|국민 citizen people nation|정부 government|국가 state nation country|정치 politic politics
|경제 economy economic|사회 society social|문화 culture cultural|역사 history historical
|전통 tradition traditional|교육 education|기술 technology technique skill|과학 science
scientific|연구 research study|연구자 researcher|전문가 expert specialist|환경 environment
environmental|기후 climate|자연 nature natural|동물 animal|새 bird new|물고기 fish
|개 dog|고양이 cat|소 cow cattle|돈 money|가격 price|시간 time hour|분 minute|초 second
|날 day|하루 day|주 week|년 year|해마다 year annual|세기 century|나이 age old|생일 birthday
|몸 body|머리 head hair|얼굴 face|손 hand|발 foot feet|팔 arm|목 neck throat|목소리 voice
|마음 heart mind|눈물 tear|웃음 laugh smile laughter|말 word words said horse|이야기 story
tale|질문 question|대답 answer reply|편지 letter|책 book|글 writing text|글자 letter
character|신문 newspaper paper|사진 photo photograph picture|그림 painting picture drawing
|음악 music|노래 song sing|영화 film movie|음식 food|밥 rice meal|빵 bread|차 tea car
|커피 coffee|술 drink alcohol|자동차 car|자전거 bicycle bike cycling|버스 bus|기차 train
|배 ship boat pear belly|비행기 plane aircraft|전화 phone call telephone|컴퓨터 computer
|일 work job|직장 work job workplace|일자리 job|회의 meeting|문제 problem issue|이유 reason
|결과 result outcome|원인 cause|변화 change|미래 future|희망 hope|꿈 dream|사랑 love
|기억 memory remember|경험 experience|생각 thought think idea|의견 opinion view|소식 news
|뉴스 news|건강 health healthy|병 illness disease bottle|죽음 death|전쟁 war|평화 peace
|자유 freedom liberty|법 law|규칙 rule|위험 danger risk|안전 safety safe|사고 accident
|피해 damage harm|지원 support aid|도움 help|정책 policy|선거 election|대통령 president
|기업 company business firm corporation|산업 industry industrial|시장 market|농업 farming
agriculture agricultural|농사 farming|농장 farm|수확 harvest|씨앗 seed|열매 fruit|과일 fruit
|채소 vegetable|고기 meat|소금 salt|설탕 sugar|맛 taste flavour flavor|냄새 smell|소리 sound
noise|색 colour color|빛 light|어둠 darkness dark|온도 temperature|기온 temperature|더위 heat
|추위 cold|가뭄 drought|홍수 flood|태풍 typhoon storm|지진 earthquake|전기 electric
electricity power|에너지 energy|기계 machine|도구 tool|옷 clothes clothing|신발 shoe
|모자 hat|가방 bag|종이 paper|연필 pencil|시험 exam test|수업 class lesson|공부 study
|숙제 homework|대학 university college|졸업 graduat|직업 job occupation profession
|휴가 holiday vacation leave|여행 travel trip journey|관광객 tourist visitor|휴일 holiday
|명절 holiday festival|결혼 marriage wedding married|아기 baby|세대 generation|청년 young youth
|노년 old age|인구 population|통계 statistic figure|숫자 number figure|절반 half|전체 whole
entire total|대부분 most|모두 all everyone|혼자 alone|함께 together|서로 each other
|처음으로 first|끝 end|시작 start beginning begin|중간 middle|앞 front ahead|뒤 back behind
after|위 top above|아래 bottom below under|밖 outside out|옆 side next beside
|왼쪽 left|오른쪽 right|동쪽 east|서쪽 west|남쪽 south|북쪽 north|서울 seoul|한국 korea korean
|일본 japan japanese|중국 china chinese|미국 america american united|유럽 europe european
"""


def stems(word: str) -> set[str]:
    """The word and what it may be an inflection of (bicycles: bicycle; studies: study;
    used: use; hoping: hope; hilly: hill), to be looked up among the lexicon's words."""
    found = {word}
    for suffix, back in (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("d", ""),
                         ("ing", ""), ("ing", "e"), ("ly", ""), ("y", ""), ("er", ""),
                         ("est", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            found.add(word[: -len(suffix)] + back)
    return found


@lru_cache(maxsize=1)
def seed_lexicon() -> tuple[dict[str, frozenset], dict[str, frozenset]]:
    """Korean word -> English words, and English word -> the Korean words it renders."""
    korean: dict[str, set] = {}
    for entry in " ".join(_ENTRIES.split()).replace("| ", "|").split("|"):
        word, *english = entry.split()
        korean.setdefault(word, set()).update(english)
    english: dict[str, set] = {}
    for word, renderings in korean.items():
        for rendering in renderings:
            english.setdefault(rendering, set()).add(word)
    return ({k: frozenset(v) for k, v in korean.items()},
            {k: frozenset(v) for k, v in english.items()})


_EOJEOL = re.compile(r"(?<![가-힣0-9])[가-힣]+")
_LONGEST = 4  # syllables of the longest Korean entry that matters
# a one-syllable word is that word only alone or before a particle (눈이, 손으로), never
# as the start of another (눈물 is its own entry; 일어났다, 위해, 안 했다 are not 일, 위, 안)
_PARTICLES = frozenset("""은 는 이 가 을 를 에 에서 에게 의 도 만 로 으로 과 와 처럼 보다
까지 부터 마다 에는 에도 에서는 이나 나 이라도 라도 이면 이다 였다 이었다 같은 같이 뿐""".split())


def korean_seeds(text: str) -> frozenset:
    """The seed words a Korean sentence has at the start of a word (여름은 -> 여름)."""
    korean, _ = seed_lexicon()
    found = set()
    for match in _EOJEOL.finditer(text):
        word = match.group()
        for size in range(min(len(word), _LONGEST), 0, -1):
            if word[:size] in korean and (size > 1 or len(word) == 1
                                          or word[1:] in _PARTICLES):
                found.add(word[:size])
                break
    return frozenset(found)


def english_seeds(text: str) -> frozenset:
    """The Korean seed words whose rendering an English sentence has."""
    _, english = seed_lexicon()
    found: set = set()
    for word in set(re.findall(r"[a-z]+", text.lower())):
        for key in stems(word):
            found |= english.get(key, frozenset())
    return frozenset(found)
