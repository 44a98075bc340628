"""What the plugin derives for a partner, under one name: ``partner.view``."""

from dataclasses import dataclass

from .history import History
from .logos import LogoImage


@dataclass(frozen=True)
class PartnerView:
    """A partner's picture (its processed logo, or a monogram) and its history in the
    language of the pages (what the site's content says about it)."""

    logo_image: LogoImage
    history: History
