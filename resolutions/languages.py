"""The six official languages of the United Nations, as the archive names them."""

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
