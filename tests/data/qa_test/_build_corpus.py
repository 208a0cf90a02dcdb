"""Writes corpus.po and corpus2.po of the held-out QA measurement set.

Every sentence below was written by hand; this script only serialises them
with polib (shuffled with a fixed seed so families are interleaved) and runs
a few self-consistency assertions on the labels.  It does not import or run
any code of the checker under test.

    /work/main/.venv/bin/python tests/data/qa_test/_build_corpus.py
"""

import random
from collections import Counter
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent

FAMILIES = (
    "completeness", "script", "glossary", "numbers", "punctuation",
    "whitespace", "tokens", "fluency", "consistency",
)


def E(ko, en, expect, *, fuzzy=False, plural=None, cformat=False):
    return dict(ko=ko, en=en, expect=expect, fuzzy=fuzzy, plural=plural, cformat=cformat)


# ---------------------------------------------------------------------------
# Tricky-but-correct entries (expect: none)
# ---------------------------------------------------------------------------
NONE = [
    # --- Korean number forms converted correctly
    E("정부는 신재생에너지 연구에 3억 달러를 투자하기로 했다.",
      "The government decided to invest $300 million in renewable energy research.", "none"),
    E("그가 첫 직장에서 받은 연봉은 1,200만 원에 불과했다.",
      "The annual salary he received at his first job was only 12 million won.", "none"),
    E("올해 저출산 대책 예산은 2.5조 원으로 책정되었다.",
      "This year's budget for measures against the low birth rate was set at 2.5 trillion won.", "none"),
    E("주말마다 수천 명의 시민이 광장에 모였다.",
      "Every weekend, thousands of citizens gathered in the square.", "none"),
    E("수십만 명의 관광객이 한류 콘텐츠를 보고 한국을 찾았다.",
      "Hundreds of thousands of tourists visited Korea after watching Korean Wave content.", "none"),
    E("전문가들은 내년 전세 가격이 10~20% 하락할 것으로 본다.",
      "Experts expect jeonse prices to fall by 10–20% next year.", "none"),
    E("직장인의 10~20%가 여전히 재택근무를 하고 있다.",
      "Remote work is still the norm for 10 to 20 percent of office workers.", "none"),
    E("새 법은 2023년 3월 1일부터 시행되었다.",
      "The new law took effect on March 1, 2023.", "none"),
    E("반지하에 사는 주민 중 상당수는 30대였다.",
      "Many of the residents living in semi-basement homes were in their thirties.", "none"),
    E("21세기의 도시는 자동차보다 사람을 중심으로 설계되어야 한다.",
      "Cities in the 21st century should be designed around people rather than cars.", "none"),
    E("그녀가 두 번째 소설을 낸 것은 마흔이 넘어서였다.",
      "She published her second novel only after she turned forty.", "none"),
    E("사고 현장에서 세 명이 구조되었다.",
      "Three people were rescued from the scene of the accident.", "none"),
    E("한국의 합계출산율은 지난해 0.72명으로 떨어졌다.",
      "South Korea's total fertility rate fell to 0.72 last year.", "none"),
    E("65세 이상 인구가 전체의 20%를 넘어섰다.",
      "People aged 65 and over now make up more than 20% of the population.", "none"),
    E("서울의 1인 가구는 지난 10년 사이 두 배로 늘었다.",
      "The number of single-person households in Seoul doubled over the past 10 years.", "none"),
    E("재택근무를 하는 직원의 3분의 1은 출퇴근 시간이 줄어 만족한다고 답했다.",
      "One-third of employees working from home said they were satisfied with spending less time commuting.", "none"),
    E("1990년대 후반, 한류는 중국과 대만에서 먼저 시작되었다.",
      "In the late 1990s, the Korean Wave first took off in China and Taiwan.", "none"),
    E("약 1만 명의 전공의가 병원을 떠났다.",
      "About 10,000 trainee doctors left their hospitals.", "none"),
    E("정부는 2030년까지 온실가스 배출량을 40% 줄이겠다고 약속했다.",
      "The government pledged to cut greenhouse gas emissions by 40% by 2030.", "none"),
    E("이 아파트의 전세 보증금은 1억 2천만 원이다.",
      "The jeonse deposit for this apartment is 120 million won.", "none"),
    E("공원 입구에는 따릉이 100여 대가 세워져 있었다.",
      "More than 100 Ttareungyi bikes were parked at the park entrance.", "none"),
    E("매일 아침 7시 30분이면 지하철은 이미 만원이다.",
      "By 7:30 every morning, the subway is already packed.", "none"),
    E("수백만 명이 그 드라마의 마지막 회를 시청했다.",
      "Millions of people watched the final episode of the drama.", "none"),
    E("그 스타트업은 창업 2년 만에 100억 원의 투자를 유치했다.",
      "The startup attracted 10 billion won in investment just two years after its founding.", "none"),
    # --- glossary: plural / possessive / variants / false-friend substrings
    E("서울시는 올여름부터 따릉이 요금을 인하한다고 밝혔다.",
      "The Seoul Metropolitan Government said it would lower Ttareungyi fares starting this summer.", "none"),
    E("서울시의 새 정책은 반지하 주택을 단계적으로 없애는 것이다.",
      "The Seoul Metropolitan Government's new policy is to phase out semi-basement housing.", "none"),
    E("많은 스타트업이 투자 혹한기를 버티지 못하고 문을 닫았다.",
      "Many startups failed to survive the investment winter and shut down.", "none"),
    E("기후 위기는 더 이상 먼 미래의 이야기가 아니다.",
      "The climate crisis is no longer a story about the distant future.", "none"),
    E("탄소중립을 달성하려면 산업 구조 자체가 바뀌어야 한다.",
      "Achieving carbon neutrality will require a change in the industrial structure itself.", "none"),
    E("많은 기업이 2050년까지 탄소 중립을 선언했다.",
      "Many companies have pledged to become carbon-neutral by 2050.", "none"),
    E("미세먼지가 심한 날에는 노인과 어린이의 외출을 자제해야 한다.",
      "On days with heavy particulate matter, older people and children should avoid going outside.", "none"),
    E("고령화는 농촌 지역에서 훨씬 빠르게 진행되고 있다.",
      "Population aging is progressing much faster in rural areas.", "none"),
    E("저출산과 고령화가 동시에 진행되면서 연금 재정이 흔들리고 있다.",
      "As the low birth rate and population aging advance together, the pension system's finances are under strain.", "none"),
    E("K-팝 팬들은 온라인에서 기후 행동을 조직하기도 한다.",
      "K-pop fans also organize climate action online.", "none"),
    E("ESG 경영은 이제 대기업만의 과제가 아니다.",
      "ESG management is no longer a task for large corporations alone.", "none"),
    E("국민건강보험공단은 요양병원 입원 기준을 강화했다.",
      "The National Health Insurance Service tightened the admission criteria for nursing hospitals.", "none"),
    E("정부의 의대 정원 확대 발표 이후 전공의들이 집단 사직서를 냈다.",
      "After the government announced an expansion of the medical school quota, trainee doctors resigned en masse.", "none"),
    E("윤석열 대통령은 취임 직후 노동 개혁을 강조했다.",
      "Shortly after taking office, President Yoon Suk Yeol emphasized labor reform.", "none"),
    E("기본소득 실험은 핀란드에서 먼저 시도되었다.",
      "Experiments with basic income were first tried in Finland.", "none"),
    E("2013년 김장 문화는 유네스코 인류무형문화유산에 등재되었다.",
      "In 2013, the culture of kimjang was inscribed on UNESCO's list of the Intangible Cultural Heritage of Humanity.", "none"),
    E("온실가스의 대부분은 발전과 수송 부문에서 나온다.",
      "Most greenhouse gases come from the power generation and transportation sectors.", "none"),
    E("정부는 전세기를 보내 현지 교민들을 귀국시켰다.",
      "The government sent chartered planes to bring Korean nationals home.", "none"),
    E("한류는 이제 전세계 젊은이들의 일상이 되었다.",
      "The Korean Wave has now become part of everyday life for young people around the world.", "none"),
    E("일부 국가는 이미 기후 비상사태를 선언했다.",
      "Some countries have already declared a climate emergency.", "none"),
    E("따릉이의 하루 평균 이용 건수는 약 10만 건이다.",
      "Ttareungyi's average daily usage is about 100,000 rides.", "none"),
    E("1인가구를 위한 소형 주택 공급이 부족하다.",
      "There is a shortage of small homes for single-person households.", "none"),
    E("재택근무가 확산되면서 도심 사무실 공실률이 높아졌다.",
      "As working from home spread, office vacancy rates in city centers rose.", "none"),
    E("대중교통 요금 인상을 두고 시민들의 반발이 거세다.",
      "Citizens are pushing back strongly against the increase in public transportation fares.", "none"),
    E("많은 청년들이 반지하나 고시원에서 첫 독립 생활을 시작한다.",
      "Many young people first live on their own in a semi-basement or a gosiwon, a tiny rented room.", "none"),
    E("기본소득 논쟁은 결국 복지 국가의 미래에 관한 질문이다.",
      "The debate over basic income is ultimately a question about the future of the welfare state.", "none"),
    E("고령화 사회에서 요양병원의 역할은 점점 커지고 있다.",
      "In a society facing population aging, nursing hospitals play an ever larger role.", "none"),
    # --- script: Korean glossed next to a romanization
    E("명절이면 사람들은 한복을 입고 차례를 지낸다.",
      "On holidays, people wear *hanbok* (한복) and perform ancestral rites.", "none"),
    E("한국 사회에서는 눈치가 생존 기술로 여겨진다.",
      "In Korean society, nunchi (눈치), the art of reading the room, is regarded as a survival skill.", "none"),
    E("많은 가정이 11월 말에 김장을 한다.",
      "Many households do their kimjang (김장), the annual kimchi-making, in late November.", "none"),
    E("추석에는 송편을 빚어 먹는다.",
      "On *Chuseok* (추석), families make and eat *songpyeon* (송편), half-moon rice cakes.", "none"),
    E("정(情)은 번역하기 어려운 한국어 단어 중 하나다.",
      "*Jeong* (정), a deep sense of affection and attachment, is one of the Korean words that are hard to translate.", "none"),
    # --- punctuation: questions, ellipsis, abbreviations, quotes
    E("우리는 언제까지 미세먼지를 참고 살아야 하는가?",
      "How long must we keep putting up with fine dust?", "none"),
    E("이 모든 것이 과연 우연일까.",
      "Is all of this really a coincidence?", "none"),
    E("그 많던 동네 서점은 다 어디로 갔을까?",
      "Where have all those neighborhood bookstores gone?", "none"),
    E("전문가들은 왜 출산율이 계속 떨어지는지 아직 명확히 설명하지 못한다.",
      "Experts still cannot clearly explain why the birth rate keeps falling.", "none"),
    E("시민들은 정부가 무엇을 하고 있는지 묻고 있다.",
      "Citizens are asking what the government is doing.", "none"),
    E("그는 잠시 말을 멈추더니… 창밖을 바라보았다.",
      "He paused for a moment... and looked out the window.", "none"),
    E("한강 작가의 『채식주의자』는 2016년 부커상을 받았다.",
      "Han Kang's *The Vegetarian* won the International Booker Prize in 2016.", "none"),
    E("미국(U.S.)의 금리 인상은 한국 경제에도 영향을 준다.",
      "Interest rate hikes in the U.S. also affect the Korean economy.", "none"),
    E("자세한 내용은 서울시 누리집(www.seoul.go.kr)에서 확인할 수 있다.",
      "Details are available on the Seoul Metropolitan Government website (www.seoul.go.kr).", "none"),
    E("실업률은 3.5%로 전월보다 0.2%포인트 낮아졌다.",
      "The unemployment rate was 3.5%, down 0.2 percentage points from the previous month.", "none"),
    E("\"다시는 이런 비극이 없어야 한다\"고 유족들은 말했다.",
      "\"A tragedy like this must never happen again,\" the bereaved families said.", "none"),
    E("그는 ‘느린 도시’라는 개념을 소개했다.",
      "He introduced the concept of a “slow city.”", "none"),
    E("신문은 「청년의 집」이라는 기획 기사를 실었다.",
      "The newspaper ran a feature series titled \"A Home for Young People.\"", "none"),
    E("이 지역은 교육ㆍ의료 서비스의 격차가 크다.",
      "This region has wide gaps in education and health care services.", "none"),
    # --- whitespace mirrored from the source
    E("버스 전용차로는 출퇴근 시간을 크게 줄였다. ",
      "Bus-only lanes have greatly shortened commuting times. ", "none"),
    E("  도시의 밤은 생각보다 밝다.",
      "  City nights are brighter than you might think.", "none"),
    E("지하철 막차 시간이 연장되었다.\n",
      "The last subway trains now run later.\n", "none"),
    # --- tokens kept or legitimately introduced
    E("코로나19 이후 재택근무는 새로운 표준이 되었다.",
      "Since COVID-19, remote work has become the new normal.", "none"),
    E("아이폰 사용자의 비율은 20대에서 특히 높다.",
      "iPhone users make up an especially high share of people in their twenties.", "none"),
    E("OECD 회원국 가운데 한국의 노인 빈곤율이 가장 높다.",
      "Among OECD member countries, South Korea has the highest elderly poverty rate.", "none"),
    E("자세한 문의는 press@seoul.go.kr로 보내면 된다.",
      "For further inquiries, email press@seoul.go.kr.", "none"),
    E("이 보고서는 **단기 처방**보다 구조 개혁이 필요하다고 강조한다.",
      "The report stresses that structural reform is needed rather than **short-term fixes**.", "none"),
    E("더 많은 정보는 [기상청 누리집](https://www.weather.go.kr)에서 볼 수 있다.",
      "More information is available on the [Korea Meteorological Administration website](https://www.weather.go.kr).", "none"),
    E("연구팀은 모델의 `carbon_budget` 값을 바꾸자 결과가 완전히 달라졌다고 밝혔다.",
      "The research team said the results changed completely when they altered the model's `carbon_budget` value.", "none"),
    E("BTS의 성공은 K-팝 산업 전체의 위상을 바꾸었다.",
      "BTS's success changed the standing of the entire K-pop industry.", "none"),
    E("넷플릭스의 *오징어 게임*은 세계적인 현상이 되었다.",
      "Netflix's *Squid Game* became a global phenomenon.", "none"),
    E("eBay와 같은 해외 플랫폼에서도 한국 화장품이 팔린다.",
      "eBay and other overseas platforms also sell Korean cosmetics.", "none"),
    # --- fluency look-alikes
    E("문제는 그 대책이 현실을 반영하지 못했다는 것이다.",
      "The problem is that that plan failed to reflect reality.", "none"),
    E("iPhone 15의 출시는 예상보다 조용했다.",
      "iPhone 15's launch was quieter than expected.", "none"),
    E("우리나라의 청년들은 주거 문제로 결혼을 미루고 있다.",
      "Young Koreans are delaying marriage because of housing problems.", "none"),
    E("그것은 매우 중요한 의미를 가진 중요한 결정이었다.",
      "It was a highly significant decision.", "none"),
    E("침수 피해는 반지하에 집중되었다.",
      "Flood damage was concentrated in *banjiha*, the semi-basement apartments common in Seoul.", "none"),
    E("도시의 녹지는 여름철 열섬 현상을 완화한다.",
      "Urban green spaces mitigate the heat island effect in summer.", "none"),
    # --- plural entry, fully translated
    E("미세먼지 경보가 %d번 발령되었다.",
      ["A fine dust alert was issued %d time.", "A fine dust alert was issued %d times."],
      "none", plural="미세먼지 경보가 %d번 발령되었다.", cformat=True),
]

