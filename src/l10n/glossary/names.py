"""Personal names of the glossary (kind ``name``): the surname a later mention may be
shortened to."""

from __future__ import annotations

import re
from functools import lru_cache

from .model import Term

# Korean family names (the common single-syllable ones and the compound ones): a name
# that starts with one, romanised with a matching first letter, is written family first
_SURNAMES = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 "
    "남 심 노 하 곽 성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 "
    "선 설 마 길 연 위 표 명 기 반 라 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 "
    "부 가 복 태 목 형 계 피 두 감 음 빈 동 온 호 범 좌 팽 승 간 상 시 갈 단 견 당 리 "
    "남궁 황보 제갈 선우 독고 사공 서문".split())
# the Latin letters a romanised syllable may start with, by its initial consonant
_INITIALS = ("GK", "GK", "N", "DT", "DT", "RLYN", "M", "BP", "BP", "SXH", "SX", "AEIOUYWLR",
             "JCZ", "JCZ", "CTQ", "K", "T", "PF", "H")


def _family_name_first(korean: str, first_word: str) -> bool:
    """Whether ``korean`` starts with a family name that ``first_word`` romanises."""
    for surname in (korean[:2], korean[:1]):
        if surname in _SURNAMES and len(korean) > len(surname):
            initial = (ord(surname[0]) - 0xAC00) // 588
            return 0 <= initial < len(_INITIALS) and first_word[:1] in _INITIALS[initial]
    return False


@lru_cache(maxsize=4096)
def surname_of(term: Term) -> str:
    """The surname of a personal name of two or three capitalised words.

    A name that starts with a Korean family name the English's first word romanises is
    written family name first, and its surname is that first word (손흥민: Son of Son
    Heung-min; 김 대중: Kim; 시진핑: Xi). Any other name of one Korean word of two to four
    syllables, or spelt word for word with spaces or middle dots, is a foreign name in its
    own order, and its surname is the last word (오바마: Obama of Barack Obama; 한나 아렌트:
    Arendt; 세종대왕: Sejong). Other names (세계경제포럼, 제4차 산업혁명) have none."""
    words = term.en.split()
    if not (2 <= len(words) <= 3 and all(word[:1].isupper() for word in words)):
        return ""
    parts = re.split(r"[ ·ㆍ・]+", term.ko.strip())
    if not all(re.fullmatch(r"[가-힣]+", part) for part in parts):
        return ""
    whole = "".join(parts)
    if (len(parts) == 1 or len(parts[0]) <= 2) and 2 <= len(whole) <= 4 \
            and _family_name_first(whole, words[0]):
        return words[0]
    if len(parts) == 1:
        return words[-1] if 2 <= len(whole) <= 4 else ""
    return words[-1] if len(parts) == len(words) else ""
