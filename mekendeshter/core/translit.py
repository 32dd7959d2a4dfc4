"""Kyrgyz and Russian Cyrillic to Latin and back, so that "Бишкек" finds "Bishkek" and the reverse."""

# The longest text searched for (site search and the directory): a pasted essay stays one cheap query.
MAX_QUERY_LENGTH = 100

# Kyrgyz and Russian Cyrillic to Latin as places and names are usually written in Kyrgyzstan.
CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "ң": "ng", "о": "o", "ө": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ү": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
# Latin to Cyrillic, longest spellings first.
LATIN_TO_CYRILLIC = [
    ("shch", "щ"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("zh", "ж"), ("yu", "ю"),
    ("ya", "я"), ("yo", "ё"), ("ng", "ң"), ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"),
    ("f", "ф"), ("g", "г"), ("h", "х"), ("i", "и"), ("j", "ж"), ("k", "к"), ("l", "л"), ("m", "м"),
    ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"),
    ("v", "в"), ("w", "в"), ("x", "кс"), ("y", "ы"), ("z", "з"),
]  # fmt: skip


def to_latin(text):
    return "".join(CYRILLIC_TO_LATIN.get(char, char) for char in text.lower())


def to_cyrillic(text):
    text, result = text.lower(), []
    while text:
        for latin, cyrillic in LATIN_TO_CYRILLIC:
            if text.startswith(latin):
                result.append(cyrillic)
                text = text[len(latin) :]
                break
        else:
            result.append(text[0])
            text = text[1:]
    return "".join(result)


def variants(query):
    """The query as typed, transliterated both ways, each in lower case and capitalised."""
    forms = {query, to_latin(query), to_cyrillic(query)}
    return {variant for form in forms for variant in (form, form.lower(), form.capitalize()) if variant}