# ---------------------------------------------------------------------------
# Defective entries
# ---------------------------------------------------------------------------
COMPLETENESS = [
    E("도시 재생 사업은 원주민을 내쫓는 결과를 낳기도 한다.", "", "completeness"),
    E("청년들은 내 집 마련의 꿈을 점점 포기하고 있다.", "", "completeness"),
    E("전통 시장은 대형 마트와의 경쟁에서 살아남기 위해 변신하고 있다.", "", "completeness"),
    E("올해 여름은 기상 관측 이래 가장 더웠다.", "", "completeness"),
    E("골목마다 작은 카페가 들어서면서 동네 풍경이 바뀌었다.", "", "completeness"),
    E("한국의 커피 소비량은 세계 최고 수준이다.",
      "Coffee consumption in Korea is among the highest in the world.", "completeness", fuzzy=True),
    E("노인들은 디지털 기기 사용에 어려움을 겪는다.",
      "Older people have difficulty using digital devices.", "completeness", fuzzy=True),
    E("출퇴근길 지하철은 늘 사람들로 붐빈다.",
      "The subway is always crowded during commuting hours.", "completeness", fuzzy=True),
    E("마을 도서관은 주민들의 사랑방 역할을 한다.",
      "The village library serves as a gathering place for residents.", "completeness", fuzzy=True),
    E("폭염 속에서 배달 노동자들의 안전이 위협받고 있다.",
      "The safety of delivery workers is under threat in the heat wave.", "completeness", fuzzy=True),
    E("봄이 오면 여의도에는 벚꽃을 보려는 인파가 몰린다.",
      "봄이 오면 여의도에는 벚꽃을 보려는 인파가 몰린다.", "completeness"),
    E("동네 목욕탕이 하나둘 문을 닫고 있다.",
      "동네 목욕탕이 하나둘 문을 닫고 있다.", "completeness"),
    E("학원가의 불빛은 자정이 넘어서도 꺼지지 않는다.",
      "학원가의 불빛은 자정이 넘어서도 꺼지지 않는다.", "completeness"),
    E("시골 마을에는 아이들의 웃음소리가 사라졌다.",
      "시골 마을에는 아이들의 웃음소리가 사라졌다.", "completeness"),
    E("올해 폭염 특보가 %d차례 내려졌다.",
      ["A heat wave warning was issued %d time this year.", ""],
      "completeness", plural="올해 폭염 특보가 %d차례 내려졌다."),
]

