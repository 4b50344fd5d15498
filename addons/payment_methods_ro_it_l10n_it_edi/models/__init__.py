from . import account_collection_method
from . import account_move
