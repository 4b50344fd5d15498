from . import portal
from . import signed_document
