"""RON amounts in Romanian words, as a chitanță writes them.

num2words' Romanian converter gets thousands and plurals wrong ("doisprezece mie", "două milion") and
knows nothing of the "de" Romanian puts between a number and its noun, so the receipt uses this.
"""

UNITS = ["zero", "unu", "doi", "trei", "patru", "cinci", "șase", "șapte", "opt", "nouă"]
TEENS = [
    "zece",
    "unsprezece",
    "doisprezece",
    "treisprezece",
    "paisprezece",
    "cincisprezece",
    "șaisprezece",
    "șaptesprezece",
    "optsprezece",
    "nouăsprezece",
]
TENS = {
    2: "douăzeci",
    3: "treizeci",
    4: "patruzeci",
    5: "cincizeci",
    6: "șaizeci",
    7: "șaptezeci",
    8: "optzeci",
    9: "nouăzeci",
}
# Counted nouns: (one, several), gender of the numeral ("m" masculine, "f" feminine, "n" neuter: "unu"
# like the masculine, "două" like the feminine).
LEU = ("un leu", "lei", "m")
BAN = ("un ban", "bani", "m")
SCALES = [
    (10**9, ("un miliard", "miliarde", "n")),
    (10**6, ("un milion", "milioane", "n")),
    (10**3, ("o mie", "mii", "f")),
]


def _under_hundred(number, gender):
    if number < 10:
        if number == 1 and gender == "f":
            return "una"
        if number == 2 and gender in ("f", "n"):
            return "două"
        return UNITS[number]
    if number < 20:
        return "douăsprezece" if number == 12 and gender in ("f", "n") else TEENS[number - 10]
    tens, units = divmod(number, 10)
    return TENS[tens] + (f" și {_under_hundred(units, gender)}" if units else "")


def _under_thousand(number, gender):
    hundreds, rest = divmod(number, 100)
    words = []
    if hundreds:
        words.append("o sută" if hundreds == 1 else f"{_under_hundred(hundreds, 'f')} sute")
    if rest or not hundreds:
        words.append(_under_hundred(rest, gender))
    return " ".join(words)


def _needs_de(number):
    """Romanian puts "de" before the noun when the number's last two digits are 00 or 20 to 99."""
    return number >= 20 and (number % 100 == 0 or number % 100 >= 20)


def count_words(number, noun):
    """`number` (a non-negative integer) of `noun` (one of LEU, BAN, SCALES' nouns) in words."""
    one, several, gender = noun
    if number == 1:
        return one
    return f"{number_words(number, gender)}{' de' if _needs_de(number) else ''} {several}"


def number_words(number, gender="m"):
    """A non-negative integer in Romanian words, agreeing with a noun of `gender` (m, f or n)."""
    if number < 1000:
        return _under_thousand(number, gender)
    words = []
    for scale, noun in SCALES:
        count, number = divmod(number, scale)
        if count:
            words.append(count_words(count, noun))
    if number:
        words.append(_under_thousand(number, gender))
    return " ".join(words)


def ron_amount_words(amount):
    """A RON amount in words: "douăzeci de lei și cincizeci de bani", "un leu", "zero lei și un ban"."""
    cents = round(abs(amount) * 100)
    lei, bani = divmod(cents, 100)
    words = "zero lei" if lei == 0 else count_words(lei, LEU)
    if bani:
        words += f" și {count_words(bani, BAN)}"
    return words
