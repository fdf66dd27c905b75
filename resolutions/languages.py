"""The six official languages of the United Nations, as the archive names and tags them."""

LANGUAGES = {
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "ru": "Русский",
    "ar": "العربية",
}

# Chinese first: the archive is read in Chinese before any other language.
LANGUAGE_ORDER = list(LANGUAGES)

# BCP 47 tags for the lang attribute: the UN's Chinese texts are in simplified characters.
HTML_LANG = {"zh": "zh-Hans", "en": "en", "fr": "fr", "es": "es", "ru": "ru", "ar": "ar"}

RIGHT_TO_LEFT = {"ar"}

LANGUAGE_PATTERN = "|".join(LANGUAGES)
