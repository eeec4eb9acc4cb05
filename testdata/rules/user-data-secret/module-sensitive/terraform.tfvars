partner_key = "pk-0123-4567-89ab-cdef"
