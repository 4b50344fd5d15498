from . import account_collection_method
from . import account_edi_xml_ubl_ro