SCRIPT = [
    E("그 식당은 할머니의 손맛으로 유명하다.",
      "The restaurant is famous for its grandmother's 손맛.", "script"),
    E("시장 골목에는 떡볶이를 파는 노점이 줄지어 있다.",
      "The market alley is lined with stalls selling 떡볶이.", "script"),
    E("청년 실업률은 여전히 높은 수준이다.",
      "The youth unemployment rate는 remains high.", "script"),
    E("그는 효(孝)를 가장 중요한 가치로 여겼다.",
      "He regarded 孝 as the most important value.", "script"),
    E("이번 결정은 사실상 백지화(白紙化)에 가깝다.",
      "In effect, the decision amounts to a 白紙化 of the plan.", "script"),
    E("일본에서는 이런 현상을 '오타쿠' 문화라고 부른다.",
      "In Japan, this phenomenon is called オタク culture.", "script"),
    E("도쿄의 편의점 문화는 한국에도 큰 영향을 주었다.",
      "Tokyo's コンビニ culture has had a big influence on Korea too.", "script"),
    E("그날 밤 광장에는 촛불을 든 시민들이 가득했다.",
      "That night, the square was filled with 촛불을 든 citizens.", "script"),
    E("아파트 단지 안에 작은 텃밭을 가꾸는 주민이 늘고 있다.",
      "More residents are tending small 텃밭 inside their apartment complexes.", "script"),
    E("그녀는 어릴 적 외할머니 댁에서 자랐다.",
      "As a child, she grew up at her 외할머니's house.", "script"),
    E("교복을 입은 학생들이 버스 정류장에 줄을 서 있었다.",
      "Students in 교복 were lining up at the bus stop.", "script"),
    E("그 동네는 골목 문화로 유명하다.",
      "The neighborhood is known for its 골목 culture.", "script"),
    E("그는 자신의 호를 '청산(靑山)'이라 지었다.",
      "He took the pen name 靑山.", "script"),
    E("겨울이면 거리에서 붕어빵 냄새가 난다.",
      "In winter, the streets smell of 붕어빵.", "script"),
]

