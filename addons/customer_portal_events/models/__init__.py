from . import res_partner
from . import signed_document_mixin
