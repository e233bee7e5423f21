import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from .. import factories as f

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name: str = "notitie.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def meeting(body):
    return f.MeetingFactory(body=body)


@pytest.fixture
def other_body_member(region):
    """A member of another body in the same region: sees agendas, not confidential items."""
    other = f.BodyFactory(region=region, name="Overleg Cliëntvertegenwoordigers")
    return f.MembershipFactory(body=other).user


@pytest.fixture
def guest(body):
    return f.MembershipFactory(body=body, role="guest").user