GLOSSARY = [
    E("탄소중립은 선택이 아니라 생존의 문제다.",
      "Zero emissions are not a choice but a matter of survival.", "glossary"),
    E("저출산 문제는 이미 수십 년 전부터 예고되었다.",
      "The problem of too few births was foreseen decades ago.", "glossary"),
    E("재택근무를 도입한 기업의 생산성은 오히려 높아졌다.",
      "Productivity actually rose at companies that introduced home office arrangements.", "glossary"),
    E("미세먼지 때문에 봄철 야외 활동이 줄었다.",
      "Outdoor activities in spring have decreased because of air pollution.", "glossary"),
    E("고령화로 인해 의료비 지출이 급증하고 있다.",
      "Because society is getting older, medical spending is soaring.", "glossary"),
    E("온실가스 감축 목표는 매년 후퇴하고 있다.",
      "Emissions reduction targets are being scaled back every year.", "glossary"),
    E("전세 사기 피해자들은 대부분 20~30대 청년이었다.",
      "Most victims of rental deposit fraud were young people in their twenties and thirties.", "glossary"),
    E("정부는 스타트업 지원 예산을 늘렸다.",
      "The government increased its budget for supporting start-ups.", "glossary"),
    E("기후 위기에 대응하려면 국제 협력이 필수적이다.",
      "International cooperation is essential to respond to the climate emergency.", "glossary"),
    E("윤석열 정부는 원전 확대 정책을 추진했다.",
      "The Yoon Seok-youl government pursued a policy of expanding nuclear power.", "glossary"),
    E("봄이면 미세먼지 농도가 급격히 높아진다.",
      "In spring, yellow dust concentrations rise sharply.", "glossary"),
    E("K-팝 아이돌의 월드 투어는 매진 행렬을 이어 갔다.",
      "The world tours of K-Pop idols kept selling out.", "glossary"),
    E("케이팝 음반 판매량은 해마다 기록을 경신하고 있다.",
      "Kpop album sales are breaking records every year.", "glossary"),
    E("김장을 하는 날이면 온 가족이 모인다.",
      "On gimjang day, the whole family gathers.", "glossary"),
    E("한류는 한국의 소프트파워를 상징하게 되었다.",
      "The Korean wave has come to symbolize South Korea's soft power.", "glossary"),
    E("서울시는 노후 버스를 전기버스로 교체하고 있다.",
      "The Seoul metropolitan government is replacing old buses with electric buses.", "glossary"),
    E("출근길 시민들이 따릉이를 타고 한강 다리를 건넌다.",
      "On their way to work, citizens cross the bridges over the Han River on ttareungyi bikes.", "glossary"),
    E("국민건강보험공단은 건강보험료 인상안을 발표했다.",
      "The National health insurance service announced a plan to raise health insurance premiums.", "glossary"),
    E("의대 정원 문제를 둘러싼 갈등이 장기화되고 있다.",
      "The conflict over the number of medical students is dragging on.", "glossary"),
    E("1인 가구가 늘면서 소포장 식품 시장이 커지고 있다.",
      "As more people live alone, the market for small-portion food is growing.", "glossary"),
]

