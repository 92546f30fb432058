"""Extends resources/calendars/kr-holidays.json to 2015-2030 (issue #12: Korean public holidays,
lunar New Year and Chuseok included, 2015-2030) from the python-holidays package's South Korea
calendar (holidays 0.105, `holidays.KR`; its lunar dates follow the Korea Astronomy and Space
Science Institute's tables, its substitute-holiday rules the Regulations on Holidays of Government
Offices). Years already in the file are kept as they are; only missing years are added, and the
script prints where the package disagrees with the file in the years they share.

    pip install --target /tmp/py holidays==0.105
    PYTHONPATH=/tmp/py python3 test/reference/forecast_kr_holidays.py
"""
import json

import holidays

PATH = "resources/calendars/kr-holidays.json"
FIRST, LAST = 2015, 2030
NAMES = {
    "New Year's Day": ("신정", "New Year's Day"),
    "Korean New Year": ("설날", "Seollal"),
    "The day preceding Korean New Year": ("설날", "Seollal"),
    "The second day of Korean New Year": ("설날", "Seollal"),
    "Chuseok": ("추석", "Chuseok"),
    "The day preceding Chuseok": ("추석", "Chuseok"),
    "The second day of Chuseok": ("추석", "Chuseok"),
    "Independence Movement Day": ("삼일절", "Independence Movement Day"),
    "Children's Day": ("어린이날", "Children's Day"),
    "Buddha's Birthday": ("부처님오신날", "Buddha's Birthday"),
    "Memorial Day": ("현충일", "Memorial Day"),
    "Liberation Day": ("광복절", "Liberation Day"),
    "National Foundation Day": ("개천절", "National Foundation Day"),
    "Hangul Day": ("한글날", "Hangul Day"),
    "Christmas Day": ("기독탄신일", "Christmas Day"),
    "Constitution Day": ("제헌절", "Constitution Day"),
    "Labor Day": ("노동절", "Labor Day"),
    "Presidential Election Day": ("대통령선거일", "Presidential election day"),
    "National Assembly Election Day": ("국회의원선거일", "National Assembly election day"),
    "Local Election Day": ("전국동시지방선거일", "Local elections day"),
    "Temporary Public Holiday": ("임시공휴일", "Temporary holiday"),
}


def name_of(english):
    parts = []
    for part in english.split("; "):
        if part.startswith("Alternative holiday for "):
            ko, en = NAMES[part[len("Alternative holiday for "):]]
            parts.append((f"대체공휴일({ko})", f"Substitute holiday ({en})"))
        else:
            parts.append(NAMES[part])
    return "·".join(p[0] for p in parts), " / ".join(p[1] for p in parts)


with open(PATH, encoding="utf-8") as f:
    current = json.load(f)
have = {int(h["date"][:4]) for h in current}
calendar = holidays.KR(years=range(FIRST, LAST + 1), language="en_US")
added = []
for day, english in sorted(calendar.items()):
    if day.year in have:
        continue
    ko, en = name_of(english)
    added.append({"date": day.isoformat(), "name": ko, "nameEn": en})
shared = {str(d) for d in calendar if d.year in have}
file_days = {h["date"] for h in current}
print("package only (not added):", sorted(shared - file_days))
print("file only:", sorted(file_days - shared))
merged = sorted(current + added, key=lambda h: h["date"])
with open(PATH, "w", encoding="utf-8") as f:
    f.write("[\n" + ",\n".join("  " + json.dumps(h, ensure_ascii=False) for h in merged) + "\n]\n")
print(f"added {len(added)} days for {sorted({int(h['date'][:4]) for h in added})}")
