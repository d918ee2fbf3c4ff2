"""Settings of the accessibility statement, the privacy page and the contact page.

Each deployment fills these in for its own body: the statement is built from them (lag
2018:1937 om tillgänglighet till digital offentlig service, with DIGG's model of a statement).
Texts that differ by language are ``{"sv": ..., "en": ...}``.
"""

MSI_ACCESSIBILITY_BODY = {"sv": "Malmö universitet", "en": "Malmö University"}
"""The public body responsible for the service (MSI's national office is at Malmö universitet)."""

MSI_ACCESSIBILITY_SERVICE = {
    "sv": "Mötesplats Social Innovations forsknings- och publikationsdatabas",
    "en": "the research and publication repository of Mötesplats Social Innovation",
}
"""The name of the digital service the statement covers."""

MSI_ACCESSIBILITY_EMAIL = "info@motesplatssocialinnovation.se"
"""Where people report accessibility problems and ask for content in another format."""

MSI_ACCESSIBILITY_PHONE = ""
"""A telephone number for the same, or empty."""

MSI_ACCESSIBILITY_RESPONSE_DAYS = 5
"""Working days within which the body answers a report."""

MSI_ACCESSIBILITY_COMPLIANCE = "partial"
"""``full``, ``partial`` or ``none``: how far the service meets the law (EN 301 549)."""

MSI_ACCESSIBILITY_KNOWN_GAPS = [
    {
        "sv": "PDF-filer och andra dokument som forskare laddar upp granskas inte av oss och kan "
        "sakna taggar, rubriker eller alternativtexter.",
        "en": "PDF files and other documents that researchers upload are not reviewed by us and "
        "may lack tags, headings or text alternatives.",
        "reason": {
            "sv": "Dokumenten är forskarnas egna publikationer. Be oss om en tillgänglig version "
            "så tar vi fram den tillsammans med författarna.",
            "en": "The documents are the researchers' own publications. Ask us for an accessible "
            "version and we will produce it with the authors.",
        },
    },
    {
        "sv": "Filmer som publicerades före den 23 september 2020 kan sakna textning, "
        "syntolkning eller beskrivande transkription.",
        "en": "Films published before 23 September 2020 may lack captions, audio description or "
        "a described transcript.",
        "reason": {
            "sv": "Förinspelad tidsberoende media publicerad före detta datum omfattas inte av "
            "lagens krav.",
            "en": "Pre-recorded time-based media published before that date is outside the law's "
            "requirements.",
        },
    },
    {
        "sv": "Nyare filmer har textning och transkription men inte alltid syntolkning.",
        "en": "Newer films have captions and a transcript, but not always audio description.",
        "reason": {
            "sv": "Vi lägger till syntolkning eller en beskrivande transkription när en film "
            "visar något som inte sägs. Kontakta oss om du saknar den i en film.",
            "en": "We add audio description or a described transcript where a film shows what is "
            "not said. Contact us if a film lacks it.",
        },
    },
]
"""Known gaps, each with the reason it is not (yet) fixed or not covered by the law."""

MSI_ACCESSIBILITY_ASSESSED = "2026-12-01"
"""Date (ISO 8601) of the latest assessment."""

MSI_ACCESSIBILITY_METHOD = {
    "sv": "Självskattning: automatiska tester med axe-core (WCAG 2.1 nivå A och AA) på alla sidor "
    "som besökare och forskare använder, på svenska och engelska, i dator- och mobilbredd, vid "
    "varje ändring av koden, samt manuella tester med tangentbord och skärmläsare.",
    "en": "Self-assessment: automated tests with axe-core (WCAG 2.1 levels A and AA) of every "
    "page visitors and researchers use, in Swedish and English, at desktop and phone width, on "
    "every change of the code, and manual tests with keyboard and screen reader.",
}
"""How the service was assessed."""

MSI_ACCESSIBILITY_PUBLISHED = "2026-12-01"
"""Date (ISO 8601) the statement was first published."""

MSI_ACCESSIBILITY_UPDATED = "2026-12-01"
"""Date (ISO 8601) the statement was last reviewed."""

MSI_ACCESSIBILITY_DIGG_URL = "https://www.digg.se/tdosanmalan"
"""DIGG's form for reporting a body that does not answer or fix an accessibility problem."""

MSI_ACCESSIBILITY_CONTROLLER = MSI_ACCESSIBILITY_BODY
"""Controller of personal data (GDPR) named on the privacy page."""

MSI_ACCESSIBILITY_PRIVACY_EMAIL = MSI_ACCESSIBILITY_EMAIL
"""Where people ask about their personal data; a deployment names its data protection officer."""