NUMBERS = [
    E("이 공장은 태양광 설비에 3억 달러를 투자했다.",
      "The factory invested $30 million in solar power equipment.", "numbers"),
    E("신입 사원의 평균 연봉은 3,500만 원이다.",
      "The average annual salary for new employees is 3.5 million won.", "numbers"),
    E("정부는 2.5조 원 규모의 추가경정예산을 편성했다.",
      "The government drew up a supplementary budget worth 2.5 billion won.", "numbers"),
    E("한국의 인구는 5,100만 명을 조금 넘는다.",
      "South Korea's population is just over 5.1 million.", "numbers"),
    E("그 다리는 2002년 6월 13일에 개통되었다.",
      "The bridge opened on June 13, 2003.", "numbers"),
    E("19대 국회는 이 법안을 끝내 처리하지 못했다.",
      "The 9th National Assembly never managed to pass the bill.", "numbers"),
    E("이 건물은 18세기에 지어진 것으로 추정된다.",
      "The building is believed to have been built in the 17th century.", "numbers"),
    E("3차 접종률은 60대 이상에서 가장 높았다.",
      "The second-dose vaccination rate was highest among people in their sixties and older.", "numbers"),
    E("수백 명의 주민이 재개발 반대 집회에 참가했다.",
      "Thousands of residents took part in a rally against redevelopment.", "numbers"),
    E("청년층 실업률은 10~20% 사이를 오갔다.",
      "The youth unemployment rate hovered around 10%.", "numbers"),
    E("응답자의 35%가 이민을 고려한 적이 있다고 답했다.",
      "25% of respondents said they had considered emigrating.", "numbers"),
    E("지난해 교통사고 사망자는 2,480명이었다.",
      "Last year, 248 people died in traffic accidents.", "numbers"),
    E("이번 축제에는 1만 2천 명이 다녀갔다.",
      "This festival drew 1,200 visitors.", "numbers"),
    E("귀농 인구의 상당수는 40대였다.",
      "Many of those who moved to the countryside to farm were in their fifties.", "numbers"),
    E("벚꽃은 보통 4월 초에 핀다.",
      "Cherry blossoms usually bloom in early May.", "numbers"),
    E("수십만 명의 시민이 촛불 집회에 참여했다.",
      "Tens of thousands of citizens took part in the candlelight rallies.", "numbers"),
    E("서울 아파트의 중위 가격은 9억 원을 넘어섰다.",
      "The median price of an apartment in Seoul has exceeded 90 million won.", "numbers"),
    E("1970년대 산업화는 농촌 인구의 대규모 이동을 낳았다.",
      "Industrialization in the 1960s led to a massive migration of the rural population.", "numbers"),
    E("물가 상승률은 3.2%로 두 달 연속 올랐다.",
      "Inflation rose to 2.3%, increasing for the second consecutive month.", "numbers"),
    E("이 나라의 국가 부채는 8조 달러에 이른다.",
      "The country's national debt amounts to $800 billion.", "numbers"),
    E("임대 주택 40만 호를 새로 공급하겠다는 계획이다.",
      "The plan is to supply 4 million new rental housing units.", "numbers"),
    E("그 축제는 올해로 다섯 번째를 맞았다.",
      "This year marks the festival's fourth edition.", "numbers"),
]

