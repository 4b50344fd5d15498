from . import ro_amount_words
