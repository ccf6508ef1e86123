"""Who stands behind the site, as the environment configures it (settings.py, "The operator and the
consultants' inbox"): shown in every footer, on /about/, on /privacy/ and in the consultation consent."""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Operator:
    name: str  # the legal name
    address: str
    phone: str
    email: str
    privacy_email: str  # where requests about personal data go; the general address unless one is set
    icp_record: str
    # A separate company that calls people back, named in the consent (个人信息保护法 第二十三条).
    lead_recipient: str
    lead_recipient_contact: str

    @property
    def has_contact(self):
        return bool(self.phone or self.privacy_email)


def current_operator():
    return Operator(
        name=settings.SITE_OPERATOR,
        address=settings.SITE_OPERATOR_ADDRESS,
        phone=settings.SITE_CONTACT_PHONE,
        email=settings.SITE_CONTACT_EMAIL,
        privacy_email=settings.PRIVACY_CONTACT_EMAIL or settings.SITE_CONTACT_EMAIL,
        icp_record=settings.SITE_ICP_RECORD,
        lead_recipient=settings.LEADS_RECIPIENT,
        lead_recipient_contact=settings.LEADS_RECIPIENT_CONTACT,
    )