PUNCTUATION = [
    E("우리는 왜 이렇게 바쁘게 살아야 하는가?",
      "Why do we have to live such busy lives.", "punctuation"),
    E("이 도시는 과연 누구를 위한 것인가?",
      "Who is this city really for.", "punctuation"),
    E("기후 변화 앞에서 개인이 할 수 있는 일은 무엇일까?",
      "What can individuals do in the face of climate change.", "punctuation"),
    E("그녀는 한참을 망설이다가… 결국 고개를 끄덕였다.",
      "She hesitated for a long time and finally nodded.", "punctuation"),
    E("\"글쎄요...\"라고 그는 말끝을 흐렸다.",
      "\"Well,\" he said, trailing off.", "punctuation"),
    E("이번 조사(2023년 기준)에 따르면 흡연율이 낮아졌다.",
      "According to this survey (as of 2023, the smoking rate has fallen.", "punctuation"),
    E("공공 자전거 이용자(주로 20대)가 크게 늘었다.",
      "The number of public bike users (mostly people in their twenties has risen sharply.", "punctuation"),
    E("그는 \"우리 모두의 책임\"이라고 말했다.",
      "He called it \"the responsibility of all of us.", "punctuation"),
    E("그녀는 ‘작은 사치’라는 말을 즐겨 썼다.",
      "She liked to use the phrase “small luxury.", "punctuation"),
    E("신문은 「도시의 밤」이라는 기획 기사를 연재했다.",
      "The newspaper ran a series of feature articles titled 「Night in the City」.", "punctuation"),
    E("박경리의 『토지』는 한국 문학의 대표작이다.",
      "Park Kyung-ni's 『Land』 is a masterpiece of Korean literature.", "punctuation"),
    E("이 지역은 교육ㆍ문화 시설이 부족하다.",
      "This area lacks educationㆍculture facilities.", "punctuation"),
    E("이제는 바뀌어야 할 때다!",
      "It is time for change！", "punctuation"),
    E("누가 이 비용을 부담할 것인가?",
      "Who will bear this cost？", "punctuation"),
    E("서울, 부산, 대구에서 동시에 집회가 열렸다.",
      "Rallies were held simultaneously in Seoul，Busan and Daegu.", "punctuation"),
    E("비가 그치자, 사람들은 다시 거리로 나왔다.",
      "When the rain stopped , people came back out onto the streets.", "punctuation"),
    E("당신은 마지막으로 언제 손편지를 썼는가?",
      "When did you last write a letter by hand ?", "punctuation"),
    E("가게는 문을 닫았다. 주인은 고향으로 돌아갔다.",
      "The shop closed.The owner went back to his hometown.", "punctuation"),
    E("첫차는 새벽 5시에 출발한다. 막차는 자정에 끊긴다.",
      "The first bus leaves at 5 in the morning.The last one departs at midnight.", "punctuation"),
]

WHITESPACE = [
    E("골목 상권이 되살아나고 있다.",
      " Local alley businesses are coming back to life.", "whitespace"),
    E("청년 창업이 늘고 있다.",
      "Youth entrepreneurship is on the rise. ", "whitespace"),
    E("도서관은 주말에도 문을 연다.",
      "The library is open  on weekends too.", "whitespace"),
    E("여름마다 열대야가 길어지고 있다.",
      "Tropical nights are getting  longer every summer.", "whitespace"),
    E("시내버스 노선이 개편되었다. ",
      "City bus routes have been reorganized.", "whitespace"),
    E(" 대형 산불이 동해안을 덮쳤다.",
      "A massive wildfire swept the east coast.", "whitespace"),
    E("출산 장려금이 지역마다 다르다.",
      "Childbirth incentives vary from region to region.\t", "whitespace"),
    E("장마가 시작되었다. 우산을 챙겨야 한다.",
      "The rainy season has begun.  Don't forget your umbrella.", "whitespace"),
    E("전통 한옥 마을에 관광객이 몰렸다.",
      "  Tourists flocked to the traditional hanok village.", "whitespace"),
    E("야간 경제가 도시의 새로운 활력이 되고 있다.",
      "The night-time economy is becoming a new source of vitality for the city.  ", "whitespace"),
    E("무인 가게가 동네 곳곳에 생겼다.",
      "Unstaffed shops have popped up  all over the neighborhood.", "whitespace"),
    E("외국인 주민 비율이 10%를 넘었다.",
      "The share of foreign residents has exceeded  10%.", "whitespace"),
]

TOKENS = [
    E("신청은 https://www.gov.kr 에서 할 수 있다.",
      "Applications can be submitted at https://www.gov.com.", "tokens"),
    E("자세한 안내는 https://www.seoul.go.kr/climate 에서 볼 수 있다.",
      "Detailed guidance is available on the city's website.", "tokens"),
    E("보고서 원문은 https://www.kei.re.kr/report 에 공개되어 있다.",
      "The full report is available at https://www.kei.re.kr/reports.", "tokens"),
    E("제보는 tips@hankyoreh.com으로 받는다.",
      "Tips can be sent to tip@hankyoreh.com.", "tokens"),
    E("문의 사항은 help@seoul.go.kr로 보내 달라.",
      "Please send any questions by email.", "tokens"),
    E("젊은 층에서 iPhone의 점유율이 계속 오르고 있다.",
      "The Iphone's market share among young people continues to rise.", "tokens"),
    E("COVID-19 이후 원격 수업이 보편화되었다.",
      "Since COVID19, online classes have become commonplace.", "tokens"),
    E("한국의 자살률은 OECD 국가 중 가장 높다.",
      "South Korea's suicide rate is the highest among developed countries.", "tokens"),
    E("K-pop 팬덤은 자선 활동에도 적극적이다.",
      "K-Pop fandoms are also active in charity work.", "tokens"),
    E("ChatGPT의 등장 이후 과제 표절 논란이 커졌다.",
      "Since the arrival of Chat GPT, controversy over plagiarized assignments has grown.", "tokens"),
    E("이 문제의 핵심은 *신뢰*다.",
      "The heart of the problem is trust.", "tokens"),
    E("**지금 당장** 행동하지 않으면 늦는다.",
      "If we do not act **right now, it will be too late.", "tokens"),
    E("연구진은 `heat_index` 변수를 새로 추가했다.",
      "The researchers added a new heat index variable.", "tokens"),
    E("원문은 [환경부 보도자료](https://me.go.kr/press)에서 확인할 수 있다.",
      "The original text can be found in the Ministry of Environment press release.", "tokens"),
    E("[서울 열린데이터광장](https://data.seoul.go.kr)에서 통계를 내려받았다.",
      "The statistics were downloaded from [Seoul Open Data Plaza](https://data.seoul.kr).", "tokens"),
    E("WHO는 미세먼지를 1급 발암물질로 분류했다.",
      "The W.H.O. classified fine dust as a Group 1 carcinogen.", "tokens"),
    # ESG is both a glossary keep term and a Latin acronym: two labels.
    E("ESG 공시 의무화가 2026년 이후로 미뤄졌다.",
      "Mandatory sustainability disclosure has been postponed until after 2026.", "glossary,tokens"),
]

