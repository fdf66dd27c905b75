"""The six official languages of the United Nations, as the archive names and tags them."""

# Each language by its own name, as the language switchers show it.
LANGUAGES = {
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "ru": "Русский",
    "ar": "العربية",
}
# Named in Chinese and in English, as bilingual labels name them: 英文 English.
CHINESE_NAMES = {
    "zh": "中文",
    "en": "英文",
    "fr": "法文",
    "es": "西班牙文",
    "ru": "俄文",
    "ar": "阿拉伯文",
}
ENGLISH_NAMES = {
    "zh": "Chinese",
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "ru": "Russian",
    "ar": "Arabic",
}

# Chinese first: the archive is read in Chinese before any other language.
LANGUAGE_ORDER = list(LANGUAGES)

# BCP 47 tags for the lang attribute: the UN's Chinese texts are in simplified characters.
HTML_LANG = {"zh": "zh-Hans", "en": "en", "fr": "fr", "es": "es", "ru": "ru", "ar": "ar"}

RIGHT_TO_LEFT = {"ar"}


class WrittenIn:
    """What is written in one of the languages (``language``), as a page marks it up."""

    language: str

    @property
    def html_lang(self) -> str:
        return HTML_LANG[self.language]

    @property
    def direction(self) -> str:
        return "rtl" if self.language in RIGHT_TO_LEFT else "ltr"


LANGUAGE_PATTERN = "|".join(LANGUAGES)