FLUENCY = [
    E("많은 사람들이 주말에 교외로 나간다.",
      "Many people head out to the the suburbs on weekends.", "fluency"),
    E("공공 도서관의 이용자가 다시 늘고 있다.",
      "The number of public library users is is rising again.", "fluency"),
    E("이 동네는 밤에도 안전하다.",
      "This neighborhood is safe safe even at night.", "fluency"),
    E("노인 일자리 사업은 빈곤 완화에 도움이 된다.",
      "Job programs for older people help help reduce poverty.", "fluency"),
    E("비가 오는 날이면 부침개가 생각난다.",
      "on rainy days, I find myself craving savory pancakes.", "fluency"),
    E("도시 농업은 공동체를 회복하는 방법이 될 수 있다.",
      "urban farming can be a way to restore community.", "fluency"),
    E("동네 책방들은 독립 출판물을 적극적으로 소개한다.",
      "neighborhood bookstores actively promote independent publications.", "fluency"),
    E("새벽 배송은 소비자의 생활 방식을 바꿔 놓았다.",
      "early-morning delivery has changed the way consumers live.", "fluency"),
    E("정부는 주거 안정을 위해 공공 임대 주택을 확대하고 청년과 신혼부부를 위한 대출 지원을 강화하겠다고 밝혔다.",
      "The government said it would expand public rental housing.", "fluency"),
    E("폭우로 하천이 범람하면서 저지대 주택이 침수되었고 주민들은 인근 학교로 대피해야 했으며 도로 곳곳이 통제되었다.",
      "Heavy rain caused rivers to overflow.", "fluency"),
    E("노인 인구가 늘어나는 가운데 돌봄 인력은 부족하고 그 부담은 고스란히 가족에게 돌아가고 있다.",
      "The elderly population is growing.", "fluency"),
    E("문화 예술 지원 사업은 지역 간 격차를 줄이고 청년 예술가들이 창작을 이어 갈 수 있도록 돕는 데 목적이 있다.",
      "Arts support programs aim to reduce regional gaps.", "fluency"),
    E("공원이 새로 문을 열었다.",
      "A new park has opened, and local residents, who had long campaigned for more green space in the densely built neighborhood, welcomed the news with great enthusiasm and celebrated with a festival that lasted the entire weekend.", "fluency"),
    E("도서관은 조용했다.",
      "The library was quiet, as it always is on weekday mornings when students are in class and only a handful of retirees come in to read the newspapers and browse the new arrivals on the shelves.", "fluency"),
    E("시장은 활기를 되찾았다.",
      "The market regained its vibrancy after years of decline caused by the arrival of large supermarkets, the pandemic, and the steady exodus of young people from the region to the capital in search of better jobs.", "fluency"),
]

# Two different Korean sentences, one identical English string: label both.
CONSISTENCY = [
    E("서울의 집값이 크게 올랐다.",
      "Housing prices in Seoul have risen sharply.", "consistency"),
    E("서울의 집값이 다시 크게 올랐다.",
      "Housing prices in Seoul have risen sharply.", "consistency"),
    E("정부는 새로운 주거 대책을 발표했다.",
      "The government announced new housing measures.", "consistency"),
    E("정부는 새로운 주거 대책을 검토하고 있다.",
      "The government announced new housing measures.", "consistency"),
    E("도시의 밤은 점점 더 밝아지고 있다.",
      "City nights are getting brighter and brighter.", "consistency"),
    E("도시의 밤은 점점 더 시끄러워지고 있다.",
      "City nights are getting brighter and brighter.", "consistency"),
    E("청년들은 수도권으로 떠나고 있다.",
      "Young people are leaving for the Seoul metropolitan area.", "consistency"),
    E("청년들은 고향으로 돌아오고 있다.",
      "Young people are leaving for the Seoul metropolitan area.", "consistency"),
    E("이 영화는 관객 천만 명을 돌파했다.",
      "The film has drawn more than ten million viewers.", "consistency"),
    E("이 영화는 누적 관객 천만 명을 넘어섰다.",
      "The film has drawn more than ten million viewers.", "consistency"),
]

# ---------------------------------------------------------------------------
# corpus2.po: same msgid as a corpus.po `none` entry, different fine English
# ---------------------------------------------------------------------------
CORPUS2_CONFLICT = [
    E("주말마다 수천 명의 시민이 광장에 모였다.",
      "Thousands of citizens gathered in the square every weekend.", "consistency"),
    E("기후 위기는 더 이상 먼 미래의 이야기가 아니다.",
      "The climate crisis is no longer a tale of the distant future.", "consistency"),
    E("도시의 녹지는 여름철 열섬 현상을 완화한다.",
      "Urban green space eases the urban heat island effect in summer.", "consistency"),
    E("사고 현장에서 세 명이 구조되었다.",
      "Three people were rescued at the accident site.", "consistency"),
    E("고령화는 농촌 지역에서 훨씬 빠르게 진행되고 있다.",
      "Population aging is advancing far more quickly in rural areas.", "consistency"),
    E("그 많던 동네 서점은 다 어디로 갔을까?",
      "Where did all those neighborhood bookstores go?", "consistency"),
    E("기본소득 논쟁은 결국 복지 국가의 미래에 관한 질문이다.",
      "Ultimately, the basic income debate is a question about the future of the welfare state.", "consistency"),
    E("기본소득 실험은 핀란드에서 먼저 시도되었다.",
      "Basic income experiments were first attempted in Finland.", "consistency"),
    E("21세기의 도시는 자동차보다 사람을 중심으로 설계되어야 한다.",
      "In the 21st century, cities should be designed for people rather than for cars.", "consistency"),
    E("OECD 회원국 가운데 한국의 노인 빈곤율이 가장 높다.",
      "South Korea has the highest elderly poverty rate among OECD member countries.", "consistency"),
]
# corpus2.po entries that agree with corpus.po exactly (same msgid, same msgstr)
CORPUS2_AGREE = [
    "새 법은 2023년 3월 1일부터 시행되었다.",
    "K-팝 팬들은 온라인에서 기후 행동을 조직하기도 한다.",
    "한류는 이제 전세계 젊은이들의 일상이 되었다.",
]
# corpus2.po entries whose msgid is not in corpus.po
CORPUS2_NEW = [
    E("서울시는 반지하 가구에 이주 지원금을 지급하기로 했다.",
      "The Seoul Metropolitan Government decided to pay relocation subsidies to semi-basement households.", "none"),
    E("요양병원의 간병비 부담은 여전히 크다.",
      "The cost of caregivers at nursing hospitals remains a heavy burden.", "none"),
]

DEFECTS = (COMPLETENESS + SCRIPT + GLOSSARY + NUMBERS + PUNCTUATION
           + WHITESPACE + TOKENS + FLUENCY + CONSISTENCY)


def header():
    return {
        "Project-Id-Version": "qa-test heldout 1.0",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "2024-11-28 12:00+0900",
        "PO-Revision-Date": "2024-11-28 12:00+0900",
        "Last-Translator": "hand-written test data",
        "Language-Team": "English",
        "Language": "en",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }


def to_entry(e):
    kw = dict(msgid=e["ko"], comment=f"expect: {e['expect']}")
    if e["plural"] is not None:
        kw["msgid_plural"] = e["plural"]
        kw["msgstr_plural"] = {i: s for i, s in enumerate(e["en"])}
    else:
        kw["msgstr"] = e["en"]
    ent = polib.POEntry(**kw)
    if e["fuzzy"]:
        ent.flags.append("fuzzy")
    if e["cformat"]:
        ent.flags.append("c-format")
    return ent


def write(path, entries, comment):
    po = polib.POFile(wrapwidth=0)
    po.header = comment
    po.metadata = header()
    for e in entries:
        po.append(to_entry(e))
    po.save(str(path))


def validate():
    for e in DEFECTS + NONE + CORPUS2_CONFLICT + CORPUS2_NEW:
        for fam in e["expect"].split(","):
            assert fam in FAMILIES or fam == "none", e
    main = DEFECTS + NONE
    ids = [e["ko"] for e in main]
    assert len(ids) == len(set(ids)), [k for k, c in Counter(ids).items() if c > 1]
    # identical English only inside the labelled consistency pairs
    strs = Counter(e["en"] for e in main if isinstance(e["en"], str) and e["en"])
    for e in main:
        if isinstance(e["en"], str) and e["en"] and strs[e["en"]] > 1:
            assert "consistency" in e["expect"], e
    by_id = {e["ko"]: e for e in main}
    for e in CORPUS2_CONFLICT:
        twin = by_id[e["ko"]]
        assert twin["expect"] == "none" and twin["en"] != e["en"], e
    for k in CORPUS2_AGREE:
        assert by_id[k]["expect"] == "none"
    for e in CORPUS2_NEW:
        assert e["ko"] not in by_id


def main():
    validate()
    main_entries = DEFECTS + NONE
    random.Random(20241128).shuffle(main_entries)
    write(HERE / "corpus.po", main_entries,
          "Held-out QA measurement corpus (Korean -> English), written by hand.\n"
          "Each entry carries '#. expect: FAMILY[,FAMILY]' or '#. expect: none'.\n"
          "See README.md. Do not tune the checker on this file.")
    by_id = {e["ko"]: e for e in DEFECTS + NONE}
    c2 = CORPUS2_CONFLICT + [by_id[k] for k in CORPUS2_AGREE] + CORPUS2_NEW
    c2 = list(c2)
    random.Random(7).shuffle(c2)
    write(HERE / "corpus2.po", c2,
          "Companion file for the cross-file consistency check; see README.md.")
    count = Counter()
    for e in main_entries:
        for fam in e["expect"].split(","):
            count[fam] += 1
    print("corpus.po entries:", len(main_entries), dict(count))
    print("corpus2.po entries:", len(c2),
          dict(Counter(e["expect"] for e in c2)))


if __name__ == "__main__":
    main()
